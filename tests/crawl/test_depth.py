"""DEPTH_LIMIT in real crawls: an article's later pages are not cut by it, and what it cuts is recorded."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from .pagesite import article, feed, serve
from .runner import crawl

HTML = "text/html; charset=utf-8"


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def _page(n: int, last: int) -> tuple[str, bytes]:
    nxt = f'<link rel="next" href="/news/2025/01/long-story_{n + 1}.html">' if n < last else ""
    text = [f"Page {n} of the long harbour story, told a page at a time.", f"More of page {n}: dredging, noise, cost."]
    return HTML, article("The long harbour story", text, head=nxt)


def test_an_article_of_more_pages_than_depth_limit_is_archived_whole(tmp_path):
    # Found in a feed (depth 1), its page 9 was depth 9: DEPTH_LIMIT (8) dropped that request, and with it
    # the article built from pages 1-8, without a problem row.
    pages = {"/feed.xml": ("application/rss+xml", feed(["/news/2025/01/long-story.html"]))}
    pages["/news/2025/01/long-story.html"] = _page(1, 12)
    pages.update({f"/news/2025/01/long-story_{n}.html": _page(n, 12) for n in range(2, 13)})
    db = tmp_path / "a.db"
    with serve(pages) as base:
        run = crawl(base, db)
    assert run["articles_new"] == 1
    [(stored,)] = _rows(db, "SELECT pages FROM articles")
    assert len(json.loads(stored)) == 12
    assert _rows(db, "SELECT url FROM problems") == []


def test_a_link_past_depth_limit_is_recorded_as_dropped(tmp_path):
    # feed (0) -> first (1) -> second (2) -> third (3): past DEPTH_LIMIT 2, the third is not fetched.
    chain = [f"/news/2025/01/chain-story-{n}.html" for n in range(3)]
    pages = {"/feed.xml": ("application/rss+xml", feed(chain[:1]))}
    for n, path in enumerate(chain):
        link = f'<a href="{chain[n + 1]}">next story</a>' if n + 1 < len(chain) else ""
        pages[path] = (HTML, article(f"Chain story {n}", extra=link))
    db = tmp_path / "a.db"
    with serve(pages) as base:
        run = crawl(base, db, "-s", "DEPTH_LIMIT=2", "-s", "NEWSARCHIVE_ARTICLE_HOPS=5")
    assert run["articles_new"] == 2
    assert _rows(db, "SELECT url, kind, reason FROM problems") == [
        (base + chain[2], "dropped", "deeper than DEPTH_LIMIT (2): not followed")
    ]
