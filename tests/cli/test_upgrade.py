"""`newsarchive upgrade`: an archive of an older schema is migrated; nothing else is created or changed."""

from __future__ import annotations

import sqlite3

from alembic import command

from newsarchive.cli import main
from newsarchive.items import Article
from newsarchive.store import open_archive
from newsarchive.store.engine import alembic_config, database_url
from newsarchive.store.readonly import known_revisions


def revision(path) -> str:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def old_archive(path) -> str:
    """An archive with one article, as an older newsarchive (schema 0004) left it."""
    with open_archive(str(path)) as archive:
        body = "The council voted on Tuesday to extend the harbour after a year of hearings. " * 3
        archive.save_articles(
            [Article(url="https://news.example/1.html", site="example", headline="Harbour", body=body)]
        )
    command.downgrade(alembic_config(database_url(str(path))), "0004")  # before revision causes and captures
    return str(path)


def test_an_older_archive_refused_by_a_read_is_upgraded_and_then_read(tmp_path, capsys):
    path = old_archive(tmp_path / "old.db")
    assert main(["show", "1", "--db", path]) == 2
    assert f"`newsarchive upgrade --db {path}`" in capsys.readouterr().err
    assert revision(path) == "0004"  # the read did not migrate it
    assert main(["upgrade", "--db", path]) == 0
    head = known_revisions()[0]
    assert capsys.readouterr().out.strip() == f"{path}: schema {head} (upgraded from 0004)"
    assert revision(path) == head
    assert main(["show", "1", "--db", path, "--json"]) == 0
    assert '"headline": "Harbour"' in capsys.readouterr().out


def test_a_current_archive_is_left_as_it_is(tmp_path, capsys):
    path = tmp_path / "news.db"
    assert main(["upgrade", "--db", str(path)]) == 2  # missing: refused, not created
    assert not path.exists() and "no archive at" in capsys.readouterr().err
    command.upgrade(alembic_config(database_url(str(path))), "head")
    assert main(["upgrade", "--db", str(path)]) == 0
    assert capsys.readouterr().out.strip().endswith(", already current")


def test_another_applications_database_is_refused_and_unchanged(tmp_path, capsys):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
    before = path.read_bytes()
    assert main(["upgrade", "--db", str(path)]) == 2
    assert "not a newsarchive archive" in capsys.readouterr().err
    assert path.read_bytes() == before
