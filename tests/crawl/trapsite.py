"""A local site (127.0.0.1 only) laid out path by path by each test: bad links, session traps, redirects, robots."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .faultsite import article_html, good_paragraphs

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


class _Handler(BaseHTTPRequestHandler):
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
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: TrapSite) -> Iterator[str]:
    """The site on 127.0.0.1 at a free port; yields its base URL."""
    handler = type("Handler", (_Handler,), {"site": site})
    server_class = type(
        "Server",
        (ThreadingHTTPServer,),
        {"request_queue_size": 128, "daemon_threads": True, "handle_error": lambda self, request, address: None},
    )
    server = server_class(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
