"""Opening an archive only to read it: a read-only SQLite connection, and the check that the file is an archive.

Reading commands must never change what they are pointed at: SQLite's `mode=ro` cannot create a file, a
table or a journal, so another application's database or an empty file stays exactly as it was, and an
archive without write permission (file or folder) can still be read.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from .engine import BUSY_TIMEOUT_MS, alembic_config, database_url, make_engine
from .errors import StoreError, one_line_reason

# Tables every archive has had since its first schema; a database without them is not an archive.
ARCHIVE_TABLES = {"alembic_version", "articles", "sites", "store_meta"}


def sqlite_path(db: str) -> Path | None:
    """The file an SQLite `db` (path or sqlite:/// URL) names; None for other databases and in-memory ones."""
    url = make_url(database_url(db))
    if url.get_backend_name() != "sqlite":
        return None
    return Path(url.database) if url.database and url.database != ":memory:" else None


def open_to_read(db: str, name: str) -> tuple[Engine, str | None]:
    """A read-only engine on the archive `db`, and why its schema may not read as this code expects (or None).

    StoreError when it is missing or not an archive. A schema older or newer than this code's is read while
    the reading queries work; the reason returned is what a query that fails then says.
    """
    try:
        engine = read_only_engine(db, name)
    except (ValueError, SQLAlchemyError, ImportError) as error:
        raise StoreError(f"cannot open archive {name}: {one_line_reason(error)}") from error
    try:
        with engine.connect() as connection:
            revision = schema_revision(connection, name)
    except SQLAlchemyError as error:  # not a database at all, a truncated one, a server that refuses ...
        engine.dispose()
        raise StoreError(f"cannot open archive {name}: {one_line_reason(error)}") from error
    except StoreError:
        engine.dispose()
        raise
    return engine, None if revision == known_revisions()[0] else behind_message(name, revision)


def read_only_engine(db: str, name: str) -> Engine:
    """An engine that can only read `db`; an SQLite file must exist (StoreError "no archive at ...")."""
    path = sqlite_path(db)
    if path is None:  # PostgreSQL and the like: never migrated, and every transaction is READ ONLY
        return make_engine(database_url(db), read_only=True)
    if not path.is_file():
        raise StoreError(f"no archive at {name}: `newsarchive crawl` or `newsarchive demo` makes one")
    if path.stat().st_size == 0:
        raise StoreError(f"{name} is an empty file, not a newsarchive archive")
    path = path.resolve()
    return make_engine(f"sqlite:///{path}", creator=lambda: _connect(path), read_only=True)


def _connect(path: Path) -> sqlite3.Connection:
    uri = f"file:{quote(str(path))}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError as error:
        connection.close()
        if "unable to open" not in str(error):  # locked, I/O error ...: never guess around those
            raise
    # An archive in WAL mode needs its -shm file, which a reader creates beside it; in a folder it may not
    # write, read the file as it is (immutable: no locks, no -shm), unless a write-ahead log holds changes
    # not yet copied into the file, which immutable reading would silently miss.
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(
            f"cannot read {path}: its write-ahead log {wal.name} holds recent changes and this folder does "
            "not let a reader create the -shm file it needs; open it once where the folder is writable"
        )
    return sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)


def refuse_foreign(db: str, name: str) -> None:
    """StoreError when the SQLite file `db` holds another application's tables (a write would add ours to them).

    A new, empty or archive file passes; so does a file SQLite cannot read (opening it says why).
    """
    path = sqlite_path(db)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except sqlite3.Error:
        return
    if tables and not tables & ARCHIVE_TABLES:
        shown = ", ".join(sorted(tables)[:3]) + (", ..." if len(tables) > 3 else "")
        raise StoreError(
            f"{name} is not a newsarchive archive (an SQLite database with other tables: {shown}); "
            "give --db a new file or an archive"
        )


@lru_cache(maxsize=1)
def known_revisions() -> tuple[str, tuple[str, ...]]:
    """The newest schema revision this code knows, and every revision it knows."""
    script = ScriptDirectory.from_config(alembic_config())
    return script.get_current_head() or "", tuple(rev.revision for rev in script.walk_revisions())


def schema_revision(connection: Connection, name: str) -> str:
    """The archive's schema revision; StoreError when the database is not a newsarchive archive."""
    tables = set(inspect(connection).get_table_names())
    missing = ARCHIVE_TABLES - tables
    if missing:
        what = "an SQLite database" if connection.dialect.name == "sqlite" else "a database"
        tables_named = ", ".join(sorted(missing)) + (" tables" if len(missing) > 1 else " table")
        raise StoreError(f"{name} is not a newsarchive archive ({what} without the {tables_named})")
    revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
    if not revision:
        raise StoreError(f"{name} is not a newsarchive archive (no schema revision)")
    return str(revision)


def behind_message(name: str, revision: str) -> str:
    """What to do with an archive whose schema this code does not read as it is."""
    head, known = known_revisions()
    if revision in known:
        return (
            f"{name} has an older schema ({revision}; this newsarchive reads {head}): `newsarchive upgrade "
            f"--db {name}` upgrades it (so does the next crawl into it)"
        )
    return f"{name} has schema {revision}, newer than this newsarchive knows ({head}): upgrade newsarchive"
