"""A local site for the benchmarks: pages from a dict served on 127.0.0.1 with keep-alive, in a process of its own."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Pages = dict[str, tuple[str, bytes]]  # path -> (content type, body)


def serve_forever(make_pages: Callable[[str], Pages], ready: multiprocessing.Queue) -> None:
    """Serve `make_pages(base_url)` until terminated; the base URL is put on `ready` once the port is bound.

    Run it as a multiprocessing.Process target, so that the server does not take the measured process's GIL.
    """
    server_class = type("Server", (ThreadingHTTPServer,), {"request_queue_size": 256, "daemon_threads": True})
    server = server_class(("127.0.0.1", 0), BaseHTTPRequestHandler)
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    pages = make_pages(base_url)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a real server does for Scrapy's connection pool

        def do_GET(self) -> None:  # noqa: N802
            ctype, body = pages.get(self.path, ("text/html", b"<html><body>Not Found</body></html>"))
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server.RequestHandlerClass = Handler
    ready.put(base_url)
    server.serve_forever()
