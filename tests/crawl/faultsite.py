"""A local news site (127.0.0.1 only) whose pages fail in every way a real site does, and some that never do."""

from __future__ import annotations

import gzip
import hashlib
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from functools import lru_cache

from .localserver import QuietHandler, running

HUGE = 100 * 1024 * 1024  # the 100 MB page, generated chunk by chunk as it is sent
CHUNK = 64 * 1024
HANG_SECONDS = 4.0  # longer than the crawl's DOWNLOAD_TIMEOUT, bounded so the server stops

WORDS = (
    "The council voted on Tuesday to extend the harbour, after a year of hearings in which residents, "
    "fishermen and the port authority argued over dredging, noise and the cost to the town."
)


def article_html(headline: str, published: str, paragraphs: list[str], charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{headline}</title>"
        f'<meta property="article:published_time" content="{published}"></head>'
        f'<body><nav><a href="/">Home</a></nav><article><h1>{headline}</h1>{body}</article>'
        "<footer>Harbour Gazette</footer></body></html>"
    )


def good_paragraphs(n: int, version: int = 1) -> list[str]:
    return [f"Story {n}, paragraph one. {WORDS}", f"Story {n}, paragraph two (version {version}). {WORDS}"]


@lru_cache(maxsize=1)
def gzip_bomb() -> bytes:
    """About 100 KB of gzip that inflates to 100 MB of zeros."""
    return gzip.compress(bytes(HUGE), compresslevel=9)


class FaultSite:
    """The site's content and behaviour; `seed` fixes which good pages fail first and how."""

    def __init__(
        self,
        good: int = 12,
        seed: int = 5,
        published: datetime | None = None,
        *,
        flaky: bool = True,
        bad: bool = True,
        delay: float = 0.0,
    ):
        rng = random.Random(seed)
        self.delay = delay  # seconds every article page takes to answer
        self.published = published or datetime(2025, 1, 20, 9, 0, tzinfo=timezone(timedelta(hours=9)))
        self.good = [f"/news/story-{n}.html" for n in range(good)]
        # Each good page answers 0-2 errors (500, 503 or 429 with Retry-After) before it answers 200.
        self.failures = {
            path: [rng.choice((500, 503, 429)) for _ in range(rng.randint(0, 2))] if flaky else [] for path in self.good
        }
        self.versions = {path: 1 for path in self.good}
        self.japanese = {
            "/news/wrong-charset.html": (
                "円相場が一時155円台に下落、市場は介入を警戒",
                "shift_jis",
                "text/html; charset=utf-8",
            ),
            "/news/no-charset.html": ("東京の域内総生産がニューヨークを上回る", "utf-8", "text/html"),
        }
        self.bad = (
            {}
            if not bad
            else {  # path -> start of the reason the crawl must record
                "/news/hang.html": "timeout after",
                "/news/cut.html": "connection lost",
                "/news/loop.html": "redirect loop",
                "/news/bomb.html": "too large when decompressed",
                "/news/huge.html": "too large",
                "/news/huge-stream.html": "too large",
                "/news/binary.html": "not html",
                "/news/empty.html": "empty page",
            }
        )
        self.hidden: set[str] = set()  # pages the feed no longer lists (still served)
        self.lock = threading.Lock()
        self.log: list[tuple[str, int | str, float]] = []  # (path, status or what happened, time)
        self.bytes_sent = 0

    @property
    def good_paths(self) -> list[str]:
        return [*self.good, *self.japanese, "/news/malformed.html"] if self.bad else list(self.good)

    def headline(self, path: str) -> str:
        if path in self.japanese:
            return self.japanese[path][0]
        if path == "/news/malformed.html":
            return "Storm closes the coast road for a second night"
        return f"Harbour story {self.good.index(path)}"

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>x</title><link>{path}</link><pubDate>{format_datetime(self.published)}</pubDate></item>"
            for path in [*self.good_paths, *self.bad]
            if path not in self.hidden
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Gazette</title>'
            f"{items}</channel></rss>"
        ).encode()

    def page(self, path: str) -> tuple[str, bytes]:
        published = self.published.isoformat()
        if path in self.japanese:
            headline, encoding, ctype = self.japanese[path]
            text = article_html(
                headline, published, [headline + "。" + "市場関係者によると、取引は活発だった。" * 4], charset=None
            )
            return ctype, text.encode(encoding)
        if path == "/news/malformed.html":
            # Unclosed <p>, <b> and <head>, stray end tags, unquoted attributes, no </body> or </html>.
            text = (
                f"<html><head><title>{self.headline(path)}</title><meta charset=utf-8><body class=x>"
                f"</span><div id=main><article><h1>{self.headline(path)}</h1>"
                f"<p>The coast road stays shut. {WORDS}<p>Crews will work overnight <b>again. {WORDS}"
                "</div></div></i><table><tr><td>stray cell</article>"
            )
            return "text/html; charset=utf-8", text.encode()
        n = self.good.index(path)
        html = article_html(self.headline(path), published, good_paragraphs(n, self.versions[path]))
        return "text/html; charset=utf-8", html.encode()

    def etag(self, body: bytes) -> str:
        return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'


class FaultHandler(QuietHandler):
    site: FaultSite
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802
        site, path = self.site, self.path.split("#")[0]
        if path == "/feed.xml":
            return self.send(200, "application/rss+xml", site.feed())
        if path in site.good_paths:
            time.sleep(site.delay)
            with site.lock:
                failures = site.failures.get(path)
                code = failures.pop(0) if failures else None
            if code is not None:
                extra = {"Retry-After": "1"} if code == 429 else {}
                return self.send(code, "text/html", b"<html><body>busy</body></html>", extra)
            ctype, body = site.page(path)
            etag = site.etag(body)
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, None, b"", {"ETag": etag})
            return self.send(
                200,
                ctype,
                body,
                {"ETag": etag, "Last-Modified": format_datetime(site.published.astimezone(UTC), usegmt=True)},
            )
        handler = {
            "/news/hang.html": self.hang,
            "/news/cut.html": self.cut,
            "/news/huge.html": self.huge,
            "/news/huge-stream.html": self.huge_stream,
            "/news/bomb.html": self.bomb,
        }.get(path)
        if handler:
            return handler()
        if path in ("/news/loop.html", "/news/loop-2.html"):
            other = "/news/loop-2.html" if path == "/news/loop.html" else "/news/loop.html"
            return self.send(302, "text/html", b"", {"Location": other})
        if path == "/news/binary.html":
            return self.send(200, "text/html", random.Random(1).randbytes(20_000))
        if path == "/news/empty.html":
            return self.send(200, "text/html; charset=utf-8", b"")
        return self.send(404, "text/html", b"<html><body>Not Found</body></html>")

    def send(self, status: int, ctype: str | None, body: bytes, headers: dict | None = None) -> None:
        self.site.log.append((self.path, status, time.monotonic()))
        self.reply(status, ctype or None, body, headers)
        self.site.bytes_sent += len(body)

    def hang(self) -> None:
        self.site.log.append((self.path, "hang", time.monotonic()))
        time.sleep(HANG_SECONDS)
        self.close_connection = True

    def cut(self) -> None:
        self.site.log.append((self.path, "cut", time.monotonic()))
        body = self.site.page(self.site.good[0])[1]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body) * 4))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.close_connection = True

    def bomb(self) -> None:
        self.send(200, "text/html; charset=utf-8", gzip_bomb(), {"Content-Encoding": "gzip"})

    def huge(self) -> None:
        self.stream(declared=True)

    def huge_stream(self) -> None:
        self.stream(declared=False)

    def stream(self, declared: bool) -> None:
        """100 MB of page, made a chunk at a time: the server never holds more than one chunk."""
        self.site.log.append((self.path, "huge", time.monotonic()))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if declared:
            self.send_header("Content-Length", str(HUGE))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        chunk = (b"<p>" + b"x" * (CHUNK - 8) + b"</p>\n\n")[:CHUNK]
        self.close_connection = True
        try:
            self.wfile.write(b"<html><body>")
            for _ in range(HUGE // CHUNK):
                self.wfile.write(chunk)
                self.site.bytes_sent += CHUNK
        except OSError:
            pass  # the crawler hung up once it had enough: what it should do


@contextmanager
def serve(site: FaultSite) -> Iterator[str]:
    """The site on 127.0.0.1 at a free port; yields its base URL."""
    with running(FaultHandler, site=site) as base:
        yield base
