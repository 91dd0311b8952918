"""Reading commands never write: other files stay as they were, and an archive nobody may write can be read."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsarchive.cli import main
from newsarchive.items import Article
from newsarchive.store import open_archive

from .readonly import unwritable

READ_COMMANDS = [
    ["stats"],
    ["search", "条約"],
    ["show", "1"],
    ["history", "1"],
    ["diff", "1"],
    ["changed"],
    ["related", "1"],
    ["latest"],
    ["export"],
    ["runs"],
    ["problems"],
    ["sites"],
]


def make_archive(path: Path, *, fts: bool = True, clusters: bool = True) -> str:
    with open_archive(str(path), fts=fts, clusters=clusters) as archive:
        archive.save_articles(
            [
                Article(
                    url=f"https://news.example/{i}.html",
                    site="example",
                    headline=f"戦略条約 第{i}報",
                    published=datetime(2025, 1, 18, i, tzinfo=UTC),
                    body=f"両国は戦略条約に署名した。第{i}報。" * 5,
                    language="ja",
                )
                for i in range(1, 4)
            ]
        )
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_read_command_leaves_another_applications_database_as_it_was(tmp_path, capsys, command):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        db.execute("INSERT INTO notes (text) VALUES ('mine')")
    before = folder_state(tmp_path)
    code, out, err = run(capsys, *command, "--db", str(other))
    assert folder_state(tmp_path) == before  # not a table, not a journal file more
    if command == ["sites"]:  # lists the sites it knows, and finds no archive to add their last runs from
        assert code == 2 and "not a newsarchive archive" in err
        return
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "other.db is not a newsarchive archive" in err


@pytest.mark.parametrize("command", [["stats"], ["search", "x"], ["export"]], ids=lambda c: c[0])
def test_an_empty_file_is_refused_and_stays_empty(tmp_path, capsys, command):
    empty = tmp_path / "empty.db"
    empty.touch()
    code, _, err = run(capsys, *command, "--db", str(empty))
    assert code == 2 and err.count("\n") == 1 and "is an empty file, not a newsarchive archive" in err
    assert [p.name for p in tmp_path.iterdir()] == ["empty.db"] and empty.stat().st_size == 0


def test_a_missing_archive_is_named_and_the_commands_that_make_one_suggested(tmp_path, capsys):
    code, _, err = run(capsys, "search", "x", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no archive at" in err and "newsarchive demo" in err and "newsarchive crawl" in err
    assert list(tmp_path.iterdir()) == []


def test_an_archive_in_a_folder_nobody_may_write_is_searched_and_exported(tmp_path, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    make_archive(folder / "news.db")
    with unwritable(folder) as readonly:
        db = str(readonly / "news.db")
        code, out, err = run(capsys, "search", "条約", "--db", db, "--json")
        assert code == 0, err
        assert sorted(row["headline"] for row in json.loads(out)) == [f"戦略条約 第{i}報" for i in range(1, 4)]
        code, out, err = run(capsys, "export", "--db", db)
        assert code == 0, err
        assert [json.loads(line)["url"] for line in out.splitlines()] == [
            f"https://news.example/{i}.html" for i in range(1, 4)
        ]
        code, out, err = run(capsys, "related", "1", "--db", db, "--json")  # the three reports are near copies
        assert code == 0 and sorted(row["id"] for row in json.loads(out)) == [2, 3], err


def test_an_archive_file_nobody_may_write_is_searched_and_exported(tmp_path, capsys):
    path = Path(make_archive(tmp_path / "news.db"))
    with unwritable(path) as readonly:
        code, out, err = run(capsys, "search", "条約", "--db", str(readonly), "--json")
        assert code == 0 and len(json.loads(out)) == 3, err
        code, out, err = run(capsys, "export", "--format", "csv", "--db", str(readonly))
        assert code == 0 and out.count("https://news.example/") == 3, err


def test_a_read_only_archive_whose_search_index_is_stale_is_searched_by_scanning(tmp_path, capsys):
    # Written with fts=False, the index is not current: a writable archive rebuilds it, this one cannot.
    folder = tmp_path / "archive"
    folder.mkdir()
    make_archive(folder / "news.db", fts=False)
    with unwritable(folder) as readonly:
        code, out, err = run(capsys, "search", "第2報", "--db", str(readonly / "news.db"), "--json")
    assert code == 0, err
    assert [row["headline"] for row in json.loads(out)] == ["戦略条約 第2報"]


def test_reading_a_writable_archive_changes_none_of_its_tables(tmp_path, capsys):
    db = make_archive(tmp_path / "news.db")
    with sqlite3.connect(db) as connection:
        before = connection.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
        version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    for command in READ_COMMANDS:
        code, _, err = run(capsys, *command, "--db", db)
        assert code in (0, 2) and "Traceback" not in err
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall() == before
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == version


def test_related_in_a_read_only_archive_without_story_clusters_says_why_in_one_line(tmp_path, capsys):
    # Saved with clusters off (NEWSARCHIVE_CLUSTERS=0), the articles wait for the next write to index them;
    # `related` reads, and says so.
    folder = tmp_path / "archive"
    folder.mkdir()
    make_archive(folder / "news.db", clusters=False)
    with unwritable(folder) as readonly:
        code, out, err = run(capsys, "related", "1", "--db", str(readonly / "news.db"), "--json")
    assert (code, out, err.count("\n")) == (2, "", 1) and "story clusters are not built" in err
    # Reading never builds them, not even where it could write; the next write (a crawl's open) does.
    code, out, err = run(capsys, "related", "1", "--db", str(folder / "news.db"), "--json")
    assert code == 2 and "story clusters are not built" in err
    open_archive(str(folder / "news.db")).close()
    code, out, err = run(capsys, "related", "1", "--db", str(folder / "news.db"), "--json")
    assert code == 0 and sorted(row["id"] for row in json.loads(out)) == [2, 3], err


def test_a_crawl_into_another_applications_database_is_refused_before_anything_is_written(tmp_path, capsys):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    before = folder_state(tmp_path)
    code, out, err = run(capsys, "crawl", "--url", "http://127.0.0.1:9/", "--db", str(other))
    assert (code, out, err.count("\n")) == (2, "", 1) and "other tables: notes" in err
    assert folder_state(tmp_path) == before  # not even put in WAL mode
