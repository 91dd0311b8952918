"""The Archive: the one object pipelines and the CLI use to write and read articles, runs and problems."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from newsarchive.items import Article

from . import captures as warc_captures
from . import clusters as story_clusters
from . import crawlstate, exports, fulltext, history, reading, runs
from .aliases import DEFAULT_MAX_ALIASES
from .engine import BEGIN_OPTION, MIGRATION_LOCK, database_url, display_name, make_engine, upgrade
from .errors import StoreError, one_line_reason
from .matching import Conflict, SaveResult
from .models import ArticleRow
from .readonly import open_to_read, refuse_foreign, schema_revision
from .reextraction import Reextraction
from .rows import summary_json
from .search import parse_query
from .writer import save_batch

ARTICLES = ArticleRow.__table__

# A batch that collides with a concurrent writer (PostgreSQL) is retried this many times in all.
SAVE_ATTEMPTS = 3
RACE_SQLSTATES = {"23505", "40P01", "40001"}


def _lost_race(error: BaseException | None) -> bool:
    """Whether a failed batch collided with a concurrent writer (worth running again)."""
    if isinstance(error, Conflict):
        return True
    # PostgreSQL: unique_violation, deadlock_detected, serialization_failure. SQLite never gets here:
    # its writers take turns (BEGIN IMMEDIATE).
    return isinstance(error, DBAPIError) and getattr(error.orig, "sqlstate", None) in RACE_SQLSTATES


class Archive(
    crawlstate.CrawlState, reading.ArticleReads, Reextraction, warc_captures.CaptureReads, exports.ExportReads
):
    """An open archive (SQLite file path or SQLAlchemy URL) whose schema is at the newest migration.

    `fts=False` skips full-text indexing while writing (bulk loads); the next open to write rebuilds the index
    (until then a search on an archive opened to read scans the articles).
    `similarity` is the estimated Jaccard similarity of two bodies (0..1) at which saves put them in one
    story cluster (default story_clusters.DEFAULT_THRESHOLD). `clusters=False` saves without the story-cluster index
    (about half of a save's cost): the next open to write indexes the articles saved without it. `max_aliases`
    is how many URLs are kept as aliases of one article (None: every one). `read_only=True` opens an existing
    archive without creating, migrating or writing anything, derived indexes included (see readonly.py).
    Usable as a context manager; close() releases the connections.
    """

    max_aliases: int | None = DEFAULT_MAX_ALIASES

    def __init__(
        self,
        db: str,
        *,
        fts: bool = True,
        similarity: float | None = None,
        clusters: bool = True,
        read_only: bool = False,
    ) -> None:
        self.db = db
        self.fts = fts
        self.clusters = clusters
        self.read_only = read_only
        self._clusters_checked = False
        self.similarity = story_clusters.DEFAULT_THRESHOLD if similarity is None else float(similarity)
        if not 0.0 < self.similarity <= 1.0:
            raise StoreError(f"similarity threshold must be above 0 and at most 1, not {similarity}")
        self._site_ids: dict[str, int] = {}
        self.name = display_name(db)
        self._behind: str | None = None  # why a read-only archive's schema may not read as this code expects
        if read_only:
            self.engine, self._behind = open_to_read(db, self.name)
            return
        try:
            refuse_foreign(db, self.name)  # before the engine, which would put the file in WAL mode
            self.engine = make_engine(database_url(db))
        except (ValueError, SQLAlchemyError, ImportError) as error:
            raise StoreError(f"cannot open archive {self.name}: {one_line_reason(error)}") from error
        try:
            upgrade(self.engine)
        except Exception as error:  # not a database, server down, a revision newer than this code ...
            self.engine.dispose()
            raise StoreError(f"cannot open archive {self.name}: {one_line_reason(error)}") from error
        if fts:
            self._catch_up_search_index()
        if clusters:
            # Likewise story clusters missing or behind (articles saved with clusters off): `related`, a read,
            # uses them as they are.
            self._ensure_neardup_index()
            self._clusters_checked = True

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Archive({self.name!r})"

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    @contextmanager
    def _read(self, action: str) -> Iterator[Connection]:
        try:
            with self.engine.connect() as connection:
                yield connection
        except SQLAlchemyError as error:
            if self._behind:
                raise StoreError(self._behind) from error
            raise StoreError(f"cannot {action} in {self.name}: {one_line_reason(error)}") from error

    @contextmanager
    def _write(self, action: str, *, index: bool = False) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back entirely if it raises.

        `index`: it only brings a derived index (full text, story clusters) up to date. An archive opened
        to read writes nothing, not even those: a read never writes.
        """
        if self.read_only:
            raise StoreError(f"cannot {action} in {self.name}: it was opened to read only")
        try:
            with self.engine.connect() as connection:
                connection = connection.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
                with connection.begin():
                    yield connection
        except (SQLAlchemyError, Conflict) as error:
            raise StoreError(f"cannot {action} in {self.name}: {one_line_reason(error)}") from error

    # --- crawl runs and problems ----------------------------------------------------------------

    def start_run(self, site: str, spider: str, args: dict[str, Any] | None = None) -> int:
        """Record the start of a crawl; returns the run id that saves and problems refer to."""
        with self._write("start a run") as connection:
            return runs.start(connection, site, spider, args)

    def finish_run(self, run_id: int, status: str, stats: dict[str, Any]) -> None:
        """Record how a crawl ended (finished | failed | interrupted), its counters and full stats."""
        runs.check_status(status)
        with self._write("finish a run") as connection:
            runs.finish(connection, run_id, status, stats)

    def record_problems(self, rows: list[dict[str, Any]], run_id: int | None = None) -> None:
        """Keep the pages that were dropped (with the reason) or failed, so nothing goes without a trace."""
        values = runs.problem_rows(rows, run_id)
        if values:
            with self._write("record problems") as connection:
                runs.record(connection, values)

    def schema_revision(self) -> str:
        """The archive's schema revision (its newest migration)."""
        with self._read("read the schema revision") as connection:
            return schema_revision(connection, self.name)

    def problems(self, run_id: int | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Recorded problems (id, run_id, url, kind, reason, at), newest first, of one run or all."""
        with self._read("list problems") as connection:
            return runs.list_problems(connection, run_id, limit)

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """Crawl runs, newest first, with their counters and stats."""
        with self._read("list runs") as connection:
            return runs.list_runs(connection, limit)

    def run(self, run_id: int) -> dict[str, Any] | None:
        """One crawl run as runs() shows it, or None when there is no such run."""
        with self._read("read a run") as connection:
            found = runs.list_runs(connection, 1, run_id=run_id)
        return found[0] if found else None

    # --- articles -----------------------------------------------------------------------------------

    def save_articles(self, articles: list[Article], run_id: int | None = None) -> list[SaveResult]:
        """Save a batch in one transaction, all or nothing; one SaveResult per article, in order."""
        articles = list(articles)
        if self.clusters and not self._clusters_checked:
            self._ensure_neardup_index()
            self._clusters_checked = True
        for attempt in range(1, SAVE_ATTEMPTS + 1):
            try:
                with self._write(f"save a batch of {len(articles)}") as connection:
                    return save_batch(
                        connection,
                        articles,
                        run_id=run_id,
                        index_text=self.fts,
                        known_sites=self._site_ids,
                        similarity=self.similarity,
                        clusters=self.clusters,
                        max_aliases=self.max_aliases,
                    )
            except StoreError as error:
                # A unique key hit between our lookup and our write can only come from a concurrent
                # writer (PostgreSQL); the batch was rolled back as a whole, so it is simply run again.
                if attempt == SAVE_ATTEMPTS or not _lost_race(error.__cause__):
                    raise
        raise AssertionError("unreachable")

    def related(self, id_or_url: str | int) -> list[dict[str, Any]] | None:
        """The other versions of the article's story (its cluster), most similar first, with `similarity`."""
        if not self.read_only:
            self._ensure_neardup_index()
        else:
            # Opened to read, the index is used as it is (articles saved with clusters off since are not in
            # it until the next crawl with clusters on), unless there is none to use.
            with self._read("check the near-duplicate index") as connection:
                usable = story_clusters.is_current(connection)
            if not usable:
                raise StoreError(
                    f"cannot list related versions in {self.name}: its story clusters are not built (saved with "
                    "clusters off, or by another version); the next crawl into it with clusters on builds them"
                )
        with self._read("list related versions") as connection:
            found = history.resolve(connection, id_or_url)
            if found is None:
                return None
            nearby = story_clusters.related(connection, found)
            return [{**summary_json(row), "similarity": score} for row, score in nearby]

    def _ensure_neardup_index(self) -> None:
        # Built when first needed for an archive made before the index existed or by another signature
        # version, and caught up when articles were saved with clusters=False; reading commands that do not
        # need it never wait for it.
        with self._read("check the near-duplicate index") as connection:
            ready = story_clusters.is_current(connection) and not story_clusters.has_pending(connection)
        if not ready:
            with self._write("build the near-duplicate index", index=True) as connection:
                if connection.dialect.name == "postgresql":  # two openers must not both build it (SQLite: IMMEDIATE)
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
                if not story_clusters.is_current(connection):
                    story_clusters.rebuild(connection, self.similarity)
                elif story_clusters.has_pending(connection):
                    story_clusters.catch_up(connection, self.similarity)

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        site: str | None = None,
        max_chars: int | None = None,
        max_terms: int | None = None,
    ) -> list[dict[str, Any]]:
        """Articles matching `query`, best first (id, url, site, headline, published, snippet).

        Words are ANDed, "quoted phrases" match as written, OR joins two terms, a leading - excludes one;
        SearchQueryError for a malformed query, or one over `max_chars` characters or `max_terms` terms.
        """
        parsed = parse_query(query, max_chars=max_chars, max_terms=max_terms)
        with self._read("check the search index") as connection:
            stale = fulltext.has_index(connection) and not fulltext.is_current(connection)
        if stale and self.read_only:
            # Opened to read, it is scanned instead: slower, but never silently incomplete (the next crawl
            # into the archive rebuilds the index).
            with self._read("search") as connection:
                return fulltext.search(connection, parsed, limit=limit, site=site, use_index=False)
        if stale:
            self.rebuild_search_index()
        with self._read("search") as connection:
            return fulltext.search(connection, parsed, limit=limit, site=site)

    def _catch_up_search_index(self) -> None:
        # Opened to write (a crawl): an index left behind by writes with fts=False or an older segmentation
        # is rebuilt now, since read commands never write and would have to scan the articles instead. An
        # empty archive's index is complete as it is: saves then keep it in step from the first article on.
        with self._read("check the search index") as connection:
            stale = fulltext.has_index(connection) and not fulltext.is_current(connection)
        if stale:
            self.rebuild_search_index()

    def rebuild_search_index(self) -> int:
        """Re-index every article (after writes with fts=False); returns how many were indexed."""
        with self._write("rebuild the search index", index=True) as connection:
            return fulltext.rebuild(connection) if fulltext.has_index(connection) else 0
