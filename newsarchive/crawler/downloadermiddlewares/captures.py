"""Every response a crawl receives kept in WARC files (warcfiles.py), its record named on the request's meta.

Placed after HttpCompressionMiddleware (590) in the response's path, it sees the body as the spider does,
decoded; OriginalEncoding (595), before it, keeps the Content-Encoding Scrapy removes when it decodes. A
downloader middleware rather than an extension on response_received: it runs before the response reaches
the spider, so the record is on disk before any item that names it exists, and it can still stop the
crawl when a record cannot be written. A redirect never gets that far (RedirectMiddleware, 600, follows
it): RedirectCaptureMiddleware, ahead of both, writes it with the same writer, its body as received.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import scrapy
from scrapy.exceptions import NotConfigured
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from newsarchive.crawler.crawlrun import CrawlRun, crawl_run, stop_crawl
from newsarchive.crawler.environment import warc_dir, warc_enabled
from newsarchive.crawler.projectsettings import project_settings
from newsarchive.crawler.spiders.discovery import is_html_type, looks_binary, media_type
from newsarchive.crawler.warcfiles import WarcFiles, safe_name, warcinfo
from newsarchive.crawler.warcread import payload_digest
from newsarchive.crawler.warcrecords import http_headers, request_record, response_record, revisit_record
from newsarchive.store.captures import HOP_STATUSES
from newsarchive.text.urls import url_key

logger = logging.getLogger(__name__)

CAPTURE = "newsarchive_capture"  # request meta: the row of the record its response was kept as
REDIRECTS = "newsarchive_redirects"  # request meta: the rows of the redirects that led to it, first first
ORIGINAL_ENCODING = "newsarchive_content_encoding"  # request meta: Content-Encoding before Scrapy decoded
# One writer per crawl, shared by the two middlewares that write records (Scrapy makes each of its own).
_WRITERS: WeakKeyDictionary[Any, WarcCaptureMiddleware] = WeakKeyDictionary()


class OriginalEncoding:
    """Notes the response's Content-Encoding before HttpCompressionMiddleware decodes the body and drops it."""

    def process_response(self, request: scrapy.Request, response: Any, spider: Any = None) -> Any:
        encoding = response.headers.getlist(b"Content-Encoding")
        if encoding:
            request.meta[ORIGINAL_ENCODING] = [value.decode("latin-1") for value in encoding]
        else:  # a retry's request carries the meta of the attempt before, which may have been encoded
            request.meta.pop(ORIGINAL_ENCODING, None)
        return response


def _is_page(status: int) -> bool:
    """A 2xx: what a revisit can repeat or a 304 confirm (an error page or a redirect never is)."""
    return 200 <= status < 300


class WarcCaptureMiddleware:
    """Writes a response (or revisit) record and its request record for every response; the capture's row
    goes on the request's meta (the spider puts it on the article) and into the run's batch of capture rows.

    A 304 is a revisit (server-not-modified) of the URL's last 2xx response capture; a 2xx body identical to
    that capture's is a revisit (identical-payload-digest) with no second copy. Error responses (a 404, each
    attempt a retry makes at a 503) are kept whole, as what the site said then: small, and never what a
    revisit repeats. A response whose payload is not a page, feed or sitemap (an image, a PDF, binary data)
    is not kept unless `other_payloads`: its problem row already says what it was. Redirects are written by
    RedirectCaptureMiddleware through `redirect`, before they are followed. A record that cannot be
    written (a full disk) stops the crawl, as failed.
    """

    def __init__(
        self, run: CrawlRun, files: WarcFiles, *, other_payloads: bool, thread: bool = False, crawler: Any = None
    ) -> None:
        self.run = run
        # `thread`: records are built, compressed and written in one thread of their own, in the order responses
        # came (zlib lets go of the GIL). On two cores that cost more than it saved (benchmarks/crawl.py: 1.9
        # against 1.3 ms of CPU per page, GIL hand-offs), so by default they are written here, in the reactor.
        self.pool: ThreadPool | None = None
        if thread:
            self.pool = ThreadPool(1, 1, name="newsarchive-warc")
            self.pool.start()
        self.files = files
        self.other_payloads = other_payloads
        self.crawler = crawler
        self.broken: str | None = None
        self._last: dict[str, dict[str, Any]] = {}  # url -> its newest 2xx response capture (this run's or stored)
        self.hops = False  # whether RedirectCaptureMiddleware writes the redirects (then they are not written here)
        # The site's URLs with a stored 2xx capture, read once: only their responses can be revisits, so the
        # others (every page of a first crawl) cost no query each (0.9 of 2.6 ms of capturing a page).
        self._stored: set[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> WarcCaptureMiddleware:
        """The crawl's one writer, made by whichever of the two middlewares Scrapy makes first."""
        found = _WRITERS.get(crawler)
        if found is None:
            found = _WRITERS[crawler] = cls._made(crawler)
        return found

    @classmethod
    def _made(cls, crawler: Any) -> WarcCaptureMiddleware:
        settings = project_settings(crawler.settings)
        if not warc_enabled(settings.getbool("NEWSARCHIVE_WARC")):
            raise NotConfigured("NEWSARCHIVE_WARC is off")
        run = crawl_run(crawler)
        root = warc_dir(run.db, settings.get("NEWSARCHIVE_WARC_DIR"))
        files = WarcFiles(
            Path(root),
            settings.get("NEWSARCHIVE_SITE_NAME") or "crawl",
            max_bytes=settings.getint("NEWSARCHIVE_WARC_MAX_BYTES"),
            info=warcinfo(crawler.settings.getbool("ROBOTSTXT_OBEY"), crawler.settings.get("USER_AGENT") or ""),
        )
        other = settings.getbool("NEWSARCHIVE_WARC_OTHER_PAYLOADS")
        thread = settings.getbool("NEWSARCHIVE_WARC_THREAD")
        middleware = cls(run, files, other_payloads=other, thread=thread, crawler=crawler)
        crawler.signals.connect(middleware.spider_opened, signal=scrapy.signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=scrapy.signals.spider_closed)
        return middleware

    def spider_opened(self, spider: Any) -> None:
        # The folder is the site the run is filed under (a generic spider knows it only once made).
        self.files.folder = safe_name(getattr(spider, "site_name", "") or spider.name)
        try:
            self._stored = self.run.archive.captured_urls(self.files.folder)
        except Exception:  # then every URL is looked up, as before
            logger.exception("could not list the captured URLs of %s", self.files.folder)

    def process_response(self, request: scrapy.Request, response: Any, spider: Any = None) -> Any:
        """The response once its records are written (a Deferred when they are written in the writer thread)."""
        # A retry's request carries the meta of the attempt before: its capture is not this response's.
        request.meta.pop(CAPTURE, None)
        if self.hops and response.status in HOP_STATUSES:
            return response  # written before RedirectMiddleware saw it, whether it was followed or not
        return self._write(request, response, hop=False)

    def redirect(self, request: scrapy.Request, response: Any) -> Any:
        """Write a redirect before it is followed, its body as received; its row is added to the request's
        REDIRECTS, which the request RedirectMiddleware makes from it inherits."""
        return self._write(request, response, hop=True)

    def _write(self, request: scrapy.Request, response: Any, *, hop: bool) -> Any:
        if self.broken is not None:
            return response
        if self.pool is None:
            return self._captured(request, response, self._attempt(request, response, hop), hop)
        from twisted.internet import reactor  # the one Scrapy installed: importing it earlier would install another

        done = deferToThreadPool(reactor, self.pool, self._attempt, request, response, hop)
        return done.addCallback(lambda outcome: self._captured(request, response, outcome, hop))

    def _attempt(self, request: scrapy.Request, response: Any, hop: bool) -> dict[str, Any] | OSError | None:
        try:
            return self.capture(request, response, hop=hop)
        except OSError as exc:
            return exc

    def _captured(
        self, request: scrapy.Request, response: Any, outcome: dict[str, Any] | OSError | None, hop: bool
    ) -> Any:
        """Back in the reactor's thread: the row goes on the request and into the run's batch."""
        if isinstance(outcome, OSError):
            if self.broken is None:
                self._broke(outcome)
        elif outcome is not None:
            if hop:  # a new list: the request of an earlier hop shares the old one
                request.meta[REDIRECTS] = [*request.meta.get(REDIRECTS, ()), outcome]
            else:
                request.meta[CAPTURE] = outcome
            self.run.capture(outcome)
        return response

    def spider_closed(self, spider: Any = None) -> None:
        if self.pool is not None:
            self.pool.stop()  # waits for the records being written
            self.pool = None
        try:
            self.files.close()
        except OSError as exc:
            self._broke(exc)
        if self.crawler is not None:
            self.crawler.stats.set_value("newsarchive/warc_bytes", self.files.bytes_written)

    def capture(self, request: scrapy.Request, response: Any, *, hop: bool = False) -> dict[str, Any] | None:
        """Write the response's records; the capture row, or None when its payload is not kept.

        `hop`: a redirect, kept whatever its type (its body, as sent, is a line or two) and never a revisit."""
        url, status = response.url, response.status
        if not hop and status != 304 and not self._keeps(response):
            return None
        now = datetime.now(UTC)
        date = now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        http = http_headers(response, request.meta.get(ORIGINAL_ENCODING), decoded=not hop)
        prior = self._prior(url) if not hop and (status == 304 or _is_page(status)) else None
        if status == 304:
            digest = prior["payload_digest"] if prior else None
            record = revisit_record(url, date, http, prior, "server-not-modified", digest)
        else:
            digest = payload_digest(response.body)
            if prior is not None and prior["payload_digest"] == digest and prior["status"] == status:
                record = revisit_record(url, date, http, prior, "identical-payload-digest", digest)
            else:
                prior = None
                record = response_record(url, date, http, digest, response)
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        placed = self.files.write([record, request_record(url, date, request, record_id)])
        name, offset, length = placed[0]
        row = {
            "record_id": record_id,
            "url": url,
            "url_key": url_key(url),
            "site": self.files.folder,
            "fetched_at": now,
            "status": response.status,
            "payload_digest": digest,
            "warc_file": name,
            "offset": offset,
            "length": length,
            "kind": record.rec_type,
            "refers_to": prior["record_id"] if prior else None,
            "run_id": self.run.run_id,
        }
        if record.rec_type == "response" and _is_page(status):
            self._last[url] = row
        return row

    def _keeps(self, response: Any) -> bool:
        if self.other_payloads:
            return True
        kind = media_type(response.headers.get(b"Content-Type"))
        if "gzip" in kind:  # a sitemap.xml.gz
            return True
        if not (is_html_type(kind) or kind.startswith("text/") or "xml" in kind or "json" in kind):
            return False
        return not looks_binary(response.body)

    def _prior(self, url: str) -> dict[str, Any] | None:
        if url not in self._last:
            if self._stored is not None and url not in self._stored:
                return None  # never captured before this run (this run's captures are in _last)
            try:
                self._last[url] = self.run.archive.last_capture(url)  # type: ignore[assignment]
            except Exception:  # an unreadable archive costs a second copy, never the capture
                logger.exception("could not look up the last capture of %s", url)
                return None
        return self._last[url]

    def _broke(self, exc: OSError) -> None:
        self.broken = f"WARC files not writable: {exc}"
        logger.error("%s", self.broken)
        self.run.fail(self.broken)
        stop_crawl(self.crawler, "warc_not_writable", self.broken)


class RedirectCaptureMiddleware:
    """Writes every 301/302/303/307/308 the crawl receives, before RedirectMiddleware (600) follows it and
    before RedirectLoopMiddleware (610) stops a loop or a redirect off the site: the archive shows that A led
    to B, and a replay tool can go from the URL a reader knows to the page. The crawl's one writer does it."""

    def __init__(self, writer: WarcCaptureMiddleware) -> None:
        self.writer = writer
        writer.hops = True

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedirectCaptureMiddleware:
        return cls(WarcCaptureMiddleware.from_crawler(crawler))

    def process_response(self, request: scrapy.Request, response: Any, spider: Any = None) -> Any:
        if response.status not in HOP_STATUSES:
            return response
        return self.writer.redirect(request, response)
