"""Reporting what went wrong with a URL: a signal the run recorder listens to, and readable failure reasons."""

from __future__ import annotations

import re
import traceback
from http import HTTPStatus
from typing import Any

# Sent as page_problem(url=..., kind="error"|"dropped", reason=...); the run recorder writes it to the archive.
# Spiders send a signal rather than call the store so that they never depend on the archive being there.
page_problem = object()

_MAXSIZE = re.compile(r"(\d+) bytes which is larger than download max size \((\d+)\)")
_BOMB = re.compile(r"\((\d+) B compressed, \d+ B decompressed so far\) exceeded DOWNLOAD_MAXSIZE \((\d+) B\)")


def report(crawler: Any, url: str, reason: str, kind: str = "error") -> None:
    """Count the problem in the crawl stats and announce it to whoever records problems."""
    crawler.stats.inc_value(f"newsarchive/{'errors' if kind == 'error' else kind}")
    crawler.signals.send_catch_log(page_problem, url=url, kind=kind, reason=reason)


def http_reason(status: int) -> str:
    """ "HTTP 404 Not Found" for 404; unknown codes keep just the number."""
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def describe_exception(exc: BaseException, timeout: float | None = None, maxsize: int | None = None) -> str:
    """A one-line reason for a failed download, the same wording whatever Scrapy or Twisted class raised it.

    Matching on class names keeps this working across Scrapy versions, which wrapped Twisted's
    exceptions into their own classes in 2.14.
    """
    response = getattr(exc, "response", None)
    if response is not None and getattr(response, "status", None) is not None:
        return http_reason(response.status)
    names = {cls.__name__ for cls in type(exc).__mro__}
    text = str(exc)
    if names & {"DownloadTimeoutError", "TimeoutError", "TCPTimedOutError", "UserTimeoutError"}:
        return f"timeout after {timeout:g} s" if timeout else "timeout"
    if names & {"CannotResolveHostError", "DNSLookupError"}:
        return "DNS lookup failed"
    if names & {"DownloadConnectionRefusedError", "ConnectionRefusedError"}:
        return "connection refused"
    if names & {"ResponseDataLossError", "_DataLoss", "PotentialDataLoss"} or "DataLoss" in text:
        return "connection lost: response truncated"
    if names & {"ResponseFailed", "ConnectionLost", "ConnectionDone", "ResponseNeverReceived"}:
        return "connection lost"
    match = _MAXSIZE.search(text)
    if match:
        return f"too large: {match.group(1)} bytes over the {match.group(2)} byte limit"
    if names & {"DownloadCancelledError", "CancelledError"}:
        # Scrapy cancels a body that grows past DOWNLOAD_MAXSIZE without saying so in the exception.
        return f"too large: cut off at the {maxsize} byte limit" if maxsize else "download cancelled"
    if names & {"ConnectError", "DownloadFailedError", "ConnectionError"}:
        return f"connection failed: {text}" if text else "connection failed"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def ignored_problem(exc: BaseException) -> tuple[str, str] | None:
    """(kind, reason) of a request a middleware gave up on: an "error" for a redirect loop, a decompression
    bomb or an unreadable robots.txt, "dropped" for a page robots.txt disallows or a redirect off the site;
    None for a deliberate skip that is no problem (offsite, an archived URL not due for a re-check)."""
    text = str(exc)
    # "headers too large" comes from downloadhandlers/headers.py.
    if text.startswith(("redirect loop", "bad redirect", "robots.txt unavailable", "headers too large")):
        return "error", text
    if text.startswith("redirect off-site"):
        return "dropped", text
    if text == "Forbidden by robots.txt":
        return "dropped", "disallowed by robots.txt"
    if "max redirections" in text:
        return "error", "too many redirects"
    match = _BOMB.search(text)
    if match:
        return "error", f"too large when decompressed: over the {match.group(2)} byte limit from {match.group(1)} bytes"
    return None


def traceback_summary(error: Any, limit: int = 3) -> str:
    """ "ValueError: bad thing (at spiders/base.py:120 in parse_article)" — the exception and where it was raised.

    `error` is an exception or a Twisted Failure (whose traceback is kept as plain frames).
    """
    exc = getattr(error, "value", error)
    if getattr(error, "frames", None):
        frames = [(file, line, func) for func, file, line, *_ in error.frames]
    else:
        frames = [(f.filename, f.lineno, f.name) for f in traceback.extract_tb(exc.__traceback__)]
    where = " <- ".join(
        f"{'/'.join(file.split('/')[-2:])}:{line} in {func}" for file, line, func in reversed(frames[-limit:])
    )
    head = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    return f"{head} (at {where})" if where else head
