"""A crawl into an archive on a full disk fails, exit 1, with one line naming the cause, and no layout alarm."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from .faultsite import FaultSite, serve
from .runner import ENV, crawl_command

DISK_KB = 1200  # a filesystem a few hundred articles fill


def in_small_filesystem(disk, script: str) -> subprocess.CompletedProcess:
    """Run `script` with a DISK_KB tmpfs mounted at `disk`, in a mount namespace of its own (no root
    needed where user namespaces are allowed, and nothing to unmount afterwards)."""
    mount = f"mount -t tmpfs -o size={DISK_KB}k tmpfs {shlex.quote(str(disk))} || exit 99\n"
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", mount + script], env=ENV, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def disk(tmp_path):
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare(1) to mount a small filesystem")
    probe = in_small_filesystem(tmp_path, "true")
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs in a user and mount namespace here: {probe.stderr.strip()[-300:]}")
    path = tmp_path / "disk"
    path.mkdir()
    return path


def crawl_line(base: str, db, out, *extra: str) -> str:
    """A shell line: the crawl, its JSON summary to out.json, its stderr to out.err, its exit status to out.rc.

    Its WARC files go beside `out`, off the small disk (unless `extra` says otherwise): it is the archive that
    fills the disk here (tests/crawl/test_captures.py fills it with WARC files)."""
    warc = ("-s", f"NEWSARCHIVE_WARC_DIR={out}-warc")
    cmd = " ".join(shlex.quote(part) for part in crawl_command(base, db, *warc, *extra))
    return f"{cmd} > {out}.json 2> {out}.err; echo $? > {out}.rc\n"


def result(out) -> tuple[int, dict, str]:
    rc = int(Path(f"{out}.rc").read_text())
    err = Path(f"{out}.err").read_text()
    text = Path(f"{out}.json").read_text()
    return rc, (json.loads(text) if text.strip() else {}), err


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("newsarchive: ")]


def test_a_crawl_that_fills_the_disk_fails_with_one_line_saying_why(disk, tmp_path):
    site = FaultSite(good=300, seed=1, flaky=False, bad=False)
    db, out = disk / "archive.db", tmp_path / "crawl"
    with serve(site) as base:
        in_small_filesystem(disk, crawl_line(base, db, out))
    rc, summary, err = result(out)
    assert rc == 1 and summary["status"] == "failed", err[-2000:]
    assert 0 < summary["articles_new"] < 300
    [line] = error_lines(err)
    assert line.startswith("newsarchive: error: 127.0.0.1: archive not writable: ")
    # When the disk is so full that the run row cannot be finished either, the line goes on to say so.
    assert "database or disk is full" in line and " articles not saved)" in line
    assert summary["failure"] in line and summary["warning"] is None


def test_a_crawl_into_an_archive_on_a_full_disk_fails_and_is_not_taken_for_a_layout_change(disk, tmp_path):
    first, second = (FaultSite(good=n, seed=n, flaky=False, bad=False) for n in (20, 40))
    db, out = disk / "archive.db", tmp_path / "crawl"
    with serve(first) as old, serve(second) as new:
        # The site's articles so far, then a disk filled by something else with a little room left,
        # then new articles on the same site (127.0.0.1: another port is the same site).
        fill = f"cat /dev/zero > {disk}/fill 2>/dev/null; truncate -s -100k {disk}/fill\n"
        in_small_filesystem(disk, crawl_line(old, db, f"{out}-1") + fill + crawl_line(new, db, f"{out}-2"))
    rc, summary, err = result(f"{out}-1")
    assert rc == 0 and summary["articles_new"] == 20, err[-2000:]
    rc, summary, err = result(f"{out}-2")
    assert rc == 1 and summary["status"] == "failed", err[-2000:]
    assert summary["articles_new"] == 0 and summary["warning"] is None
    assert "likely layout change" not in err
    [line] = error_lines(err)
    assert line.startswith("newsarchive: error: 127.0.0.1: archive not writable: ")
    assert "database or disk is full" in line and "(40 articles not saved)" in line
