"""A local site for the WARC capture tests: a feed, a home page listing, articles (one in two pages, one sent
gzip-encoded, one answering a conditional request with 304), and an image; and a second feed of URLs that
redirect (301, and a 302 to a 308) to articles, answer 404 or 410, or fail with a 500 once; each request logged."""

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

MOVED_FEED = "/moved.xml"
MOVED = {  # path -> (status, Location): one redirect, and a chain of two
    "/news/2025/01/old-harbour-story-a.html": (301, "/news/2025/01/harbour-story-a.html"),
    "/news/2025/01/short-b.html": (302, "/news/2025/01/old-harbour-story-b.html"),
    "/news/2025/01/old-harbour-story-b.html": (308, "/news/2025/01/harbour-story-b.html"),
    "/news/2025/01/harbour-story-loop.html": (301, "/news/2025/01/harbour-story-loop.html"),  # to itself
}
LOOP = "/news/2025/01/harbour-story-loop.html"
GZIPPED_REDIRECT = "/news/2025/01/short-b.html"  # its body sent gzip-encoded
MISSING = "/news/2025/01/harbour-story-missing.html"  # 404
WITHDRAWN = "/news/2025/01/harbour-story-withdrawn.html"  # 410
FLAKY = "/news/2025/01/harbour-story-flaky.html"  # a 500, then the page
PULLED = "/news/2025/01/harbour-story-pulled.html"  # a page the tests may serve with a 404, the same body
MOVED_LISTED = [*list(MOVED)[:2], LOOP, MISSING, WITHDRAWN, FLAKY, PULLED]
NOT_FOUND = b"<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>"


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
        self.pages[MOVED_FEED] = ("application/rss+xml", feed(MOVED_LISTED))
        for path in ("/news/2025/01/harbour-story-a.html", "/news/2025/01/harbour-story-b.html", FLAKY, PULLED):
            self.pages[path] = ("text/html; charset=utf-8", article(f"Harbour {path.rsplit('/', 1)[1][:-5]}"))
        self.pages[MISSING] = self.pages[WITHDRAWN] = ("text/html; charset=utf-8", NOT_FOUND)
        # path -> the statuses it answers with, one per request; the last one stays.
        self.answers: dict[str, list[int]] = {MISSING: [404], WITHDRAWN: [410], FLAKY: [500, 200]}
        self.log: list[tuple[str, int]] = []

    def status(self, path: str) -> int:
        answers = self.answers.get(path) or [200]
        return answers.pop(0) if len(answers) > 1 else answers[0]

    def body(self, path: str) -> bytes:
        return self.pages[path][1]


def home(paths: list[str]) -> bytes:
    links = "".join(f'<li><a href="{path}">Story</a></li>' for path in paths)
    return f"<!DOCTYPE html><html><head><title>Gazette</title></head><body><ul>{links}</ul></body></html>".encode()


class _Handler(QuietHandler):
    site: CaptureSite

    def do_GET(self) -> None:  # noqa: N802
        if self.path in MOVED:
            status, location = MOVED[self.path]
            self.site.log.append((self.path, status))
            body, headers = b"<html><body>Moved</body></html>", {"Location": location}
            if self.path == GZIPPED_REDIRECT:
                body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
            return self.reply(status, "text/html", body, headers)
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
        status = self.site.status(path)
        self.site.log.append((path, status))
        headers = {"ETag": etag} if status == 200 else {}
        if status >= 500:
            ctype, body = "text/html", b"<html><body>Server error</body></html>"
        if path == GZIPPED:
            body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
        return self.reply(status, ctype, body, headers)


@contextmanager
def serve(site: CaptureSite) -> Iterator[str]:
    with running(_Handler, site=site) as base:
        yield base
