"""Item pipelines: clean each article, drop the unusable, skip repeats, and store the rest in batches."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.exceptions import DropItem

from newsarchive.crawler import settings as project
from newsarchive.crawler.crawlrun import CrawlRun, crawl_run, stop_crawl
from newsarchive.crawler.projectsettings import project_settings
from newsarchive.crawler.workers import writer as storeproc
from newsarchive.items import Article
from newsarchive.text.clean import clean_article

logger = logging.getLogger(__name__)


class CleanPipeline:
    """Normalises every field (whitespace, Unicode NFC, absolute URLs, no repeated authors/tags/links)."""

    def process_item(self, item: Article, spider: Any = None) -> Article:
        return clean_article(item)


class ValidatePipeline:
    """Drops what is not an article: no headline, no body, or a body too short to be one."""

    def __init__(self, min_body_chars: int = project.NEWSARCHIVE_MIN_BODY_CHARS):
        self.min_body_chars = min_body_chars

    @classmethod
    def from_crawler(cls, crawler: Any) -> ValidatePipeline:
        return cls(project_settings(crawler.settings).getint("NEWSARCHIVE_MIN_BODY_CHARS"))

    def process_item(self, item: Article, spider: Any = None) -> Article:
        reason = not_an_article(item, self.min_body_chars)
        if reason:
            raise DropItem(f"{reason}: {item.url}")
        return item


def not_an_article(item: Article, min_body_chars: int) -> str | None:
    """Why an extracted article is not one (no headline, no body, a body too short), or None: what a crawl
    drops, and what a re-extraction refuses to store over the text it has."""
    if not item.headline.strip():
        return "missing headline"
    body = item.body.strip()
    if not body:
        return "missing body"
    if len(body) < min_body_chars:
        return f"body too short: {len(body)} characters (at least {min_body_chars})"
    return None


class DuplicateItem(DropItem):
    """A DropItem for an article this crawl has already passed on (counted as a duplicate, not a drop)."""

    def __init__(self, message: str):
        # Repeats are expected (feeds, sitemaps and listings overlap): not worth a warning.
        super().__init__(message)
        self.log_level = "INFO"


class DedupePipeline:
    """Skips an article this crawl has already passed on under the same URLs (its own and its pages').

    Only saves work: the archive decides what is a duplicate. A copy under another URL (same body, a
    www., AMP or mobile variant, page 2 on its own) goes on to the archive, which keeps that URL as an
    alias of the article and counts the copy as a duplicate.
    """

    def __init__(self) -> None:
        self.seen: set[tuple[str, ...]] = set()

    def process_item(self, item: Article, spider: Any = None) -> Article:
        urls = (item.url, *item.pages)
        if urls in self.seen:
            raise DuplicateItem(f"duplicate: {item.url} already seen in this crawl")
        self.seen.add(urls)
        return item


class StorePipeline:
    """Saves articles to the archive, NEWSARCHIVE_BATCH_SIZE per transaction, and counts what happened.

    Batches are written in order by one writer process (storeproc; a thread of the crawl's own process
    when NEWSARCHIVE_STORE_PROCESS is off), while the crawl goes on: indexing an article for search and
    near duplicates is Python work that would otherwise hold up fetching and extracting. At most
    `max_pending` batches wait for the writer; past that the crawl waits for it. A writer process that
    dies is started again with the batches it held (BatchWriter), up to NEWSARCHIVE_WORKER_RESTARTS
    times. A batch that fails to save is logged with its URLs and recorded as problems, and the run
    fails; after NEWSARCHIVE_SAVE_FAILURES failed batches in a row (a full disk, a read-only archive)
    or a writer that stays dead, the crawl stops: what it fetched from then on would be lost too. The
    store's transaction guarantees a batch is either all written or not at all.
    """

    max_pending = 2

    def __init__(
        self,
        run: CrawlRun,
        stats: Any,
        *,
        store_process: bool,
        restarts: int,
        max_failures: int,
        crawler: Any = None,
    ) -> None:
        self.run = run
        self.stats = stats
        self.crawler = crawler  # where open_spider finds the spider when Scrapy passes none, and what stops
        self.batch_size = run.batch_size
        self.buffer: list[Article] = []
        self.max_failures = max(1, max_failures)
        self.writer = storeproc.BatchWriter(
            lambda: storeproc.writer(
                run.db, run.similarity, run.clusters, in_process=not store_process, max_aliases=run.max_aliases
            ),
            restarts,
        )
        self.not_saved = 0
        self.failed_in_a_row = 0
        self.cause: str | None = None  # why the first batch that failed was not saved
        self.stopped = False
        _ = run.archive  # open it now (the property opens it): a bad NEWSARCHIVE_DB stops the crawl before it fetches

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        settings = project_settings(crawler.settings)
        return cls(
            crawl_run(crawler),
            crawler.stats,
            store_process=settings.getbool("NEWSARCHIVE_STORE_PROCESS"),
            restarts=settings.getint("NEWSARCHIVE_WORKER_RESTARTS"),
            max_failures=settings.getint("NEWSARCHIVE_SAVE_FAILURES"),
            crawler=crawler,
        )

    def open_spider(self, spider: Any = None) -> None:
        self.run.start(spider or self.crawler.spider)

    def process_item(self, item: Article, spider: Any = None) -> Article:
        self.buffer.append(item)
        if len(self.buffer) >= self.batch_size:
            self.flush()
        self.collect(wait=len(self.writer) > self.max_pending)
        # Extracted articles the archive does not hold yet: the progress line shows them as pending.
        pending = len(self.buffer) + sum(len(entry.batch) for entry in self.writer.held)
        self.stats.set_value("newsarchive/articles_pending", pending)
        return item

    def close_spider(self, spider: Any = None) -> None:
        self.drain()
        self.writer.close()
        self.stats.set_value("newsarchive/articles_pending", 0)
        if self.not_saved:
            self.run.fail(f"{self.cause} ({self.not_saved} articles not saved)")
        self.stats.set_value("newsarchive/writer_restarts", min(self.writer.deaths, self.writer.restarts))

    def flush(self) -> None:
        """Hand the buffered articles to the writer as one batch."""
        batch, self.buffer = self.buffer, []
        if batch:
            self.writer.submit(batch, self.run.run_id, self.run.archive)

    def drain(self) -> None:
        """Write everything buffered and wait until the writer is done with it."""
        self.flush()
        while len(self.writer):
            self.collect(wait=True)

    def collect(self, wait: bool = False) -> None:
        """Count the results of the batches the writer has finished (waiting for the oldest when `wait`)."""
        for batch, outcome, error in self.writer.done(wait):
            if error is not None:
                self._failed(batch, error)
            else:
                self.failed_in_a_row = 0
                self._saved(batch, *outcome)

    def _saved(self, batch: list[Article], results: list, notes: list) -> None:
        # writer.save gives one result and one note per article of the batch, in order.
        for article, result, owner in zip(batch, results, notes, strict=True):
            if result.status == "duplicate":
                self.stats.inc_value("newsarchive/duplicates")
                if result.stale:  # an earlier text from another URL of it (a lagging AMP copy, a CDN)
                    self.stats.inc_value("newsarchive/stale_variants")
                if owner is not None:  # a URL variant is archived as an alias: not a problem
                    self.run.problem(article.url, "dropped", f"duplicate: same body as {owner}")
            else:
                self.stats.inc_value(f"newsarchive/articles_{result.status}")
            if result.revised:
                self.stats.inc_value("newsarchive/revisions")
            if result.clustered:
                self.stats.inc_value("newsarchive/near_duplicates")

    def _failed(self, batch: list[Article], exc: BaseException) -> None:
        urls = [str(getattr(a, "url", "") or "") for a in batch]
        logger.error("could not save %d articles (%s): %s", len(batch), exc, ", ".join(urls))
        for url in urls:
            self.stats.inc_value("newsarchive/errors")
            self.run.problem(url, "error", f"not saved: {exc}")
        self.not_saved += len(batch)
        self.failed_in_a_row += 1
        died = isinstance(exc, storeproc.WriterDied)
        if self.cause is None:
            self.cause = str(exc) if died else f"archive not writable: {exc}"
        if not self.stopped and (self.failed_in_a_row >= self.max_failures or self.writer.executor is None):
            self.stopped = True
            stop_crawl(self.crawler, "worker_died" if died else "archive_not_writable", self.cause)
