"""WARC captures: every response a crawl reads is kept in WARC/1.1 files that warcio's own tools accept, and every
article links the records of its pages; revisits, decoded bodies, rotation, kills, full disks, turning it off."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from newsarchive.crawler.warcread import read_capture

from .capturesite import ARTICLES, GZIPPED, PAGE_TWO, CaptureSite
from .capturesite import serve as serve_captures
from .faultsite import FaultSite
from .faultsite import serve as serve_faults
from .runner import ENV, crawl, crawl_command, start
from .test_full_disk import crawl_line as shell_crawl_line
from .test_full_disk import error_lines, in_small_filesystem, result

WARCIO = str(Path(sys.executable).with_name("warcio"))
PROFILE = "http://netpreserve.org/warc/1.1/revisit/"


def warc_files(db: Path) -> list[Path]:
    return sorted((db.parent / f"{db.stem}-warc").rglob("*.warc.gz"))


def records(path: Path) -> list[dict]:
    """Every record of a WARC file: its type, headers, HTTP headers and payload."""
    out = []
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            out.append(
                {
                    "type": record.rec_type,
                    "warc": dict(record.rec_headers.headers),
                    "http": record.http_headers,
                    "payload": record.content_stream().read(),
                }
            )
    return out


def capture_rows(db: Path) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute("SELECT * FROM captures ORDER BY id")]


def cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsarchive", *args, "--db", str(db)], capture_output=True, env=ENV, timeout=60
    )


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("captures") / "archive.db"
    site = CaptureSite()
    with serve_captures(site) as base:
        first = crawl(base, db)
        first_files = warc_files(db)
        crawl(base, db, "--force")  # the same bodies again: revisits, no second copy
        command = crawl_command(base, db, "--force")
        command[command.index(base + "/feed.xml")] = base + "/"  # the home page: a listing
        home = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=120)
        assert home.returncode == 0, home.stderr
    return {"db": db, "base": base, "site": site, "first": first, "first_files": first_files}


def test_a_crawl_keeps_a_capture_of_every_article_page_feed_and_listing(crawled):
    db, base = crawled["db"], crawled["base"]
    rows = capture_rows(db)
    first_run = {row["url"].removeprefix(base) for row in rows if row["run_id"] == 1}
    assert first_run == {"/feed.xml", *ARTICLES, PAGE_TWO}
    assert any(row["url"] == base + "/" for row in rows)  # the home page, read as a listing
    assert len({row["record_id"] for row in rows}) == len(rows)
    assert all(row["warc_file"].startswith("127.0.0.1/") for row in rows)


def test_every_article_links_the_captures_of_all_its_pages(crawled):
    db, base = crawled["db"], crawled["base"]
    proc = cli("captures", base + ARTICLES[3], "--json", db=db)
    assert proc.returncode == 0, proc.stderr
    import json

    listed = json.loads(proc.stdout)
    first = [row for row in listed if row["run_id"] == 1]
    assert [(row["page"], row["url"].removeprefix(base), row["kind"]) for row in first] == [
        (1, ARTICLES[3], "response"),
        (2, PAGE_TWO, "response"),
    ]
    assert all(row["current"] for row in listed)


def test_warcio_check_and_index_accept_every_file(crawled):
    files = warc_files(crawled["db"])
    assert len(files) == 3  # one per crawl process
    for path in files:
        check = subprocess.run([WARCIO, "check", "-v", str(path)], capture_output=True, text=True)
        assert check.returncode == 0 and "digest pass" in check.stdout, check.stdout + check.stderr
        index = subprocess.run([WARCIO, "index", str(path)], capture_output=True, text=True)
        assert index.returncode == 0 and index.stdout.count("\n") >= 3, index.stderr
        kinds = [record["type"] for record in records(path)]
        assert kinds[0] == "warcinfo" and "warcinfo" not in kinds[1:]


def test_each_response_has_a_concurrent_request_record_and_the_warcinfo_says_who_and_robots(crawled):
    [path] = crawled["first_files"]
    found = records(path)
    info = found[0]["payload"].decode()
    assert "software: newsarchive/" in info and "robots: ignore" in info  # the tests crawl with ROBOTSTXT_OBEY off
    responses = {r["warc"]["WARC-Record-ID"]: r for r in found if r["type"] == "response"}
    requests = [r for r in found if r["type"] == "request"]
    assert len(requests) == len(responses) == 6
    for request in requests:
        response = responses[request["warc"]["WARC-Concurrent-To"]]
        assert request["warc"]["WARC-Target-URI"] == response["warc"]["WARC-Target-URI"]
        assert request["http"].protocol == "GET" and request["http"].statusline.endswith(" HTTP/1.1")
    assert found[0]["warc"]["WARC-Filename"] == path.name


def test_a_gzip_encoded_response_is_kept_decoded_with_headers_that_match(crawled):
    [path] = crawled["first_files"]
    [record] = [r for r in records(path) if r["type"] == "response" and r["warc"]["WARC-Target-URI"].endswith(GZIPPED)]
    http = record["http"]
    assert record["payload"] == crawled["site"].body(GZIPPED)
    assert http.get_header("Content-Encoding") is None
    assert http.get_header("X-Archive-Orig-Content-Encoding") == "gzip"
    assert int(http.get_header("Content-Length")) == len(record["payload"])
    assert http.get_header("X-Archive-Orig-Content-Length") is not None  # the gzip's length, as sent
    assert http.get_statuscode() == "200"


def test_the_same_payload_again_is_a_revisit_that_refers_to_the_first_capture(crawled):
    db, base = crawled["db"], crawled["base"]
    rows = capture_rows(db)
    first = {row["url"]: row for row in rows if row["run_id"] == 1}
    again = [row for row in rows if row["run_id"] == 2]
    assert {row["url"] for row in again} == set(first) and all(row["kind"] == "revisit" for row in again)
    for row in again:
        assert row["refers_to"] == first[row["url"]]["record_id"]
        assert row["payload_digest"] == first[row["url"]]["payload_digest"]
    second_file = next(
        path
        for path in warc_files(db)
        if path not in crawled["first_files"]
        and "revisit" in [r["type"] for r in records(path)]
        and any(r["warc"].get("WARC-Target-URI") == base + "/feed.xml" for r in records(path))
    )
    found = records(second_file)
    assert "response" not in [r["type"] for r in found]
    for record in (r for r in found if r["type"] == "revisit"):
        assert record["warc"]["WARC-Profile"] == PROFILE + "identical-payload-digest"
        original = first[record["warc"]["WARC-Target-URI"]]
        assert record["warc"]["WARC-Refers-To"] == original["record_id"]
        assert record["warc"]["WARC-Refers-To-Target-URI"] == original["url"]
        assert record["warc"]["WARC-Payload-Digest"] == original["payload_digest"] and record["payload"] == b""


def test_capture_raw_writes_the_exact_body_that_was_served(crawled, tmp_path):
    db, base, site = crawled["db"], crawled["base"], crawled["site"]
    for path in (ARTICLES[0], GZIPPED):
        proc = cli("capture", base + path, "--raw", db=db)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == site.body(path)  # gzip-encoded on the wire: the page itself, decoded
    out = tmp_path / "page2.html"
    proc = cli("capture", base + ARTICLES[3], "--page", "2", "--raw", "--at", "2999-01-01", "-o", str(out), db=db)
    assert proc.returncode == 0 and out.read_bytes() == site.body(PAGE_TWO)


def test_a_moved_warc_file_is_named_and_the_exit_status_says_so(crawled, tmp_path):
    db = tmp_path / "copy.db"
    db.write_bytes(crawled["db"].read_bytes())
    (tmp_path / "copy-warc").mkdir()  # the WARC files are not beside the copy
    proc = cli("capture", crawled["base"] + ARTICLES[0], "--raw", db=db)
    assert proc.returncode == 1 and proc.stdout == b""
    [line] = proc.stderr.decode().splitlines()
    assert "copy-warc/127.0.0.1/" in line and "<urn:uuid:" in line and "missing" in line


def test_a_truncated_warc_file_is_named_with_the_record(crawled, tmp_path):
    row = next(r for r in capture_rows(crawled["db"]) if r["run_id"] == 1 and r["url"].endswith(ARTICLES[0]))
    root = tmp_path / "warc"
    (root / "127.0.0.1").mkdir(parents=True)
    source = crawled["db"].parent / "archive-warc" / row["warc_file"]
    (root / row["warc_file"]).write_bytes(source.read_bytes()[: row["offset"] + row["length"] // 2])
    with pytest.raises(Exception, match=r"record <urn:uuid:.*> at offset"):
        read_capture(root, row["warc_file"], row["offset"], row["record_id"], row["length"])


def test_stats_gives_captures_and_warc_bytes_per_site(crawled):
    proc = cli("stats", "--json", db=crawled["db"])
    import json

    captures = json.loads(proc.stdout)["captures"]["127.0.0.1"]
    rows = capture_rows(crawled["db"])
    assert captures == {"captures": len(rows), "warc_bytes": sum(row["length"] for row in rows)}


def test_a_304_is_a_server_not_modified_revisit_of_the_capture_it_confirms(tmp_path):
    db = tmp_path / "archive.db"
    site = FaultSite(good=3, flaky=False, bad=False, published=datetime.now(UTC) - timedelta(hours=3))
    with serve_faults(site) as base:
        crawl(base, db)
        with sqlite3.connect(db) as conn:  # as if that crawl were 2.5 h ago: the 1 h re-check is due
            for table, column in (("articles", "last_seen"), ("fetch_state", "fetched_at")):
                for rowid, value in conn.execute(f"SELECT rowid, {column} FROM {table}").fetchall():
                    older = datetime.fromisoformat(value) - timedelta(hours=2.5)
                    conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (older.isoformat(sep=" "), rowid))
        assert crawl(base, db)["not_modified"] == 3
    rows = capture_rows(db)
    first = {row["url"]: row for row in rows if row["run_id"] == 1}
    revisits = [row for row in rows if row["status"] == 304]
    assert len(revisits) == 3
    last = warc_files(db)[-1]
    found = [r for r in records(last) if r["type"] == "revisit" and r["http"].get_statuscode() == "304"]
    assert len(found) == 3
    for record, row in zip(found, revisits, strict=True):
        original = first[row["url"]]
        assert record["warc"]["WARC-Profile"] == PROFILE + "server-not-modified"
        assert record["warc"]["WARC-Refers-To"] == original["record_id"] == row["refers_to"]
        assert record["warc"]["WARC-Refers-To-Target-URI"] == original["url"]
        assert record["warc"]["WARC-Refers-To-Date"].startswith(original["fetched_at"][:10])
        assert record["http"].get_statuscode() == "304"
    check = subprocess.run([WARCIO, "check", str(last)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize("thread", [False, True], ids=["in the reactor", "in a thread"])
def test_files_are_rotated_at_the_size_cap(tmp_path, thread):
    db = tmp_path / "archive.db"
    site = CaptureSite()
    with serve_captures(site) as base:
        crawl(base, db, "-s", "NEWSARCHIVE_WARC_MAX_BYTES=2500", "-s", f"NEWSARCHIVE_WARC_THREAD={thread}")
        proc = cli("capture", base + ARTICLES[2], "--raw", db=db)
        assert proc.returncode == 0 and proc.stdout == site.body(ARTICLES[2])
    files = warc_files(db)
    assert len(files) >= 3
    rows = capture_rows(db)
    assert {row["warc_file"].split("/")[1] for row in rows} == {path.name for path in files}
    for path in files:
        assert records(path)[0]["type"] == "warcinfo"
        assert subprocess.run([WARCIO, "check", str(path)], capture_output=True).returncode == 0
    # Closed once past the cap: at most the cap and the last record's pair more.
    assert all(path.stat().st_size < 2500 + 3000 for path in files)


def test_newsarchive_warc_0_writes_no_file_and_no_capture_row(tmp_path):
    db = tmp_path / "archive.db"
    with serve_captures(CaptureSite()) as base:
        env = {**ENV, "NEWSARCHIVE_WARC": "0"}
        command = [sys.executable, "-m", "newsarchive", "crawl", "--url", base + "/feed.xml", "--db", str(db)]
        proc = subprocess.run([*command, "-s", "ROBOTSTXT_OBEY=False"], env=env, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "archive-warc").exists() and capture_rows(db) == []


def test_a_crawl_killed_with_sigkill_leaves_readable_files_and_no_row_naming_a_partial_record(tmp_path):
    db = tmp_path / "archive.db"
    site = FaultSite(good=400, flaky=False, bad=False, seed=3)
    with serve_faults(site) as base:
        proc = start(base, db, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "NEWSARCHIVE_BATCH_SIZE=5")
        end = time.monotonic() + 60
        while time.monotonic() < end and len([p for p, s, _ in site.log if s == 200]) < 120:
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        rows = capture_rows(db)
        assert rows, "the crawl was killed before it stored any capture row"
        root = tmp_path / "archive-warc"
        for row in rows:
            head, payload = read_capture(root, row["warc_file"], row["offset"], row["record_id"])
            assert head.startswith("HTTP/") and (payload or row["url"].endswith("/feed.xml"))
        for path in warc_files(db):  # whole records up to the last one, whatever the kill cut off after it
            with open(path, "rb") as stream:
                iterator = ArchiveIterator(stream)
                offsets = []
                try:
                    for record in iterator:
                        record.content_stream().read()
                        offsets.append(iterator.get_record_offset())
                except Exception:
                    pass
            named = {row["offset"] for row in rows if row["warc_file"].endswith(path.name)}
            assert named <= set(offsets)
        # Running again adds its own captures and keeps every earlier row once.
        again = crawl(base, db, "--force")
        assert again["status"] == "finished"
    after = capture_rows(db)
    assert {row["record_id"] for row in rows} <= {row["record_id"] for row in after}
    assert len({row["record_id"] for row in after}) == len(after)
    with sqlite3.connect(db) as conn:
        dangling = conn.execute(
            "SELECT count(*) FROM article_captures l LEFT JOIN captures c ON c.record_id = l.record_id "
            "WHERE c.id IS NULL"
        ).fetchone()[0]
    assert dangling == 0


def test_a_full_disk_under_the_warc_files_stops_the_crawl_with_one_line(tmp_path):
    import shutil

    if shutil.which("unshare") is None:
        pytest.skip("needs unshare(1) to mount a small filesystem")
    small = tmp_path / "disk"
    small.mkdir()
    db, out = tmp_path / "archive.db", tmp_path / "crawl"
    site = FaultSite(good=300, seed=1, flaky=False, bad=False)
    with serve_faults(site) as base:
        # Fill the small disk but for 100 KB: a few dozen pages' records.
        fill = f"cat /dev/zero > {small}/fill 2>/dev/null; truncate -s -100k {small}/fill\n"
        line = shell_crawl_line(base, db, out, "-s", f"NEWSARCHIVE_WARC_DIR={small}")
        probe = in_small_filesystem(small, fill + line)
    if probe.returncode == 99:
        pytest.skip("cannot mount a tmpfs in a user and mount namespace here")
    rc, summary, err = result(out)
    assert rc == 1 and summary["status"] == "failed", err[-2000:]
    [line] = error_lines(err)
    assert line.startswith("newsarchive: error: 127.0.0.1: WARC files not writable: ") and "No space left" in line
    assert 0 < summary["articles_new"] < 300
    # The tmpfs is gone with its namespace; the rows are what the crawl stored before it stopped.
    assert 0 < len(capture_rows(db)) < 301


def test_warc_dir_from_the_command_line_or_the_config_file_is_where_files_go_and_are_read(tmp_path):
    db, chosen, configured = tmp_path / "archive.db", tmp_path / "chosen", tmp_path / "configured"
    config = tmp_path / "newsarchive.toml"
    config.write_text(f'warc_dir = "{configured}"\n[sites.gazette]\nurl = "http://127.0.0.1:1/feed.xml"\n')
    site = CaptureSite()
    with serve_captures(site) as base:
        crawl(base, db, "--warc-dir", str(chosen))
        assert list(chosen.rglob("*.warc.gz")) and not (tmp_path / "archive-warc").exists()
        proc = cli("capture", base + ARTICLES[0], "--raw", "--warc-dir", str(chosen), db=db)
        assert proc.returncode == 0 and proc.stdout == site.body(ARTICLES[0])
        other = tmp_path / "other.db"
        crawl(base, other, "--config", str(config))
    assert list(configured.rglob("*.warc.gz")) and not (tmp_path / "other-warc").exists()
    proc = cli("capture", base + ARTICLES[0], "--raw", "--config", str(config), db=other)
    assert proc.returncode == 0 and proc.stdout == site.body(ARTICLES[0])
