"""open_archive(read_only=True): nothing is created, migrated or written; what is not an archive is refused."""

from __future__ import annotations

import os
import sqlite3

import pytest
import sqlalchemy
from alembic import command

from newsarchive.store import StoreError, open_archive
from newsarchive.store.engine import alembic_config, database_url


def revision(path) -> str:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_a_missing_file_is_refused_and_not_created(tmp_path):
    with pytest.raises(StoreError, match="no archive at"):
        open_archive(str(tmp_path / "none.db"), read_only=True)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "content, message",
    [
        (os.urandom(64 * 1024), "file is not a database"),
        (b"SQLite format 3\x00" + os.urandom(8000), "cannot open archive"),
    ],
    ids=["random bytes", "a cut header"],
)
def test_a_file_that_is_not_a_database_is_one_line_error(tmp_path, content, message):
    path = tmp_path / "junk.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message) as raised:
        open_archive(str(path), read_only=True)
    assert "\n" not in str(raised.value) and path.read_bytes() == content


def test_a_truncated_archive_is_one_line_error(tmp_path):
    path = tmp_path / "news.db"
    open_archive(str(path)).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(StoreError, match="malformed") as raised:
        open_archive(str(path), read_only=True)
    assert "\n" not in str(raised.value)


def test_a_read_only_archive_refuses_writes(tmp_path):
    path = tmp_path / "news.db"
    open_archive(str(path)).close()
    with open_archive(str(path), read_only=True) as archive, pytest.raises(StoreError, match="opened to read only"):
        archive.start_run("example", "generic")


def test_an_older_schema_is_read_as_it_is_and_a_query_it_cannot_answer_says_how_to_upgrade(tmp_path):
    path = tmp_path / "old.db"
    command.upgrade(alembic_config(database_url(str(path))), "0003")  # before fetch_state and run counters
    with open_archive(str(path), read_only=True) as archive:
        assert archive.stats()["articles"] == 0  # tables it has: read as they are
        with pytest.raises(
            StoreError, match=r"older schema \(0003; this newsarchive reads 0007\).*newsarchive upgrade"
        ):
            archive.runs()
    assert revision(path) == "0003"  # never migrated by reading


def test_a_schema_newer_than_the_code_is_named(tmp_path):
    path = tmp_path / "new.db"
    open_archive(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '0099'")
        db.execute("DROP TABLE crawl_runs")  # what a future schema might have renamed
    with open_archive(str(path), read_only=True) as archive, pytest.raises(StoreError, match="newer than"):
        archive.runs()
    assert revision(path) == "0099"


@pytest.mark.engines("postgresql")
def test_a_postgresql_archive_opened_to_read_is_refused_writes_by_the_server(db):
    open_archive(db).close()  # made and migrated by a write
    archive = open_archive(db, read_only=True)
    try:
        assert archive.stats()["articles"] == 0
        # Past the store's own refusal: the server itself refuses, as the transaction is READ ONLY.
        with archive.engine.connect() as connection, pytest.raises(sqlalchemy.exc.InternalError, match="read-only"):
            connection.execute(sqlalchemy.text("CREATE TABLE intruder (x integer)"))
    finally:
        archive.close()
