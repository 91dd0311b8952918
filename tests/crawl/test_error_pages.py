"""Crawls of a local site serving soft error pages and login walls with HTTP 200: problems, never articles."""

from __future__ import annotations

from newsarchive.store import open_archive
from tests.crawl.pagesite import article, feed, serve
from tests.crawl.runner import crawl
from tests.extract.test_softerror import SOFT_ERRORS

HTML = "text/html; charset=utf-8"


def test_error_pages_and_login_walls_served_with_200_are_recorded_as_problems_not_articles(tmp_path):
    errors = {f"/news/error-{n}.html": phrase for n, phrase in enumerate(SOFT_ERRORS)}
    pages = {path: (HTML, SOFT_ERRORS[phrase].encode()) for path, phrase in errors.items()}
    pages["/news/hiker.html"] = (HTML, article("Missing hiker not found after three days"))
    pages["/news/harbour.html"] = (HTML, article("Council votes to extend the harbour"))
    pages["/feed.xml"] = ("application/rss+xml", feed(sorted(pages)))
    with serve(pages) as base:
        summary = crawl(base, tmp_path / "a.db")
    with open_archive(str(tmp_path / "a.db")) as archive:
        stored = sorted(a["headline"] for a in archive.iter_articles())
        problems = {p["url"].removeprefix(base): p for p in archive.problems(limit=100)}
    assert stored == ["Council votes to extend the harbour", "Missing hiker not found after three days"]
    assert summary["articles_new"] == 2
    for path, phrase in errors.items():
        assert problems[path]["kind"] == "error"
        assert problems[path]["reason"].startswith("soft error page: ")
        assert phrase in problems[path]["reason"]
