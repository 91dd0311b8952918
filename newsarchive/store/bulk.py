"""Bulk statements for batch writes, with as little per-row Python work as SQLAlchemy allows.

SQLAlchemy's executemany costs several microseconds per row in parameter bookkeeping, which for a
batch of small rows is more than the database's own work. These helpers keep SQLAlchemy for what it
is good at (compiling for the dialect, the column types' bind processors) and hand the rows straight
to the driver's cursor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Dialect, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

# Keep IN (...) lists well under every backend's bound-parameter limit (SQLite 32766, PostgreSQL 65535).
CHUNK = 500


def chunks(values: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def upsert_insert(connection: Connection, table: Table) -> Any:
    """The dialect's INSERT, the one that has on_conflict_do_nothing()."""
    return (sqlite.insert if connection.dialect.name == "sqlite" else postgresql.insert)(table)


@lru_cache(maxsize=32)
def _plain_insert_sql(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> tuple[str, tuple[str, ...] | None]:
    compiled = table.insert().compile(dialect=dialect, column_keys=list(keys))
    order = compiled.positiontup if compiled.positional else None
    return str(compiled), tuple(order) if order is not None else None


def insert_plain(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT rows whose values need no type conversion (ints, strings) in one driver executemany."""
    if not rows:
        return
    sql, order = _plain_insert_sql(connection.dialect, table, tuple(rows[0]))
    params: list[Any] = rows
    if order:
        get = itemgetter(*order)
        params = [get(row) if len(order) > 1 else (get(row),) for row in rows]
    connection.exec_driver_sql(sql, params)


def insert_tuples(connection: Connection, table: Table, keys: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """insert_plain() for rows given as tuples in the order of `keys` (no dict per row to build or read)."""
    if not rows:
        return
    sql, order = _plain_insert_sql(connection.dialect, table, keys)
    params: list[Any] = rows
    if order and order != keys:
        position = [keys.index(key) for key in order]
        params = [tuple(row[i] for i in position) for row in rows]
    elif not order:
        params = [dict(zip(keys, row, strict=True)) for row in rows]
    connection.exec_driver_sql(sql, params)


def select_in(
    connection: Connection, table: Table, columns: tuple[str, ...], key: str, values: list[Any]
) -> Iterator[tuple[Any, ...]]:
    """Rows (`columns` of `table`) whose `key` is one of `values` (plain ints or strings), CHUNK values per
    statement, straight from the driver: SQLAlchemy's expanding IN costs microseconds per value."""
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    head = f"SELECT {', '.join(columns)} FROM {table.name} WHERE {key} IN "
    for chunk in chunks(values):
        yield from connection.exec_driver_sql(head + "(" + ", ".join([mark] * len(chunk)) + ")", tuple(chunk))


@lru_cache(maxsize=32)
def _processors(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> tuple[Callable[[Any], Any] | None, ...]:
    return tuple(table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in keys)


@lru_cache(maxsize=32)
def _returning_sql(table: Table, keys: tuple[str, ...], returning: tuple[str, ...]) -> str:
    return (
        f"INSERT INTO {table.name} ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))}) "
        f"ON CONFLICT DO NOTHING RETURNING {', '.join(returning)}"
    )


def insert_new(
    connection: Connection, table: Table, rows: list[dict[str, Any]], returning: tuple[str, ...]
) -> list[tuple[Any, ...]]:
    """INSERT ... ON CONFLICT DO NOTHING RETURNING `returning` for the rows the database accepted.

    Rows that hit any unique key are skipped by the database and do not come back.
    """
    if not rows:
        return []
    if connection.dialect.name != "sqlite":
        statement = upsert_insert(connection, table).on_conflict_do_nothing()
        statement = statement.returning(*(table.c[name] for name in returning))
        return [tuple(row) for row in connection.execute(statement, rows)]
    # SQLite: the sqlite3 module has no executemany that returns rows, and one multi-row VALUES
    # statement is slower for SQLite itself, so the prepared single-row statement runs once per row on
    # this connection's own cursor (inside the same transaction). Values go through the columns' bind
    # processors (JSON, UTC timestamps) exactly as SQLAlchemy would send them.
    keys = tuple(rows[0])
    columns = list(zip(keys, _processors(connection.dialect, table, keys), strict=True))
    sql = _returning_sql(table, keys, returning)
    accepted: list[tuple[Any, ...]] = []
    cursor = connection.connection.cursor()
    params: list[Any] = []
    try:
        for row in rows:
            params = [row[key] if process is None else process(row[key]) for key, process in columns]
            found = cursor.execute(sql, params).fetchone()
            if found is not None:
                accepted.append(tuple(found))
    except connection.dialect.loaded_dbapi.Error as error:
        # Report it the way every other statement's failure is reported: as SQLAlchemy's exception.
        raise DBAPIError.instance(sql, params, error, connection.dialect.loaded_dbapi.Error) from error
    finally:
        cursor.close()
    return accepted
