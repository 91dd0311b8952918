"""Progress of a real crawl: a live line redrawn in place on a terminal (a pseudo-terminal here), log lines else."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import termios
import threading

from tests.crawl.pagesite import article, feed, serve
from tests.crawl.runner import ENV, crawl_command

HTML = "text/html; charset=utf-8"
ARTICLES = [f"/news/story-{n}.html" for n in range(6)]
# The articles answer one after another over about two seconds, so the crawl outlives a few refreshes and
# its articles wait in the writer's batch (50 articles) until the crawl ends.
DELAYS = {path: 0.3 * (n + 1) for n, path in enumerate(ARTICLES)}
SLOW = ["-s", "DOWNLOAD_TIMEOUT=20"]  # the runner's 1.5 s would cut the slowest
FRAME = re.compile(r"\[newsarchive \d+:\d\d\] \d+ pages \([\d.]+/s\), (\d+) articles stored \(.*?\), (\d+) pending")


def _site() -> dict:
    pages = {path: (HTML, article(f"Harbour story number {n}")) for n, path in enumerate(ARTICLES)}
    pages["/feed.xml"] = ("application/rss+xml", feed(ARTICLES))
    return pages


def _read_all(fd: int, into: bytearray) -> None:
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: every process holding the terminal has closed it
            return
        if not chunk:
            return
        into.extend(chunk)


def test_on_a_terminal_progress_is_one_live_line_redrawn_in_place_and_erased_at_the_end(tmp_path):
    with serve(_site(), DELAYS) as base:
        command = crawl_command(
            base,
            tmp_path / "a.db",
            *SLOW,
            "-s",
            "NEWSARCHIVE_PROGRESS_INTERVAL=30",
            "-s",
            "NEWSARCHIVE_PROGRESS_REFRESH=0.3",
        )
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))  # a 160-column terminal
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL, env=ENV)
        os.close(slave)
        output = bytearray()
        reader = threading.Thread(target=_read_all, args=(master, output), daemon=True)
        reader.start()
        stdout, _ = proc.communicate(timeout=120)
        reader.join(timeout=10)
        os.close(master)
    assert proc.returncode == 0, output.decode(errors="replace")[-2000:]
    assert json.loads(stdout)["articles_new"] == 6
    screen = output.decode()
    frames = [segment for segment in screen.split("\r") if "[newsarchive" in segment]
    assert len(frames) >= 2  # redrawn, not printed once
    for frame in frames:
        assert frame.startswith("[newsarchive") and "\n" not in frame  # each drawn over the last, never scrolled
    # What was extracted and waits for the writer shows as pending, not as nothing.
    assert any(int(m.group(1)) == 0 and int(m.group(2)) > 0 for m in map(FRAME.search, frames) if m)
    # The crawl ends by blanking the line: the summary below starts on a clean screen.
    last = screen.rsplit("[newsarchive", 1)[1]
    assert re.fullmatch(r"[^\r\n]*\r +\r(?:\r?\n|.)*", last, re.S)
    assert "[newsarchive" not in screen.rsplit("\r", 1)[1]


def test_in_a_log_progress_is_one_line_per_interval_with_stored_and_pending(tmp_path):
    with serve(_site(), DELAYS) as base:
        command = crawl_command(base, tmp_path / "a.db", *SLOW, "-s", "NEWSARCHIVE_PROGRESS_INTERVAL=0.5")
        proc = subprocess.run(command, capture_output=True, text=True, timeout=120, env=ENV)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = [line for line in proc.stderr.splitlines() if line.startswith("[newsarchive")]
    assert lines and "\r" not in proc.stderr
    assert all(FRAME.search(line) and line.endswith(" errors") for line in lines)
    assert any(int(m.group(2)) > 0 for m in map(FRAME.search, lines) if m)
