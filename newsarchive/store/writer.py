"""save_articles' batch upsert: the database's unique keys decide new / updated / unchanged / duplicate.

Everything happens on one connection inside the caller's transaction, with set-based Core statements
(one executemany per kind of write), never an ORM unit of work per row. The steps for a batch:

1. INSERT ... ON CONFLICT DO NOTHING RETURNING id, url: the rows that came back are "new".
2. The rest hit a unique key. Looked up by URL: same content hash -> "unchanged" (last_seen moves);
   different hash -> "updated", unless another article of the site already has that body -> "duplicate".
   Not found by URL -> another URL of the site has this body -> "duplicate" (nothing stored).
3. Related-link rows and the full-text rows follow the new and updated articles.

A URL or a body repeated inside one batch is handled in a later round, so it is compared with the
earlier copy exactly as if it had come in the next batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterator, NamedTuple

from sqlalchemy import Connection, bindparam, delete, select, update

from newsarchive.items import Article

from . import fulltext
from .bulk import chunks, insert_new, insert_plain, upsert_insert
from .models import ArticleRow, RelatedLinkRow, SiteRow
from .rows import CONTENT_COLUMNS, content_hash, content_values, link_rows

ARTICLES = ArticleRow.__table__
LINKS = RelatedLinkRow.__table__
SITES = SiteRow.__table__


class SaveResult(NamedTuple):
    """What became of one saved article: its id (for a duplicate, the id of the article it repeats)."""

    id: int
    url: str
    status: str  # "new" | "updated" | "unchanged" | "duplicate"


class Conflict(Exception):
    """Another writer changed a row between this batch's statements; the caller retries the batch."""


@dataclass
class _Item:
    index: int
    article: Article
    site_id: int
    digest: str


def save_batch(
    connection: Connection, articles: list[Article], *, run_id: int | None, index_text: bool,
    known_sites: dict[str, int] | None = None,
) -> list[SaveResult]:
    """Save one batch on `connection` (inside a transaction); results are in the order of `articles`."""
    if not articles:
        return []
    now = datetime.now(timezone.utc)
    sites = site_ids(connection, {article.site for article in articles}, known_sites)
    items = [
        _Item(index, article, sites[article.site], content_hash(article.body or ""))
        for index, article in enumerate(articles)
    ]
    # Keep the full-text index in step only while it is current; otherwise the next search rebuilds it.
    index = fulltext.has_index(connection)
    if index and not index_text:
        fulltext.mark_not_current(connection)
    index = index and index_text and fulltext.is_current(connection)
    results: list[SaveResult | None] = [None] * len(items)
    for round_items in _rounds(items):
        _save_round(connection, round_items, results, now=now, run_id=run_id, index=index)
    return [result for result in results if result is not None]


def site_ids(connection: Connection, names: set[str], known: dict[str, int] | None = None) -> dict[str, int]:
    """Ids of the named sites, creating missing ones (a concurrent creator is no error).

    `known` caches ids across batches; it only ever receives ids of rows that were already committed
    when this transaction began to look, so a rolled-back batch cannot leave a stale id in it.
    """
    known = {} if known is None else known
    ids = {name: known[name] for name in names if name in known}
    wanted = [name for name in names if name not in ids]
    if wanted:
        found = dict(connection.execute(select(SITES.c.name, SITES.c.id).where(SITES.c.name.in_(wanted))).all())
        known.update(found)
        ids.update(found)
    missing = [{"name": name} for name in names if name not in ids]
    if missing:
        connection.execute(upsert_insert(connection, SITES).on_conflict_do_nothing(), missing)
        created = [row["name"] for row in missing]
        ids.update(connection.execute(select(SITES.c.name, SITES.c.id).where(SITES.c.name.in_(created))).all())
    return ids


def _rounds(items: list[_Item]) -> Iterator[list[_Item]]:
    """Split a batch so no round holds the same URL, or the same body on one site, twice."""
    pending = items
    while pending:
        urls: set[str] = set()
        bodies: set[tuple[int, str]] = set()
        current: list[_Item] = []
        later: list[_Item] = []
        for item in pending:
            body_key = (item.site_id, item.digest)
            if item.article.url in urls or body_key in bodies:
                later.append(item)
            else:
                urls.add(item.article.url)
                bodies.add(body_key)
                current.append(item)
        yield current
        pending = later


def _save_round(
    connection: Connection, items: list[_Item], results: list[SaveResult | None],
    *, now: datetime, run_id: int | None, index: bool,
) -> None:
    """Save items that repeat no URL and no body among themselves; fills in their results."""
    rows = []
    for item in items:
        row = content_values(item.article, item.site_id, item.digest)
        row.update(first_seen=now, last_seen=now, first_run_id=run_id, last_run_id=run_id)
        rows.append(row)
    inserted = {url: id_ for id_, url in insert_new(connection, ARTICLES, rows, ("id", "url"))}

    written: list[tuple[int, _Item]] = []  # new or updated: need links and index rows
    rest: list[_Item] = []
    for item in items:
        id_ = inserted.get(item.article.url)
        if id_ is None:
            rest.append(item)
        else:
            results[item.index] = SaveResult(id_, item.article.url, "new")
            written.append((id_, item))

    updated, unchanged = _classify_rest(connection, rest, results)
    if updated:
        if index:
            fulltext.forget(connection, [id_ for id_, _item in updated])  # while the old text is still there
        _write_updates(connection, updated, rows_by_url={row["url"]: row for row in rows}, now=now, run_id=run_id)
        written.extend(updated)
    _touch(connection, unchanged, now=now, run_id=run_id)

    links = [row for id_, item in written for row in link_rows(id_, item.article.related_links)]
    if links:
        insert_plain(connection, LINKS, links)
    if index:
        fulltext.add(connection, ((id_, item.article.headline or "", item.article.body or "") for id_, item in written))


def _classify_rest(
    connection: Connection, rest: list[_Item], results: list[SaveResult | None]
) -> tuple[list[tuple[int, _Item]], list[int]]:
    """Sort the rows the insert skipped; returns the (id, item) pairs to update and the ids to touch."""
    to_update: list[tuple[int, _Item]] = []
    unchanged: list[int] = []
    if not rest:
        return to_update, unchanged
    by_url: dict[str, tuple[int, str]] = {}
    for chunk in chunks([item.article.url for item in rest]):
        query = select(ARTICLES.c.url, ARTICLES.c.id, ARTICLES.c.content_hash).where(ARTICLES.c.url.in_(chunk))
        by_url.update((url, (id_, digest)) for url, id_, digest in connection.execute(query))
    changed = [item for item in rest if by_url.get(item.article.url, (0, ""))[1] != item.digest]
    owners = _body_owners(connection, changed)
    for item in rest:
        url = item.article.url
        found = by_url.get(url)
        owner = owners.get((item.site_id, item.digest))
        if found is not None and found[1] == item.digest:
            results[item.index] = SaveResult(found[0], url, "unchanged")
            unchanged.append(found[0])
        elif owner is not None:
            results[item.index] = SaveResult(owner, url, "duplicate")
        elif found is not None:
            results[item.index] = SaveResult(found[0], url, "updated")
            to_update.append((found[0], item))
        else:
            # The insert saw a conflicting row that is gone now (another writer rolled back or deleted it).
            raise Conflict(f"article {url} changed while saving")
    return to_update, unchanged


def _body_owners(connection: Connection, items: list[_Item]) -> dict[tuple[int, str], int]:
    """Which article already holds each (site, body hash)."""
    owners: dict[tuple[int, str], int] = {}
    if not items:
        return owners
    sites = sorted({item.site_id for item in items})
    for chunk in chunks(sorted({item.digest for item in items})):
        query = select(ARTICLES.c.site_id, ARTICLES.c.content_hash, ARTICLES.c.id).where(
            ARTICLES.c.site_id.in_(sites), ARTICLES.c.content_hash.in_(chunk)
        )
        owners.update(((site_id, digest), id_) for site_id, digest, id_ in connection.execute(query))
    return owners


def _write_updates(
    connection: Connection, updated: list[tuple[int, _Item]], *, rows_by_url: dict[str, dict[str, Any]],
    now: datetime, run_id: int | None,
) -> None:
    """New content for existing URLs: the row and its related links are replaced."""
    params = []
    for id_, item in updated:
        # The SET clause is made from these keys; first_seen and first_run_id stay as they were.
        row = {column: rows_by_url[item.article.url][column] for column in CONTENT_COLUMNS}
        row.update(row_id=id_, last_seen=now)
        if run_id is not None:
            row["last_run_id"] = run_id
        params.append(row)
    connection.execute(update(ARTICLES).where(ARTICLES.c.id == bindparam("row_id")), params)
    ids = [id_ for id_, _item in updated]
    for chunk in chunks(ids):
        connection.execute(delete(LINKS).where(LINKS.c.article_id.in_(chunk)))


def _touch(connection: Connection, ids: list[int], *, now: datetime, run_id: int | None) -> None:
    """Seen again, unchanged: only last_seen (and the run that saw it) move."""
    values: dict[str, Any] = {"last_seen": now}
    if run_id is not None:
        values["last_run_id"] = run_id
    for chunk in chunks(ids):
        connection.execute(update(ARTICLES).where(ARTICLES.c.id.in_(chunk)).values(values))
