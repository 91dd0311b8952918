"""End to end: revisions mean what they say — one fetch per article per run, a lagging copy makes no revision."""

from __future__ import annotations

from html import escape

import pytest

from newsarchive.extract.version import EXTRACTOR_VERSION
from newsarchive.store import open_archive

from .localserver import QuietHandler, running
from .runner import crawl

PATH = "/news/2025/03/quake-report.html"
AMP = "/amp" + PATH
TRACKED = PATH + "?utm_source=rss&utm_medium=feed"
LAGGING = PATH + "?utm_source=newsletter"  # a query a lagging cache keeps its own, stale, copy for
FIRST = [
    "石川県で震度5強の地震があった。気象庁によると、この地震による津波の心配はないという。",
    "現在のところ、被害の情報は入っていない。気象庁は今後1週間程度は同程度の地震に注意するよう呼びかけている。",
]
EDITED = [*FIRST, "県によると、輪島市で住宅1棟が全壊した。けが人はいないという。"]


def page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>石川で震度5強</title>'
        f'<link rel="canonical" href="{PATH}"></head><body><article><h1>石川で震度5強</h1>'
        f'<time datetime="2025-03-01T10:00:00+09:00">2025-03-01</time>{body}</article></body></html>'
    ).encode()


def feed(paths: list[str]) -> bytes:
    items = "".join(f"<item><title>t</title><link>{escape(p)}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>n</title>{items}</channel></rss>'.encode()


class Site(QuietHandler):
    pages: dict[str, bytes] = {}  # by path and query; a query not listed gets the path's page
    log: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        self.log.append(self.path)
        body = self.pages.get(self.path) or self.pages.get(self.path.split("?")[0])
        ctype = "application/rss+xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
        self.reply(200 if body else 404, ctype, body or b"not found")


def article_fetches(log: list[str]) -> list[str]:
    return [path for path in log if path != "/feed.xml"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    db = tmp_path_factory.mktemp("revisions") / "archive.db"
    # The feed lists the article's variants before its own URL.
    pages = {"/feed.xml": feed([TRACKED, AMP, PATH]), PATH: page(FIRST), AMP: page(FIRST)}
    log: list[str] = []
    seen = {}
    with running(Site, pages=pages, log=log) as base:

        def run(name: str, *extra: str) -> None:
            log.clear()
            summary = crawl(base, db, *extra)
            with open_archive(str(db)) as archive:
                seen[name] = {
                    "summary": summary,
                    "fetches": article_fetches(log),
                    "history": archive.history(base + PATH, bodies=True),
                    "aliases": archive.get(base + PATH)["aliases"],
                }

        run("first")
        pages[PATH] = page(EDITED)  # edited once; the AMP copy still serves the first text
        run("forced", "--force")
        run("forced again", "--force")
        # Not forced, nothing is due: only the tracked URL no crawl fetched before is asked for, and a lagging
        # cache answers it with the first text.
        pages["/feed.xml"] = feed([LAGGING])
        pages[LAGGING] = page(FIRST)
        run("lagging")
        pages["/feed.xml"] = feed([PATH, AMP])
        pages[PATH] = page(FIRST)  # the publisher takes the addition back
        run("reverted", "--force")
    seen["base"] = base
    return seen


def bodies(history: list[dict]) -> list[str]:
    return [version["body"] for version in history]


def test_each_run_fetches_the_article_once_at_its_own_url_among_the_feeds_variants(runs):
    assert runs["first"]["fetches"] == [PATH]
    assert runs["forced again"]["fetches"] == [PATH]
    assert runs["first"]["summary"]["duplicates"] == 0


def test_one_forced_crawl_of_the_canonical_tracked_and_amp_urls_makes_one_revision_of_one_edit(runs):
    # The reproduction made four revisions here, flipping 242 -> 245 -> 242 -> 245 characters.
    history = runs["forced"]["history"]
    assert [len(v["body"]) for v in history] == [len("\n".join(FIRST)), len("\n".join(EDITED))]
    assert runs["forced"]["summary"]["revisions"] == 1


def test_an_article_edited_while_its_amp_copy_lags_has_two_revisions_after_two_forced_crawls(runs):
    history = runs["forced again"]["history"]
    assert bodies(history) == ["\n".join(FIRST), "\n".join(EDITED)]
    assert [(v["revision"], v["cause"], v["current"]) for v in history] == [(1, None, False), (2, "edit", True)]
    # Extracted in the crawl's worker processes, each version names the extractor that made it.
    assert {v["extractor_version"] for v in history} == {EXTRACTOR_VERSION}


def test_a_stale_copy_from_a_variant_url_is_a_sighting_that_leaves_the_newer_text(runs):
    lagging = runs["lagging"]
    assert lagging["fetches"] == [LAGGING]
    assert bodies(lagging["history"]) == ["\n".join(FIRST), "\n".join(EDITED)]
    assert runs["base"] + LAGGING in lagging["aliases"]
    assert (lagging["summary"]["revisions"], lagging["summary"]["duplicates"]) == (0, 1)


def test_the_articles_own_url_going_back_to_the_first_text_is_a_revision(runs):
    history = runs["reverted"]["history"]
    assert bodies(history) == ["\n".join(FIRST), "\n".join(EDITED), "\n".join(FIRST)]
    assert [v["cause"] for v in history] == [None, "edit", "edit"]
