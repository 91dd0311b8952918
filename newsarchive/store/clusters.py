"""The near-duplicate index: MinHash signatures and LSH band rows of article bodies, and story clusters.

Each indexed article has one signature row (empty when its body is too short to compare) and, when
the body is long enough, BANDS band rows (bucket, article id). A saved article is compared only with
the articles sharing one of its buckets, so the cost of the check does not grow with the archive.
Articles whose estimated similarity reaches the threshold join one story cluster (articles.cluster_id =
the smallest id in it; single link: a cluster grows through any member, and two clusters an article
links are merged). The index is
current when store_meta `neardup` equals neardup.VERSION; otherwise the archive rebuilds it. Saves
that skip the index (clusters off) set store_meta `neardup_pending`, and catch_up() later indexes just
the articles without a signature row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, exists, select, text, update

from newsarchive.text import neardup
from newsarchive.text.words import words

from .bulk import chunks, insert_tuples, select_in
from .models import ArticleRow, BandRow, SignatureRow, SiteRow
from .rows import summary_columns

ARTICLES = ArticleRow.__table__
BANDS = BandRow.__table__
SIGNATURES = SignatureRow.__table__
SITES = SiteRow.__table__

# Estimated Jaccard similarity of body shingles at which two articles are versions of one story.
# Chosen on benchmarks/dedup.py's data (see README, "Duplicates, revisions and story clusters").
DEFAULT_THRESHOLD = 0.5
STATE_KEY = "neardup"
REBUILD_CHUNK = 500

_STATE = text(f"SELECT value FROM store_meta WHERE key = '{STATE_KEY}'")
_CLEAR_STATE = text(f"DELETE FROM store_meta WHERE key = '{STATE_KEY}'")
_SET_STATE = text(f"INSERT INTO store_meta (key, value) VALUES ('{STATE_KEY}', :value)")
PENDING_KEY = "neardup_pending"
_PENDING = text(f"SELECT value FROM store_meta WHERE key = '{PENDING_KEY}'")
_CLEAR_PENDING = text(f"DELETE FROM store_meta WHERE key = '{PENDING_KEY}'")
_SET_PENDING = text(f"INSERT INTO store_meta (key, value) VALUES ('{PENDING_KEY}', '1')")


def is_current(connection: Connection) -> bool:
    return connection.scalar(_STATE) == neardup.VERSION


def mark_pending(connection: Connection) -> None:
    """Record that articles are being saved without indexing them (catch_up() indexes them later)."""
    if connection.scalar(_PENDING) is None:
        connection.execute(_SET_PENDING)


def has_pending(connection: Connection) -> bool:
    return connection.scalar(_PENDING) is not None


def forget(connection: Connection, ids: list[int]) -> None:
    """Take articles out of the index (their body changed); their cluster stays."""
    for chunk in chunks(ids):
        connection.execute(delete(BANDS).where(BANDS.c.article_id.in_(chunk)))
        connection.execute(delete(SIGNATURES).where(SIGNATURES.c.article_id.in_(chunk)))


def add(connection: Connection, docs: Iterable[tuple[int, list[str]]], threshold: float) -> set[int]:
    """Index (id, words.words(body)) of articles not in the index and put each in the cluster of its near
    duplicates. Returns the ids among them that are now in a cluster with another article.
    """
    computed = [(id_, neardup.signature_of_words(body)) for id_, body in docs]
    # A too-short body gets an empty signature row all the same: it marks the article as indexed for catch_up().
    insert_tuples(
        connection,
        SIGNATURES,
        ("article_id", "signature"),
        [(id_, neardup.pack(sig) if sig else b"") for id_, sig in computed],
    )
    sigs = {id_: sig for id_, sig in computed if sig}
    if not sigs:
        return set()
    bands = {id_: set(neardup.band_keys(sig)) for id_, sig in sigs.items()}
    # Who shares a bucket: the stored articles (read before this batch's rows go in, so the query returns
    # only other articles' rows), then this batch's own articles.
    members: dict[int, set[int]] = {}
    # In key order: the band table is keyed by bucket, and sorted reads and inserts touch each B-tree page
    # once per batch instead of once per row.
    rows = sorted((bucket, id_) for id_, keys in bands.items() for bucket in keys)
    for bucket, id_ in select_in(
        connection, BANDS, ("bucket", "article_id"), "bucket", sorted({bucket for bucket, _id in rows})
    ):
        members.setdefault(bucket, set()).add(id_)
    for bucket, id_ in rows:
        members.setdefault(bucket, set()).add(id_)
    insert_tuples(connection, BANDS, ("bucket", "article_id"), rows)
    candidates = {id_: set().union(*(members.get(b, ()) for b in keys)) - {id_} for id_, keys in bands.items()}
    others = sorted(set().union(*candidates.values()) - set(sigs))
    known = dict(sigs)
    known.update(
        (id_, neardup.unpack(data))
        for id_, data in select_in(connection, SIGNATURES, ("article_id", "signature"), "article_id", others)
    )
    links = [
        (a, b)
        for a, found in candidates.items()
        for b in found
        if b in known and neardup.similarity(sigs[a], known[b]) >= threshold
    ]
    if not links:
        return set()
    _cluster(connection, links)
    return {id_ for pair in links for id_ in pair if id_ in sigs}


def _cluster(connection: Connection, links: list[tuple[int, int]]) -> None:
    """Join the linked articles' clusters: every member gets the smallest id among them and their clusters."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    ids = sorted(parent)
    current: dict[int, int | None] = {}
    for chunk in chunks(ids):
        current.update(
            connection.execute(select(ARTICLES.c.id, ARTICLES.c.cluster_id).where(ARTICLES.c.id.in_(chunk))).all()
        )
    groups: dict[int, set[int]] = {}
    for id_ in ids:
        groups.setdefault(root(id_), set()).add(id_)
    for group in groups.values():
        existing = {cluster for id_ in group if (cluster := current.get(id_)) is not None}
        target = min(group | existing)
        for chunk in chunks(sorted(group)):
            connection.execute(update(ARTICLES).where(ARTICLES.c.id.in_(chunk)).values(cluster_id=target))
        stale = sorted(existing - {target})
        if stale:
            connection.execute(update(ARTICLES).where(ARTICLES.c.cluster_id.in_(stale)).values(cluster_id=target))


def rebuild(connection: Connection, threshold: float) -> int:
    """Re-create signatures, bands and clusters of every article, in id order; returns how many were read."""
    connection.execute(delete(BANDS))
    connection.execute(delete(SIGNATURES))
    connection.execute(update(ARTICLES).values(cluster_id=None))
    count = _add_in_id_order(connection, threshold)
    connection.execute(_CLEAR_STATE)
    connection.execute(_SET_STATE, {"value": neardup.VERSION})
    connection.execute(_CLEAR_PENDING)
    return count


def catch_up(connection: Connection, threshold: float) -> int:
    """Index the articles saved without the index (those with no signature row), in id order, as add()
    would have when they were saved; returns how many were indexed."""
    count = _add_in_id_order(connection, threshold, ~exists().where(SIGNATURES.c.article_id == ARTICLES.c.id))
    connection.execute(_CLEAR_PENDING)
    return count


def _add_in_id_order(connection: Connection, threshold: float, *conditions: Any) -> int:
    """add() every article (meeting `conditions`), REBUILD_CHUNK at a time in id order; returns how many."""
    count, after = 0, 0
    while True:
        chunk = connection.execute(
            select(ARTICLES.c.id, ARTICLES.c.body)
            .where(ARTICLES.c.id > after, *conditions)
            .order_by(ARTICLES.c.id)
            .limit(REBUILD_CHUNK)
        ).all()
        if not chunk:
            break
        add(connection, ((id_, words(body)) for id_, body in chunk), threshold)
        count += len(chunk)
        after = chunk[-1][0]
    return count


def related(connection: Connection, article_id: int) -> list[tuple[Any, float]]:
    """(row, estimated similarity) of the other articles of this article's story cluster, most similar first."""
    cluster = connection.scalar(select(ARTICLES.c.cluster_id).where(ARTICLES.c.id == article_id))
    if cluster is None:
        return []
    rows = (
        connection.execute(
            select(
                *summary_columns(),
                SIGNATURES.c.signature,
            )
            .join(SITES, SITES.c.id == ARTICLES.c.site_id)
            .outerjoin(SIGNATURES, SIGNATURES.c.article_id == ARTICLES.c.id)
            .where(ARTICLES.c.cluster_id == cluster)
        )
        .mappings()
        .all()
    )
    own = next((row["signature"] for row in rows if row["id"] == article_id), None)
    mine = neardup.unpack(own) if own else None
    found = []
    for row in rows:
        if row["id"] == article_id:
            continue
        other = neardup.unpack(row["signature"]) if row["signature"] else None
        score = neardup.similarity(mine, other) if mine and other else 0.0
        found.append((row, round(score, 3)))
    found.sort(key=lambda pair: (-pair[1], pair[0]["id"]))
    return found
