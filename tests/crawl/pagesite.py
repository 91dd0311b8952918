"""A local site (127.0.0.1) serving whatever pages a test puts in its dict: path -> (content type, body)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape

from .localserver import QuietHandler, running

WORDS = (
    "The council voted on Tuesday to extend the harbour, after a year of hearings in which residents, "
    "fishermen and the port authority argued over dredging, noise and the cost to the town."
)


def article(headline: str, paragraphs: list[str] | None = None, *, head: str = "", extra: str = "") -> bytes:
    """A plain article page: a title, a publication time, a headline and paragraphs."""
    paragraphs = paragraphs or [f"{headline}. {WORDS}", f"A second paragraph. {WORDS}", f"A third. {WORDS}"]
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(headline)} | Harbour Gazette</title>"
        f'<meta property="article:published_time" content="2025-01-20T09:00:00+00:00">{head}</head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(headline)}</h1>{body}{extra}</article>"
        "<footer>Harbour Gazette</footer></body></html>"
    ).encode()


def feed(paths: list[str]) -> bytes:
    items = "".join(f"<item><title>x</title><link>{p}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>G</title>{items}</channel></rss>'.encode()


class _Handler(QuietHandler):
    pages: dict[str, tuple[str, bytes]] = {}
    delay: dict[str, float] = {}

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("#")[0]
        time.sleep(self.delay.get(path, 0.0))
        found = self.pages.get(path)
        ctype, body = found or ("text/html", b"<html><body>Not Found</body></html>")
        self.reply(200 if found else 404, ctype, body)


@contextmanager
def serve(pages: dict[str, tuple[str, bytes]], delay: dict[str, float] | None = None) -> Iterator[str]:
    """Serve `pages` (which the test may change between crawls) at a free port; yields the base URL.

    `delay` makes the paths it names answer that many seconds late (a slow site, for progress lines).
    """
    with running(_Handler, pages=pages, delay=delay or {}) as base:
        yield base
