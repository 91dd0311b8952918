"""A local site (127.0.0.1 only) of discovery bombs: endless sitemap indexes, gzip and header floods, huge feeds.

Every payload is made on the fly, a chunk at a time, so the test process never holds more than a chunk of it.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from .faultsite import article_html, good_paragraphs
from .localserver import QuietHandler, running

CHUNK = 64 * 1024
GOOD = [f"/news/2025/01/harbour-story-{n}.html" for n in range(3)]  # the articles every bomb also lists
SITEMAP_CHILDREN = 10  # children of each index in the endless tree
INFLATED = 256 * 1024 * 1024  # what the gzip sitemap inflates to
COOKIE_FLOOD = 400 * 1024 * 1024  # bytes of Set-Cookie headers before the body
BIG_FEED_ITEMS = 50_000
BIG_PAGE_LINKS = 100_000
MISSING = "/news/2025/01/archived-story-number-"  # article-like links of the filler, each a 404


def _locs(paths: list[str], base: str) -> bytes:
    return "".join(f"<url><loc>{base}{path}</loc></url>" for path in paths).encode()


def gzip_sitemap(base: str) -> Iterator[bytes]:
    """A gzip sitemap (one gzip member) whose XML inflates to INFLATED bytes: the good articles, then
    filler that is not entries (a bomb need not be), then the end of the urlset.

    The filler is deflated once, ending in a full flush (no reference back past it), and that block is sent
    again and again; the checksum is kept up as it goes.
    """
    head = b'<?xml version="1.0" encoding="UTF-8"?><urlset>' + _locs(GOOD, base)
    filler = b"<url><lastmod>2025-01-20T09:00:00Z</lastmod></url>" * (CHUNK * 16 // 51)
    tail = b"</urlset>"
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    yield b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    crc, size = zlib.crc32(head), len(head)
    block = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block_bytes = block.compress(filler) + block.flush(zlib.Z_FULL_FLUSH)
    for _ in range(INFLATED // len(filler)):
        yield block_bytes
        crc, size = zlib.crc32(filler, crc), size + len(filler)
    end = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    yield end.compress(tail) + end.flush() + struct.pack("<II", zlib.crc32(tail, crc), (size + len(tail)) & 0xFFFFFFFF)


def sitemap_index(path: str, base: str) -> bytes:
    """An index of SITEMAP_CHILDREN more indexes below `path`, and so on without end."""
    stem = path.removesuffix(".xml")
    children = "".join(f"<sitemap><loc>{base}{stem}-{n}.xml</loc></sitemap>" for n in range(SITEMAP_CHILDREN))
    # The top index also lists a real sitemap: the crawl must still read that one.
    good = f"<sitemap><loc>{base}/sitemaps/good.xml</loc></sitemap>" if path == "/trap.xml" else ""
    return f'<?xml version="1.0"?><sitemapindex>{good}{children}</sitemapindex>'.encode()


def big_feed(base: str) -> Iterator[bytes]:
    """An RSS feed of BIG_FEED_ITEMS items: the good articles first, then one item per page of a tag listing."""
    yield b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>'
    for path in GOOD:
        yield f"<item><title>good</title><link>{base}{path}</link></item>".encode()
    batch = []
    for n in range(BIG_FEED_ITEMS - len(GOOD)):
        batch.append(
            f"<item><title>Item {n}</title><link>{base}{MISSING}{n}.html</link><description>x</description></item>"
        )
        if len(batch) == 1000:
            yield "".join(batch).encode()
            batch = []
    yield ("".join(batch) + "</channel></rss>").encode()


def big_sitemap(base: str, entries: int) -> Iterator[bytes]:
    """A sitemap of `entries` article URLs: missing ones, then the good articles last."""
    yield b'<?xml version="1.0" encoding="UTF-8"?><urlset>'
    for start in range(0, entries - len(GOOD), 1000):
        yield _locs([f"{MISSING}{n}.html" for n in range(start, min(start + 1000, entries - len(GOOD)))], base)
    yield _locs(GOOD, base) + b"</urlset>"


def link_page(base: str) -> Iterator[bytes]:
    """A listing page of BIG_PAGE_LINKS links: the good articles first, then links to distinct other pages."""
    yield b"<!DOCTYPE html><html><head><meta charset=utf-8><title>All</title></head><body><ul>"
    for path in GOOD:
        yield f'<li><a href="{path}">good</a></li>'.encode()
    batch = []
    for n in range(BIG_PAGE_LINKS - len(GOOD)):
        batch.append(f'<a href="{MISSING}{n}.html">{n}</a>')
        if len(batch) == 1000:
            yield "".join(batch).encode()
            batch = []
    yield ("".join(batch) + "</ul></body></html>").encode()


class BombHandler(QuietHandler):
    protocol_version = "HTTP/1.1"
    log: list[str]

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("#")[0]
        self.log.append(path)
        base = f"http://{self.headers['Host']}"
        if path in GOOD or path in ("/news/2025/01/archived.html",):
            n = GOOD.index(path) if path in GOOD else 9
            body = article_html(f"Harbour story {n}", "2025-01-20T09:00:00+09:00", good_paragraphs(n)).encode()
            return self.send(200, "text/html; charset=utf-8", [body])
        if path == "/sitemaps/good.xml":
            return self.send(200, "application/xml", [b"<urlset>" + _locs(GOOD, base) + b"</urlset>"])
        if path.startswith("/trap") and path.endswith(".xml"):
            return self.send(200, "application/xml", [sitemap_index(path, base)])
        if path == "/sitemap.xml.gz":
            return self.send(200, "application/x-gzip", gzip_sitemap(base))
        if path.startswith("/big-sitemap.xml?entries="):
            return self.send(200, "application/xml", big_sitemap(base, int(path.split("=")[1])))
        if path == "/big-feed.xml":
            return self.send(200, "application/rss+xml", big_feed(base))
        if path == "/links.html":
            return self.send(200, "text/html; charset=utf-8", link_page(base))
        if path == "/cookies.xml":
            return self.cookie_flood(base, COOKIE_FLOOD)
        if path.startswith("/cookies.xml?bytes="):
            return self.cookie_flood(base, int(path.split("=")[1]))
        return self.send(404, "text/html", [b"<html><body>Not Found</body></html>"])

    def send(self, status: int, ctype: str, chunks: list[bytes] | Iterator[bytes]) -> None:
        """The body chunk by chunk, without a Content-Length: the server never holds more than a chunk."""
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        try:
            for chunk in chunks:
                self.wfile.write(chunk)
        except OSError:
            pass  # the crawler hung up once it had enough: what it should do

    def cookie_flood(self, base: str, size: int) -> None:
        """A feed whose response carries about `size` bytes of Set-Cookie headers before its (good) body."""
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Connection", "close")
        self.close_connection = True
        line = b"Set-Cookie: c=" + b"x" * 8000 + b"\r\n"
        try:
            self.wfile.write(b"".join(self._headers_buffer))
            self._headers_buffer = []
            block = line * (CHUNK // len(line) + 1)
            for _ in range(size // len(block)):
                self.wfile.write(block)
            self.wfile.write(line * (size % len(block) // len(line)))
            items = "".join(f"<item><link>{base}{path}</link></item>" for path in GOOD)
            self.wfile.write(f"\r\n<rss><channel>{items}</channel></rss>".encode())
        except OSError:
            pass


@contextmanager
def serve() -> Iterator[tuple[str, list[str]]]:
    """The bomb site on 127.0.0.1 at a free port; yields its base URL and the log of paths asked for."""
    log: list[str] = []
    with running(BombHandler, log=log) as base:
        yield base, log
