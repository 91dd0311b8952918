"""The WARC records of one HTTP exchange (response, revisit, request), their headers consistent with the body kept."""

from __future__ import annotations

from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from typing import Any

import scrapy
from scrapy.utils.httpobj import urlparse_cached
from warcio.recordbuilder import RecordBuilder
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders

PROFILE = "http://netpreserve.org/warc/1.1/revisit/"
# Headers that describe the body as it was on the wire, not as kept: Scrapy has de-chunked it (and, past
# HttpCompressionMiddleware, decoded it). The originals stay visible as X-Archive-Orig-*.
_FRAMING = (b"transfer-encoding", b"content-length")
_DECODED = (b"content-encoding", *_FRAMING)
_BUILDER = RecordBuilder(warc_version="1.1")


def _text(value: bytes) -> str:
    return value.decode("latin-1")


def http_headers(
    response: Any, original_encoding: list[str] | None = None, *, decoded: bool = True
) -> StatusAndHeaders:
    """The status line and headers as received, made consistent with the body kept.

    `decoded`: the body is as HttpCompressionMiddleware left it, so Content-Encoding goes too, and
    `original_encoding` (what it was before Scrapy dropped it) is noted; otherwise (a redirect, kept before
    the body is decoded) the body is as sent and Content-Encoding stays. The originals of what is changed are
    kept as X-Archive-Orig-* headers."""
    gone = _DECODED if decoded else _FRAMING
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
            if lower in gone:
                headers.append(("X-Archive-Orig-" + _text(name), _text(value)))
            else:
                headers.append((_text(name), _text(value)))
    for value in (original_encoding or []) if decoded else []:
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


def response_record(url: str, date: str, http: StatusAndHeaders, digest: str, response: Any) -> ArcWarcRecord:
    """A `response` record holding the response's body as it is now."""
    body = response.body
    warc = {"WARC-Date": date, "WARC-Payload-Digest": digest}
    if "dataloss" in (response.flags or []):
        warc["WARC-Truncated"] = "disconnect"
    return _BUILDER.create_warc_record(
        url, "response", payload=BytesIO(body), length=len(body), http_headers=http, warc_headers_dict=warc
    )


def revisit_record(
    url: str, date: str, http: StatusAndHeaders, prior: dict[str, Any] | None, profile: str, digest: str | None
) -> ArcWarcRecord:
    """A `revisit` record (no payload) referring to `prior`, the capture row it confirms or repeats."""
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


def request_record(url: str, date: str, request: scrapy.Request, concurrent_to: str) -> ArcWarcRecord:
    """The `request` record concurrent to the response (or revisit) record `concurrent_to`."""
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
