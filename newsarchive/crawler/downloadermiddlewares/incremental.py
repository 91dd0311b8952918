"""Incremental crawling: archived URLs are fetched again only when due for a re-check, conditionally.

The archive is the crawl's frontier. When the spider opens, this downloader middleware reads every
URL the archive holds an article of the site under; a request for one of them is dropped unless a
re-check is due (an age since publication, see schedule.py), and a due re-check carries
If-None-Match / If-Modified-Since from the last fetch, so an unchanged page costs a 304. Due articles
that no feed or listing shows any more are requested too. `NEWSARCHIVE_FORCE` fetches every known URL
again, unconditionally.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured

from newsarchive.crawler.crawlrun import CrawlRun, crawl_run
from newsarchive.crawler.projectsettings import project_settings
from newsarchive.crawler.schedule import DEFAULT_RECHECK, is_due, parse_ages
from newsarchive.crawler.spiders.base import ARTICLE, HINTS

logger = logging.getLogger(__name__)

RECHECK = "newsarchive_recheck"  # request meta: this request is a scheduled re-check (or forced)


class NotDue(IgnoreRequest):
    """An archived URL that is not due for a re-check (not a problem with the page)."""


class IncrementalMiddleware:
    """Skips archived URLs until due, re-checks them conditionally, and records validators per URL."""

    def __init__(
        self,
        run: CrawlRun,
        stats: Any,
        *,
        force: bool,
        ages: tuple[timedelta, ...],
        schedule: Callable[[scrapy.Request], Any],
    ) -> None:
        self.run = run
        self.stats = stats
        self.force = force
        self.ages = ages
        self.schedule = schedule  # hands a re-check to the engine
        self.known: dict[str, Any] = {}
        self.fetches: list[dict[str, Any]] = []
        # Fetch state is written off the reactor's thread: a write may wait for the store's batch to commit.
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsarchive-fetch-state")

    @classmethod
    def from_crawler(cls, crawler: Any) -> IncrementalMiddleware:
        settings = project_settings(crawler.settings)
        if not settings.getbool("NEWSARCHIVE_INCREMENTAL"):
            raise NotConfigured
        # Without the store pipeline nothing reaches the archive, so it cannot be the frontier.
        if settings.getwithbase("ITEM_PIPELINES").get("newsarchive.crawler.pipelines.StorePipeline") is None:
            raise NotConfigured
        middleware = cls(
            crawl_run(crawler),
            crawler.stats,
            force=settings.getbool("NEWSARCHIVE_FORCE"),
            ages=parse_ages(settings.get("NEWSARCHIVE_RECHECK") or DEFAULT_RECHECK),
            schedule=lambda request: crawler.engine.crawl(request),
        )
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider: Any) -> None:
        site = getattr(spider, "site_name", "") or spider.name
        now = datetime.now(UTC)
        rows = self.run.archive.known_urls(site)
        self.known = {row.url: row for row in rows}
        # One re-check per due article, at the URL it is archived under (else any alias of this site).
        by_article: dict[int, list] = {}
        for row in rows:
            by_article.setdefault(row.article_id, []).append(row)
        due = 0
        for aliases in by_article.values():
            last = max(row.last_fetch for row in aliases)
            if not (self.force or is_due(aliases[0].published, last, now, self.ages)):
                continue
            request = spider.recheck_request(
                [aliases[0].article_url] + [row.url for row in aliases], aliases[0].published, meta={RECHECK: True}
            )
            if request is not None:
                due += 1
                self.schedule(request)
        self.stats.set_value("newsarchive/known_urls", len(self.known))
        self.stats.set_value("newsarchive/rechecks_due", due)
        logger.info(
            "archive holds %d URLs of %s; %d articles due for a re-check%s",
            len(self.known),
            site,
            due,
            " (forced)" if self.force else "",
        )

    def process_request(self, request: scrapy.Request, spider: Any = None) -> None:
        if not request.meta.get(ARTICLE):
            return None
        known = self.known.get(request.url)
        if known is None or self.force:
            return None
        if not request.meta.get(RECHECK):
            now = datetime.now(UTC)
            if not is_due(known.published, known.last_fetch, now, self.ages):
                self.stats.inc_value("newsarchive/not_due")
                raise NotDue(f"archived and not due for a re-check: {request.url}")
        self.stats.inc_value("newsarchive/rechecks")
        if known.etag:
            request.headers.setdefault(b"If-None-Match", known.etag)
        if known.last_modified:
            request.headers.setdefault(b"If-Modified-Since", known.last_modified)
        return None

    def process_response(self, request: scrapy.Request, response: Any, spider: Any = None) -> Any:
        if not request.meta.get(ARTICLE) or response.status not in (200, 304):
            return response
        hints = request.meta.get(HINTS) or {}
        headers = response.headers
        row = {
            "url": request.url,
            "status": response.status,
            "etag": _header(headers, b"ETag"),
            "last_modified": _header(headers, b"Last-Modified"),
            "listed_published": hints.get("published"),
            "listed_modified": hints.get("modified"),
            "not_modified": int(response.status == 304),
        }
        self.fetches.append(row)
        if len(self.fetches) >= self.run.batch_size:
            self.flush()
        if response.status == 304:
            self.stats.inc_value("newsarchive/not_modified")
            raise NotDue(f"not modified since the last fetch: {request.url}")
        return response

    def flush(self) -> None:
        rows, self.fetches = self.fetches, []
        if rows:
            self.writer.submit(self._write, rows)

    def _write(self, rows: list[dict[str, Any]]) -> None:
        try:
            self.run.archive.record_fetches(rows)
        except Exception:
            # Losing validators costs a full fetch next time, never an article: the crawl goes on.
            logger.exception("could not record the fetch state of %d URLs", len(rows))

    def spider_closed(self, spider: Any, reason: str) -> None:
        self.flush()
        self.writer.shutdown(wait=True)


def _header(headers: Any, name: bytes) -> str | None:
    value = headers.get(name)
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if name == b"Last-Modified":
        try:
            parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None  # a date the server cannot parse back either
    return text or None
