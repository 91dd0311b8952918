"""Item pipelines: clean each article, drop the unusable, skip repeats, and store the rest in batches."""

from __future__ import annotations

import hashlib
import logging
import re
from typing import Any

from scrapy.exceptions import DropItem

from newsarchive.clean import clean_article
from newsarchive.crawlrun import crawl_run
from newsarchive.items import Article

logger = logging.getLogger(__name__)

_SPACE = re.compile(r"\s+")


class CleanPipeline:
    """Normalises every field (whitespace, Unicode NFC, absolute URLs, no repeated authors/tags/links)."""

    def process_item(self, item: Article, spider: Any = None) -> Article:
        return clean_article(item)


class ValidatePipeline:
    """Drops what is not an article: no headline, no body, or a body too short to be one."""

    def __init__(self, min_body_chars: int = 60):
        self.min_body_chars = min_body_chars

    @classmethod
    def from_crawler(cls, crawler: Any) -> ValidatePipeline:
        return cls(crawler.settings.getint("NEWSARCHIVE_MIN_BODY_CHARS", 60))

    def process_item(self, item: Article, spider: Any = None) -> Article:
        if not item.headline.strip():
            raise DropItem(f"missing headline: {item.url}")
        body = item.body.strip()
        if not body:
            raise DropItem(f"missing body: {item.url}")
        if len(body) < self.min_body_chars:
            raise DropItem(f"body too short: {len(body)} characters (at least {self.min_body_chars}): {item.url}")
        return item


def body_key(body: str) -> str:
    """A hash of the body that ignores whitespace (Japanese text has no spaces to keep; re-wrapped text stays the same)."""
    return hashlib.blake2b(_SPACE.sub("", body).encode(), digest_size=16).hexdigest()


class DuplicateItem(DropItem):
    """A DropItem for an article this crawl has already passed on (counted as a duplicate, not a drop)."""

    def __init__(self, message: str):
        # Repeats are expected (feeds, sitemaps and listings overlap): not worth a warning.
        super().__init__(message)
        self.log_level = "INFO"


class DedupePipeline:
    """Skips an article whose URL or body this crawl has already passed on.

    Only saves work: the archive decides what is a duplicate (across runs and processes) by its own keys.
    """

    def __init__(self) -> None:
        self.urls: set[str] = set()
        self.bodies: dict[str, str] = {}

    def process_item(self, item: Article, spider: Any = None) -> Article:
        if item.url in self.urls:
            raise DuplicateItem(f"duplicate: {item.url} already seen in this crawl")
        key = body_key(item.body)
        first = self.bodies.get(key)
        if first is not None:
            raise DuplicateItem(f"duplicate: same body as {first}: {item.url}")
        self.urls.add(item.url)
        self.bodies[key] = item.url
        return item


class StorePipeline:
    """Saves articles to the archive, NEWSARCHIVE_BATCH_SIZE per transaction, and counts what happened.

    A batch that fails to save is logged with its URLs and recorded as problems; the crawl goes on, and
    the store's transaction guarantees the batch is either all written or not at all.
    """

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.stats = crawler.stats
        self.run = crawl_run(crawler)
        self.batch_size = self.run.batch_size
        self.buffer: list[Article] = []
        self.run.archive  # open it now: a bad NEWSARCHIVE_DB stops the crawl before it fetches anything

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler)

    def open_spider(self, spider: Any = None) -> None:
        self.run.start(spider or self.crawler.spider)

    def process_item(self, item: Article, spider: Any = None) -> Article:
        self.buffer.append(item)
        if len(self.buffer) >= self.batch_size:
            self.flush()
        return item

    def close_spider(self, spider: Any = None) -> None:
        self.flush()

    def flush(self) -> None:
        batch, self.buffer = self.buffer, []
        if not batch:
            return
        try:
            results = self.run.archive.save_articles(batch, run_id=self.run.run_id)
        except Exception as exc:
            urls = [str(getattr(a, "url", "") or "") for a in batch]
            logger.error("could not save %d articles (%s): %s", len(batch), exc, ", ".join(urls))
            for url in urls:
                self.stats.inc_value("newsarchive/errors")
                self.run.problem(url, "error", f"not saved: {exc}")
            return
        for result in results:
            status = result.status
            key = "duplicates" if status == "duplicate" else f"articles_{status}"
            self.stats.inc_value(f"newsarchive/{key}")
