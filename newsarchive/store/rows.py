"""Conversions between Article records and table rows: content hash, UTC instant + offset, article JSON."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from newsarchive.items import Article, iso

from .models import ArticleRow, SiteRow

# The columns save_articles writes when an article is new or its content changed (not first_seen/run).
CONTENT_COLUMNS = (
    "url",
    "site_id",
    "content_hash",
    "headline",
    "published",
    "published_offset",
    "published_tz_inferred",
    "modified",
    "modified_offset",
    "authors",
    "section",
    "tags",
    "language",
    "body",
    "image_url",
    "sources",
    "pages",
    "fetched_at",
    "extractor_version",
)

# The columns an update (a new revision) replaces: the URL and its key stay those the article was found under.
UPDATE_COLUMNS = tuple(column for column in CONTENT_COLUMNS if column not in ("url", "site_id"))

_ZONES: dict[int, timezone] = {}


def content_hash(body: str) -> str:
    """sha256 (hex) of the body with all whitespace runs collapsed, so re-wrapped text is the same content."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def offset_minutes(value: datetime | None) -> int | None:
    """The value's UTC offset in whole minutes (None for None; a naive value counts as UTC)."""
    if value is None:
        return None
    offset = value.utcoffset()
    return 0 if offset is None else int(offset.total_seconds() // 60)


def with_offset(instant: datetime | None, minutes: int | None) -> datetime | None:
    """The UTC instant shown at the page's own offset again (UTC when the offset is unknown)."""
    if instant is None:
        return None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    minutes = minutes or 0
    zone = _ZONES.get(minutes) or _ZONES.setdefault(minutes, timezone(timedelta(minutes=minutes)))
    return instant.astimezone(zone)


def content_values(article: Article, site_id: int, digest: str) -> dict[str, Any]:
    """The CONTENT_COLUMNS of one article as a row dict (lists and dicts are shared, not copied)."""
    return {
        "url": article.url,
        "site_id": site_id,
        "content_hash": digest,
        "headline": article.headline or "",
        "published": article.published,
        "published_offset": offset_minutes(article.published),
        "published_tz_inferred": bool(article.published_tz_inferred),
        "modified": article.modified,
        "modified_offset": offset_minutes(article.modified),
        "authors": article.authors,
        "section": article.section,
        "tags": article.tags,
        "language": article.language,
        "body": article.body or "",
        "image_url": article.image_url,
        "sources": article.sources,
        "pages": article.pages,
        "fetched_at": article.fetched_at,
        "extractor_version": article.extractor_version,
    }


def link_rows(article_id: int, links: list[dict[str, str]]) -> list[dict[str, Any]]:
    """related_links rows for one article, numbered in page order."""
    return [
        # A link without a URL is left for the database to refuse (NOT NULL), failing the whole batch.
        {"article_id": article_id, "position": position, "url": link.get("url"), "title": link.get("title") or ""}
        for position, link in enumerate(links)
    ]


def article_json(row: Mapping[Any, Any], site: str, links: list[dict[str, str]]) -> dict[str, Any]:
    """The article JSON (items.JSON_KEYS) of a stored row, plus sources, pages, first/last seen, tz flag."""
    article = Article(
        url=row["url"],
        site=site,
        headline=row["headline"],
        published=with_offset(row["published"], row["published_offset"]),
        modified=with_offset(row["modified"], row["modified_offset"]),
        authors=list(row["authors"] or []),
        section=row["section"],
        tags=list(row["tags"] or []),
        language=row["language"],
        body=row["body"],
        related_links=links,
        image_url=row["image_url"],
        fetched_at=row["fetched_at"],
        sources=dict(row["sources"] or {}),
        published_tz_inferred=bool(row["published_tz_inferred"]),
        pages=list(row["pages"] or []),
    )
    data = article.to_json(row["id"])
    data["sources"] = article.sources
    data["pages"] = article.pages
    data["published_tz_inferred"] = article.published_tz_inferred
    data["first_seen"] = iso(row["first_seen"])
    data["last_seen"] = iso(row["last_seen"])
    return data


def summary_columns() -> tuple[Any, ...]:
    """The columns summary_json reads, for a select of articles joined to their sites."""
    articles, sites = ArticleRow.__table__, SiteRow.__table__
    return (
        articles.c.id,
        articles.c.url,
        sites.c.name.label("site"),
        articles.c.headline,
        articles.c.published,
        articles.c.published_offset,
    )


def summary_json(row: Mapping[Any, Any]) -> dict[str, Any]:
    """The short form listings and search results use: id, url, site, headline, published."""
    return {
        "id": row["id"],
        "url": row["url"],
        "site": row["site"],
        "headline": row["headline"],
        "published": iso(with_offset(row["published"], row["published_offset"])),
    }
