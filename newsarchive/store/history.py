"""Reading what the archive knows beyond an article's current text: its URLs, its revisions, what changed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, desc, func, select
from sqlalchemy.orm import aliased

from newsarchive.items import iso
from newsarchive.text.urls import url_key

from .models import AliasRow, ArticleRow, RevisionRow, SiteRow
from .rows import with_offset

ARTICLES = ArticleRow.__table__
ALIASES = AliasRow.__table__
REVISIONS = RevisionRow.__table__
SITES = SiteRow.__table__
FIELDS = ("headline", "body", "any")
MAX_ID = 2**63 - 1


def resolve(connection: Connection, id_or_url: str | int) -> int | None:
    """The id of the article with this id, stored URL, alias, or any URL with the key of one of those."""
    text = str(id_or_url).strip()
    if text.isascii() and text.isdigit():
        number = int(text)
        # An id past the database's 64-bit integers names no article (and the driver could not bind it).
        return None if number > MAX_ID else connection.scalar(select(ARTICLES.c.id).where(ARTICLES.c.id == number))
    url = text.split("#", 1)[0]
    try:
        key = url_key(url)
    except ValueError:  # not a URL any page could have (a bad port, an unclosed [): only an exact match
        key = None
    for query in (
        select(ARTICLES.c.id).where(ARTICLES.c.url == url),
        select(ALIASES.c.article_id).where(ALIASES.c.url == url),
        select(ARTICLES.c.id).where(ARTICLES.c.url_key == key),
        select(func.min(ALIASES.c.article_id)).where(ALIASES.c.url_key == key),
    ):
        found = connection.scalar(query)
        if found is not None:
            return found
    return None


def aliases(connection: Connection, article_id: int) -> list[str]:
    """Every URL the article was seen under, first seen first."""
    query = (
        select(ALIASES.c.url).where(ALIASES.c.article_id == article_id).order_by(ALIASES.c.first_seen, ALIASES.c.url)
    )
    return list(connection.scalars(query))


def _version(row: Any, current: bool, cause: str | None) -> dict[str, Any]:
    return {
        "revision": row["number"],
        "current": current,
        # What made this version out of the one before (None for the first): a publisher's "edit" or "re-extracted".
        "cause": cause,
        "extractor_version": row["extractor_version"],
        "headline": row["headline"],
        "published": iso(with_offset(row["published"], row["published_offset"])),
        "modified": iso(with_offset(row["modified"], row["modified_offset"])),
        "fetched_at": iso(row["fetched_at"]),
        "seen_from": iso(row["seen_from"]),
        "seen_until": iso(row["seen_until"]),
        "headline_changed": None if current else bool(row["headline_changed"]),
        "body_changed": None if current else bool(row["body_changed"]),
        "body_chars": len(row["body"] or ""),
    }


def cause_of(connection: Connection, article_id: int, number: int) -> str | None:
    """What made revision `number` of the article out of the one before: "edit", "re-extracted"; None for the first."""
    query = select(REVISIONS.c.cause).where(REVISIONS.c.article_id == article_id, REVISIONS.c.number == number - 1)
    return connection.scalar(query)


def revisions(connection: Connection, article_id: int, *, bodies: bool = False) -> list[dict[str, Any]]:
    """Every version of the article, oldest first; the last one is the current text."""
    past = (
        connection.execute(select(REVISIONS).where(REVISIONS.c.article_id == article_id).order_by(REVISIONS.c.number))
        .mappings()
        .all()
    )
    now = (
        connection.execute(
            select(
                ARTICLES.c.revision.label("number"),
                ARTICLES.c.headline,
                ARTICLES.c.body,
                ARTICLES.c.published,
                ARTICLES.c.published_offset,
                ARTICLES.c.modified,
                ARTICLES.c.modified_offset,
                ARTICLES.c.fetched_at,
                func.coalesce(ARTICLES.c.revised_at, ARTICLES.c.first_seen).label("seen_from"),
                ARTICLES.c.last_seen.label("seen_until"),
                ARTICLES.c.extractor_version,
            ).where(ARTICLES.c.id == article_id)
        )
        .mappings()
        .first()
    )
    if now is None:
        return []
    versions = [(row, False) for row in past] + [(now, True)]
    causes = [None, *(row["cause"] for row in past)]  # a revision row holds what replaced it
    result = []
    for (row, current), cause in zip(versions, causes, strict=True):
        version = _version(row, current, cause)
        if bodies:
            version["body"] = row["body"]
        result.append(version)
    return result


def changed(
    connection: Connection,
    since: datetime,
    field: str = "headline",
    *,
    site: str | None = None,
    limit: int = 50,
    all_causes: bool = False,
) -> list[dict[str, Any]]:
    """Articles whose headline (or body, or either) a re-crawl found changed since `since`, newest change first.

    Only the publisher's edits, unless `all_causes` adds the changes re-extraction made."""
    if field not in FIELDS:
        raise ValueError(f"field must be one of {', '.join(FIELDS)}, not {field!r}")
    nxt = aliased(RevisionRow.__table__)
    condition = REVISIONS.c.seen_until >= since
    if not all_causes:
        condition = and_(condition, REVISIONS.c.cause == "edit")
    if field == "headline":
        condition = and_(condition, REVISIONS.c.headline_changed)
    elif field == "body":
        condition = and_(condition, REVISIONS.c.body_changed)
    query = (
        select(
            ARTICLES.c.id,
            ARTICLES.c.url,
            SITES.c.name.label("site"),
            REVISIONS.c.number,
            REVISIONS.c.seen_until,
            REVISIONS.c.headline.label("old_headline"),
            func.coalesce(nxt.c.headline, ARTICLES.c.headline).label("new_headline"),
            REVISIONS.c.headline_changed,
            REVISIONS.c.body_changed,
            REVISIONS.c.cause,
        )
        .join(ARTICLES, ARTICLES.c.id == REVISIONS.c.article_id)
        .join(SITES, SITES.c.id == ARTICLES.c.site_id)
        .outerjoin(nxt, and_(nxt.c.article_id == REVISIONS.c.article_id, nxt.c.number == REVISIONS.c.number + 1))
        .where(condition)
        .order_by(desc(REVISIONS.c.seen_until), desc(REVISIONS.c.id))
        .limit(limit)
    )
    if site is not None:
        query = query.where(SITES.c.name == site)
    return [
        {
            "id": row["id"],
            "url": row["url"],
            "site": row["site"],
            "revision": row["number"] + 1,
            "changed_at": iso(row["seen_until"]),
            "changed": [name for name in ("headline", "body") if row[f"{name}_changed"]],
            "cause": row["cause"],
            "old_headline": row["old_headline"],
            "headline": row["new_headline"],
        }
        for row in connection.execute(query).mappings()
    ]
