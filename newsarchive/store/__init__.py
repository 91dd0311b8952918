"""The archive store: SQLAlchemy models, Alembic migrations, Japanese-aware search; all SQL lives here."""

from __future__ import annotations

from .archive import Archive
from .errors import SearchQueryError, StoreError
from .matching import SaveResult

__all__ = ["Archive", "SaveResult", "SearchQueryError", "StoreError", "open_archive", "upgrade_archive"]


def open_archive(
    db: str,
    *,
    fts: bool = True,
    similarity: float | None = None,
    clusters: bool = True,
    max_aliases: int | None = None,
    read_only: bool = False,
) -> Archive:
    """Open (creating or upgrading its schema) the archive at a file path or SQLAlchemy URL.

    Raises StoreError("cannot open archive <db>: <reason>") when it cannot be used.
    `fts=False` skips full-text indexing on writes (bulk loads); the next open to write rebuilds the index.
    `similarity` is the near-duplicate threshold for story clusters (None: the archive's default, 0.5).
    `clusters=False` saves without story clusters; the first save or `related` that wants them indexes the
    articles saved without them. `max_aliases` caps the URLs kept as aliases of one article (0: no cap;
    None: the archive's default). `read_only=True` opens an existing archive to read it: nothing is created,
    migrated or written (StoreError when `db` is missing or is not an archive). The store reads no
    environment: see newsarchive.crawler.environment.
    """
    archive = Archive(db, fts=fts, similarity=similarity, clusters=clusters, read_only=read_only)
    if max_aliases is not None:
        archive.max_aliases = max_aliases or None
    return archive


def upgrade_archive(db: str) -> tuple[str, str]:
    """Bring an existing archive's schema up to this code's, as the next crawl into it would; returns the
    revision before and after. StoreError when `db` is missing or is not an archive: nothing is created."""
    with open_archive(db, read_only=True) as archive:
        before = archive.schema_revision()
    with open_archive(db) as archive:
        return before, archive.schema_revision()
