"""`newsarchive reextract`: today's extractor over the WARC captures of a real crawl; what changed is a revision
caused by re-extraction (never a publisher's edit), a dry run changes nothing, a killed run carries on, and a
damaged WARC record is named and skipped."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive.crawler.reextract import Reextractor
from newsarchive.extract.version import EXTRACTOR_VERSION
from newsarchive.store import open_archive
from newsarchive.store.reextraction import Filter
from newsarchive.store.rows import content_hash

from .capturesite import CaptureSite
from .capturesite import serve as serve_captures
from .pagesite import WORDS, article, feed, serve
from .runner import ENV, crawl
from .test_redirect_captures import crawl_moved

PATHS = [f"/news/2025/01/tide-report-{n}.html" for n in range(12)]
PAGE_TWO = PATHS[0] + "?page=2"
SECOND_PAGE_TEXT = f"The second page tells how the tide turned. {WORDS}"
OLD_BODY = "Cookie settings. Subscribe to our newsletter. Most read today: ten stories you missed this week."


def _site() -> dict[str, tuple[str, bytes]]:
    pages = {"/feed.xml": ("application/rss+xml", feed(PATHS))}
    for n, path in enumerate(PATHS):
        head = f'<link rel="next" href="{PAGE_TWO}">' if n == 0 else ""
        pages[path] = ("text/html; charset=utf-8", article(f"Tide report number {n}", head=head))
    pages[PAGE_TWO] = ("text/html; charset=utf-8", article("Tide report number 0", [SECOND_PAGE_TEXT]))
    return pages


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """An archive (and its WARC folder) from one real crawl; each test works on a copy."""
    db = tmp_path_factory.mktemp("reextract") / "archive.db"
    with serve(_site()) as base:
        crawl(base, db)
    return {"db": db, "base": base}


@pytest.fixture
def archive(crawled, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(crawled["db"], db)
    shutil.copytree(crawled["db"].with_name("archive-warc"), tmp_path / "archive-warc")
    return db


def rows(db: Path, sql: str, *params) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(sql, params)]


def as_if_an_older_extractor_made(db: Path, url_end: str, body: str = OLD_BODY, headline: str | None = None) -> int:
    """Rewrite one stored article as an older extractor would have stored it: another text (its captures linked
    to that text, as the crawl links them), version "0". The search index is marked stale, so the next open to
    write rebuilds it from the rows as they now are."""
    with sqlite3.connect(db) as conn:
        (id_, old_hash), *_ = conn.execute("SELECT id, content_hash FROM articles WHERE url LIKE ?", ("%" + url_end,))
        digest = content_hash(body)
        conn.execute(
            "UPDATE articles SET body = ?, content_hash = ?, headline = coalesce(?, headline), extractor_version = '0'"
            " WHERE id = ?",
            (body, digest, headline, id_),
        )
        conn.execute("UPDATE article_captures SET content_hash = ? WHERE content_hash = ?", (digest, old_hash))
        conn.execute("DELETE FROM store_meta WHERE key = 'fts_segmentation'")
    return id_


def cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsarchive", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )


def test_an_article_an_older_extractor_got_wrong_is_read_again_from_its_capture_as_a_re_extracted_revision(archive):
    id_ = as_if_an_older_extractor_made(archive, PATHS[5])
    before = rows(archive, "SELECT last_seen, revision FROM articles WHERE id = ?", id_)[0]
    done = cli(archive, "reextract", "--workers", "0")
    assert done.returncode == 0, done.stderr
    assert "1 changed (body 1)" in done.stdout
    now = rows(archive, "SELECT body, extractor_version, last_seen, revision FROM articles WHERE id = ?", id_)[0]
    assert now["body"].startswith("Tide report number 5. The council voted on Tuesday")
    assert "A third." in now["body"] and OLD_BODY not in now["body"]
    assert now["extractor_version"] == EXTRACTOR_VERSION and now["revision"] == before["revision"] + 1
    assert now["last_seen"] == before["last_seen"]  # nothing was fetched: the article was not seen again
    history = json.loads(cli(archive, "history", str(id_), "--json").stdout)
    assert [(v["revision"], v["cause"], v["extractor_version"]) for v in history] == [
        (1, None, "0"),
        (2, "re-extracted", EXTRACTOR_VERSION),
    ]
    # `changed` lists publisher edits; the re-extraction only with --all-causes.
    assert json.loads(cli(archive, "changed", "--since", "1d", "--field", "body", "--json").stdout) == []
    both = json.loads(cli(archive, "changed", "--since", "1d", "--field", "body", "--all-causes", "--json").stdout)
    assert [row["id"] for row in both] == [id_]
    found = json.loads(cli(archive, "search", "tide report number 5", "--json").stdout)
    assert id_ in [row["id"] for row in found]


def test_the_revision_and_the_new_text_both_point_at_the_capture_they_were_read_from(archive):
    id_ = as_if_an_older_extractor_made(archive, PATHS[2])
    assert cli(archive, "reextract", "--workers", "0").returncode == 0
    links = rows(archive, "SELECT record_id, content_hash FROM article_captures WHERE article_id = ?", id_)
    current = rows(archive, "SELECT content_hash FROM articles WHERE id = ?", id_)[0]["content_hash"]
    assert {link["content_hash"] for link in links} == {content_hash(OLD_BODY), current}
    assert len({link["record_id"] for link in links}) == 1  # one capture, read into two texts
    listed = json.loads(cli(archive, "captures", str(id_), "--json").stdout)
    assert len(listed) == 1 and listed[0]["current"] is True


def test_a_multi_page_article_is_read_again_from_the_captures_of_all_its_pages_joined_in_order(archive):
    id_ = as_if_an_older_extractor_made(archive, PATHS[0])
    assert cli(archive, "reextract", "--workers", "0").returncode == 0
    body = rows(archive, "SELECT body FROM articles WHERE id = ?", id_)[0]["body"]
    assert body.index("Tide report number 0. The council") < body.index("The second page tells how the tide turned")


def test_a_second_run_changes_nothing_and_an_unchanged_text_of_an_older_version_is_only_marked_with_the_new_one(
    archive,
):
    with sqlite3.connect(archive) as conn:
        conn.execute("UPDATE articles SET extractor_version = NULL")
    first = cli(archive, "reextract", "--workers", "0", "--json")
    assert json.loads(first.stdout)["version_only"] == 12 and json.loads(first.stdout)["changed"] == 0
    assert rows(archive, "SELECT count(*) AS n FROM article_revisions")[0]["n"] == 0
    assert {row["extractor_version"] for row in rows(archive, "SELECT extractor_version FROM articles")} == {
        EXTRACTOR_VERSION
    }
    again = json.loads(cli(archive, "reextract", "--workers", "0", "--outdated", "--json").stdout)
    assert again["considered"] == 0  # --outdated: nothing an older version made is left


def test_a_dry_run_says_what_would_change_with_a_sample_diff_and_leaves_the_archive_as_it_was(archive):
    id_ = as_if_an_older_extractor_made(archive, PATHS[7], headline="Most read")
    with sqlite3.connect(archive) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    dry = cli(archive, "reextract", "--dry-run", "--workers", "0")
    assert dry.returncode == 0, dry.stderr
    assert "1 would change (headline 1, body 1)" in dry.stdout
    assert f"for example, article {id_}" in dry.stdout
    assert "headline: [-Most read-]{+Tide report number 7+}" in dry.stdout
    assert "body: [-Cookie settings-]{+Tide report number 7+}" in dry.stdout
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == digest
    assert rows(archive, "SELECT headline FROM articles WHERE id = ?", id_)[0]["headline"] == "Most read"


def test_a_run_stopped_after_some_batches_carries_on_after_the_last_one_it_committed(archive):
    ids = [as_if_an_older_extractor_made(archive, path, body=f"{OLD_BODY} ({n})") for n, path in enumerate(PATHS)]
    root = archive.with_name("archive-warc")

    def stop_after_two_batches(done, total, summary):
        if done == 8:
            raise KeyboardInterrupt  # as a kill between batches: what was committed stays

    with open_archive(str(archive)) as store, pytest.raises(KeyboardInterrupt):
        Reextractor(store, root, Filter(), batch=4).run(stop_after_two_batches)
    assert rows(archive, "SELECT count(*) AS n FROM article_revisions")[0]["n"] == 8
    with open_archive(str(archive)) as store:
        summary = Reextractor(store, root, Filter(), batch=4).run()
    assert summary.resumed_after == sorted(ids)[7]
    assert summary.considered == 12 and summary.changed == 12
    revisions = rows(archive, "SELECT article_id, count(*) AS n FROM article_revisions GROUP BY article_id")
    assert {row["article_id"]: row["n"] for row in revisions} == dict.fromkeys(ids, 1)
    assert rows(archive, "SELECT count(*) AS n FROM store_meta WHERE key = 'reextract'")[0]["n"] == 0


def test_a_run_with_other_options_or_restart_starts_over_instead_of_carrying_on(archive):
    root = archive.with_name("archive-warc")

    def stop(done, total, summary):
        raise KeyboardInterrupt

    with open_archive(str(archive)) as store, pytest.raises(KeyboardInterrupt):
        Reextractor(store, root, Filter(), batch=4).run(stop)
    with open_archive(str(archive)) as store:
        assert Reextractor(store, root, Filter(site="127.0.0.1"), batch=4).run().resumed_after == 0
    with open_archive(str(archive)) as store, pytest.raises(KeyboardInterrupt):
        Reextractor(store, root, Filter(), batch=4).run(stop)
    done = cli(archive, "reextract", "--workers", "0", "--restart")
    assert "carried on" not in done.stdout and "12 articles read" in done.stdout


def test_a_corrupted_warc_record_is_named_skipped_and_the_exit_status_says_so(archive):
    broken = as_if_an_older_extractor_made(archive, PATHS[3])
    fine = as_if_an_older_extractor_made(archive, PATHS[4], body=OLD_BODY + " (another)")
    (capture,) = rows(
        archive,
        "SELECT c.warc_file, c.offset, c.length, c.record_id FROM captures c"
        " JOIN article_captures l ON l.record_id = c.record_id WHERE l.article_id = ?",
        broken,
    )
    path = archive.with_name("archive-warc") / capture["warc_file"]
    data = bytearray(path.read_bytes())
    middle = capture["offset"] + capture["length"] // 2
    data[middle : middle + 16] = b"\x00" * 16
    path.write_bytes(bytes(data))
    done = cli(archive, "reextract", "--workers", "0")
    assert done.returncode == 1
    assert f"article {broken}: {path}: record {capture['record_id']}" in done.stderr
    assert "1 with unreadable captures" in done.stdout
    assert rows(archive, "SELECT body FROM articles WHERE id = ?", broken)[0]["body"] == OLD_BODY
    assert rows(archive, "SELECT body FROM articles WHERE id = ?", fine)[0]["body"].startswith("Tide report number 4.")


def test_reextract_in_worker_processes_gives_what_it_gives_in_one(archive):
    for path in PATHS[:6]:
        as_if_an_older_extractor_made(archive, path, body=f"{OLD_BODY} {path}")
    done = cli(archive, "reextract", "--workers", "2", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["changed"] == 6
    bodies = rows(archive, "SELECT body FROM articles ORDER BY id")
    assert all(OLD_BODY not in row["body"] for row in bodies)


def test_reextract_without_an_archive_is_one_line_and_creates_none(tmp_path):
    done = cli(tmp_path / "none.db", "reextract")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "no archive at" in done.stderr
    assert not (tmp_path / "none.db").exists()


def test_an_article_reached_through_redirects_is_read_from_its_page_and_its_new_text_keeps_the_hops(tmp_path):
    db = tmp_path / "archive.db"
    with serve_captures(CaptureSite()) as base:
        crawl_moved(base, db)
    id_ = as_if_an_older_extractor_made(db, "/harbour-story-b.html")
    done = cli(db, "reextract", "--workers", "0")
    assert done.returncode == 0, done.stderr
    now = rows(db, "SELECT body, content_hash FROM articles WHERE id = ?", id_)[0]
    assert now["body"].startswith("Harbour harbour-story-b. The council voted")
    links = rows(
        db,
        "SELECT l.page, c.status FROM article_captures l JOIN captures c ON c.record_id = l.record_id"
        " WHERE l.article_id = ? AND l.content_hash = ? ORDER BY l.page, c.status",
        id_,
        now["content_hash"],
    )
    assert [(link["page"], link["status"]) for link in links] == [(0, 302), (0, 308), (1, 200)]


def test_a_page_that_says_3_hours_ago_keeps_the_date_it_gave_on_the_day_it_was_fetched(tmp_path):
    db = tmp_path / "archive.db"
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Night ferry | Gazette</title></head>"
        f"<body><article><h1>Night ferry</h1><p class='byline'>Posted 3 hours ago</p><p>{WORDS}</p>"
        f"<p>A second paragraph. {WORDS}</p></article></body></html>"
    ).encode()
    path = "/news/2025/01/night-ferry.html"
    with serve({"/feed.xml": ("application/rss+xml", feed([path])), path: ("text/html", html)}) as base:
        crawl(base, db)
    with sqlite3.connect(db) as conn:  # as if crawled on 20 January 2025 at noon: the page then meant 09:00
        conn.execute("UPDATE captures SET fetched_at = '2025-01-20 12:00:00.000000'")
        conn.execute("UPDATE articles SET published = '2025-01-20 09:00:00.000000', published_offset = 0")
    done = cli(db, "reextract", "--workers", "0", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["changed"] == 0
    assert rows(db, "SELECT published FROM articles")[0]["published"].startswith("2025-01-20 09:00:00")
