"""Running `newsarchive crawl` as a subprocess of the tests, on this tree, with fast local settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}

# No pauses the tests do not need; small pages; a short timeout; robots.txt and link following off.
FAST = [
    "-s",
    "AUTOTHROTTLE_ENABLED=False",
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "LOG_LEVEL=WARNING",
    "-s",
    "DOWNLOAD_TIMEOUT=1.5",
    "-s",
    "RETRY_TIMES=2",
    "-s",
    "NEWSARCHIVE_RETRY_BACKOFF=0.2",
    "-s",
    "DOWNLOAD_MAXSIZE=2000000",
    "-s",
    "DOWNLOAD_WARNSIZE=1000000",
    "-s",
    "ROBOTSTXT_OBEY=False",
    "-s",
    "NEWSARCHIVE_ARTICLE_HOPS=0",
    "-s",
    "NEWSARCHIVE_PROGRESS_INTERVAL=0",
]

# Runs the command and prints its peak resident memory (KiB on Linux): the only child of a fresh parent.
_MEASURE = (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)"
)


def crawl_command(base: str, db: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newsarchive",
        "crawl",
        "--url",
        base + "/feed.xml",
        "--db",
        str(db),
        "--json",
        *FAST,
        *extra,
    ]


def crawl(base: str, db: Path, *extra: str, ok: bool = True) -> dict:
    proc = subprocess.run(crawl_command(base, db, *extra), capture_output=True, text=True, timeout=120, env=ENV)
    if ok:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return {**json.loads(proc.stdout), "stderr": proc.stderr, "returncode": proc.returncode}


def crawl_measured(base: str, db: Path, *extra: str) -> tuple[dict, int]:
    """The crawl's summary and its peak RSS in bytes."""
    cmd = [sys.executable, "-c", _MEASURE, *crawl_command(base, db, *extra)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=ENV)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout), int(proc.stderr.strip().splitlines()[-1]) * 1024


def start(base: str, db: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        crawl_command(base, db, *extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV
    )
