"""HTTP/1.1 downloads whose response headers are bounded: DOWNLOAD_MAXSIZE counts only the body.

Twisted's response parser keeps every header line until the blank line that ends them, so a server that
sends Set-Cookie lines without end fills memory before Scrapy sees a byte of body. This handler is
Scrapy's own, with its parser counting the header bytes and failing the response past the cap.
"""

from __future__ import annotations

from typing import Any

from scrapy.core.downloader.handlers.http11 import (
    HTTP11DownloadHandler,
    _LenientHTTP11ClientFactory,
    _LenientHTTP11ClientProtocol,
    _LenientHTTPClientParser,
)
from scrapy.exceptions import IgnoreRequest

from newsarchive.crawler.projectsettings import project_settings


class HeadersTooLarge(IgnoreRequest):
    """The response's status line and headers were longer than the cap.

    An IgnoreRequest, as for a decompression bomb: the download is given up, not retried (the server would
    send them again), and the spider's errback records its message as the reason.
    """

    def __init__(self, limit: int) -> None:
        super().__init__(f"headers too large: over the {limit:,} byte limit (NEWSARCHIVE_MAX_HEADER_BYTES)")


class _BoundedParser(_LenientHTTPClientParser):
    max_header_bytes: int
    header_bytes: int

    def lineReceived(self, line: bytes) -> None:  # noqa: N802 (Twisted's name)
        # Only the status line and headers come as lines: the parser reads the body in raw mode.
        self.header_bytes += len(line) + 2
        if self.header_bytes > self.max_header_bytes:
            # HTTP11ClientProtocol.dataReceived fails the request with this and drops the connection.
            raise HeadersTooLarge(self.max_header_bytes)
        super().lineReceived(line)


class _BoundedProtocol(_LenientHTTP11ClientProtocol):
    max_header_bytes: int

    def request(self, request: Any) -> Any:
        d = super().request(request)
        # As Scrapy does for its lenient parser: the parser class is fixed in Twisted, so swap its class.
        parser = self._parser
        assert parser is not None
        parser.__class__ = _BoundedParser
        parser.max_header_bytes, parser.header_bytes = self.max_header_bytes, 0  # type: ignore[attr-defined]
        return d


class BoundedHeadersDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler with response headers capped at NEWSARCHIVE_MAX_HEADER_BYTES."""

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        limit = project_settings(crawler.settings).getint("NEWSARCHIVE_MAX_HEADER_BYTES")
        protocol = type("Protocol", (_BoundedProtocol,), {"max_header_bytes": limit})

        class Factory(_LenientHTTP11ClientFactory):
            def buildProtocol(self, addr: Any) -> Any:  # noqa: N802 (Twisted's name)
                return protocol(self._quiescentCallback)

        self._pool._factory = Factory

    async def download_request(self, request: Any) -> Any:
        try:
            return await super().download_request(request)
        except Exception as exc:
            cause = _headers_too_large(exc)
            if cause is None:
                raise
            raise cause from exc  # itself, not wrapped as a lost connection


def _headers_too_large(exc: BaseException | None, depth: int = 0) -> HeadersTooLarge | None:
    """The HeadersTooLarge behind a failed download: Twisted wraps it in ResponseFailed, Scrapy wraps that."""
    if exc is None or depth > 5:
        return None
    if isinstance(exc, HeadersTooLarge):
        return exc
    inner = [exc.__cause__, exc.__context__, *(getattr(r, "value", None) for r in getattr(exc, "reasons", None) or ())]
    return next((found for e in inner if (found := _headers_too_large(e, depth + 1)) is not None), None)
