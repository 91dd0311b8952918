"""The layout alarm on re-crawls of a local site: quiet re-crawls stay quiet, a changed layout is flagged."""

from __future__ import annotations

from html import escape

from tests.crawl.pagesite import WORDS, article, feed, serve
from tests.crawl.runner import crawl

HTML = "text/html; charset=utf-8"
GOOD = [f"/news/story-{n}.html" for n in range(3)]


def headless(n: int) -> bytes:
    """An article page as a new layout writes it, in which the crawler finds no headline."""
    text = escape(f"Story {n}. {WORDS} {WORDS}")
    return f"<html><body><div class='x-story'><p>{text}</p><p>{text}</p></div></body></html>".encode()


def test_a_page_that_never_gave_an_article_does_not_raise_the_alarm_on_quiet_re_crawls(tmp_path):
    pages = {path: (HTML, article(f"Harbour story {n}")) for n, path in enumerate(GOOD)}
    pages["/news/broken.html"] = (HTML, headless(9))  # dropped as "missing headline" by every run
    pages["/feed.xml"] = ("application/rss+xml", feed([*GOOD, "/news/broken.html", "/news/gone.html"]))
    db = tmp_path / "a.db"
    with serve(pages) as base:
        first = crawl(base, db)
        assert (first["articles_new"], first["dropped"], first["warning"]) == (3, 1, None)
        # Nothing new, nothing due: only the broken page and the dead link are fetched again.
        again = crawl(base, db)
        assert (again["articles_new"], again["dropped"], again["errors"]) == (0, 1, 1)
        assert again["warning"] is None, again["warning"]


def test_pages_that_used_to_give_articles_and_new_pages_giving_none_still_raise_the_alarm(tmp_path):
    pages = {path: (HTML, article(f"Harbour story {n}")) for n, path in enumerate(GOOD)}
    pages["/news/broken.html"] = (HTML, headless(9))
    pages["/feed.xml"] = ("application/rss+xml", feed([*GOOD, "/news/broken.html"]))
    db = tmp_path / "a.db"
    with serve(pages) as base:
        assert crawl(base, db)["articles_new"] == 3
        # The site changes its layout: archived articles, fetched again, give none.
        pages.update({path: (HTML, headless(n)) for n, path in enumerate(GOOD)})
        rechecked = crawl(base, db, "--force")
        assert (
            rechecked["warning"] == "likely layout change: 3 article pages fetched and none gave an article "
            "(4 dropped, 0 errors)"
        )
        # New articles in the new layout: pages never seen before, none giving an article.
        new = [f"/news/new-{n}.html" for n in range(2)]
        pages.update({path: (HTML, headless(10 + n)) for n, path in enumerate(new)})
        pages["/feed.xml"] = ("application/rss+xml", feed([*new, "/news/broken.html"]))
        fresh = crawl(base, db)
        assert (
            fresh["warning"]
            == "likely layout change: 2 article pages fetched and none gave an article (3 dropped, 0 errors)"
        )
