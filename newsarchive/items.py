"""The Article record that extraction produces, pipelines clean and the store keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Where a field's value came from, most trusted first; recorded per field in `Article.sources`.
SOURCES = ("jsonld", "microdata", "meta", "site", "heuristic")

# The keys of an article's JSON, in the order users see them (extract, show --json, export jsonl).
JSON_KEYS = (
    "id",
    "url",
    "site",
    "headline",
    "published",
    "modified",
    "authors",
    "section",
    "tags",
    "language",
    "body",
    "related_links",
    "image_url",
    "fetched_at",
)


def iso(value: datetime | None) -> str | None:
    """ISO 8601 with the value's own UTC offset (seconds dropped when zero), or None."""
    if value is None:
        return None
    return value.isoformat(timespec="seconds")


@dataclass
class Article:
    """One news article as extracted from one or more pages.

    `body` is plain text, one paragraph (or subhead, or list item) per line.
    `related_links` is a list of {"url": absolute URL, "title": text}, in page order.
    `published`/`modified` are timezone-aware; `published_tz_inferred` says the page gave no offset
    and the site's (or language's) timezone was assumed.
    `sources` maps a field name to where its value came from: one of SOURCES.
    `pages` lists the URLs whose content was joined into this article (page 1 first).
    `next_page` is the URL of the article's next page when extraction saw one; it is never stored.
    `extractor_version` is extract/version.py's EXTRACTOR_VERSION of the extractor that made it (None: not known).
    `captures` are the WARC records its pages were read from, page 1 first, as the crawl's WARC writer
    reported them (record id, file, offset, ...); the store writes them and links them to the article.
    """

    url: str
    site: str = ""
    headline: str = ""
    published: datetime | None = None
    modified: datetime | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    body: str = ""
    related_links: list[dict[str, str]] = field(default_factory=list)
    image_url: str | None = None
    fetched_at: datetime | None = None
    sources: dict[str, str] = field(default_factory=dict)
    published_tz_inferred: bool = False
    pages: list[str] = field(default_factory=list)
    next_page: str | None = None
    extractor_version: str | None = None
    captures: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self, id: int | None = None) -> dict[str, Any]:
        """The article as the JSON object of JSON_KEYS (timestamps as ISO 8601 strings)."""
        return {
            "id": id,
            "url": self.url,
            "site": self.site,
            "headline": self.headline,
            "published": iso(self.published),
            "modified": iso(self.modified),
            "authors": list(self.authors),
            "section": self.section,
            "tags": list(self.tags),
            "language": self.language,
            "body": self.body,
            "related_links": [dict(link) for link in self.related_links],
            "image_url": self.image_url,
            "fetched_at": iso(self.fetched_at),
        }
