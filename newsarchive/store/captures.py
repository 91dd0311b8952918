"""Capture rows (the WARC records a crawl wrote) and the links from articles to the captures they were read from."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, desc, func, inspect, select

from .bulk import upsert_insert
from .history import resolve
from .models import ArticleCaptureRow, ArticleRow, CaptureRow

CAPTURES = CaptureRow.__table__
LINKS = ArticleCaptureRow.__table__
COLUMNS = (
    "record_id",
    "url",
    "url_key",
    "site",
    "fetched_at",
    "status",
    "payload_digest",
    "warc_file",
    "offset",
    "length",
    "kind",
    "refers_to",
)
# A capture with one of these statuses is a redirect on the way to a page: linked to the article it led to as
# page 0, so that `capture` (page 1 and on) and re-extraction never read it as a page.
HOP_STATUSES = frozenset({301, 302, 303, 307, 308})


def capture_values(rows: Iterable[dict[str, Any]], run_id: int | None) -> list[dict[str, Any]]:
    """Rows for the captures table from what the crawl's WARC writer reported, one per record id."""
    values: dict[str, dict[str, Any]] = {}
    for row in rows:
        values[row["record_id"]] = {**{name: row.get(name) for name in COLUMNS}, "run_id": row.get("run_id", run_id)}
    return list(values.values())


def record(connection: Connection, values: list[dict[str, Any]]) -> None:
    """Insert capture rows; one whose record id is already stored is left as it is (a batch sent again)."""
    if values:
        connection.execute(upsert_insert(connection, CAPTURES).on_conflict_do_nothing(), values)


def link(connection: Connection, links: list[dict[str, Any]]) -> None:
    """Link rows (article_id, record_id, page, content_hash); an existing link is kept.

    Each text read from a capture has its own link: the crawl's, and each re-extraction that changed it."""
    if links:
        connection.execute(upsert_insert(connection, LINKS).on_conflict_do_nothing(), links)


def of_article(connection: Connection, article_id: int) -> list[dict[str, Any]]:
    """The captures an article (or any of its revisions) was extracted from, oldest first, with `current`:
    whether the article's text now is the one read from it."""
    current = connection.scalar(select(ArticleRow.content_hash).where(ArticleRow.id == article_id))
    query = (
        select(CAPTURES, LINKS.c.page, LINKS.c.content_hash)
        .join(LINKS, LINKS.c.record_id == CAPTURES.c.record_id)
        .where(LINKS.c.article_id == article_id)
        .order_by(CAPTURES.c.fetched_at, LINKS.c.page, CAPTURES.c.id)
    )
    # A capture re-extracted into a new text has a link per text: listed once, current if any of them is.
    listed: dict[str, dict[str, Any]] = {}
    for row in connection.execute(query).mappings():
        data = _json(row, current)
        seen = listed.setdefault(data["record_id"], data)
        seen["current"] = seen["current"] or data["current"]
    return list(listed.values())


def last_of_url(connection: Connection, url: str) -> dict[str, Any] | None:
    """The URL's newest 2xx response capture (what a revisit of it refers to: never an error page), or None."""
    query = (
        select(CAPTURES)
        .where(CAPTURES.c.url == url, CAPTURES.c.kind == "response", CAPTURES.c.status.between(200, 299))
        .order_by(desc(CAPTURES.c.fetched_at), desc(CAPTURES.c.id))
        .limit(1)
    )
    row = connection.execute(query).mappings().first()
    return None if row is None else _json(row, None)


def captured_urls(connection: Connection, site: str) -> set[str]:
    """The site's URLs that have a 2xx response capture: the only ones a new response of can be a revisit."""
    query = select(CAPTURES.c.url).where(
        CAPTURES.c.site == site, CAPTURES.c.kind == "response", CAPTURES.c.status.between(200, 299)
    )
    query = query.distinct()
    return set(connection.scalars(query))


def by_record(connection: Connection, record_id: str) -> dict[str, Any] | None:
    row = connection.execute(select(CAPTURES).where(CAPTURES.c.record_id == record_id)).mappings().first()
    return None if row is None else _json(row, None)


def per_site(connection: Connection) -> dict[str, dict[str, int]]:
    """Captures and WARC bytes (their records' gzip members) per site; none in an archive read as it is, from
    before captures (readonly.py)."""
    if not inspect(connection).has_table("captures"):
        return {}
    query = select(CAPTURES.c.site, func.count(), func.coalesce(func.sum(CAPTURES.c.length), 0)).group_by(
        CAPTURES.c.site
    )
    return {site: {"captures": count, "warc_bytes": int(size)} for site, count, size in connection.execute(query)}


def _json(row: Any, current: str | None) -> dict[str, Any]:
    data = {name: row[name] for name in ("id", *COLUMNS, "run_id")}
    fetched: datetime = data["fetched_at"]
    data["fetched_at"] = fetched.isoformat(timespec="seconds") if fetched else None
    if "page" in row:
        data["page"] = row["page"]
        data["current"] = row["content_hash"] == current
    return data


def of_articles(connection: Connection, article_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The captures of each of these articles (and their revisions), oldest first, as of_article gives them."""
    query = (
        select(CAPTURES, LINKS.c.article_id, LINKS.c.page, LINKS.c.content_hash, ArticleRow.content_hash.label("now"))
        .join(LINKS, LINKS.c.record_id == CAPTURES.c.record_id)
        .join(ArticleRow, ArticleRow.id == LINKS.c.article_id)
        .where(LINKS.c.article_id.in_(article_ids))
        .order_by(LINKS.c.article_id, CAPTURES.c.fetched_at, LINKS.c.page, CAPTURES.c.id)
    )
    found: dict[int, list[dict[str, Any]]] = {}
    for row in connection.execute(query).mappings():
        found.setdefault(row["article_id"], []).append(_json(row, row["now"]))
    return found


def by_records(connection: Connection, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The capture rows of these record ids (those stored), by record id."""
    wanted = list(set(record_ids))
    query = select(CAPTURES).where(CAPTURES.c.record_id.in_(wanted))
    return {row["record_id"]: _json(row, None) for row in connection.execute(query).mappings()}


class CaptureReads:
    """The Archive's methods for capture rows (mixed into Archive, which provides _read/_write)."""

    _read: Callable[[str], AbstractContextManager[Connection]]
    _write: Callable[[str], AbstractContextManager[Connection]]

    def record_captures(self, rows: list[dict[str, Any]], run_id: int | None = None) -> None:
        """Keep the rows of WARC records a crawl wrote (feeds, listings, pages); a record id stored already
        is left as it is, so sending a batch twice adds nothing."""
        values = capture_values(rows, run_id)
        if values:
            with self._write("record captures") as connection:
                record(connection, values)

    def captures(self, id_or_url: str | int) -> list[dict[str, Any]] | None:
        """The captures the article (and its revisions) was extracted from, oldest first; None: no article."""
        with self._read("list captures") as connection:
            found = resolve(connection, id_or_url)
            return None if found is None else of_article(connection, found)

    def last_capture(self, url: str) -> dict[str, Any] | None:
        """The URL's newest response capture, or None."""
        with self._read("look up a capture") as connection:
            return last_of_url(connection, url)

    def captured_urls(self, site: str) -> set[str]:
        """The URLs of `site` (its WARC folder name) that have a response capture."""
        with self._read("list captured URLs") as connection:
            return captured_urls(connection, site)

    def capture(self, record_id: str) -> dict[str, Any] | None:
        with self._read("look up a capture") as connection:
            return by_record(connection, record_id)
