"""The Archive's reading queries: one article, its revisions and changes, the latest, all of them, counts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, desc, func, select

from newsarchive.items import iso

from . import captures as warc_captures
from . import crawlstate, history
from .models import PROBLEM_KINDS, ArticleRow, CrawlRunRow, ProblemRow, RelatedLinkRow, SiteRow
from .rows import article_json, summary_columns, summary_json

ARTICLES = ArticleRow.__table__
LINKS = RelatedLinkRow.__table__
SITES = SiteRow.__table__

STREAM_CHUNK = 500


class ArticleReads:
    """The Archive's methods that read articles and counts (mixed into Archive, which provides engine and _read)."""

    engine: Engine
    _read: Callable[[str], AbstractContextManager[Connection]]

    def resolve(self, id_or_url: str | int) -> int | None:
        """The id of the article with this id, or stored under (or seen at) this URL or a variant of it."""
        with self._read("look up an article") as connection:
            return history.resolve(connection, id_or_url)

    def get(self, id_or_url: str | int) -> dict[str, Any] | None:
        """One article's full JSON by id (int or numeric string) or any of its URLs; None when there is none.

        Besides the article keys: sources, pages, first/last seen, the tz flag, its revision number, what made
        that revision (`cause`, None for the first) and the extractor version that made its text, its story
        cluster (null when it has no near duplicate) and every URL it was seen under.
        """
        with self._read("read an article") as connection:
            found = history.resolve(connection, id_or_url)
            if found is None:
                return None
            row = connection.execute(self._articles().where(ARTICLES.c.id == found)).mappings().one()
            links = related_of(connection, [found])
            urls = history.aliases(connection, found)
            listed = crawlstate.listed_dates(connection, urls)
            cause = history.cause_of(connection, found, row["revision"])
        data = article_json(row, row["site"], links.get(found, []))
        data.update(
            revision=row["revision"],
            cause=cause,
            extractor_version=row["extractor_version"],
            story_cluster=row["cluster_id"],
            aliases=urls,
            listed=listed,
        )
        return data

    def history(self, id_or_url: str | int, *, bodies: bool = False) -> list[dict[str, Any]] | None:
        """Every revision of the article, oldest first (the last is current); None when there is no article."""
        with self._read("read revisions") as connection:
            found = history.resolve(connection, id_or_url)
            return None if found is None else history.revisions(connection, found, bodies=bodies)

    def changed(
        self,
        since: datetime,
        field: str = "headline",
        *,
        site: str | None = None,
        limit: int = 50,
        all_causes: bool = False,
    ) -> list[dict[str, Any]]:
        """Articles whose headline, body or either ("any") changed since `since`, newest change first: the
        publisher's edits, and with `all_causes` the changes re-extraction made too."""
        with self._read("list changed articles") as connection:
            return history.changed(connection, since, field, site=site, limit=limit, all_causes=all_causes)

    def iter_articles(self, site: str | None = None) -> Iterator[dict[str, Any]]:
        """Every article's full JSON in id order, streamed in chunks, never the whole archive in memory."""
        query = self._articles().order_by(ARTICLES.c.id)
        if site is not None:
            query = query.where(SITES.c.name == site)
        with self._read("read articles") as connection:
            result = connection.execution_options(yield_per=STREAM_CHUNK).execute(query).mappings()
            for chunk in result.partitions():
                links = related_of(connection, [row["id"] for row in chunk])
                for row in chunk:
                    yield article_json(row, row["site"], links.get(row["id"], []))

    def latest(self, limit: int = 20, site: str | None = None) -> list[dict[str, Any]]:
        """The most recently published articles (id, url, site, headline, published), newest first."""
        published = desc(ARTICLES.c.published)
        if self.engine.dialect.name != "sqlite":
            published = published.nulls_last()  # SQLite already sorts NULL last when descending
        query = (
            select(
                *summary_columns(),
            )
            .join(SITES, SITES.c.id == ARTICLES.c.site_id)
            .order_by(published, desc(ARTICLES.c.id))
            .limit(limit)
        )
        if site is not None:
            query = query.where(SITES.c.name == site)
        with self._read("list articles") as connection:
            return [summary_json(row) for row in connection.execute(query).mappings()]

    def stats(self) -> dict[str, Any]:
        """Counts: articles (in all and per site), publication date range, runs, problems by kind, and per
        site the captures and WARC bytes."""
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
            captures = warc_captures.per_site(connection)
        return {
            "articles": sum(count for _name, count in per_site),
            "sites": dict(per_site),
            "oldest_published": iso(oldest),
            "newest_published": iso(newest),
            "runs": run_count,
            "problems": {kind: problems.get(kind, 0) for kind in PROBLEM_KINDS},
            "captures": captures,
        }

    @staticmethod
    def _articles() -> Any:
        return select(ARTICLES, SITES.c.name.label("site")).join(SITES, SITES.c.id == ARTICLES.c.site_id)


def related_of(connection: Connection, ids: list[int]) -> dict[int, list[dict[str, str]]]:
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
