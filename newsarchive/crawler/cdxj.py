"""CDXJ index lines of WARC records, keyed by SURT as pywb and the WACZ spec sort them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes, urlsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_WWW = re.compile(r"^www\d*\.")
# The session ids the Internet Archive's canonicalizer (and so pywb's lookups) leaves out of a query.
_SESSION_IDS = [
    re.compile(pattern)
    for pattern in (
        r"^jsessionid=[0-9a-z]{32}$",
        r"^phpsessid=[0-9a-z]{32}$",
        r"^sid=[0-9a-z]{32}$",
        r"^aspsessionid[a-z]{8}=[a-z]{24}$",
    )
]


def _unescaped(text: str) -> bytes:
    # Percent-escapes are undone until none is left ("%2541" is "%41" is "A"), as Google's canonicalizer does.
    data = text.encode("utf-8")
    while True:
        once = unquote_to_bytes(data)
        if once == data:
            return data
        data = once


def _escaped(data: bytes) -> str:
    # Only what cannot stand in a URL is escaped again: controls, space, non-ASCII bytes, "#" and "%".
    return "".join(f"%{byte:02x}" if byte <= 0x20 or byte >= 0x7F or byte in b"#%" else chr(byte) for byte in data)


def _path(path: str) -> str:
    segments: list[str] = []
    for segment in _escaped(_unescaped(path)).split("/"):
        if segment == "..":
            if segments:
                segments.pop()
        elif segment not in ("", "."):
            segments.append(segment)
    return "/" + "/".join(segments)


def _query(query: str) -> str:
    arguments = [
        argument
        for argument in _escaped(_unescaped(query)).lower().split("&")
        if argument and not any(pattern.match(argument) for pattern in _SESSION_IDS)
    ]
    # Sorted as name and value pairs (an argument without "=" before one with it), as surt sorts them.
    arguments.sort(key=lambda argument: tuple(argument.split("=", 1)))
    return "&".join(arguments)


def surt(url: str) -> str:
    """The SURT key of an http(s) URL (`com,example)/path?a=1&b=2`): host reversed without www, default port,
    user or fragment, the path and query lowercased with their arguments sorted; the key pywb looks URLs up by.
    Anything else is returned lowercased, whole."""
    try:
        split = urlsplit(url.strip())
        port = split.port
    except ValueError:
        return url.lower()
    scheme = split.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not split.hostname:
        return url.lower()
    host = _WWW.sub("", split.hostname.rstrip("."))
    key = ",".join(reversed(host.split(".")))
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        key += f":{port}"
    query = _query(split.query)
    return f"{key})" + _path(split.path).lower() + (f"?{query}" if query else "")


@dataclass(frozen=True)
class Entry:
    """One record's line of the index: where it is (file, offset, length) and what it holds."""

    url: str
    timestamp: str  # 14 digits, UTC: the record's WARC-Date
    mime: str
    status: str
    digest: str
    length: int
    offset: int
    filename: str

    def line(self) -> str:
        fields = {
            "url": self.url,
            "mime": self.mime,
            "status": self.status,
            "digest": self.digest,
            "length": str(self.length),
            "offset": str(self.offset),
            "filename": self.filename,
        }
        return f"{surt(self.url)} {self.timestamp} {json.dumps(fields, ensure_ascii=False)}\n"


def timestamp(warc_date: str) -> str:
    """A WARC-Date (2025-01-20T09:30:00.123456Z) as the index's 14 digits (20250120093000)."""
    return re.sub(r"\D", "", warc_date)[:14].ljust(14, "0")


def sorted_lines(entries: list[Entry]) -> list[str]:
    """The index's lines in the order replay tools binary-search them: by SURT, then time (bytewise)."""
    return sorted((entry.line() for entry in entries), key=lambda line: line.encode("utf-8"))
