"""Engines for an archive (SQLite pragmas, explicit transactions) and the Alembic migrations that shape it."""

from __future__ import annotations

import atexit
import json
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url

# Where the migrations live, as a package resource so it works from an installed wheel too.
SCRIPT_LOCATION = "newsarchive.store:migrations"

# How long a connection waits for another writer before SQLite gives up with "database is locked".
BUSY_TIMEOUT_MS = 30_000

# PostgreSQL advisory lock key that serialises migrations (any constant unique to this application).
MIGRATION_LOCK = 0x6E657773  # "news"

# Execution option naming the BEGIN flavour for a connection's next transaction on SQLite.
BEGIN_OPTION = "newsarchive_begin"


def database_url(db: str) -> str:
    """An SQLAlchemy URL for `db`: a URL is returned as is, anything else is taken as an SQLite file path."""
    if "://" in db:
        return db
    path = Path(db).expanduser()
    if path.is_dir():
        raise ValueError(f"{db} is a directory, not a database file")
    if not path.parent.is_dir():
        raise ValueError(f"directory {path.parent} does not exist")
    return f"sqlite:///{path.resolve()}"


def _json_default(value: Any) -> str:
    # Datetimes in crawl stats become ISO strings; anything else odd becomes its str().
    isoformat = getattr(value, "isoformat", None)
    return isoformat() if callable(isoformat) else str(value)


# One encoder for every value: json.dumps() with options would build a new encoder per call. Japanese
# stays readable in the database (no \u escapes).
_json_dumps = json.JSONEncoder(ensure_ascii=False, default=_json_default).encode


# Checkpoint the WAL every ~40 MB instead of SQLite's 4 MB: a batch of articles dirties pages all over
# the archive's indexes, each checkpoint copies and syncs them, and fewer, larger checkpoints made
# benchmarks/store.py's 20,000-article ingest ~8% faster. The WAL file is cut back to 64 MB after one.
WAL_PRAGMAS = ("wal_autocheckpoint = 10000", "journal_size_limit = 67108864")


def make_engine(url: str, *, creator: Callable[[], Any] | None = None, read_only: bool = False) -> Engine:
    """An engine for `url`; on SQLite every connection gets WAL, synchronous=NORMAL, foreign keys, busy timeout.

    `creator` makes the DBAPI connections instead of the URL (read-only SQLite files); `read_only` makes
    every connection refuse writes (SQLite: query_only, the file's journal mode left alone; PostgreSQL: READ
    ONLY transactions, which the server enforces).
    """
    options: dict[str, Any] = {"creator": creator} if creator is not None else {}
    engine = create_engine(url, json_serializer=_json_dumps, **options)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, read_only)
    elif read_only and engine.dialect.name == "postgresql":
        engine = engine.execution_options(postgresql_readonly=True)
    return engine


def _configure_sqlite(engine: Engine, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take BEGIN away from the sqlite3 module (it would skip it before SELECT and DDL); see _on_begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if read_only:
                cursor.execute("PRAGMA query_only = ON")
                return
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                _switch_to_wal(cursor)
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            for pragma in WAL_PRAGMAS:
                cursor.execute(f"PRAGMA {pragma}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Writers ask for BEGIN IMMEDIATE: they take the write lock up front (waiting up to busy_timeout)
        # instead of reading first and failing with SQLITE_BUSY when another process wrote meanwhile.
        mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _switch_to_wal(cursor: Any) -> None:
    """Put a new database file in WAL mode (the mode is kept in the file, so this happens once).

    The switch needs an exclusive lock, and SQLite reports "database is locked" at once instead of
    waiting busy_timeout when another process is creating the same file, so wait here instead.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


@lru_cache(maxsize=1)
def script_location() -> str:
    """Where Alembic finds the migrations: the package's folder, or a copy of it when the package is zipped.

    Alembic reads migration scripts as files; a project deployed to scrapyd runs from a zipped egg, so
    there the folder is copied out once per process (and removed when the process exits).
    """
    folder = resources.files("newsarchive.store").joinpath("migrations")
    if Path(str(folder)).is_dir():
        return SCRIPT_LOCATION
    target = Path(tempfile.mkdtemp(prefix="newsarchive-migrations-"))
    atexit.register(shutil.rmtree, target, True)

    def copy(source: Any, dest: Path) -> None:
        dest.mkdir(exist_ok=True)
        for item in source.iterdir():
            if item.is_dir():
                copy(item, dest / item.name)
            elif not item.name.endswith(".pyc"):
                (dest / item.name).write_bytes(item.read_bytes())

    copy(folder, target)
    return str(target)


def alembic_config(url: str | None = None) -> Config:
    """An Alembic Config for the packaged migrations (no alembic.ini needed); `url` is the database to migrate."""
    config = Config()
    config.set_main_option("script_location", script_location())
    if url is not None:
        # Config values go through ConfigParser interpolation, where a bare % would be an error.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration, in one write transaction.

    Two processes opening a new archive at once take turns: SQLite through BEGIN IMMEDIATE, PostgreSQL
    through an advisory lock; the second then finds the schema at head and has nothing to do.
    """
    with engine.connect() as connection:
        connection = connection.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


def display_name(db: str) -> str:
    """How messages name an archive: the path as given, or the URL without its password."""
    if "://" not in db:
        return db
    try:
        return make_url(db).render_as_string(hide_password=True)
    except Exception:  # not even a URL: show it as given
        return db
