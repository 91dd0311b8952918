"""Fixtures for the store tests: a fresh SQLite archive file."""

from __future__ import annotations

import pytest

from newsarchive.store import open_archive


@pytest.fixture
def archive(tmp_path):
    """An archive in a new SQLite file (overridden by test_postgres.py for PostgreSQL)."""
    opened = open_archive(str(tmp_path / "archive.db"))
    yield opened
    opened.close()
