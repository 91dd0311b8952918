"""Which stored article each item of a batch is, and what saving it makes of it: new, updated, unchanged or duplicate.

Steps 1 and 2 of writer.save_batch's decision (see its docstring): the lookups by URL key and by body, and the
classification of the items that are not new.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Connection, select

from newsarchive.text.urls import page_number, variant_rank

from .batch import Item
from .bulk import chunks, select_in
from .models import ArticleRow, RevisionRow

ARTICLES = ArticleRow.__table__
REVISIONS = RevisionRow.__table__


class SaveResult(NamedTuple):
    """What became of one saved article: its id (for a duplicate, the id of the article it repeats).

    `clustered` says this save put the article in a story cluster with a near duplicate; `revised` that
    the article's earlier text was kept as a revision (an update, unless it replaced a lone page 2); `stale`
    that a duplicate was the article's earlier text fetched from another URL of it (see classify).
    """

    id: int
    url: str
    status: str  # "new" | "updated" | "unchanged" | "duplicate"
    clustered: bool = False
    revised: bool = False
    stale: bool = False


class Conflict(Exception):
    """Another writer changed a row between this batch's statements; the caller retries the batch."""


class Found(NamedTuple):
    """The stored article an item matched, with what deciding its fate compares."""

    id: int
    url: str
    digest: str
    headline: str


def lookup(connection: Connection, items: list[Item], *, by_url: bool = False) -> dict[int, Found]:
    """The stored article each item resolves to (by its URL key, then its pages' keys), by item index.

    `by_url` also matches the stored URL itself: an article kept under a key made unique by migration 0003.
    """
    column = "url" if by_url else "url_key"
    wanted = sorted({value for item in items for value in (item.urls if by_url else item.keys)})
    by_key = {
        row[0]: Found(*row[1:])
        for row in select_in(connection, ARTICLES, (column, "id", "url", "content_hash", "headline"), column, wanted)
    }
    found = {}
    for item in items:
        match = next((by_key[key] for key in (item.urls if by_url else item.keys) if key in by_key), None)
        if match is not None:
            found[item.index] = match
    return found


def classify(
    connection: Connection, rest: list[Item], found: dict[int, Found], results: list[SaveResult | None]
) -> tuple[list[tuple[int, Item]], list[int], set[int]]:
    """Decide the items that are not new: the (id, item) pairs to update, the ids to touch, and the ids
    whose stored text is a lone later page (replaced without a revision).

    A page fetched from another URL than the article's own (an AMP copy, a mobile host, a tracking variant)
    that holds one of the article's earlier revisions is a stale copy (a lagging cache), not the publisher
    going back: it is only a sighting of that URL, and the newer text stays. At the article's own URL the same
    text is a revert, a revision like any other."""
    to_update: list[tuple[int, Item]] = []
    unchanged: list[int] = []
    fragments: set[int] = set()
    changed = [item for item in rest if item.index not in found or found[item.index].digest != item.digest]
    owners = _body_owners(connection, changed)
    earlier = _earlier_versions(connection, [found[i.index].id for i in rest if _from_variant(i, found.get(i.index))])
    for item in rest:
        url = item.article.url
        match = found.get(item.index)
        owner = owners.get((item.site_id, item.digest))
        if match is not None and item.lone_later_page:
            results[item.index] = SaveResult(match.id, url, "duplicate")
        elif match is not None and match.digest == item.digest and match.headline == (item.article.headline or ""):
            # Seen again. Under another URL of it (www., AMP, mobile ...) it is counted as a duplicate.
            results[item.index] = SaveResult(match.id, url, "unchanged" if url == match.url else "duplicate")
            unchanged.append(match.id)
        elif (
            match is not None
            and _from_variant(item, match)
            and (item.digest, item.article.headline or "") in earlier.get(match.id, ())
        ):
            results[item.index] = SaveResult(match.id, url, "duplicate", stale=True)
        elif owner is not None and (match is None or owner != match.id):
            results[item.index] = SaveResult(owner, url, "duplicate")
        elif match is not None:
            results[item.index] = SaveResult(match.id, url, "updated")
            to_update.append((match.id, item))
            if page_number(match.url) > 1:
                # What was stored is page 2 fetched on its own; this is the whole article: it replaces the
                # fragment, URL included, and the fragment is not kept as a revision.
                fragments.add(match.id)
        else:
            # The insert saw a conflicting row that is gone now (another writer rolled back or deleted it).
            raise Conflict(f"article {url} changed while saving")
    return to_update, unchanged, fragments


def _from_variant(item: Item, match: Found | None) -> bool:
    """Whether the item was fetched from a variant of the article's URL (AMP, a mobile host, tracking parameters:
    urls.variant_rank) other than the one its stored article is kept under. The plain URL spelled another way
    (`http://`, no `www.`, as a site whose canonical names another host serves it) is the article's own."""
    fetched = item.article.pages[0] if item.article.pages else item.article.url
    return match is not None and fetched != match.url and variant_rank(fetched) > 0


def _earlier_versions(connection: Connection, ids: list[int]) -> dict[int, set[tuple[str, str]]]:
    """The (body hash, headline) of every earlier revision of each article."""
    versions: dict[int, set[tuple[str, str]]] = {}
    for chunk in chunks(sorted(set(ids))):
        query = select(REVISIONS.c.article_id, REVISIONS.c.content_hash, REVISIONS.c.headline).where(
            REVISIONS.c.article_id.in_(chunk)
        )
        for id_, digest, headline in connection.execute(query):
            versions.setdefault(id_, set()).add((digest, headline))
    return versions


def _body_owners(connection: Connection, items: list[Item]) -> dict[tuple[int, str], int]:
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
