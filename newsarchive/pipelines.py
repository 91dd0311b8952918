"""Item pipelines: clean each article, drop the unusable, skip repeats, and store the rest in batches."""

from __future__ import annotations

import hashlib
import logging
import re
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
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
    """A hash of the body that ignores whitespace (Japanese has no spaces to keep; re-wrapped text stays the same)."""
    return hashlib.blake2b(_SPACE.sub("", body).encode(), digest_size=16).hexdigest()


class DuplicateItem(DropItem):
    """A DropItem for an article this crawl has already passed on (counted as a duplicate, not a drop)."""

    def __init__(self, message: str):
        # Repeats are expected (feeds, sitemaps and listings overlap): not worth a warning.
        super().__init__(message)
        self.log_level = "INFO"


class DedupePipeline:
    """Skips an article whose URL this crawl has already passed on, or whose body the archive keeps under
    another URL that this crawl has already saved.

    Only saves work: the archive decides what is a duplicate. A body is only ever skipped in favour of the
    URL the archive chose for it, so the choice cannot differ from one crawl to the next.
    """

    def __init__(self, owners: dict[str, str] | None = None) -> None:
        self.urls: set[str] = set()
        self.owners = owners if owners is not None else {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> DedupePipeline:
        return cls(crawl_run(crawler).body_owners)

    def process_item(self, item: Article, spider: Any = None) -> Article:
        if item.url in self.urls:
            raise DuplicateItem(f"duplicate: {item.url} already seen in this crawl")
        owner = self.owners.get(body_key(item.body))
        if owner is not None and owner != item.url:
            raise DuplicateItem(f"duplicate: same body as {owner}: {item.url}")
        self.urls.add(item.url)
        return item


class StorePipeline:
    """Saves articles to the archive, NEWSARCHIVE_BATCH_SIZE per transaction, and counts what happened.

    Batches are written by one background thread, in order, while the crawl goes on: SQLite does its
    work without holding the GIL, so the crawl keeps fetching and extracting meanwhile. At most
    `max_pending` batches wait for the writer; past that the crawl waits for it. A batch that fails to
    save is logged with its URLs and recorded as problems, and the crawl goes on; the store's
    transaction guarantees the batch is either all written or not at all.
    """

    max_pending = 2

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.stats = crawler.stats
        self.run = crawl_run(crawler)
        self.batch_size = self.run.batch_size
        self.buffer: list[Article] = []
        self.pending: deque[tuple[list[Article], Future]] = deque()
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsarchive-store")
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
        self.collect(wait=len(self.pending) > self.max_pending)
        return item

    def close_spider(self, spider: Any = None) -> None:
        self.drain()
        self.writer.shutdown(wait=True)

    def flush(self) -> None:
        """Hand the buffered articles to the writer as one batch."""
        batch, self.buffer = self.buffer, []
        if batch:
            self.pending.append((batch, self.writer.submit(self._write, batch)))

    def drain(self) -> None:
        """Write everything buffered and wait until the writer is done with it."""
        self.flush()
        while self.pending:
            self.collect(wait=True)

    def collect(self, wait: bool = False) -> None:
        """Count the results of the batches the writer has finished (waiting for the oldest when `wait`)."""
        while self.pending and (wait or self.pending[0][1].done()):
            batch, future = self.pending.popleft()
            wait = False
            try:
                results, notes = future.result()
            except Exception as exc:
                self._failed(batch, exc)
            else:
                self._saved(batch, results, notes)

    def _write(self, batch: list[Article]) -> tuple[list, list]:
        # Runs in the writer thread, with all the per-article work it can take off the crawl's thread:
        # for each article, the URL a duplicate repeats, or the body hash a saved article now owns.
        results = self.run.archive.save_articles(batch, run_id=self.run.run_id)
        notes = [
            (self.run.archive.get(result.id) or {}).get("url") or result.id if result.status == "duplicate"
            else body_key(article.body)
            for article, result in zip(batch, results)
        ]
        return results, notes

    def _saved(self, batch: list[Article], results: list, notes: list) -> None:
        for article, result, note in zip(batch, results, notes):
            if result.status == "duplicate":
                self.stats.inc_value("newsarchive/duplicates")
                self.run.problem(article.url, "dropped", f"duplicate: same body as {note}")
            else:
                self.stats.inc_value(f"newsarchive/articles_{result.status}")
                self.run.body_owners[note] = result.url

    def _failed(self, batch: list[Article], exc: BaseException) -> None:
        urls = [str(getattr(a, "url", "") or "") for a in batch]
        logger.error("could not save %d articles (%s): %s", len(batch), exc, ", ".join(urls))
        for url in urls:
            self.stats.inc_value("newsarchive/errors")
            self.run.problem(url, "error", f"not saved: {exc}")
