"""WARC captures of redirects and error responses: each 3xx is written before it is followed and listed with the
article it led to; 404s, 410s and every attempt at a 500 are kept; no revisit is ever made of an error page."""

from __future__ import annotations

import gzip
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from newsarchive.store import open_archive

from .capturesite import (
    FLAKY,
    GZIPPED_REDIRECT,
    LOOP,
    MISSING,
    MOVED,
    MOVED_FEED,
    NOT_FOUND,
    PULLED,
    WITHDRAWN,
    CaptureSite,
)
from .capturesite import serve as serve_captures
from .runner import ENV, crawl_command
from .test_captures import WARCIO, capture_rows, cli, records, warc_files

OLD_A = "/news/2025/01/old-harbour-story-a.html"
SHORT_B, OLD_B = GZIPPED_REDIRECT, "/news/2025/01/old-harbour-story-b.html"
STORY_A, STORY_B = MOVED[OLD_A][1], MOVED[OLD_B][1]


def crawl_moved(base: str, db: Path, *extra: str) -> None:
    command = crawl_command(base, db, *extra)
    command[command.index(base + "/feed.xml")] = base + MOVED_FEED
    proc = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("redirects") / "archive.db"
    site = CaptureSite()
    with serve_captures(site) as base:
        crawl_moved(base, db)
        site.answers[PULLED] = [404]  # the same page, now served as not found
        crawl_moved(base, db, "--force")
        site.answers[PULLED] = [200]  # and back again
        crawl_moved(base, db, "--force")
    return {"db": db, "base": base, "site": site, "rows": capture_rows(db)}


def rows_of(crawled: dict, path: str, run_id: int | None = None) -> list[dict]:
    """The captures of `path` (of one run), first fetched first."""
    url = crawled["base"] + path
    found = [row for row in crawled["rows"] if row["url"] == url and run_id in (None, row["run_id"])]
    return sorted(found, key=lambda row: row["fetched_at"])


def record_of(db: Path, row: dict) -> dict:
    path = db.parent / f"{db.stem}-warc" / row["warc_file"]
    return next(r for r in records(path) if r["warc"]["WARC-Record-ID"] == row["record_id"])


def raw_payload(db: Path, row: dict) -> bytes:
    """The record's payload as stored, not decoded."""
    with open(db.parent / f"{db.stem}-warc" / row["warc_file"], "rb") as stream:
        stream.seek(row["offset"])
        return next(iter(ArchiveIterator(stream))).raw_stream.read()


def test_each_redirect_is_a_response_record_with_its_status_and_location(crawled):
    db, base = crawled["db"], crawled["base"]
    for path, (status, location) in MOVED.items():
        [row] = rows_of(crawled, path, run_id=1)
        assert (row["status"], row["kind"]) == (status, "response")
        record = record_of(db, row)
        assert record["http"].get_statuscode() == str(status)
        assert record["http"].get_header("Location") == location
        assert record["warc"]["WARC-Target-URI"] == base + path
    # Kept as sent, before Scrapy decodes it: the gzip bytes, and the Content-Encoding that says so.
    record = record_of(db, rows_of(crawled, SHORT_B, run_id=1)[0])
    assert record["http"].get_header("Content-Encoding") == "gzip"
    assert record["payload"] == b"<html><body>Moved</body></html>"  # warcio decodes what it says is gzip
    raw = raw_payload(db, rows_of(crawled, SHORT_B, run_id=1)[0])
    assert gzip.decompress(raw) == record["payload"]
    assert int(record["http"].get_header("Content-Length")) == len(raw)


def test_a_redirect_has_its_request_record_and_warcio_check_accepts_every_file(crawled):
    db = crawled["db"]
    row = rows_of(crawled, OLD_A, run_id=1)[0]
    path = db.parent / "archive-warc" / row["warc_file"]
    [request] = [r for r in records(path) if r["warc"].get("WARC-Concurrent-To") == row["record_id"]]
    assert request["type"] == "request" and request["http"].statusline == OLD_A + " HTTP/1.1"
    files = warc_files(db)
    assert len(files) == 3
    for path in files:
        check = subprocess.run([WARCIO, "check", "-v", str(path)], capture_output=True, text=True)
        assert check.returncode == 0 and "digest pass" in check.stdout, check.stdout + check.stderr
        assert "fail" not in check.stdout, check.stdout


def test_captures_of_an_article_list_the_redirect_hops_before_the_page(crawled):
    db, base = crawled["db"], crawled["base"]
    proc = cli("captures", base + STORY_B, "--json", db=db)
    assert proc.returncode == 0, proc.stderr
    first = [row for row in json.loads(proc.stdout) if row["run_id"] == 1]
    assert [(row["page"], row["status"], row["url"].removeprefix(base)) for row in first] == [
        (0, 302, SHORT_B),
        (0, 308, OLD_B),
        (1, 200, STORY_B),
    ]
    listed = cli("captures", base + STORY_A, db=db).stdout.decode()
    assert "301" in listed and OLD_A in listed


def test_capture_raw_of_a_redirected_article_writes_the_page_never_the_redirect(crawled):
    db, base, site = crawled["db"], crawled["base"], crawled["site"]
    for path in (STORY_A, STORY_B):
        proc = cli("capture", base + path, "--raw", db=db)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == site.body(path)
    proc = cli("capture", base + STORY_B, "--page", "0", "--raw", db=db)  # asked for: the last hop's body
    assert proc.returncode == 0 and proc.stdout == b"<html><body>Moved</body></html>"


def test_a_redirect_fetched_again_is_written_again_whole_never_a_revisit(crawled):
    for path in MOVED:
        assert [(row["run_id"], row["kind"]) for row in rows_of(crawled, path)] == [
            (1, "response"),
            (2, "response"),
            (3, "response"),
        ]


def test_a_redirect_hop_is_linked_to_its_article_as_page_0(crawled):
    with sqlite3.connect(crawled["db"]) as conn:
        linked = conn.execute(
            "SELECT l.page, a.url FROM article_captures l JOIN captures c ON c.record_id = l.record_id "
            "JOIN articles a ON a.id = l.article_id WHERE c.url = ? AND c.run_id = 1",
            (crawled["base"] + OLD_A,),
        ).fetchall()
    assert linked == [(0, crawled["base"] + STORY_A)]


def test_a_redirect_loop_is_captured_before_it_is_stopped_and_its_problem_says_so(crawled):
    [row] = rows_of(crawled, LOOP, run_id=1)
    assert record_of(crawled["db"], row)["http"].get_header("Location") == LOOP
    with open_archive(str(crawled["db"])) as archive:
        [problem] = [p for p in archive.problems(run_id=1) if p["url"] == crawled["base"] + LOOP]
    assert problem["reason"].startswith("redirect loop: ")


@pytest.mark.parametrize("path, status", [(MISSING, 404), (WITHDRAWN, 410)])
def test_a_404_or_410_is_captured_with_its_status_and_its_problem_row_says_why(crawled, path, status):
    [row, *_] = rows_of(crawled, path, run_id=1)
    assert (row["status"], row["kind"]) == (status, "response")
    record = record_of(crawled["db"], row)
    assert record["http"].get_statuscode() == str(status) and record["payload"] == NOT_FOUND
    with open_archive(str(crawled["db"])) as archive:
        reasons = {p["reason"] for p in archive.problems(run_id=1) if p["url"] == crawled["base"] + path}
    assert reasons == {"HTTP 404 Not Found" if status == 404 else "HTTP 410 Gone"}


def test_an_error_page_fetched_again_is_kept_whole_never_a_revisit(crawled):
    assert [(row["run_id"], row["kind"]) for row in rows_of(crawled, MISSING)] == [
        (1, "response"),
        (2, "response"),
        (3, "response"),
    ]


def test_every_attempt_at_a_retried_500_is_kept_and_the_article_links_only_the_page(crawled):
    db, base = crawled["db"], crawled["base"]
    assert [row["status"] for row in rows_of(crawled, FLAKY, run_id=1)] == [500, 200]
    proc = cli("captures", base + FLAKY, "--json", db=db)
    first = [row for row in json.loads(proc.stdout) if row["run_id"] == 1]
    assert [(row["page"], row["status"]) for row in first] == [(1, 200)]


def test_a_404_with_the_payload_of_the_earlier_200_is_no_revisit_and_a_200_after_it_revisits_the_200(crawled):
    first, pulled, back = rows_of(crawled, PULLED)
    assert (first["status"], pulled["status"], back["status"]) == (200, 404, 200)
    assert pulled["payload_digest"] == first["payload_digest"]
    assert (pulled["kind"], pulled["refers_to"]) == ("response", None)
    # The newest 2xx capture is what a revisit refers to, never the error page in between.
    assert (back["kind"], back["refers_to"]) == ("revisit", first["record_id"])
    proc = cli("capture", crawled["base"] + PULLED, "--raw", db=crawled["db"])
    assert proc.returncode == 0 and proc.stdout == crawled["site"].body(PULLED)


def test_redirects_written_from_the_writer_thread_are_linked_the_same(tmp_path):
    db = tmp_path / "archive.db"
    with serve_captures(CaptureSite()) as base:
        crawl_moved(base, db, "-s", "NEWSARCHIVE_WARC_THREAD=True")
    proc = cli("captures", base + STORY_B, "--json", db=db)
    assert proc.returncode == 0, proc.stderr
    listed = [(row["page"], row["status"]) for row in json.loads(proc.stdout)]
    assert listed == [(0, 302), (0, 308), (1, 200)]
