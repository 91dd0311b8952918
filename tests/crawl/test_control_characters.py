"""A crawl of a local site whose pages and headers carry terminal escapes: none reaches the archive."""

from __future__ import annotations

import re

from newsarchive.store import open_archive
from tests.crawl.pagesite import article, feed, serve
from tests.crawl.runner import crawl

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HTML = "text/html; charset=utf-8"


def test_control_characters_from_pages_and_headers_are_stripped_from_articles_and_problems(tmp_path):
    escapes = article(
        "Harbour \x1b[2Jvote\x9b31m passes",
        head='<meta property="og:image" content="/img/harbour.jpg?v=\x1b[8m1">'
        '<meta name="author" content="Ann \x07Lee\x7f">'
        '<meta property="article:section" content="Lo\x1b[5mcal">',
        extra='<div class="related"><h2>Related</h2><ul>'
        '<li><a href="/news/other.html?x=\x1b[0m">Other \x1b[1mstory\x85 here</a></li></ul></div>',
    )
    pages = {
        "/news/escapes.html": (HTML, escapes),
        "/news/other.html": (HTML, article("Another story")),
        # Not HTML: the crawl records the server's media type in the problem's reason.
        "/news/clear.html": ("application/\x1b[2J\x1b[Hx-evil", b"\x00\x01binary"),
    }
    pages["/feed.xml"] = ("application/rss+xml", feed(sorted(pages)))
    with serve(pages) as base:
        crawl(base, tmp_path / "a.db")
    with open_archive(str(tmp_path / "a.db")) as archive:
        articles = list(archive.iter_articles())
        stored = [archive.get(a["id"]) for a in articles]
        problems = archive.problems(limit=100)
    escaped = next(a for a in stored if "vote" in a["headline"])
    assert escaped["headline"] == "Harbour [2Jvote31m passes"
    assert escaped["image_url"] == f"{base}/img/harbour.jpg?v=[8m1"
    assert escaped["authors"] == ["Ann Lee"]
    for value in _strings([stored, problems]):
        assert not CONTROL.search(value), value
    reasons = [p["reason"] for p in problems if p["url"].endswith("/news/clear.html")]
    assert reasons and all("\x1b" not in r for r in reasons)
    assert reasons[0] == "not html: application/[2j[hx-evil"  # the media type, lowercased, without its ESCs


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
