"""Every response a crawl receives kept in WARC files (warcfiles.py), its record named on the request's meta.

Placed after HttpCompressionMiddleware (590) in the response's path, it sees the body as the spider does,
decoded; OriginalEncoding (595), before it, keeps the Content-Encoding Scrapy removes when it decodes. A
downloader middleware rather than an extension on response_received: it runs before the response reaches
the spider, so the record is on disk before any item that names it exists, and it can still stop the
crawl when a record cannot be written. A redirect is followed before it gets here (RedirectMiddleware,
600): what is kept is the response the spider read.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import Any

import scrapy
from scrapy.exceptions import NotConfigured
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool
from warcio.recordbuilder import RecordBuilder
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders

from newsarchive.crawler.crawlrun import CrawlRun, crawl_run, stop_crawl
from newsarchive.crawler.environment import warc_dir, warc_enabled
from newsarchive.crawler.projectsettings import project_settings
from newsarchive.crawler.spiders.discovery import is_html_type, looks_binary, media_type
from newsarchive.crawler.warcfiles import WarcFiles, safe_name, warcinfo
from newsarchive.crawler.warcread import payload_digest
from newsarchive.text.urls import url_key

logger = logging.getLogger(__name__)

CAPTURE = "newsarchive_capture"  # request meta: the row of the record its response was kept as
ORIGINAL_ENCODING = "newsarchive_content_encoding"  # request meta: Content-Encoding before Scrapy decoded
PROFILE = "http://netpreserve.org/warc/1.1/revisit/"
_GONE = (b"content-encoding", b"transfer-encoding", b"content-length")
_BUILDER = RecordBuilder(warc_version="1.1")


class OriginalEncoding:
    """Notes the response's Content-Encoding before HttpCompressionMiddleware decodes the body and drops it."""

    def process_response(self, request: scrapy.Request, response: Any, spider: Any = None) -> Any:
        encoding = response.headers.getlist(b"Content-Encoding")
        if encoding:
            request.meta[ORIGINAL_ENCODING] = [value.decode("latin-1") for value in encoding]
        return response


def _text(value: bytes) -> str:
    return value.decode("latin-1")


class WarcCaptureMiddleware:
    """Writes a response (or revisit) record and its request record for every response; the capture's row
    goes on the request's meta (the spider puts it on the article) and into the run's batch of capture rows.

    A 304 is a revisit (server-not-modified) of the URL's last response capture; a body identical to that
    capture's is a revisit (identical-payload-digest) with no second copy. A response whose payload is not
    a page, feed or sitemap (an image, a PDF, binary data) is not kept unless `other_payloads`: its problem
    row already says what it was. A record that cannot be written (a full disk) stops the crawl, as failed.
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
        self._last: dict[str, dict[str, Any]] = {}  # url -> its newest response capture (this run's or stored)
        # The site's URLs with a stored capture, read once: only their responses can be revisits, so the
        # others (every page of a first crawl) cost no query each (0.9 of 2.6 ms of capturing a page).
        self._stored: set[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> WarcCaptureMiddleware:
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
        if self.broken is not None:
            return response
        if self.pool is None:
            return self._captured(request, response, self._attempt(request, response))
        from twisted.internet import reactor  # the one Scrapy installed: importing it earlier would install another

        done = deferToThreadPool(reactor, self.pool, self._attempt, request, response)
        return done.addCallback(lambda outcome: self._captured(request, response, outcome))

    def _attempt(self, request: scrapy.Request, response: Any) -> dict[str, Any] | OSError | None:
        try:
            return self.capture(request, response)
        except OSError as exc:
            return exc

    def _captured(self, request: scrapy.Request, response: Any, outcome: dict[str, Any] | OSError | None) -> Any:
        """Back in the reactor's thread: the row goes on the request and into the run's batch."""
        if isinstance(outcome, OSError):
            if self.broken is None:
                self._broke(outcome)
        elif outcome is not None:
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

    def capture(self, request: scrapy.Request, response: Any) -> dict[str, Any] | None:
        """Write the response's records; the capture row, or None when its payload is not kept."""
        url = response.url
        if response.status != 304 and not self._keeps(response):
            return None
        now = datetime.now(UTC)
        date = now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        http = self._http_headers(request, response)
        prior = self._prior(url)
        if response.status == 304:
            digest = prior["payload_digest"] if prior else None
            record = self._revisit(url, date, http, prior, "server-not-modified", digest)
        else:
            digest = payload_digest(response.body)
            if prior is not None and prior["payload_digest"] == digest and prior["status"] == response.status:
                record = self._revisit(url, date, http, prior, "identical-payload-digest", digest)
            else:
                prior = None
                record = self._response(url, date, http, response.body, digest, response)
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        placed = self.files.write([record, self._request(url, date, request, record_id)])
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
        if record.rec_type == "response":
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

    def _http_headers(self, request: scrapy.Request, response: Any) -> StatusAndHeaders:
        """The status line and headers as received, made consistent with the decoded body kept; the
        originals Scrapy undid are kept as X-Archive-Orig-* headers."""
        headers: list[tuple[str, str]] = []
        for name, values in response.headers.items():
            lower = name.lower()
            for value in values:
                if (
                    lower == b"content-length"
                    and response.status != 304
                    and value.strip() == str(len(response.body)).encode()
                ):
                    continue  # the length as sent is the length kept: the header stays as it was
                if lower in _GONE:
                    headers.append(("X-Archive-Orig-" + _text(name), _text(value)))
                else:
                    headers.append((_text(name), _text(value)))
        for value in request.meta.get(ORIGINAL_ENCODING) or []:
            if ("X-Archive-Orig-Content-Encoding", value) not in headers:
                headers.append(("X-Archive-Orig-Content-Encoding", value))
        if response.status != 304:
            headers.append(("Content-Length", str(len(response.body))))
        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = ""
        protocol = getattr(response, "protocol", None) or "HTTP/1.1"
        return StatusAndHeaders(f"{response.status} {reason}".strip(), headers, protocol=protocol)

    def _response(
        self, url: str, date: str, http: StatusAndHeaders, body: bytes, digest: str, response: Any
    ) -> ArcWarcRecord:
        warc = {"WARC-Date": date, "WARC-Payload-Digest": digest}
        if "dataloss" in (response.flags or []):
            warc["WARC-Truncated"] = "disconnect"
        return _BUILDER.create_warc_record(
            url, "response", payload=BytesIO(body), length=len(body), http_headers=http, warc_headers_dict=warc
        )

    def _revisit(
        self,
        url: str,
        date: str,
        http: StatusAndHeaders,
        prior: dict[str, Any] | None,
        profile: str,
        digest: str | None,
    ) -> ArcWarcRecord:
        warc = {"WARC-Date": date, "WARC-Profile": PROFILE + profile}
        if prior is not None:
            warc["WARC-Refers-To"] = prior["record_id"]
            warc["WARC-Refers-To-Target-URI"] = prior["url"]
            fetched = prior["fetched_at"]
            when = fetched if isinstance(fetched, datetime) else datetime.fromisoformat(fetched)
            warc["WARC-Refers-To-Date"] = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if digest:
            warc["WARC-Payload-Digest"] = digest
        return _BUILDER.create_warc_record(url, "revisit", http_headers=http, warc_headers_dict=warc)

    def _request(self, url: str, date: str, request: scrapy.Request, concurrent_to: str) -> ArcWarcRecord:
        split = urlparse_cached(request)
        target = (split.path or "/") + (f"?{split.query}" if split.query else "")
        headers = [("Host", split.netloc)]
        headers += [(_text(n), _text(v)) for n, values in request.headers.items() for v in values]
        http = StatusAndHeaders(f"{target} HTTP/1.1", headers, protocol=request.method)
        warc = {"WARC-Date": date, "WARC-Concurrent-To": concurrent_to}
        body = request.body or b""
        return _BUILDER.create_warc_record(
            url, "request", payload=BytesIO(body), length=len(body), http_headers=http, warc_headers_dict=warc
        )

    def _broke(self, exc: OSError) -> None:
        self.broken = f"WARC files not writable: {exc}"
        logger.error("%s", self.broken)
        self.run.fail(self.broken)
        stop_crawl(self.crawler, "warc_not_writable", self.broken)
