"""The schema comes from the packaged Alembic migrations, on an empty database and again on a current one."""

import json
import sqlite3
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from newsarchive.store import open_archive
from newsarchive.store.engine import alembic_config, database_url
from newsarchive.store.models import Base
from newsarchive.text.urls import url_key

TABLES = {"sites", "articles", "related_links", "crawl_runs", "problems", "store_meta"}


def schema(path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_opening_an_empty_file_creates_every_table(tmp_path):
    path = tmp_path / "new.db"
    open_archive(str(path)).close()
    names = {name for name, _sql in schema(path)}
    assert names >= TABLES
    assert {"articles_fts", "alembic_version"} <= names


@pytest.mark.engines("postgresql")  # SQLite's own full-text table is checked above
def test_migrations_create_the_tables_but_no_sqlite_fulltext_table(archive):
    names = set(inspect(archive.engine).get_table_names())
    assert {"sites", "articles", "related_links", "crawl_runs", "problems", "store_meta", "alembic_version"} <= names
    assert not any(name.startswith("articles_fts") for name in names)


def test_opening_again_leaves_the_schema_as_it_is(db):
    with open_archive(db) as archive:
        archive.start_run("newsweekjapan", "site")
    with open_archive(db) as archive:
        assert len(archive.runs()) == 1


def test_schema_is_at_the_head_revision(tmp_path):
    path = tmp_path / "new.db"
    open_archive(str(path)).close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("0007",)]


def test_listings_sort_and_filter_columns_are_indexed(tmp_path):
    path = tmp_path / "new.db"
    open_archive(str(path)).close()
    engine = create_engine(database_url(str(path)))
    indexes = {tuple(index["column_names"]) for index in inspect(engine).get_indexes("articles")}
    engine.dispose()
    assert ("published",) in indexes
    assert ("site_id", "published") in indexes


def test_alembic_upgrade_head_twice_changes_nothing(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(str(path)).close()
    before = schema(path)
    config = alembic_config(database_url(str(path)))
    command.upgrade(config, "head")
    command.upgrade(config, "head")
    assert schema(path) == before


def test_reopening_an_archive_keeps_its_rows(tmp_path):
    path = tmp_path / "archive.db"
    with open_archive(str(path)) as archive:
        archive.start_run("newsweekjapan", "site")
    with open_archive(str(path)) as archive:
        assert [run["spider"] for run in archive.runs()] == ["site"]


def test_downgrade_to_base_and_upgrade_again(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(str(path)).close()
    config = alembic_config(database_url(str(path)))
    command.downgrade(config, "base")
    assert {name for name, _sql in schema(path)} & (TABLES | {"articles_fts"}) == set()
    command.upgrade(config, "head")
    assert TABLES | {"articles_fts"} <= {name for name, _sql in schema(path)}


def test_models_and_migrations_describe_the_same_schema(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(str(path)).close()
    engine = create_engine(database_url(str(path)))
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_name": lambda name, type_, _parent: not (name or "").startswith("articles_fts")},
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_open_archive_needs_no_alembic_ini_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_archive("relative.db") as archive:
        assert archive.latest() == []
    assert (tmp_path / "relative.db").exists()
    assert not (tmp_path / "alembic.ini").exists()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    with open_archive(str(tmp_path / "archive.db")) as archive, archive.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("busy_timeout") == 30000


def test_fulltext_table_keeps_no_second_copy_of_the_text(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(str(path)).close()
    with sqlite3.connect(path) as db:
        [(sql,)] = db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchall()
        names = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    assert "content = ''" in sql
    assert "articles_fts_content" not in names


def test_an_archive_made_at_revision_0001_upgrades_and_its_articles_are_found(tmp_path):
    path = tmp_path / "old.db"
    url = database_url(str(path))
    command.upgrade(alembic_config(url), "0001")
    with sqlite3.connect(path) as db:  # what revision 0001's store wrote for one article
        db.execute("INSERT INTO sites (name) VALUES ('newsweekjapan')")
        db.execute(
            "INSERT INTO articles (url, site_id, content_hash, headline, body, authors, tags, sources, pages,"
            " first_seen, last_seen) VALUES ('https://www.newsweekjapan.jp/a.php', 1, 'h', '戦略条約に署名',"
            " '両国は戦略条約に署名した。', '[]', '[]', '{}', '[]', '2025-01-18 00:00:00.000000',"
            " '2025-01-18 00:00:00.000000')"
        )
        db.execute("INSERT INTO articles_fts (rowid, headline, body) VALUES (1, '戦略 略条 条約 約', '')")
    with open_archive(str(path)) as archive:
        assert [hit["url"] for hit in archive.search("戦略条約")] == ["https://www.newsweekjapan.jp/a.php"]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("0007",)]


def _article_0002(db, id_, url, body, pages, headline="見出し"):
    db.execute(
        "INSERT INTO articles (id, url, site_id, content_hash, headline, body, authors, tags, sources, pages,"
        " first_seen, last_seen) VALUES (?, ?, 1, ?, ?, ?, '[]', '[]', '{}', ?, '2025-01-18 00:00:00.000000',"
        " '2025-01-19 00:00:00.000000')",
        (id_, url, f"hash-{id_}", headline, body, json.dumps(pages)),
    )


def test_an_archive_at_revision_0002_upgrades_in_place_with_every_row_and_url(tmp_path):
    path = tmp_path / "old.db"
    command.upgrade(alembic_config(database_url(str(path))), "0002")
    base = "https://www.newsweekjapan.jp"
    column = f"{base}/reizei/2024/01/no-thank-you.php"
    with sqlite3.connect(path) as db:  # what revision 0002's store wrote
        db.execute("INSERT INTO sites (name) VALUES ('newsweekjapan')")
        _article_0002(
            db, 1, column, "一ページ目。\n二ページ目。", [column, f"{base}/reizei/2024/01/no-thank-you_2.php"]
        )
        _article_0002(db, 2, f"{base}/headlines/world/2025/01/548000.php", "条約の記事。", [])
        # Stored apart by the old code, one URL key now: both rows must survive.
        _article_0002(db, 3, f"{base}/stories/world/", "一つ目の本文。", [f"{base}/stories/world/"])
        _article_0002(db, 4, f"{base}/stories/world", "二つ目の本文。", [f"{base}/stories/world"])
        db.execute("INSERT INTO related_links (article_id, position, url, title) VALUES (2, 0, ?, '関連')", (column,))
        db.execute(
            "INSERT INTO crawl_runs (site_id, spider, args, started_at, status, stats, articles_new) "
            "VALUES (1, 'newsweekjapan', '{}', '2025-01-18 00:00:00', 'finished', '{}', 4)"
        )
    with open_archive(str(path)) as archive:
        articles = {a["id"]: a for a in archive.iter_articles()}
        assert sorted(articles) == [1, 2, 3, 4]
        assert articles[2]["related_links"] == [{"url": column, "title": "関連"}]
        assert archive.runs()[0]["articles_new"] == 4
        # Page 2's URL and the URLs of both rows that now share a key resolve to their own article.
        assert archive.get(f"{base}/reizei/2024/01/no-thank-you_2.php")["id"] == 1
        assert archive.get(f"{base}/stories/world/")["id"] == 3
        assert archive.get(f"{base}/stories/world")["id"] == 4
        assert archive.get("http://newsweekjapan.jp/headlines/world/2025/01/548000.php?utm_source=x")["id"] == 2
        # Each is its own first revision, seen since it was first seen.
        [only] = archive.history(1)
        assert (only["revision"], only["current"], only["seen_from"]) == (1, True, "2025-01-18T00:00:00+00:00")
        assert archive.get(1)["aliases"] == [column, f"{base}/reizei/2024/01/no-thank-you_2.php"]
        # Revision 0004: the old articles are the incremental crawl's frontier, and old runs have no warning.
        known = {k.url: k for k in archive.known_urls("newsweekjapan")}
        assert column in known and known[column].etag is None
        assert archive.runs()[0]["warning"] is None and archive.get(1)["listed"] == {
            "published": None,
            "modified": None,
        }
        # The story-cluster index is built when first needed.
        assert archive.related(1) == []
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("0007",)]
        assert db.execute("SELECT value FROM store_meta WHERE key = 'neardup'").fetchone() is not None


def test_an_archive_at_revision_0004_upgrades_and_its_old_revisions_are_edits_of_an_unknown_extractor(tmp_path):
    path = tmp_path / "old.db"
    command.upgrade(alembic_config(database_url(str(path))), "0004")
    url = "https://www.newsweekjapan.jp/headlines/world/2025/01/548000.php"
    with sqlite3.connect(path) as db:  # what revision 0004's store wrote: an article at its second revision
        db.execute("INSERT INTO sites (name) VALUES ('newsweekjapan')")
        db.execute(
            "INSERT INTO articles (id, url, url_key, site_id, content_hash, headline, body, authors, tags, sources,"
            " pages, first_seen, last_seen, revision) VALUES (1, ?, ?, 1, 'new', '新しい見出し', '新しい本文。',"
            " '[]', '[]', '{}', '[]', '2025-01-18 00:00:00', '2025-01-19 00:00:00', 2)",
            (url, url_key(url)),
        )
        db.execute(
            "INSERT INTO article_revisions (article_id, number, headline, body, content_hash, seen_from, seen_until,"
            " headline_changed, body_changed) VALUES (1, 1, '古い見出し', '古い本文。', 'old', '2025-01-18 00:00:00',"
            " '2025-01-19 00:00:00', 1, 1)"
        )
    with open_archive(str(path)) as archive:
        old, new = archive.history(1)
        assert (old["cause"], old["extractor_version"]) == (None, None)
        assert (new["cause"], new["extractor_version"]) == ("edit", None)
        assert archive.get(1)["cause"] == "edit"
        since = datetime(2025, 1, 1, tzinfo=UTC)
        assert [row["cause"] for row in archive.changed(since, "body")] == ["edit"]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("0007",)]
