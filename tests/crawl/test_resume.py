"""SIGKILL a crawl at random moments and resume: the archive ends as an uninterrupted crawl's; SIGTERM is graceful."""

from __future__ import annotations

import json
import random
import signal
import time

import pytest

from newsarchive.store import open_archive

from .faultsite import FaultSite, serve
from .runner import crawl, start

# Small batches so that a kill usually lands with some articles written and others still in memory.
RESUME = ("-s", "NEWSARCHIVE_BATCH_SIZE=3", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2")


def contents(db) -> list[tuple[str, str, str]]:
    with open_archive(str(db)) as archive:
        return sorted((a["url"].split("/", 3)[3], a["headline"], a["body"]) for a in archive.iter_articles())


def served(site: FaultSite) -> int:
    return sum(path != "/feed.xml" for path, *_ in site.log)


def wait_until_served(site: FaultSite, pages: int, proc, timeout: float = 30) -> None:
    """Until the site has answered `pages` article requests (or the crawl ended)."""
    end = time.monotonic() + timeout
    while served(site) < pages and proc.poll() is None and time.monotonic() < end:
        time.sleep(0.005)


@pytest.fixture(scope="module")
def site():
    return FaultSite(good=30, seed=3, flaky=False, bad=False, delay=0.05)


def test_killed_and_resumed_crawls_archive_what_an_uninterrupted_crawl_does(site, tmp_path):
    rng = random.Random(2025)
    with serve(site) as base:
        crawl(base, tmp_path / "reference.db", *RESUME)
        resumed = tmp_path / "resumed.db"
        kills = 0
        for _ in range(3):
            proc = start(base, resumed, *RESUME)
            # A random point of the crawl: after 0 to 20 more article pages were answered.
            wait_until_served(site, served(site) + rng.randint(0, 20), proc)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.communicate(timeout=30)
        final = crawl(base, resumed, *RESUME)
    assert kills >= 2
    reference = contents(tmp_path / "reference.db")
    assert len(reference) == 30
    assert contents(resumed) == reference
    assert final["status"] == "finished" and final["errors"] == 0
    with open_archive(str(resumed)) as archive:
        runs = archive.runs(limit=10)
    # The killed runs are closed as interrupted by the next run instead of staying "running" for ever.
    assert all(run["status"] in ("finished", "interrupted") for run in runs)
    assert sum(run["status"] == "interrupted" for run in runs) >= kills - 1


def test_sigterm_stops_the_crawl_gracefully_as_an_interrupted_run(tmp_path):
    slow = FaultSite(good=30, seed=3, flaky=False, bad=False, delay=0.3)
    with serve(slow) as base:
        proc = start(base, tmp_path / "archive.db", *RESUME)
        wait_until_served(slow, 4, proc)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    summary = json.loads(out)
    assert proc.returncode == 1 and summary["status"] == "interrupted", err[-2000:]
    with open_archive(str(tmp_path / "archive.db")) as archive:
        stored = len(list(archive.iter_articles()))
    # What was fetched before the signal is stored, and the run says how much.
    assert stored == summary["articles_new"] > 0
