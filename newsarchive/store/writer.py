"""save_articles' batch upsert: the database's unique keys decide new / updated / unchanged / duplicate.

Everything happens on one connection inside the caller's transaction, with set-based Core statements
(one executemany per kind of write), never an ORM unit of work per row. An article is identified by
its URL key (urls.url_key of its URL, else of one of its page URLs); the steps for a batch:

1. Look the keys up. Not found: INSERT ... ON CONFLICT DO NOTHING RETURNING id -> "new". A row the
   insert skipped hit a unique key: its key was inserted meanwhile by another writer (looked up
   again), or another article of the site has this body -> "duplicate" (nothing stored but the URL).
2. Found: same body and headline -> "unchanged" (last_seen moves), or "duplicate" when the page names
   itself with another URL than the stored one (a www., mobile or AMP variant); changed -> the old version goes to
   article_revisions and the row is updated -> "updated"; a later page fetched by itself (page 2 of an
   article whose page 1 is stored), or a body another article of the site owns -> "duplicate".
3. Every URL the item was seen under becomes an alias of the article it resolved to (up to a cap: aliases.py).
4. Related-link rows, the full-text rows and the near-duplicate index follow new and updated articles.
5. The captures the item was read from (its pages' WARC records) are stored and linked to the article it
   resolved to, with the text's hash, in this same transaction: no article without the captures behind it.

A URL key or a body repeated inside one batch is handled in a later round, so it is compared with
the earlier copy exactly as if it had come in the next batch. The lookups and the decision of steps 1 and 2
are in matching.py; this module does the writing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from newsarchive.items import Article
from newsarchive.text.words import words

from . import captures as warc_captures
from . import clusters as story_clusters
from . import fulltext, revise
from .aliases import DEFAULT_MAX_ALIASES, write_aliases
from .batch import Item, rounds, to_item
from .bulk import insert_new, insert_plain, upsert_insert
from .matching import Found, SaveResult, classify, lookup
from .models import ArticleRow, RelatedLinkRow, SiteRow
from .rows import content_values, link_rows

ARTICLES = ArticleRow.__table__
LINKS = RelatedLinkRow.__table__
SITES = SiteRow.__table__


def save_batch(
    connection: Connection,
    articles: list[Article],
    *,
    run_id: int | None,
    index_text: bool,
    known_sites: dict[str, int] | None = None,
    similarity: float = story_clusters.DEFAULT_THRESHOLD,
    clusters: bool = True,
    max_aliases: int | None = DEFAULT_MAX_ALIASES,
) -> list[SaveResult]:
    """Save one batch on `connection` (inside a transaction); results are in the order of `articles`.

    `max_aliases`: URLs kept as aliases of one article (None: all)."""
    if not articles:
        return []
    now = datetime.now(UTC)
    sites = site_ids(connection, {article.site for article in articles}, known_sites)
    items = [to_item(index, article, sites[article.site]) for index, article in enumerate(articles)]
    # Keep the full-text index in step only while it is current; otherwise the next search rebuilds it.
    index = fulltext.has_index(connection)
    if index and not index_text:
        fulltext.mark_not_current(connection)
    index = index and index_text and fulltext.is_current(connection)
    # Saves without story clusters leave their articles for story_clusters.catch_up(), run by the first save that wants
    # clusters; an index of another signature version is not kept in step (the Archive rebuilds it).
    if not clusters:
        story_clusters.mark_pending(connection)
    current = story_clusters.is_current(connection)
    results: list[SaveResult | None] = [None] * len(items)
    for round_items in rounds(items):
        _save_round(
            connection,
            round_items,
            results,
            now=now,
            run_id=run_id,
            index=index,
            similarity=similarity if clusters and current else None,
            forget_clusters=current,
            max_aliases=max_aliases,
        )
    _captures(connection, items, results, run_id=run_id)
    return [result for result in results if result is not None]


def _captures(
    connection: Connection, items: list[Item], results: list[SaveResult | None], *, run_id: int | None
) -> None:
    """Store every item's captures and link them to the article the item resolved to."""
    rows, links = [], []
    for item in items:
        result = results[item.index]
        if result is None or not item.article.captures:
            continue
        rows.extend(item.article.captures)
        page = 0
        for capture in item.article.captures:
            hop = capture["status"] in warc_captures.HOP_STATUSES  # a redirect that led to the next page: page 0
            page += not hop
            links.append(
                {
                    "article_id": result.id,
                    "record_id": capture["record_id"],
                    "page": 0 if hop else page,
                    "content_hash": item.digest,
                }
            )
    if rows:
        warc_captures.record(connection, warc_captures.capture_values(rows, run_id))
        warc_captures.link(connection, links)


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


def _save_round(
    connection: Connection,
    items: list[Item],
    results: list[SaveResult | None],
    *,
    now: datetime,
    run_id: int | None,
    index: bool,
    similarity: float | None,
    forget_clusters: bool,
    max_aliases: int | None,
) -> None:
    """Save items that repeat no URL key and no body among themselves; fills in their results.

    `similarity` None: new text is not added to the story-cluster index; `forget_clusters`: changed articles
    still leave it, so that they count as not indexed (see save_batch)."""
    found = lookup(connection, items)
    # new or updated: need links, index rows, signatures
    written = _insert_fresh(
        connection, [item for item in items if item.index not in found], found, results, now=now, run_id=run_id
    )
    updated, unchanged, fragments = classify(connection, [i for i in items if results[i.index] is None], found, results)
    if updated:
        ids = [id_ for id_, _item in updated]
        if index:
            fulltext.forget(connection, ids)  # while the old text is still there
        if forget_clusters:
            story_clusters.forget(connection, ids)
        revise.write_updates(
            connection,
            [(id_, item.article, item.site_id, item.digest) for id_, item in updated],
            now=now,
            run_id=run_id,
            fragments=fragments,
        )
        for id_, item in updated:
            if id_ not in fragments:
                results[item.index] = _result(results, item)._replace(revised=True)
        written.extend(updated)
    revise.touch(connection, unchanged, now=now, run_id=run_id)
    _aliases(connection, items, results, now=now, run_id=run_id, max_aliases=max_aliases)

    links = [row for id_, item in written for row in link_rows(id_, item.article.related_links)]
    if links:
        insert_plain(connection, LINKS, links)
    if index or similarity is not None:
        _index_written(connection, written, results, index=index, similarity=similarity)


def _insert_fresh(
    connection: Connection,
    fresh: list[Item],
    found: dict[int, Found],
    results: list[SaveResult | None],
    *,
    now: datetime,
    run_id: int | None,
) -> list[tuple[int, Item]]:
    """Insert the items no stored article matched; the (id, item) pairs inserted. An item whose key a
    concurrent writer inserted meanwhile is looked up again and added to `found` instead."""
    rows = {}
    for item in fresh:
        row = content_values(item.article, item.site_id, item.digest)
        row.update(
            url_key=item.keys[0], first_seen=now, last_seen=now, first_run_id=run_id, last_run_id=run_id, revised_at=now
        )
        rows[item.index] = row
    inserted = {key: id_ for id_, key in insert_new(connection, ARTICLES, list(rows.values()), ("id", "url_key"))}
    written: list[tuple[int, Item]] = []
    skipped: list[Item] = []
    for item in fresh:
        id_ = inserted.get(item.keys[0])
        if id_ is None:
            skipped.append(item)
        else:
            results[item.index] = SaveResult(id_, item.article.url, "new")
            written.append((id_, item))
    found.update(lookup(connection, skipped))
    found.update(lookup(connection, [item for item in skipped if item.index not in found], by_url=True))
    return written


def _index_written(
    connection: Connection,
    written: list[tuple[int, Item]],
    results: list[SaveResult | None],
    *,
    index: bool,
    similarity: float | None,
) -> None:
    """Add the new and updated articles to the full-text index (`index`) and the story clusters (`similarity`)."""
    clustered = index_texts(connection, [(id_, item.article) for id_, item in written], index, similarity)
    for id_, item in written:
        if id_ in clustered:
            results[item.index] = _result(results, item)._replace(clustered=True)


def index_texts(
    connection: Connection, written: list[tuple[int, Article]], index: bool, similarity: float | None
) -> set[int]:
    """Add (id, article) texts that are not indexed to the full-text index (`index`) and the story clusters
    (`similarity`; None: not those); the ids among them now in a cluster with another article."""
    body_words = {id_: words(article.body or "") for id_, article in written}  # cut once for both indexes
    if index:
        fulltext.add(connection, ((id_, article.headline or "", body_words[id_]) for id_, article in written))
    return set() if similarity is None else story_clusters.add(connection, body_words.items(), similarity)


def _result(results: list[SaveResult | None], item: Item) -> SaveResult:
    """The result already decided for `item` (its row was written, so it has one)."""
    result = results[item.index]
    assert result is not None
    return result


def _aliases(
    connection: Connection,
    items: list[Item],
    results: list[SaveResult | None],
    *,
    now: datetime,
    run_id: int | None,
    max_aliases: int | None,
) -> None:
    """Every URL of every item resolves to the article it was saved as (or repeats); last_seen moves."""
    rows: dict[str, dict[str, Any]] = {}
    for item in items:
        result = results[item.index]
        if result is None:
            continue
        for url in item.urls:
            rows[url] = {
                "url": url,
                "url_key": item.url_keys[url],
                "article_id": result.id,
                "first_seen": now,
                "last_seen": now,
            }
    write_aliases(connection, rows, now=now, run_id=run_id, max_aliases=max_aliases)
