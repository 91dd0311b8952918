"""A local site for the WARC capture tests: a feed, a home page listing, articles (one in two pages, one sent
gzip-encoded, one answering a conditional request with 304), and an image; each request logged."""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from .localserver import QuietHandler, running
from .pagesite import article, feed

ARTICLES = [f"/news/2025/01/harbour-story-number-{n}.html" for n in range(4)]
GZIPPED = ARTICLES[1]
PAGE_TWO = "/news/2025/01/harbour-story-number-3.html?page=2"


class CaptureSite:
    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, bytes]] = {
            "/feed.xml": ("application/rss+xml", feed(ARTICLES)),
            "/": ("text/html; charset=utf-8", home(ARTICLES)),
            "/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
        }
        for n, path in enumerate(ARTICLES):
            head = f'<link rel="next" href="{PAGE_TWO}">' if path == ARTICLES[3] else ""
            self.pages[path] = ("text/html; charset=utf-8", article(f"Harbour story number {n}", head=head))
        self.pages[PAGE_TWO] = (
            "text/html; charset=utf-8",
            article("Harbour story number 3", [f"The second page of story three. {'More words here. ' * 8}"]),
        )
        self.log: list[tuple[str, int]] = []

    def body(self, path: str) -> bytes:
        return self.pages[path][1]


def home(paths: list[str]) -> bytes:
    links = "".join(f'<li><a href="{path}">Story</a></li>' for path in paths)
    return f"<!DOCTYPE html><html><head><title>Gazette</title></head><body><ul>{links}</ul></body></html>".encode()


class _Handler(QuietHandler):
    site: CaptureSite

    def do_GET(self) -> None:  # noqa: N802
        path = self.path if self.path in self.site.pages else self.path.split("?")[0]
        if path not in self.site.pages:
            self.site.log.append((path, 404))
            return self.reply(404, "text/plain", b"not found")
        ctype, body = self.site.pages[path]
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.site.log.append((path, 304))
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return None
        self.site.log.append((path, 200))
        headers = {"ETag": etag}
        if path == GZIPPED:
            body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
        return self.reply(200, ctype, body, headers)


@contextmanager
def serve(site: CaptureSite) -> Iterator[str]:
    with running(_Handler, site=site) as base:
        yield base
