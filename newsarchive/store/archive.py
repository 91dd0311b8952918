"""The Archive: the one object pipelines and the CLI use to write and read articles, runs and problems."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, desc, func, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from newsarchive.items import Article, iso

from . import clusters as story_clusters
from . import crawlstate, fulltext, history, runs
from .engine import BEGIN_OPTION, MIGRATION_LOCK, database_url, display_name, make_engine, upgrade
from .errors import StoreError
from .models import PROBLEM_KINDS, ArticleRow, CrawlRunRow, ProblemRow, RelatedLinkRow, SiteRow
from .rows import article_json, summary_json
from .search import parse_query
from .writer import Conflict, SaveResult, save_batch

ARTICLES = ArticleRow.__table__
LINKS = RelatedLinkRow.__table__
SITES = SiteRow.__table__

# A batch that collides with a concurrent writer (PostgreSQL) is retried this many times in all.
SAVE_ATTEMPTS = 3
RACE_SQLSTATES = {"23505", "40P01", "40001"}
STREAM_CHUNK = 500


def _reason(error: BaseException) -> str:
    """A one-line reason: the driver's own message when there is one."""
    message = str(getattr(error, "orig", None) or error).strip()
    return message.splitlines()[0] if message else type(error).__name__


def _lost_race(error: BaseException | None) -> bool:
    """Whether a failed batch collided with a concurrent writer (worth running again)."""
    if isinstance(error, Conflict):
        return True
    # PostgreSQL: unique_violation, deadlock_detected, serialization_failure. SQLite never gets here:
    # its writers take turns (BEGIN IMMEDIATE).
    return isinstance(error, DBAPIError) and getattr(error.orig, "sqlstate", None) in RACE_SQLSTATES


class Archive(crawlstate.CrawlState):
    """An open archive (SQLite file path or SQLAlchemy URL) whose schema is at the newest migration.

    `fts=False` skips full-text indexing while writing (bulk loads); the next search rebuilds the index.
    `similarity` is the estimated Jaccard similarity of two bodies (0..1) at which saves put them in one
    story cluster (default story_clusters.DEFAULT_THRESHOLD). `clusters=False` saves without the story-cluster index
    (about half of a save's cost): the first save or related() that wants it then indexes the articles saved
    without it. Usable as a context manager; close() releases the connections.
    """

    def __init__(self, db: str, *, fts: bool = True, similarity: float | None = None, clusters: bool = True) -> None:
        self.db = db
        self.fts = fts
        self.clusters = clusters
        self._clusters_checked = False
        self.similarity = story_clusters.DEFAULT_THRESHOLD if similarity is None else float(similarity)
        if not 0.0 < self.similarity <= 1.0:
            raise StoreError(f"similarity threshold must be above 0 and at most 1, not {similarity}")
        self._site_ids: dict[str, int] = {}
        self.name = display_name(db)
        try:
            self.engine = make_engine(database_url(db))
        except (ValueError, SQLAlchemyError, ImportError) as error:
            raise StoreError(f"cannot open archive {self.name}: {_reason(error)}") from error
        try:
            upgrade(self.engine)
        except Exception as error:  # not a database, server down, a revision newer than this code ...
            self.engine.dispose()
            raise StoreError(f"cannot open archive {self.name}: {_reason(error)}") from error
        if fts:
            self._start_empty_index()

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
            raise StoreError(f"cannot {action} in {self.name}: {_reason(error)}") from error

    @contextmanager
    def _write(self, action: str) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back entirely if it raises."""
        try:
            with self.engine.connect() as connection:
                connection = connection.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
                with connection.begin():
                    yield connection
        except (SQLAlchemyError, Conflict) as error:
            raise StoreError(f"cannot {action} in {self.name}: {_reason(error)}") from error

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
                    )
            except StoreError as error:
                # A unique key hit between our lookup and our write can only come from a concurrent
                # writer (PostgreSQL); the batch was rolled back as a whole, so it is simply run again.
                if attempt == SAVE_ATTEMPTS or not _lost_race(error.__cause__):
                    raise
        raise AssertionError("unreachable")

    def resolve(self, id_or_url: str | int) -> int | None:
        """The id of the article with this id, or stored under (or seen at) this URL or a variant of it."""
        with self._read("look up an article") as connection:
            return history.resolve(connection, id_or_url)

    def get(self, id_or_url: str | int) -> dict[str, Any] | None:
        """One article's full JSON by id (int or numeric string) or any of its URLs; None when there is none.

        Besides the article keys: sources, pages, first/last seen, the tz flag, its revision number,
        its story cluster (null when it has no near duplicate) and every URL it was seen under.
        """
        with self._read("read an article") as connection:
            found = history.resolve(connection, id_or_url)
            if found is None:
                return None
            row = connection.execute(self._articles().where(ARTICLES.c.id == found)).mappings().one()
            links = _links(connection, [found])
            urls = history.aliases(connection, found)
            listed = crawlstate.listed_dates(connection, urls)
        data = article_json(row, row["site"], links.get(found, []))
        data.update(revision=row["revision"], story_cluster=row["cluster_id"], aliases=urls, listed=listed)
        return data

    def history(self, id_or_url: str | int, *, bodies: bool = False) -> list[dict[str, Any]] | None:
        """Every revision of the article, oldest first (the last is current); None when there is no article."""
        with self._read("read revisions") as connection:
            found = history.resolve(connection, id_or_url)
            return None if found is None else history.revisions(connection, found, bodies=bodies)

    def changed(
        self, since: datetime, field: str = "headline", *, site: str | None = None, limit: int = 50
    ) -> list[dict[str, Any]]:
        """Articles whose headline, body or either ("any") changed since `since`, newest change first."""
        with self._read("list changed articles") as connection:
            return history.changed(connection, since, field, site=site, limit=limit)

    def related(self, id_or_url: str | int) -> list[dict[str, Any]] | None:
        """The other versions of the article's story (its cluster), most similar first, with `similarity`."""
        self._ensure_neardup_index()
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
            with self._write("build the near-duplicate index") as connection:
                if connection.dialect.name == "postgresql":  # two openers must not both build it (SQLite: IMMEDIATE)
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
                if not story_clusters.is_current(connection):
                    story_clusters.rebuild(connection, self.similarity)
                elif story_clusters.has_pending(connection):
                    story_clusters.catch_up(connection, self.similarity)

    def iter_articles(self, site: str | None = None) -> Iterator[dict[str, Any]]:
        """Every article's full JSON in id order, streamed in chunks, never the whole archive in memory."""
        query = self._articles().order_by(ARTICLES.c.id)
        if site is not None:
            query = query.where(SITES.c.name == site)
        with self._read("read articles") as connection:
            result = connection.execution_options(yield_per=STREAM_CHUNK).execute(query).mappings()
            for chunk in result.partitions():
                links = _links(connection, [row["id"] for row in chunk])
                for row in chunk:
                    yield article_json(row, row["site"], links.get(row["id"], []))

    def latest(self, limit: int = 20, site: str | None = None) -> list[dict[str, Any]]:
        """The most recently published articles (id, url, site, headline, published), newest first."""
        published = desc(ARTICLES.c.published)
        if self.engine.dialect.name != "sqlite":
            published = published.nulls_last()  # SQLite already sorts NULL last when descending
        query = (
            select(
                ARTICLES.c.id,
                ARTICLES.c.url,
                SITES.c.name.label("site"),
                ARTICLES.c.headline,
                ARTICLES.c.published,
                ARTICLES.c.published_offset,
            )
            .join(SITES, SITES.c.id == ARTICLES.c.site_id)
            .order_by(published, desc(ARTICLES.c.id))
            .limit(limit)
        )
        if site is not None:
            query = query.where(SITES.c.name == site)
        with self._read("list articles") as connection:
            return [summary_json(row) for row in connection.execute(query).mappings()]

    def search(self, query: str, *, limit: int = 20, site: str | None = None) -> list[dict[str, Any]]:
        """Articles matching `query`, best first (id, url, site, headline, published, snippet).

        Words are ANDed, "quoted phrases" match as written, OR joins two terms, a leading - excludes one;
        SearchQueryError for a malformed query.
        """
        parsed = parse_query(query)
        with self._read("check the search index") as connection:
            stale = fulltext.has_index(connection) and not fulltext.is_current(connection)
        if stale:
            self.rebuild_search_index()
        with self._read("search") as connection:
            return fulltext.search(connection, parsed, limit=limit, site=site)

    def _start_empty_index(self) -> None:
        # The index of an archive without articles is complete as it is: say so, so that saves keep it
        # in step from the first article on (otherwise the first search would have to rebuild it).
        with self._read("check the search index") as connection:
            empty = connection.scalar(select(ARTICLES.c.id).limit(1)) is None
            start = empty and fulltext.has_index(connection) and not fulltext.is_current(connection)
        if start:
            self.rebuild_search_index()

    def rebuild_search_index(self) -> int:
        """Re-index every article (after writes with fts=False); returns how many were indexed."""
        with self._write("rebuild the search index") as connection:
            return fulltext.rebuild(connection) if fulltext.has_index(connection) else 0

    def stats(self) -> dict[str, Any]:
        """Counts: articles (in all and per site), publication date range, runs, problems by kind."""
        with self._read("count articles") as connection:
            per_site = connection.execute(
                select(SITES.c.name, func.count(ARTICLES.c.id))
                .outerjoin(ARTICLES, ARTICLES.c.site_id == SITES.c.id)
                .group_by(SITES.c.name)
                .order_by(SITES.c.name)
            ).all()
            oldest, newest = connection.execute(
                select(func.min(ARTICLES.c.published), func.max(ARTICLES.c.published))
            ).one()
            run_count = connection.scalar(select(func.count()).select_from(CrawlRunRow.__table__))
            problems = dict(connection.execute(select(ProblemRow.kind, func.count()).group_by(ProblemRow.kind)).all())
        return {
            "articles": sum(count for _name, count in per_site),
            "sites": dict(per_site),
            "oldest_published": iso(oldest),
            "newest_published": iso(newest),
            "runs": run_count,
            "problems": {kind: problems.get(kind, 0) for kind in PROBLEM_KINDS},
        }

    @staticmethod
    def _articles() -> Any:
        return select(ARTICLES, SITES.c.name.label("site")).join(SITES, SITES.c.id == ARTICLES.c.site_id)


def _links(connection: Connection, ids: list[int]) -> dict[int, list[dict[str, str]]]:
    """Related links of the given articles, in page order."""
    links: dict[int, list[dict[str, str]]] = {}
    query = (
        select(LINKS.c.article_id, LINKS.c.url, LINKS.c.title)
        .where(LINKS.c.article_id.in_(ids))
        .order_by(LINKS.c.article_id, LINKS.c.position)
    )
    for article_id, url, title in connection.execute(query):
        links.setdefault(article_id, []).append({"url": url, "title": title})
    return links
