"""Retries that back off: wait before each retry of a 429/5xx, as long as the server's Retry-After asks."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request
from scrapy.utils.defer import sleep

from newsarchive.crawler.projectsettings import project_settings

logger = logging.getLogger(__name__)


def retry_after(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, but each retry of an HTTP error waits before it is scheduled again.

    The wait is the response's Retry-After when it gives one (429, 503), else NEWSARCHIVE_RETRY_BACKOFF
    seconds doubled with every earlier retry of the request; never more than NEWSARCHIVE_RETRY_MAX_WAIT
    (a site asking for longer is given up on this run and recorded as the error it returned).
    Only the request waits: the rest of the crawl goes on.
    """

    def __init__(self, settings: Any, *, backoff: float, max_wait: float) -> None:
        super().__init__(settings)  # Scrapy's own RETRY_* settings
        self.backoff = backoff
        self.max_wait = max_wait

    @classmethod
    def from_crawler(cls, crawler: Any) -> BackoffRetryMiddleware:
        settings = project_settings(crawler.settings)
        middleware = cls(
            crawler.settings,
            backoff=settings.getfloat("NEWSARCHIVE_RETRY_BACKOFF"),
            max_wait=settings.getfloat("NEWSARCHIVE_RETRY_MAX_WAIT"),
        )
        middleware.crawler = crawler
        return middleware

    # Scrapy calls a coroutine process_response and awaits it; its stubs still type the method as synchronous.
    async def process_response(  # type: ignore[override]
        self, request: Request, response: Any, spider: Any = None
    ) -> Any:
        result = super().process_response(request, response)
        if not isinstance(result, Request):
            return result
        asked = retry_after(response.headers.get(b"Retry-After"))
        if asked is not None and asked > self.max_wait:
            logger.info(
                "%s asks to retry after %.0f s, more than the %.0f s allowed: giving up on it this run",
                request.url,
                asked,
                self.max_wait,
            )
            return response
        tries = int(request.meta.get("retry_times", 0))
        wait = asked if asked is not None else self.backoff * 2**tries
        wait = min(wait, self.max_wait)
        if wait > 0:
            self.crawler.stats.inc_value("newsarchive/retry_waits")
            await sleep(wait)
        return result
