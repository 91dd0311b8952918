"""Signals to the crawl's process group and dead workers: the run ends as it should, and no fetched article is lost."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from newsarchive.store import open_archive

from .faultsite import FaultSite, serve
from .runner import ENV, FAST, crawl_command

# Busy: many pages at once, so that extraction and saving are under way when the signal lands.
BUSY = ("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16")


def served(site: FaultSite) -> set[str]:
    """The article pages the site answered with 200: what the crawl fetched."""
    return {path for path, status, _ in site.log if status == 200 and path != "/feed.xml"}


def start_in_group(base: str, db, *extra: str) -> subprocess.Popen:
    """`newsarchive crawl` as the leader of a process group of its own, as a terminal or systemd starts it."""
    return subprocess.Popen(
        crawl_command(base, db, *extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        start_new_session=True,
    )


def finish(proc: subprocess.Popen, timeout: float = 60) -> tuple[dict, str]:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        pytest.fail(f"the crawl hung; stderr ends: {err[-2000:]}")
    return json.loads(out), err


def accounted(db, base: str) -> tuple[set[str], set[str]]:
    """(paths stored as articles, paths recorded as problems) in the archive."""
    with open_archive(str(db)) as archive:
        stored = {a["url"].removeprefix(base) for a in archive.iter_articles()}
        problems = {p["url"].removeprefix(base) for p in archive.problems(limit=100_000)}
    return stored, problems


def wait_for(check, proc: subprocess.Popen, timeout: float = 60):
    end = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < end:
        found = check()
        if found:
            return found
        time.sleep(0.01)
    pytest.fail("the crawl ended, or took too long, before the moment the test waits for")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_to_the_group_of_a_busy_crawl_ends_it_interrupted_with_every_fetched_article_stored(signum, tmp_path):
    site = FaultSite(good=300, seed=1, flaky=False, bad=False)
    db = tmp_path / "archive.db"
    with serve(site) as base:
        proc = start_in_group(base, db, *BUSY)
        wait_for(lambda: len(served(site)) >= 100, proc)
        os.killpg(proc.pid, signum)  # Ctrl-C in a terminal, `timeout`, systemd's KillMode=control-group
        summary, err = finish(proc)
        fetched = served(site)
    assert proc.returncode == 1 and summary["status"] == "interrupted", err[-2000:]
    assert "Traceback" not in err
    stored, problems = accounted(db, base)
    # Graceful: requests in flight finish and every article fetched is stored (none lost, none a problem).
    assert fetched <= stored and not problems
    assert summary["articles_new"] == len(stored) < 300
    with open_archive(str(db)) as archive:
        [run] = archive.runs(limit=5)
    assert run["status"] == "interrupted" and run["finished_at"] is not None


def test_a_second_signal_forces_the_stop_and_the_run_is_still_recorded_as_interrupted(tmp_path):
    site = FaultSite(good=300, seed=1, flaky=False, bad=False)
    db = tmp_path / "archive.db"
    with serve(site) as base:
        proc = start_in_group(base, db, *BUSY)
        wait_for(lambda: len(served(site)) >= 100, proc)
        os.killpg(proc.pid, signal.SIGINT)
        time.sleep(0.05)
        with contextlib.suppress(ProcessLookupError):  # the graceful stop may have been quicker
            os.killpg(proc.pid, signal.SIGINT)
        summary, err = finish(proc)
    assert proc.returncode == 1 and summary["status"] == "interrupted", err[-2000:]
    with open_archive(str(db)) as archive:
        [run] = archive.runs(limit=5)
    # Not left `running` (a live-looking run that a later `flock -n` or run would trip over).
    assert run["status"] == "interrupted" and run["finished_at"] is not None
    assert summary["close_reason"] in ("forced stop", "shutdown")


def children(pid: int) -> list[int]:
    """The processes `pid` started (each of its threads may have started some)."""
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as f:
            found += [int(child) for child in f.read().split()]
    return found


def holds(pid: int, path) -> bool:
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}") == str(path) for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:  # it ended meanwhile
        return False


def worker(proc: subprocess.Popen, db, *, writer: bool) -> int | None:
    """The crawl's archive writer (the worker holding the archive open) or its extraction worker."""
    for child in children(proc.pid):
        try:
            with open(f"/proc/{child}/cmdline", "rb") as f:
                spawned = b"spawn_main" in f.read()
        except OSError:
            continue
        if spawned and holds(child, db) == writer:
            return child
    return None


# Small batches: the writer always holds some when it is killed.
WORKERS = (*BUSY, "-s", "NEWSARCHIVE_BATCH_SIZE=5")


@pytest.mark.parametrize("writer", [True, False], ids=["writer", "extraction worker"])
def test_a_killed_worker_is_started_again_and_the_crawl_stores_every_article(writer, tmp_path):
    site = FaultSite(good=300, seed=1, flaky=False, bad=False)
    db = tmp_path / "archive.db"
    with serve(site) as base:
        proc = start_in_group(base, db, *WORKERS)
        wait_for(lambda: len(served(site)) >= 60, proc)
        os.kill(wait_for(lambda: worker(proc, db, writer=writer), proc), signal.SIGKILL)
        summary, err = finish(proc)
    stored, problems = accounted(db, base)
    assert stored == set(site.good) and not problems
    assert proc.returncode == 0 and summary["status"] == "finished", err[-2000:]
    assert summary["worker_restarts"] == 1


@pytest.mark.parametrize("writer", [True, False], ids=["writer", "extraction worker"])
def test_a_worker_that_dies_more_often_than_it_may_restart_stops_the_crawl_as_failed(writer, tmp_path):
    site = FaultSite(good=300, seed=1, flaky=False, bad=False)
    db = tmp_path / "archive.db"
    with serve(site) as base:
        proc = start_in_group(base, db, *WORKERS, "-s", "NEWSARCHIVE_WORKER_RESTARTS=0")
        wait_for(lambda: len(served(site)) >= 60, proc)
        os.kill(wait_for(lambda: worker(proc, db, writer=writer), proc), signal.SIGKILL)
        summary, err = finish(proc)
        fetched = served(site)
    what = "archive writer" if writer else "extraction worker"
    assert proc.returncode == 1 and summary["status"] == "failed", err[-2000:]
    assert summary["failure"].startswith(f"the {what} died once")
    assert f"newsarchive: error: 127.0.0.1: the {what} died once" in err
    # What it had fetched is stored or recorded URL by URL.
    stored, problems = accounted(db, base)
    assert fetched <= stored | problems
    assert summary["errors"] == len(problems) > 0


def test_ctrl_c_during_crawl_all_stops_the_current_site_gracefully_and_crawls_no_other(tmp_path):
    first, second = FaultSite(good=300, seed=1, flaky=False, bad=False), FaultSite(good=5, flaky=False, bad=False)
    db, config = tmp_path / "archive.db", tmp_path / "newsarchive.toml"
    fast = ", ".join(f'{name} = "{value}"' for name, value in (s.split("=", 1) for s in FAST[1::2]))
    with serve(first) as one, serve(second) as two:
        config.write_text(
            f'db = "{db}"\n[defaults]\nconcurrency = 16\nsettings = {{ {fast} }}\n'
            f'[sites.first]\nurl = "{one}/feed.xml"\n[sites.second]\nurl = "{two}/feed.xml"\n'
        )
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsarchive", "crawl", "--all", "--config", str(config), "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
            start_new_session=True,
        )
        wait_for(lambda: len(served(first)) >= 100, proc)
        os.killpg(proc.pid, signal.SIGINT)
        [summary], err = finish(proc)
        fetched = served(first)
    assert proc.returncode == 1 and summary["status"] == "interrupted", err[-2000:]
    assert "newsarchive: interrupted; not crawled: second" in err
    stored, problems = accounted(db, one)
    assert fetched <= stored and not problems
    with open_archive(str(db)) as archive:
        assert [(run["site"], run["status"]) for run in archive.runs(limit=5)] == [("first", "interrupted")]
    assert not served(second)
