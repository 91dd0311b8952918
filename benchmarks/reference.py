"""The benchmark's second reference: the usual pipeline built on trafilatura, committing one row at a time."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import trafilatura

from newsarchive.crawler.crawlrun import crawl_run
from newsarchive.crawler.spiders.sites import NewsweekjapanSpider
from newsarchive.items import Article


class TrafilaturaSpider(NewsweekjapanSpider):
    """The newsweekjapan spider (same discovery, same links followed) with trafilatura as the extractor."""

    name = "trafilatura-reference"

    async def extract(self, response: Any) -> Article | None:
        doc = trafilatura.bare_extraction(response.text, url=response.url, with_metadata=True)
        if doc is None:
            return None
        published = None
        if doc.date:
            published = datetime.fromisoformat(doc.date).replace(tzinfo=UTC)
        return Article(
            url=response.url,
            site=self.site_name,
            headline=doc.title or "",
            body=doc.text or "",
            published=published,
            authors=[doc.author] if doc.author else [],
            image_url=doc.image,
            pages=[response.url],
            fetched_at=datetime.now(UTC),
        )


class PerRowStorePipeline:
    """Saves each article in its own transaction, as it arrives."""

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.run = crawl_run(crawler)

    @classmethod
    def from_crawler(cls, crawler: Any) -> PerRowStorePipeline:
        return cls(crawler)

    def process_item(self, item: Article, spider: Any = None) -> Article:
        for result in self.run.archive.save_articles([item]):
            self.crawler.stats.inc_value(f"newsarchive/articles_{result.status}")
        return item
