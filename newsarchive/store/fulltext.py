"""The archive's full-text index: an FTS5 table kept in step with articles on SQLite, ILIKE elsewhere.

The FTS5 table holds text segmented by search.segment (rowid = article id). The store writes it in the
same transaction as the article, so there are no triggers. An archive opened with fts=False skips that
work and marks the index stale; the next search rebuilds it, so results are never silently incomplete.
"""

from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import Connection, and_, delete, desc, not_, or_, select, text

from .models import ArticleRow, MetaRow, SiteRow, UTCDateTime
from .rows import summary_json
from .search import Query, Term, segment, snippet, to_fts

STALE_KEY = "fts_stale"
REBUILD_CHUNK = 500

_INSERT = text("INSERT INTO articles_fts (rowid, headline, body) VALUES (:id, :headline, :body)")
_DELETE = text("DELETE FROM articles_fts WHERE rowid = :id")
_MARK_STALE = text(f"INSERT INTO store_meta (key, value) VALUES ('{STALE_KEY}', '1') ON CONFLICT DO NOTHING")
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


def add(connection: Connection, docs: Iterable[tuple[int, str, str]]) -> None:
    """Index (id, headline, body) documents that are not in the index yet."""
    rows = [{"id": id_, "headline": segment(headline), "body": segment(body)} for id_, headline, body in docs]
    if rows:
        connection.execute(_INSERT, rows)


def remove(connection: Connection, ids: Iterable[int]) -> None:
    """Take articles out of the index (before re-adding their changed text)."""
    rows = [{"id": id_} for id_ in ids]
    if rows:
        connection.execute(_DELETE, rows)


def mark_stale(connection: Connection) -> None:
    """Record that articles were written without indexing them."""
    connection.execute(_MARK_STALE)


def is_stale(connection: Connection) -> bool:
    """Whether some articles are missing from the index."""
    return connection.scalar(select(MetaRow.value).where(MetaRow.key == STALE_KEY)) is not None


def rebuild(connection: Connection) -> int:
    """Re-create the whole index from the articles table; returns the number of articles indexed."""
    connection.exec_driver_sql("DELETE FROM articles_fts")
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
        add(connection, chunk)
        count += len(chunk)
        after = chunk[-1][0]
    connection.execute(delete(MetaRow).where(MetaRow.key == STALE_KEY))
    return count


def search(connection: Connection, query: Query, *, limit: int, site: str | None) -> list[dict[str, Any]]:
    """Matching articles, best first, each as a summary with a snippet of the body around the first match."""
    if has_index(connection):
        statement = text(_MATCH.format(site_filter="AND s.name = :site" if site else ""))
        statement = statement.columns(published=UTCDateTime)
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
    # Without FTS5 (PostgreSQL): a plain substring scan, newest first; correct but not fast.
    condition = and_(
        *(or_(*(_contains(term) for term in group)) for group in query.groups),
        *(not_(_contains(term)) for term in query.excluded),
    )
    statement = (
        select(
            ArticleRow.id, ArticleRow.url, SiteRow.name.label("site"), ArticleRow.headline,
            ArticleRow.published, ArticleRow.published_offset, ArticleRow.body,
        )
        .join(SiteRow, SiteRow.id == ArticleRow.site_id)
        .where(condition)
        .order_by(desc(ArticleRow.published).nulls_last(), desc(ArticleRow.id))
        .limit(limit)
    )
    if site:
        statement = statement.where(SiteRow.name == site)
    return list(connection.execute(statement).mappings().all())
