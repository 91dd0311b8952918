"""What incremental crawls ask the archive: which URLs it holds, their validators and dates, last runs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, desc, func, select, update

from newsarchive.items import iso

from .bulk import upsert_insert
from .models import AliasRow, ArticleRow, CrawlRunRow, FetchStateRow, ProblemRow, SiteRow

ARTICLES = ArticleRow.__table__
ALIASES = AliasRow.__table__
FETCH = FetchStateRow.__table__
RUNS = CrawlRunRow.__table__
SITES = SiteRow.__table__
PROBLEMS = ProblemRow.__table__


class KnownUrl(NamedTuple):
    """An archived URL of a site and what scheduling its re-check needs."""

    url: str
    article_id: int
    article_url: str
    published: datetime  # the article's publication time, else when it was first seen
    last_fetch: datetime  # the last 200 or 304 for this URL, else when the article was last saved
    etag: str | None
    last_modified: str | None


def known_urls(connection: Connection, site: str) -> Iterator[KnownUrl]:
    """Every URL the archive holds an article of `site` under (aliases), with its fetch state."""
    query = (
        select(
            ALIASES.c.url,
            ARTICLES.c.id,
            ARTICLES.c.url.label("article_url"),
            ARTICLES.c.published,
            ARTICLES.c.first_seen,
            ARTICLES.c.last_seen,
            FETCH.c.fetched_at,
            FETCH.c.etag,
            FETCH.c.last_modified,
        )
        .join(ARTICLES, ARTICLES.c.id == ALIASES.c.article_id)
        .join(SITES, SITES.c.id == ARTICLES.c.site_id)
        .outerjoin(FETCH, FETCH.c.url == ALIASES.c.url)
        .where(SITES.c.name == site)
    )
    for row in connection.execute(query):
        last = max(t for t in (row.fetched_at, row.last_seen) if t is not None)
        yield KnownUrl(
            row.url, row.id, row.article_url, row.published or row.first_seen, last, row.etag, row.last_modified
        )


def record_fetches(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Upsert fetch_state rows: the newest validators and time win, 304s add up, feed dates are kept."""
    if not rows:
        return
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:  # one row per URL per statement (ON CONFLICT cannot touch a row twice)
        old = merged.get(row["url"])
        if old is not None:
            row = {
                **old,
                **{k: v for k, v in row.items() if v is not None},
                "not_modified": old["not_modified"] + row.get("not_modified", 0),
            }
        merged[row["url"]] = {
            "etag": None,
            "last_modified": None,
            "listed_published": None,
            "listed_modified": None,
            "not_modified": 0,
            **row,
        }
    statement = upsert_insert(connection, FETCH)
    new = statement.excluded
    statement = statement.on_conflict_do_update(
        index_elements=[FETCH.c.url],
        set_={
            "etag": func.coalesce(new.etag, FETCH.c.etag),
            "last_modified": func.coalesce(new.last_modified, FETCH.c.last_modified),
            "fetched_at": new.fetched_at,
            "status": new.status,
            "not_modified": FETCH.c.not_modified + new.not_modified,
            "listed_published": func.coalesce(new.listed_published, FETCH.c.listed_published),
            "listed_modified": func.coalesce(new.listed_modified, FETCH.c.listed_modified),
        },
    )
    connection.execute(statement, list(merged.values()))


def listed_dates(connection: Connection, urls: list[str]) -> dict[str, str | None]:
    """The publication/modification dates a feed or sitemap gave for any of these URLs (first found)."""
    found: dict[str, str | None] = {"published": None, "modified": None}
    query = select(FETCH.c.listed_published, FETCH.c.listed_modified).where(FETCH.c.url.in_(urls))
    for published, modified in connection.execute(query):
        found["published"] = found["published"] or iso(published)
        found["modified"] = found["modified"] or iso(modified)
    return found


def article_count(connection: Connection, site: str) -> int:
    query = select(func.count(ARTICLES.c.id)).join(SITES, SITES.c.id == ARTICLES.c.site_id)
    return connection.scalar(query.where(SITES.c.name == site)) or 0


def last_runs(connection: Connection) -> dict[str, dict[str, Any]]:
    """Each site's newest run: id, status, started/finished, new articles, warning."""
    newest = select(func.max(RUNS.c.id)).group_by(RUNS.c.site_id).scalar_subquery()
    query = (
        select(
            RUNS.c.id,
            SITES.c.name,
            RUNS.c.status,
            RUNS.c.started_at,
            RUNS.c.finished_at,
            RUNS.c.articles_new,
            RUNS.c.warning,
        )
        .join(SITES, SITES.c.id == RUNS.c.site_id)
        .where(RUNS.c.id.in_(newest))
        .order_by(desc(RUNS.c.id))
    )
    return {
        row.name: {
            "id": row.id,
            "status": row.status,
            "started_at": iso(row.started_at),
            "finished_at": iso(row.finished_at),
            "articles_new": row.articles_new,
            "warning": row.warning,
        }
        for row in connection.execute(query)
    }


def abandoned_runs(connection: Connection, site: str, host: str) -> list[tuple[int, int]]:
    """(run id, pid) of the site's runs still marked running that were started on `host`."""
    query = (
        select(RUNS.c.id, RUNS.c.args)
        .join(SITES, SITES.c.id == RUNS.c.site_id)
        .where(SITES.c.name == site, RUNS.c.status == "running")
    )
    return [
        (run_id, int(args["pid"]))
        for run_id, args in connection.execute(query)
        if isinstance(args, dict) and args.get("host") == host and str(args.get("pid", "")).isdigit()
    ]


def mark_interrupted(connection: Connection, run_ids: list[int], note: str) -> None:
    if run_ids:
        connection.execute(
            update(RUNS)
            .where(RUNS.c.id.in_(run_ids), RUNS.c.status == "running")
            .values(
                status="interrupted",
                finished_at=datetime.now(UTC),
                warning=note,
                stats={"close_reason": "process ended"},
            )
        )


def never_articles(connection: Connection, site: str, before_run: int | None) -> Iterator[str]:
    """URLs with problem rows in the site's runs (before `before_run`) that no archived article is known under."""
    query = (
        select(PROBLEMS.c.url)
        .distinct()
        .join(RUNS, RUNS.c.id == PROBLEMS.c.run_id)
        .join(SITES, SITES.c.id == RUNS.c.site_id)
        .where(SITES.c.name == site, ~select(ALIASES.c.url).where(ALIASES.c.url == PROBLEMS.c.url).exists())
    )
    if before_run is not None:
        query = query.where(PROBLEMS.c.run_id < before_run)
    for (url,) in connection.execute(query):
        yield url


class CrawlState:
    """The Archive's methods for incremental crawls (mixed into Archive, which provides _read/_write)."""

    _read: Callable[[str], AbstractContextManager[Connection]]
    _write: Callable[[str], AbstractContextManager[Connection]]

    def known_urls(self, site: str) -> list[KnownUrl]:
        """Every URL an article of `site` is archived under, with what scheduling a re-check needs."""
        with self._read("list archived URLs") as connection:
            return list(known_urls(connection, site))

    def record_fetches(self, rows: list[dict[str, Any]]) -> None:
        """Keep, per URL: etag, last_modified, fetched_at, status, not_modified (count), listed dates."""
        now = datetime.now(UTC)
        rows = [{"fetched_at": now, **row} for row in rows]
        if rows:
            with self._write("record fetches") as connection:
                record_fetches(connection, rows)

    def close_abandoned_runs(self, site: str, host: str, alive: Callable[[int], bool]) -> list[int]:
        """Mark interrupted the site's runs left "running" by a crawl process on `host` that is gone."""
        with self._write("close abandoned runs") as connection:
            gone = [run_id for run_id, pid in abandoned_runs(connection, site, host) if not alive(pid)]
            mark_interrupted(connection, gone, "the crawl process ended without finishing the run (killed)")
        return gone

    def article_count(self, site: str) -> int:
        """How many articles of `site` the archive holds."""
        with self._read("count articles") as connection:
            return article_count(connection, site)

    def last_runs(self) -> dict[str, dict[str, Any]]:
        """Each site's newest crawl run, by site name."""
        with self._read("list last runs") as connection:
            return last_runs(connection)

    def never_articles(self, site: str, before_run: int | None = None) -> set[str]:
        """The site's URLs that have only ever given problems (in runs before `before_run`), never an article.

        A re-crawl fetches them again (nothing is archived under them); the layout alarm leaves them out.
        """
        with self._read("list URLs that never gave an article") as connection:
            return set(never_articles(connection, site, before_run))
