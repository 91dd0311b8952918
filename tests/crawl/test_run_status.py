"""How a crawl's run row ends: failed when nothing could be fetched, interrupted by Ctrl-C, and bad arguments."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsarchive.crawler.run import CrawlError, run_crawl
from newsarchive.store import open_archive

from .mirror import serve_mirror

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=ERROR"]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_crawl_that_cannot_fetch_anything_is_failed_with_every_start_url_recorded(tmp_path):
    db = tmp_path / "archive.db"
    base = f"http://127.0.0.1:{_closed_port()}"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsarchive",
            "crawl",
            "newsweekjapan",
            "--base-url",
            base,
            "--db",
            str(db),
            "--json",
            "-s",
            "RETRY_TIMES=0",
            *FAST,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env=ENV,
    )
    assert proc.returncode == 1, proc.stderr[-2000:]
    run = json.loads(proc.stdout)
    assert (run["status"], run["pages_fetched"], run["errors"]) == ("failed", 0, 8)
    archive = open_archive(str(db))
    try:
        problems = archive.problems(run_id=run["id"])
    finally:
        archive.close()
    # robots.txt, which could not be read (so nothing is fetched: it fails closed), and the profile's feed,
    # sitemap and five listings.
    assert sorted(p["url"].removeprefix(base) for p in problems) == [
        "/column/",
        "/headlines.rss",
        "/headlines/",
        "/headlines/business/",
        "/headlines/world/",
        "/robots.txt",
        "/sitemap.xml",
        "/stories/",
    ]
    assert {p["reason"].split(";")[0] for p in problems} == {"robots.txt unavailable: connection refused"}, [
        (p["url"], p["reason"]) for p in problems
    ]


def test_ctrl_c_ends_the_crawl_gracefully_as_an_interrupted_run(tmp_path):
    db = tmp_path / "archive.db"
    with serve_mirror() as (base, log):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "newsarchive",
                "crawl",
                "newsweekjapan",
                "--base-url",
                base,
                "--db",
                str(db),
                "--json",
                "-s",
                "DOWNLOAD_TIMEOUT=5",
                *FAST,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            env=ENV,
        )
        deadline = time.monotonic() + 30
        while not any(outcome == "hang" for _, outcome in log) and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err[-2000:]
    run = json.loads(out)
    assert run["status"] == "interrupted"
    assert run["close_reason"] == "shutdown"
    assert run["finished_at"] is not None


def test_bad_spider_names_and_arguments_are_clear_errors(tmp_path):
    db = str(tmp_path / "archive.db")
    with pytest.raises(CrawlError, match="unknown spider 'nosuchsite'; known spiders: generic, newsweekjapan"):
        run_crawl("nosuchsite", db)
    with pytest.raises(CrawlError, match="base_url must be an http"):
        run_crawl("newsweekjapan", db, base_url="ftp://127.0.0.1/")
