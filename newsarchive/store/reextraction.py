"""What re-extraction reads (articles with the captures of their current text) and writes (the texts it changed)."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, and_, delete, func, or_, select, update
from sqlalchemy.sql import Select

from newsarchive.items import Article
from newsarchive.text.urls import without_session

from . import captures as warc_captures
from . import clusters as story_clusters
from . import fulltext, revise
from .bulk import chunks, insert_plain, upsert_insert
from .models import ArticleCaptureRow, ArticleRow, CaptureRow, MetaRow, RelatedLinkRow, SiteRow
from .reading import related_of
from .rows import article_json, link_rows
from .writer import index_texts

ARTICLES = ArticleRow.__table__
SITES = SiteRow.__table__
CAPTURES = CaptureRow.__table__
LINKS = ArticleCaptureRow.__table__
RELATED = RelatedLinkRow.__table__
META = MetaRow.__table__
PROGRESS_KEY = "reextract"  # store_meta: the unfinished re-extraction, so a killed one carries on


class Filter(NamedTuple):
    """Which articles a re-extraction reads: of a site, fetched since, made by another extractor version."""

    site: str | None = None
    since: datetime | None = None
    outdated_than: str | None = None  # only articles whose text another (or an unknown) version made
    since_given: str | None = None  # `since` as the user gave it (7d): a run started again carries on from it

    def key(self) -> dict[str, Any]:
        """The options as given: what makes a run started again the same run as an unfinished one."""
        since = self.since_given or (self.since.isoformat() if self.since else None)
        return {"site": self.site, "since": since, "outdated": self.outdated_than}


class Page(NamedTuple):
    """One page of an article as its capture row names it; location fields are of the record holding the payload
    (a revisit's original), `record_id` of the capture linked to the article."""

    number: int
    url: str
    record_id: str
    payload_record: str
    warc_file: str
    offset: int
    length: int
    digest: str | None
    fetched_at: datetime | None = None  # of the capture linked: when the page said what it is read as


class Stored(NamedTuple):
    """An article as the archive holds it, with the captures its current text was read from."""

    id: int
    site: str
    site_id: int
    content_hash: str
    extractor_version: str | None
    record: dict[str, Any]  # its JSON (rows.article_json), what a new extraction is compared with
    pages: list[Page]
    hops: tuple[str, ...] = ()  # record ids of the redirects that led to its pages (linked as page 0)


class Change(NamedTuple):
    """A new text for a stored article: the article as re-extracted, its body hash and the captures read."""

    stored: Stored
    article: Article
    digest: str


def _where(query: Select, chosen: Filter) -> Select:
    if chosen.site is not None:
        query = query.where(SITES.c.name == chosen.site)
    if chosen.since is not None:
        query = query.where(func.coalesce(ARTICLES.c.fetched_at, ARTICLES.c.first_seen) >= chosen.since)
    if chosen.outdated_than is not None:
        version = ARTICLES.c.extractor_version
        query = query.where(or_(version.is_(None), version != chosen.outdated_than))
    return query


def count(connection: Connection, chosen: Filter, after_id: int = 0) -> int:
    query = select(func.count()).select_from(ARTICLES.join(SITES, SITES.c.id == ARTICLES.c.site_id))
    return int(connection.scalar(_where(query, chosen).where(ARTICLES.c.id > after_id)) or 0)


def batch(connection: Connection, chosen: Filter, after_id: int, limit: int) -> list[Stored]:
    """The next `limit` matching articles after `after_id`, in id order, each with its current text's captures."""
    query = select(ARTICLES, SITES.c.name.label("site")).join(SITES, SITES.c.id == ARTICLES.c.site_id)
    query = _where(query, chosen).where(ARTICLES.c.id > after_id).order_by(ARTICLES.c.id).limit(limit)
    rows = list(connection.execute(query).mappings())
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    related = related_of(connection, ids)
    own = {row["id"]: list(row["pages"] or []) or [row["url"]] for row in rows}
    pages = _pages(connection, ids, own)
    hops = _hops(connection, ids)
    return [
        Stored(
            row["id"],
            row["site"],
            row["site_id"],
            row["content_hash"],
            row["extractor_version"],
            article_json(row, row["site"], related.get(row["id"], [])),
            pages.get((row["id"], row["content_hash"]), []),
            tuple(hops.get((row["id"], row["content_hash"]), ())),
        )
        for row in rows
    ]


def _hops(connection: Connection, ids: list[int]) -> dict[tuple[int, str], list[str]]:
    """Per (article, text hash): the redirect records linked as page 0, which a new text links too."""
    query = select(LINKS.c.article_id, LINKS.c.content_hash, LINKS.c.record_id).where(
        LINKS.c.article_id.in_(ids), LINKS.c.page == 0
    )
    found: dict[tuple[int, str], list[str]] = {}
    for article_id, digest, record_id in connection.execute(query):
        found.setdefault((article_id, digest), []).append(record_id)
    return found


def _pages(connection: Connection, ids: list[int], own: dict[int, list[str]]) -> dict[tuple[int, str], list[Page]]:
    """Per (article, text hash): the pages read, a revisit followed to the response that holds its payload.

    A page number can have several captures: the page fetched again, or a copy under another URL (a variant,
    another article's URL with the same body) that the crawl linked as this text. Each page is read from its
    newest capture under the article's own page URL (`own`: the URLs its pages were stored from), else its newest:
    what a page says can depend on its URL (relative links, a date in the path)."""
    original = CAPTURES.alias("original")
    query = (
        select(
            LINKS.c.article_id,
            LINKS.c.content_hash,
            LINKS.c.page,
            CAPTURES.c.url,
            CAPTURES.c.record_id,
            CAPTURES.c.kind,
            CAPTURES.c.warc_file,
            CAPTURES.c.offset,
            CAPTURES.c.length,
            CAPTURES.c.payload_digest,
            CAPTURES.c.fetched_at,
            original.c.record_id.label("o_record_id"),
            original.c.warc_file.label("o_warc_file"),
            original.c.offset.label("o_offset"),
            original.c.length.label("o_length"),
            original.c.payload_digest.label("o_digest"),
        )
        .join(CAPTURES, CAPTURES.c.record_id == LINKS.c.record_id)
        .outerjoin(original, and_(CAPTURES.c.kind == "revisit", original.c.record_id == CAPTURES.c.refers_to))
        # Page 0 rows are the redirects that led to the article (writer.py): no text was read from them.
        .where(LINKS.c.article_id.in_(ids), LINKS.c.page >= 1)
        .order_by(LINKS.c.article_id, LINKS.c.page, CAPTURES.c.fetched_at)
    )
    found: dict[tuple[int, str], dict[int, Page]] = {}
    for row in connection.execute(query).mappings():
        hold = "o_" if row["kind"] == "revisit" and row["o_record_id"] else ""
        page = Page(
            row["page"],
            row["url"],
            row["record_id"],
            row[f"{hold}record_id"],
            row[f"{hold}warc_file"],
            row[f"{hold}offset"],
            row[f"{hold}length"],
            row["o_digest" if hold else "payload_digest"],
            row["fetched_at"],
        )
        pages = found.setdefault((row["article_id"], row["content_hash"]), {})
        held = pages.get(page.number)
        urls = own.get(row["article_id"], [])
        if held is None or _is_own(page, urls) or not _is_own(held, urls):
            pages[page.number] = page  # rows come oldest first: a later one of the same standing replaces it
    return {key: [pages[n] for n in sorted(pages)] for key, pages in found.items()}


def _is_own(page: Page, urls: list[str]) -> bool:
    """Whether the capture is of the article's own URL for that page."""
    return len(urls) >= page.number and urls[page.number - 1] == without_session(page.url)


def progress(connection: Connection) -> dict[str, Any] | None:
    """The unfinished re-extraction's state (filter, version, last article id, counts), or None."""
    value = connection.scalar(select(META.c.value).where(META.c.key == PROGRESS_KEY))
    return json.loads(value) if value else None


def save(
    connection: Connection,
    changes: list[Change],
    version_only: list[int],
    *,
    version: str,
    now: datetime,
    state: dict[str, Any] | None,
    similarity: float = story_clusters.DEFAULT_THRESHOLD,
) -> None:
    """Write one batch of a re-extraction inside the caller's transaction: each changed text as a revision whose
    cause is `re-extracted` (last_seen stays: nobody fetched anything), the links of the captures read to the
    new text, the search and story-cluster indexes in step; texts found the same get the new `version`; `state`
    (None: finished) is the progress a killed run carries on from."""
    ids = [change.stored.id for change in changes]
    index = fulltext.has_index(connection) and fulltext.is_current(connection)
    clustered = story_clusters.is_current(connection)
    if changes:
        if index:
            fulltext.forget(connection, ids)
        if clustered:
            story_clusters.forget(connection, ids)
        updates = [(c.stored.id, c.article, c.stored.site_id, c.digest) for c in changes]
        revise.write_updates(connection, updates, now=now, run_id=None, cause="re-extracted", sighting=False)
        related = [row for c in changes for row in link_rows(c.stored.id, c.article.related_links)]
        if related:
            insert_plain(connection, RELATED, related)
        links = [
            {"article_id": c.stored.id, "record_id": page.record_id, "page": page.number, "content_hash": c.digest}
            for c in changes
            for page in c.stored.pages
        ]
        links += [
            {"article_id": c.stored.id, "record_id": hop, "page": 0, "content_hash": c.digest}
            for c in changes
            for hop in c.stored.hops
        ]
        warc_captures.link(connection, links)
        written = [(c.stored.id, c.article) for c in changes]
        index_texts(connection, written, index, similarity if clustered else None)
    for chunk in chunks(version_only):
        connection.execute(update(ARTICLES).where(ARTICLES.c.id.in_(chunk)).values(extractor_version=version))
    if state is None:
        connection.execute(delete(META).where(META.c.key == PROGRESS_KEY))
    else:
        row = {"key": PROGRESS_KEY, "value": json.dumps(state)}
        statement = upsert_insert(connection, META)
        connection.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": row["value"]}), row)


def taken_hashes(connection: Connection, changes: list[Change]) -> dict[int, int]:
    """Changes whose new text another article of the site already has (the database's unique key would refuse
    it): article id -> the id of the article holding that text."""
    taken: dict[int, int] = {}
    wanted = {(c.stored.site_id, c.digest): c.stored.id for c in changes}
    for chunk in chunks(list({c.digest for c in changes})):
        query = select(ARTICLES.c.id, ARTICLES.c.site_id, ARTICLES.c.content_hash).where(
            ARTICLES.c.content_hash.in_(chunk)
        )
        for id_, site_id, digest in connection.execute(query):
            own = wanted.get((site_id, digest))
            if own is not None and own != id_:
                taken[own] = id_
    return taken


class Reextraction:
    """The Archive's methods for `newsarchive reextract` (mixed into Archive, which provides _read/_write)."""

    _read: Callable[[str], AbstractContextManager[Connection]]
    _write: Callable[[str], AbstractContextManager[Connection]]
    similarity: float

    def reextract_count(self, chosen: Filter, after_id: int = 0) -> int:
        with self._read("count articles to re-extract") as connection:
            return count(connection, chosen, after_id)

    def reextract_batch(self, chosen: Filter, after_id: int, limit: int) -> list[Stored]:
        with self._read("read articles to re-extract") as connection:
            return batch(connection, chosen, after_id, limit)

    def reextract_progress(self) -> dict[str, Any] | None:
        with self._read("read the re-extraction's progress") as connection:
            return progress(connection)

    def reextract_taken(self, changes: list[Change]) -> dict[int, int]:
        with self._read("look up re-extracted texts") as connection:
            return taken_hashes(connection, changes)

    def save_reextracted(
        self,
        changes: list[Change],
        version_only: list[int],
        *,
        version: str,
        now: datetime,
        state: dict[str, Any] | None,
    ) -> None:
        """One batch of a re-extraction and its progress, all or nothing."""
        with self._write(f"save {len(changes)} re-extracted articles") as connection:
            save(connection, changes, version_only, version=version, now=now, state=state, similarity=self.similarity)
