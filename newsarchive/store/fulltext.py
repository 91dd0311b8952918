"""The archive's full-text index: an FTS5 table kept in step with articles on SQLite, ILIKE elsewhere.

The contentless FTS5 table holds the tokens of search.segment(headline, body), rowid = article id.
The store writes it in the same transaction as the article, so there are no triggers. FTS5 forgets a
changed article's old tokens only when told them, so the index is maintained only while it is
current: complete, and built by the current segmentation (store_meta fts_segmentation =
search.SEGMENTATION). Writing with fts=False, a migration, or a new segmentation makes it not
current; the next open to write rebuilds it, and until then a read scans the articles instead, so
results are never silently incomplete.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, desc, not_, or_, select, text

from newsarchive.text.words import words

from .models import ArticleRow, SiteRow, UTCDateTime
from .rows import summary_columns, summary_json
from .search import SEGMENTATION, Query, Term, segment, snippet, to_fts

STATE_KEY = "fts_segmentation"
REBUILD_CHUNK = 500

_INSERT = text("INSERT INTO articles_fts (rowid, headline, body) VALUES (:id, :headline, :body)")
_FORGET = text(
    "INSERT INTO articles_fts (articles_fts, rowid, headline, body) VALUES ('delete', :id, :headline, :body)"
)
_STATE = text(f"SELECT value FROM store_meta WHERE key = '{STATE_KEY}'")
_NOT_CURRENT = text(f"DELETE FROM store_meta WHERE key = '{STATE_KEY}'")
_CURRENT = text(f"INSERT INTO store_meta (key, value) VALUES ('{STATE_KEY}', :value)")
_MATCH = """
SELECT a.id, a.url, s.name AS site, a.headline, a.published, a.published_offset, a.body
FROM articles_fts
JOIN articles AS a ON a.id = articles_fts.rowid
JOIN sites AS s ON s.id = a.site_id
WHERE articles_fts MATCH :query {site_filter}
ORDER BY bm25(articles_fts, 5.0, 1.0), a.published DESC, a.id DESC
LIMIT :limit
"""


def has_index(connection: Connection) -> bool:
    """Whether this database keeps the FTS5 index (SQLite only)."""
    return connection.dialect.name == "sqlite"


def is_current(connection: Connection) -> bool:
    """Whether the index holds exactly every article's text, segmented the current way."""
    return connection.scalar(_STATE) == SEGMENTATION


def mark_not_current(connection: Connection) -> None:
    """Record that articles are being written without indexing them."""
    connection.execute(_NOT_CURRENT)


def add(connection: Connection, docs: Iterable[tuple[int, str, list[str]]]) -> None:
    """Index (id, headline, words.words(body)) of articles that are not in the index.

    The body comes as its words because the writer cuts them once for this index and the near-duplicate one.
    """
    rows = [{"id": id_, "headline": segment(headline), "body": " ".join(body)} for id_, headline, body in docs]
    if rows:
        connection.execute(_INSERT, rows)


def forget(connection: Connection, ids: list[int]) -> None:
    """Take articles out of the index, by the text they still have in the articles table."""
    if not ids:
        return
    old = connection.execute(
        select(ArticleRow.id, ArticleRow.headline, ArticleRow.body).where(ArticleRow.id.in_(ids))
    ).all()
    rows = [{"id": id_, "headline": segment(headline), "body": segment(body)} for id_, headline, body in old]
    if rows:
        connection.execute(_FORGET, rows)


def rebuild(connection: Connection) -> int:
    """Re-create the whole index from the articles table; returns the number of articles indexed."""
    connection.exec_driver_sql("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
    count, after = 0, 0
    while True:
        chunk = connection.execute(
            select(ArticleRow.id, ArticleRow.headline, ArticleRow.body)
            .where(ArticleRow.id > after)
            .order_by(ArticleRow.id)
            .limit(REBUILD_CHUNK)
        ).all()
        if not chunk:
            break
        add(connection, ((id_, headline, words(body)) for id_, headline, body in chunk))
        count += len(chunk)
        after = chunk[-1][0]
    connection.execute(_NOT_CURRENT)
    connection.execute(_CURRENT, {"value": SEGMENTATION})
    return count


def search(
    connection: Connection, query: Query, *, limit: int, site: str | None, use_index: bool = True
) -> list[dict[str, Any]]:
    """Matching articles, best first, each as a summary with a snippet of the body around the first match.

    `use_index=False` scans the articles instead (an index that is not current and cannot be rebuilt).
    """
    if use_index and has_index(connection):
        statement = text(_MATCH.format(site_filter="AND s.name = :site" if site else "")).columns(published=UTCDateTime)
        params: dict[str, Any] = {"query": to_fts(query), "limit": limit}
        if site:
            params["site"] = site
        rows = connection.execute(statement, params).mappings().all()
    else:
        rows = _search_ilike(connection, query, limit=limit, site=site)
    terms = query.terms
    return [{**summary_json(row), "snippet": snippet(row["body"], terms)} for row in rows]


def _contains(term: Term) -> Any:
    escaped = term.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return or_(ArticleRow.headline.ilike(pattern, escape="\\"), ArticleRow.body.ilike(pattern, escape="\\"))


def _search_ilike(connection: Connection, query: Query, *, limit: int, site: str | None) -> list[Any]:
    # Without FTS5 (PostgreSQL, or an index that cannot be rebuilt): a plain substring scan, newest first;
    # correct but not fast.
    condition = and_(
        *(or_(*(_contains(term) for term in group)) for group in query.groups),
        *(not_(_contains(term)) for term in query.excluded),
    )
    statement = (
        select(
            *summary_columns(),
            ArticleRow.body,
        )
        .join(SiteRow, SiteRow.id == ArticleRow.site_id)
        .where(condition)
        .order_by(desc(ArticleRow.published).nulls_last(), desc(ArticleRow.id))
        .limit(limit)
    )
    if site:
        statement = statement.where(SiteRow.name == site)
    return list(connection.execute(statement).mappings().all())
