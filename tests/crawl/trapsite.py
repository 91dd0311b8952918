"""A local site (127.0.0.1 only) laid out path by path by each test: bad links, session traps, redirects, robots."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .faultsite import article_html, good_paragraphs
from .localserver import QuietHandler, running

PUBLISHED = "2025-01-20T09:00:00+09:00"


def story(n: int, links: tuple[str, ...] = ()) -> bytes:
    """Article n of the site, with the given hrefs in its navigation."""
    html = article_html(f"Harbour story {n}", PUBLISHED, good_paragraphs(n))
    anchors = "".join(f'<a href="{href}">link</a>' for href in links)
    return html.replace("<nav>", f"<nav>{anchors}").encode()


def rss(links: list[str]) -> bytes:
    items = "".join(f"<item><title>x</title><link>{link}</link></item>" for link in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


# What a path answers: (status, content type, body, extra headers), or a function of the request's path doing so.
Answer = tuple[int, str, bytes, dict[str, str]]


@dataclass
class TrapSite:
    """Routes by path (the query is part of a route only where a route names it); unknown paths are 404."""

    routes: dict[str, Answer | Callable[[str], Answer]] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)  # every path asked for, query included
    lock: threading.Lock = field(default_factory=threading.Lock)

    def html(self, path: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.routes[path] = (200, "text/html; charset=utf-8", body, headers or {})

    def answer(self, path: str) -> Answer:
        route = self.routes.get(path) or self.routes.get(path.split("?")[0].split(";")[0])
        if route is None:
            return 404, "text/html", b"<html><body>Not Found</body></html>", {}
        return route(path) if callable(route) else route

    def asked(self, prefix: str) -> list[str]:
        return [p for p in self.log if p.startswith(prefix)]


class _Handler(QuietHandler):
    site: TrapSite
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802
        with self.site.lock:
            self.site.log.append(self.path)
        status, ctype, body, headers = self.site.answer(self.path)
        if headers.get("X-Hang"):
            time.sleep(float(headers["X-Hang"]))
            self.close_connection = True
            return
        self.reply(status, ctype, body, headers)


@contextmanager
def serve(site: TrapSite) -> Iterator[str]:
    """The site on 127.0.0.1 at a free port; yields its base URL."""
    with running(_Handler, site=site) as base:
        yield base
