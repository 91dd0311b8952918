"""Fixtures for the store tests: a new database and an archive on it, once on SQLite and once on PostgreSQL.

A test that takes `db` or `archive` runs on both engines, the PostgreSQL run skipped when psycopg is missing or
no server answers at 127.0.0.1:5432; `@pytest.mark.engines("sqlite")` (or "postgresql") keeps a test to one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from newsarchive.store import Archive, open_archive

ENGINES = ("sqlite", "postgresql")
SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
ADMIN = "host=127.0.0.1 port=5432 dbname=test user=postgres"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "engines(*names): run this store test only on these database engines")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("engines")
    engines = marker.args if marker else ENGINES
    unknown = set(engines) - set(ENGINES)
    if unknown:
        raise ValueError(f"unknown engines {sorted(unknown)} in {metafunc.definition.nodeid}; known: {ENGINES}")
    metafunc.parametrize("db", engines, indirect=True)


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The test server's URL; skips the test when psycopg is missing or the server does not answer."""
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'psycopg[binary]')")
    try:
        psycopg.connect(f"{ADMIN} connect_timeout=3").close()
    except psycopg.Error as error:
        problem = str(error).strip().splitlines()[0]
        pytest.skip(f"no PostgreSQL server at 127.0.0.1:5432 database test: {problem}")
    return SERVER


@pytest.fixture
def pg_url(postgres_server: str) -> Iterator[str]:
    """A URL whose tables live in a schema of their own, dropped after the test."""
    import psycopg

    schema = f"na_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{postgres_server}?options=-csearch_path%3D{schema}"
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def db(request: pytest.FixtureRequest, tmp_path) -> str:
    """Where a new, empty archive goes: an SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        return str(tmp_path / "archive.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def archive(db: str) -> Iterator[Archive]:
    """An archive opened on `db`, closed after the test."""
    opened = open_archive(db)
    yield opened
    opened.close()
