"""The export's queries: the articles a site, an age and a story cluster select, and the captures behind each."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, select

from . import captures as warc_captures
from .models import ArticleRow, SiteRow
from .reading import STREAM_CHUNK, related_of
from .rows import article_json

ARTICLES = ArticleRow.__table__
SITES = SiteRow.__table__


def selection(site: str | None, since: datetime | None, cluster: int | None) -> Select[Any]:
    """Articles of `site`, seen by a crawl at or after `since`, in story cluster `cluster` (None: any), by id."""
    query = (
        select(ARTICLES, SITES.c.name.label("site"))
        .join(SITES, SITES.c.id == ARTICLES.c.site_id)
        .order_by(ARTICLES.c.id)
    )
    if site is not None:
        query = query.where(SITES.c.name == site)
    if since is not None:
        query = query.where(ARTICLES.c.last_seen >= since)
    if cluster is not None:
        query = query.where(ARTICLES.c.cluster_id == cluster)
    return query


def articles(
    connection: Connection,
    *,
    site: str | None = None,
    since: datetime | None = None,
    cluster: int | None = None,
    captures: bool = False,
) -> Iterator[dict[str, Any]]:
    """Each selected article's full JSON in id order, streamed in chunks; with `captures`, its `captures` too:
    those of all its revisions (oldest first), each revisit preceded by the captures it refers to."""
    result = connection.execution_options(yield_per=STREAM_CHUNK).execute(selection(site, since, cluster)).mappings()
    for chunk in result.partitions():
        ids = [row["id"] for row in chunk]
        links = related_of(connection, ids)
        linked = warc_captures.of_articles(connection, ids) if captures else {}
        for row in chunk:
            article = article_json(row, row["site"], links.get(row["id"], []))
            if captures:
                article["captures"] = _with_originals(connection, linked.get(row["id"], []))
            yield article


def _with_originals(connection: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # A revisit holds no payload: the capture it refers to (perhaps of another run, another URL, another
    # revisit) goes before it, so an export stands alone.
    known = {row["record_id"]: row for row in rows}
    wanted = {row["refers_to"] for row in rows if row["kind"] == "revisit" and row["refers_to"]} - set(known)
    while wanted:
        found = warc_captures.by_records(connection, wanted)
        known.update(found)
        wanted = {row["refers_to"] for row in found.values() if row["kind"] == "revisit" and row["refers_to"]}
        wanted -= set(known)
    ordered: list[dict[str, Any]] = []
    placed: set[str] = set()

    def place(row: dict[str, Any]) -> None:
        if row["record_id"] in placed:
            return
        placed.add(row["record_id"])
        original = known.get(row["refers_to"] or "") if row["kind"] == "revisit" else None
        if original is not None:
            place(original)
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered


class ExportReads:
    """The Archive's method for `newsarchive export` (mixed into Archive, which provides _read)."""

    _read: Callable[[str], AbstractContextManager[Connection]]

    def export_articles(
        self,
        *,
        site: str | None = None,
        since: datetime | None = None,
        cluster: int | None = None,
        captures: bool = False,
    ) -> Iterator[dict[str, Any]]:
        """The articles of `site`, seen since `since`, of story cluster `cluster` (None: any), streamed in id
        order; with `captures`, each with its `captures`: all its revisions', the originals of its revisits too."""
        with self._read("read articles to export") as connection:
            yield from articles(connection, site=site, since=since, cluster=cluster, captures=captures)
