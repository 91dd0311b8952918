"""Crawling discovery bombs: each is cut where its cap says, recorded with its URL and reason, memory bounded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsarchive.store import open_archive

from .bombsite import BIG_FEED_ITEMS, BIG_PAGE_LINKS, GOOD, MISSING, SITEMAP_CHILDREN, serve
from .runner import _MEASURE, ENV, crawl_command
from .test_faults import RSS_CAP

# The big feed and page are over the fast settings' 2 MB; these are the project's own limits.
FULL_SIZE = ["-s", "DOWNLOAD_MAXSIZE=20971520", "-s", "DOWNLOAD_WARNSIZE=0"]


def crawl_bomb(url: str, db: Path, *extra: str) -> tuple[dict, int, list[dict]]:
    """`newsarchive crawl --url URL`: its summary, its peak RSS in bytes and its problem rows."""
    cmd = crawl_command("", db, *extra)
    cmd[cmd.index("/feed.xml")] = url
    proc = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, timeout=120, env=ENV)
    assert proc.stdout, proc.stderr[-3000:]
    with open_archive(str(db)) as archive:
        problems = archive.problems(limit=1000)
        stored = sorted(a["url"] for a in archive.iter_articles())
    summary = {**json.loads(proc.stdout), "stored": stored}
    return summary, int(proc.stderr.strip().splitlines()[-1]) * 1024, problems


def test_an_endless_sitemap_index_is_read_to_its_depth_and_count_limits_and_the_cuts_recorded(tmp_path):
    depth, most = 2, 50
    with serve() as (base, log):
        summary, rss, problems = crawl_bomb(
            base + "/trap.xml",
            tmp_path / "a.db",
            *("-s", f"NEWSARCHIVE_SITEMAP_DEPTH={depth}", "-s", f"NEWSARCHIVE_MAX_SITEMAPS={most}"),
        )
    assert summary["stored"] == sorted(base + path for path in GOOD)  # the real sitemap in the index was read
    nested = [path for path in log if path.startswith("/trap-")] + [p for p in log if p == "/sitemaps/good.xml"]
    assert len(nested) == most and len(set(nested)) == most
    # The top index lists good.xml and 10 indexes (depth 1); the rest of the 50 are 39 of their 100 children
    # (depth 2). The other 61 are over the count; the 390 children of those 39 are over the depth.
    first_level = SITEMAP_CHILDREN + 1
    second_level = most - first_level
    over_count = SITEMAP_CHILDREN * SITEMAP_CHILDREN - second_level
    rows = {p["reason"].split(" (")[0]: p for p in problems}
    assert set(rows) == {
        f"sitemaps not read: {over_count} over the limit of {most} sitemaps per run",
        f"sitemaps not read: {second_level * SITEMAP_CHILDREN:,} nested more than {depth} sitemap indexes deep",
    }
    assert all(p["url"].startswith(base + "/trap-") for p in problems)
    assert rss < RSS_CAP


def test_a_gzip_sitemap_inflating_to_256_mb_is_read_a_chunk_at_a_time_and_its_cut_recorded(tmp_path):
    limit = 16 * 1024 * 1024  # a third of the default, to keep the test short (the default peaks near 115 MB)
    with serve() as (base, _):
        summary, rss, problems = crawl_bomb(
            base + "/sitemap.xml.gz", tmp_path / "a.db", "-s", f"NEWSARCHIVE_INFLATED_BYTES={limit}"
        )
    assert summary["stored"] == sorted(base + path for path in GOOD)  # the entries before the cut
    assert [(p["url"], p["reason"]) for p in problems] == [
        (
            base + "/sitemap.xml.gz",
            f"sitemap cut: over the {limit:,} byte limit when decompressed (NEWSARCHIVE_INFLATED_BYTES), "
            "the rest not read",
        )
    ]
    assert rss < RSS_CAP, f"peak RSS {rss / 2**20:.0f} MB"


def test_a_response_with_400_mb_of_set_cookie_headers_fails_with_its_reason_in_bounded_memory(tmp_path):
    with serve() as (base, log):
        summary, rss, problems = crawl_bomb(base + "/cookies.xml", tmp_path / "a.db")
    assert [(p["url"], p["reason"]) for p in problems] == [
        (base + "/cookies.xml", "headers too large: over the 262,144 byte limit (NEWSARCHIVE_MAX_HEADER_BYTES)")
    ]
    assert log == ["/cookies.xml"]  # not retried: the server would only send them again
    assert rss < RSS_CAP, f"peak RSS {rss / 2**20:.0f} MB"


def test_a_response_with_headers_under_the_limit_is_read_as_usual(tmp_path):
    with serve() as (base, _):
        summary, _, problems = crawl_bomb(base + "/cookies.xml?bytes=200000", tmp_path / "a.db")
    assert summary["stored"] == sorted(base + path for path in GOOD) and not problems


def test_a_feed_of_50000_items_is_read_up_to_the_entry_limit_and_the_cut_recorded(tmp_path):
    limit = 100
    with serve() as (base, log):
        summary, rss, problems = crawl_bomb(
            base + "/big-feed.xml", tmp_path / "a.db", *FULL_SIZE, "-s", f"NEWSARCHIVE_FEED_ENTRIES={limit}"
        )
    assert limit < BIG_FEED_ITEMS
    assert summary["stored"] == sorted(base + path for path in GOOD)
    assert len([path for path in log if path.startswith(MISSING)]) == limit - len(GOOD)
    cut = [p for p in problems if not p["reason"].startswith("HTTP 404")]
    assert [(p["url"], p["reason"]) for p in cut] == [
        (base + "/big-feed.xml", f"feed cut: more than {limit} entries (NEWSARCHIVE_FEED_ENTRIES), the rest not read")
    ]
    assert rss < RSS_CAP, f"peak RSS {rss / 2**20:.0f} MB"


def test_a_page_of_100000_links_is_followed_up_to_the_link_limit_and_the_cut_recorded(tmp_path):
    limit = 100
    with serve() as (base, log):
        summary, rss, problems = crawl_bomb(
            base + "/links.html", tmp_path / "a.db", *FULL_SIZE, "-s", f"NEWSARCHIVE_PAGE_LINKS={limit}"
        )
    assert limit < BIG_PAGE_LINKS
    assert summary["stored"] == sorted(base + path for path in GOOD)
    assert len([path for path in log if path.startswith(MISSING)]) == limit - len(GOOD)
    cut = [p for p in problems if not p["reason"].startswith("HTTP 404")]
    assert [(p["url"], p["reason"]) for p in cut] == [
        (
            base + "/links.html",
            f"links cut: more than {limit} links on the page (NEWSARCHIVE_PAGE_LINKS), the rest not followed",
        )
    ]
    assert rss < RSS_CAP, f"peak RSS {rss / 2**20:.0f} MB"


def test_a_sitemap_of_50000_articles_waits_in_a_backlog_rather_than_the_scheduler(tmp_path):
    # Stopped after a few hundred pages: the cost is in scheduling 50,000 requests at once (about 260 MB).
    with serve() as (base, log):
        summary, rss, problems = crawl_bomb(
            base + "/big-sitemap.xml?entries=50000", tmp_path / "a.db", *FULL_SIZE, "-s", "CLOSESPIDER_PAGECOUNT=300"
        )
    assert len(log) < 1000
    assert rss < RSS_CAP, f"peak RSS {rss / 2**20:.0f} MB"


def test_every_entry_of_a_sitemap_is_fetched_once_however_small_the_batches_from_the_backlog(tmp_path):
    entries = 400
    with serve() as (base, log):
        summary, rss, problems = crawl_bomb(
            base + f"/big-sitemap.xml?entries={entries}", tmp_path / "a.db", "-s", "NEWSARCHIVE_QUEUED_ENTRIES=50"
        )
    articles = [path for path in log if path.startswith("/news/")]
    assert len(articles) == len(set(articles)) == entries
    assert summary["stored"] == sorted(base + path for path in GOOD)  # the last three of the sitemap
    assert summary["status"] == "finished" and not [p for p in problems if not p["reason"].startswith("HTTP 404")]
