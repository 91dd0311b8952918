"""The local HTTP server the end-to-end crawl tests serve their sites from: 127.0.0.1, a free port, a thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Server(ThreadingHTTPServer):
    # A deep accept queue: with the default of 5, a busy machine drops connection attempts and the crawl
    # sees connect timeouts that have nothing to do with the page.
    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a crawl that hangs up (a timeout, a kill, its end) resets connections: expected, not a traceback


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing and answers in one call."""

    def reply(self, status: int, ctype: str | None, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype is not None:
            self.send_header("Content-Type", ctype)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def running(handler: type[BaseHTTPRequestHandler], **attributes: Any) -> Iterator[str]:
    """Serve with `handler`, given `attributes` as class attributes (the site, its log), at a free port of
    127.0.0.1 until the block ends; yields the base URL."""
    server = _Server(("127.0.0.1", 0), type("Handler", (handler,), attributes))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
