"""The archive store: SQLAlchemy models, Alembic migrations, Japanese-aware search; all SQL lives here."""

from __future__ import annotations

import os

from .archive import Archive
from .errors import SearchQueryError, StoreError
from .writer import SaveResult

__all__ = ["Archive", "SaveResult", "SearchQueryError", "StoreError", "default_db", "open_archive"]


def default_db() -> str:
    """The archive to use when none is named: $NEWSARCHIVE_DB, else ./newsarchive.db."""
    return os.environ.get("NEWSARCHIVE_DB") or "./newsarchive.db"


def open_archive(
    db: str | None = None, *, fts: bool = True, similarity: float | None = None, clusters: bool | None = None,
) -> Archive:
    """Open (creating or upgrading its schema) the archive at a file path or SQLAlchemy URL.

    Raises StoreError("cannot open archive <db>: <reason>") when it cannot be used.
    `fts=False` skips full-text indexing on writes (bulk loads); the next search rebuilds the index.
    `similarity` is the near-duplicate threshold for story clusters (default: $NEWSARCHIVE_SIMILARITY,
    else 0.5). `clusters=False` (or $NEWSARCHIVE_CLUSTERS=0) saves without story clusters; the first
    save or `related` that wants them indexes the articles saved without them.
    """
    if similarity is None and os.environ.get("NEWSARCHIVE_SIMILARITY"):
        try:
            similarity = float(os.environ["NEWSARCHIVE_SIMILARITY"])
        except ValueError:
            raise StoreError(f"NEWSARCHIVE_SIMILARITY must be a number, not {os.environ['NEWSARCHIVE_SIMILARITY']!r}")
    if clusters is None:
        clusters = os.environ.get("NEWSARCHIVE_CLUSTERS", "1").strip().lower() not in ("0", "false", "no", "off")
    return Archive(db if db is not None else default_db(), fts=fts, similarity=similarity, clusters=clusters)
