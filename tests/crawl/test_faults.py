"""Crawling a site that fails in every way: each good article once, each bad page with its reason, bounded memory."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from newsarchive.store import open_archive

from .faultsite import FaultSite, serve
from .runner import crawl_measured, start

# Peak resident memory of the crawl process. A plain crawl of this site peaks near 120 MB; holding the
# 100 MB page or the inflated gzip bomb in memory would go past this.
RSS_CAP = 200 * 1024 * 1024


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults")
    site = FaultSite(good=12, seed=5)
    with serve(site) as base:
        summary, rss = crawl_measured(base, tmp / "archive.db")
    with open_archive(str(tmp / "archive.db")) as archive:
        articles = list(archive.iter_articles())
        problems = archive.problems(limit=1000)
    return {"site": site, "base": base, "summary": summary, "rss": rss, "articles": articles, "problems": problems}


def test_every_good_article_is_archived_exactly_once_with_its_headline(faulty):
    site, base = faulty["site"], faulty["base"]
    stored = [(a["url"].removeprefix(base), a["headline"]) for a in faulty["articles"]]
    assert sorted(stored) == sorted((path, site.headline(path)) for path in site.good_paths)


def test_pages_that_failed_first_were_retried_until_they_answered(faulty):
    site = faulty["site"]
    flaky = [path for path, codes in FaultSite(good=12, seed=5).failures.items() if codes]
    assert len(flaky) >= 4  # the seed gives enough pages that fail once or twice first
    for path in flaky:
        answers = [status for p, status, _ in site.log if p == path]
        assert answers[-1] == 200 and len(answers) == len(FaultSite(good=12, seed=5).failures[path]) + 1


def test_retry_after_is_honoured_before_retrying_a_429(faulty):
    site = faulty["site"]
    waited = []
    for path in site.good:
        times = [(status, at) for p, status, at in site.log if p == path]
        for (status, at), (_, next_at) in pairwise(times):
            if status == 429:
                waited.append(next_at - at)
    assert waited and min(waited) >= 0.95  # Retry-After: 1


def test_every_bad_page_is_recorded_once_with_its_reason(faulty):
    site, base = faulty["site"], faulty["base"]
    recorded = {p["url"].removeprefix(base): p["reason"] for p in faulty["problems"]}
    assert len(faulty["problems"]) == len(site.bad)
    assert set(recorded) == set(site.bad)
    for path, reason in site.bad.items():
        assert recorded[path].startswith(reason), (path, recorded[path])


def test_japanese_pages_with_a_wrong_or_missing_charset_are_readable(faulty):
    by_path = {a["url"].removeprefix(faulty["base"]): a for a in faulty["articles"]}
    assert "市場関係者によると" in by_path["/news/wrong-charset.html"]["body"]
    assert "市場関係者によると" in by_path["/news/no-charset.html"]["body"]


def test_the_run_finishes_with_the_right_counts(faulty):
    summary, site = faulty["summary"], faulty["site"]
    assert summary["status"] == "finished"
    assert summary["articles_new"] == len(site.good_paths)
    assert summary["errors"] == len(site.bad) and summary["dropped"] == 0
    # The feed, each good page's 200, and the binary and empty pages (the others never answered in full).
    assert summary["pages_fetched"] == 1 + len(site.good_paths) + 2
    assert summary["errors_by_kind"] == {
        "timeout after 1.5 s": 1,
        "connection lost": 1,
        "redirect loop": 1,
        "too large when decompressed": 1,
        "too large": 2,
        "not html": 1,
        "empty page": 1,
    }
    assert summary["dropped_by_reason"] == {}


def test_memory_stays_bounded_with_a_100_mb_page_and_a_gzip_bomb(faulty):
    assert faulty["rss"] < RSS_CAP, f"peak RSS {faulty['rss'] / 2**20:.0f} MB"
    huge = [status for p, status, _ in faulty["site"].log if p.startswith("/news/huge")]
    assert huge  # the crawl did ask for them


def test_two_crawls_into_one_sqlite_archive_at_once_lose_nothing(tmp_path):
    site = FaultSite(good=40, seed=9, flaky=False, bad=False, delay=0.01)
    db = tmp_path / "shared.db"
    with serve(site) as base:
        procs = [start(base, db), start(base, db)]
        outputs = [proc.communicate(timeout=120) for proc in procs]
    summaries = [json.loads(out) for out, _ in outputs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err[-2000:]
        assert "database is locked" not in err
    assert [s["status"] for s in summaries] == ["finished", "finished"]
    with open_archive(str(db)) as archive:
        urls = [a["url"].removeprefix(base) for a in archive.iter_articles()]
        problems = archive.problems(limit=100)
    assert sorted(urls) == sorted(site.good) and not problems
    # Each article was new to exactly one of the two crawls; the other found it unchanged or a duplicate.
    assert sum(s["articles_new"] for s in summaries) == len(site.good)
