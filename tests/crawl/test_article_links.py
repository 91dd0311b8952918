"""A crawl from a site's home page without a profile: which of its links are fetched as articles, and the count
of those that are not."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from newsarchive.store import open_archive

from .localserver import QuietHandler, running
from .pagesite import article
from .runner import ENV, crawl_command

# Articles named the ways sites name them: a date, a machine-made id, a long number, a slug, an id in the
# query, a year before a name.
ARTICLES = {
    "/2025/01/18/harbour-vote.html": "Council votes on the harbour",
    "/news/articles/clymn8zyrp9o": "Dredging to start in spring",
    "/world/483520.php": "Port authority answers residents",
    "/politics/council-votes-to-extend-the-harbour": "Harbour extension approved",
    "/story?id=104746419": "Fishermen fear the noise",
    "/blog/2023/dredging": "What dredging costs",
}
# Pages a home page links to that are no article: section fronts, tags, authors, categories, pages of a
# listing, services, search, login, a month's archive.
NOT_ARTICLES = [
    "/world/",
    "/us-news/",
    "/tag/harbour",
    "/author/jane-smith",
    "/autor/max-mustermann",
    "/category/politics",
    "/news/page/2",
    "/about",
    "/search?q=harbour",
    "/login",
    "/2025/01/",
]
# Linked from the first article only: an article of the same shape (found by one hop), and a page of another
# shape that a slug alone would have taken for one.
HOP_ARTICLE = "/2025/01/19/dredging-begins.html"
OTHER_SHAPE = "/shop/harbour-cruise-gift-card-offer"
# Linked from the first article's footer only: shaped like an article, but furniture of every page.
FOOTER_ONLY = "/2025/01/01/our-promise-to-readers.html"


def _links(paths: list[str]) -> str:
    return "".join(f'<li><a href="{p}">{p}</a></li>' for p in paths)


def site_pages() -> dict[str, bytes]:
    home = f"<html><body><ul>{_links([*ARTICLES, *NOT_ARTICLES])}</ul></body></html>".encode()
    pages = {"/": home, HOP_ARTICLE: article("Dredging begins"), OTHER_SHAPE: article("Gift cards for cruises")}
    pages[FOOTER_ONLY] = article("Our promise to readers")
    for path, headline in ARTICLES.items():
        extra = _links([HOP_ARTICLE, OTHER_SHAPE, "/world/"]) if path.startswith("/2025/01/18/") else ""
        pages[path] = article(headline, extra=extra)
        if extra:
            footer = f"<footer><a href='{FOOTER_ONLY}'>Our promise</a></footer>".encode()
            pages[path] = pages[path].replace(b"<footer>Harbour Gazette</footer>", footer)
    for path in NOT_ARTICLES:  # every one answers with a page that would be stored if it were fetched as one
        pages[path] = article(f"Listing {path}")
    return pages


class _Site(QuietHandler):
    pages: dict[str, bytes] = {}
    asked: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        self.asked.append(self.path)
        body = self.pages.get(self.path)
        self.reply(200 if body else 404, "text/html; charset=utf-8", body or b"<html><body>Not Found</body></html>")


def crawl_home(tmp_path: Path, hops: int) -> tuple[dict, list[str], set[str]]:
    """Crawl the site from its home page; the summary, the paths the site was asked for, the stored paths."""
    asked: list[str] = []
    db = tmp_path / f"hops{hops}.db"
    with running(_Site, pages=site_pages(), asked=asked) as base:
        command = crawl_command(base, db, "-s", f"NEWSARCHIVE_ARTICLE_HOPS={hops}")
        command[command.index("--url") + 1] = base + "/"
        proc = subprocess.run(command, capture_output=True, text=True, timeout=120, env=ENV)
        assert proc.returncode == 0, proc.stderr[-3000:]
        archive = open_archive(str(db))
        try:
            stored = {a["url"].removeprefix(base) for a in archive.iter_articles()}
        finally:
            archive.close()
    return json.loads(proc.stdout), asked, stored


@pytest.fixture(scope="module")
def no_hops(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, list[str], set[str]]:
    return crawl_home(tmp_path_factory.mktemp("links"), hops=0)


def test_a_home_page_crawl_stores_articles_of_every_common_url_shape(no_hops):
    run, _, stored = no_hops
    assert run["status"] == "finished"
    assert stored == set(ARTICLES)


def test_a_home_page_crawl_never_requests_sections_tags_authors_or_services(no_hops):
    _, asked, _ = no_hops
    assert sorted(p for p in asked if p != "/robots.txt") == sorted(["/", *ARTICLES])


def test_the_run_summary_counts_the_links_skipped_as_not_articles(no_hops):
    run, _, _ = no_hops
    assert run["links_not_article"] == len(NOT_ARTICLES)


def test_links_out_of_an_article_are_followed_only_when_shaped_like_it_and_not_in_its_footer(tmp_path):
    run, asked, stored = crawl_home(tmp_path, hops=1)
    assert stored == {*ARTICLES, HOP_ARTICLE}
    assert OTHER_SHAPE not in asked and FOOTER_ONLY not in asked
    # The home page's eleven, the other-shaped page, the footer's link and the articles' link back home,
    # each counted once.
    assert run["links_not_article"] == len(NOT_ARTICLES) + 3
