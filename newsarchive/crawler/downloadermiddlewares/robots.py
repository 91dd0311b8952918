"""robots.txt that fails closed: unreadable (timeout, 5xx) means no page of that host this crawl; size-capped."""

from __future__ import annotations

from typing import Any, Self

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from newsarchive.crawler.problems import describe_exception, http_reason, report
from newsarchive.crawler.projectsettings import project_settings


class Unavailable(RobotParser):
    """The rules of a host whose robots.txt could not be read: nothing is allowed, and `reason` says why."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    @classmethod
    def from_crawler(cls, crawler: Any, robotstxt_body: bytes) -> Self:
        raise NotImplementedError("made by RobotsTxtMiddleware, not parsed")

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, but a robots.txt that times out or answers 5xx (after retries) stops the
    crawl of its host instead of allowing everything: the site may be saying "not now", and the next run asks
    again. A 4xx robots.txt allows everything, as the standard (RFC 9309) says. Only the first `max_size`
    bytes are parsed (Google reads 500 KiB): a 6 MB file cost the parser 250 MB.
    """

    def __init__(self, crawler: Any, max_size: int) -> None:
        super().__init__(crawler)
        self.max_size = max_size
        self._schemes: dict[str, str] = {}  # netloc -> the scheme its robots.txt is asked with

    async def robot_parser(self, request: Any) -> RobotParser | None:
        parts = urlparse_cached(request)
        self._schemes.setdefault(parts.netloc, parts.scheme)
        await super().robot_parser(request)
        # A Deferred hands its result to its first waiter only (Twisted's asFuture callback returns None):
        # the other requests that waited for this robots.txt would go by no rules at all, so every one
        # reads the rules where they were stored.
        parser = self._parsers.get(parts.netloc)
        return None if isinstance(parser, Deferred) else parser

    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        return cls(crawler, project_settings(crawler.settings).getint("NEWSARCHIVE_ROBOTSTXT_MAXSIZE"))

    def process_request_2(self, rp: RobotParser | None, request: Any) -> None:
        if isinstance(rp, Unavailable):
            self._stats.inc_value("robotstxt/unavailable")
            raise IgnoreRequest(f"robots.txt unavailable: {rp.reason}")
        super().process_request_2(rp, request)

    async def _parse_robots(self, response: Any, netloc: str, request: Any) -> None:
        if response.status >= 500 or response.status == 429:
            self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
            self._fail_closed(netloc, response.url, http_reason(response.status))
            return
        body = response.body if response.status < 400 else b""  # a 404 page is no rules
        if len(body) > self.max_size:
            cut = body.rfind(b"\n", 0, self.max_size) + 1 or self.max_size
            body = body[:cut]
            report(
                self.crawler,
                response.url,
                f"robots.txt cut: {len(response.body)} bytes, the first {cut} read "
                f"(NEWSARCHIVE_ROBOTSTXT_MAXSIZE = {self.max_size})",
                kind="dropped",
            )
        await super()._parse_robots(response.replace(body=body), netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        self._stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        timeout = self.crawler.settings.getfloat("DOWNLOAD_TIMEOUT")
        reason = str(exc) if isinstance(exc, IgnoreRequest) and str(exc) else describe_exception(exc, timeout)
        self._fail_closed(netloc, f"{self._schemes.get(netloc, 'http')}://{netloc}/robots.txt", reason)

    def _fail_closed(self, netloc: str, url: str, reason: str) -> None:
        report(self.crawler, url, f"robots.txt unavailable: {reason}; no page of {netloc} fetched in this crawl")
        waiting = self._parsers.get(netloc)
        rules = self._parsers[netloc] = Unavailable(reason)
        if isinstance(waiting, Deferred):
            waiting.callback(rules)
