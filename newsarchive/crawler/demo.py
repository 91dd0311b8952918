"""The demo: serve the bundled sample site on 127.0.0.1, crawl it into an archive, show a search."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from newsarchive.crawler.environment import default_db, open_user_archive
from newsarchive.crawler.run import run_crawl

# A word every demo article about the Russia–Iran treaty contains; two characters, to show that short
# Japanese words are found.
SAMPLE_QUERY = "条約"
# The port the demo serves its site on, the same every run: the port is part of an article's URL, so a
# demo served on another port each time would archive its articles again as copies under new URLs. When
# it is taken, any free port serves.
DEMO_PORT = 18765


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without one log line per request on stderr."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".rss": "application/rss+xml",
        ".xml": "application/xml",
        ".php": "text/html",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # The default accept queue of 5 drops connections when a crawler opens many at once.
    request_queue_size = 128


@contextmanager
def serve(directory: str | Path, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `directory` over HTTP from a background thread; yields the base URL (e.g. http://127.0.0.1:54321)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server((host, port), handler)
    thread = threading.Thread(target=server.serve_forever, name="newsarchive-demo-server", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def _serve_demo(directory: Path) -> Iterator[str]:
    with ExitStack() as stack:
        try:
            base_url = stack.enter_context(serve(directory, port=DEMO_PORT))
        except OSError:  # taken: a later run on DEMO_PORT then archives these URLs' articles as copies
            base_url = stack.enter_context(serve(directory))
        yield base_url


def run_demo(db: str | None = None, *, settings: dict[str, Any] | None = None) -> dict:
    """Crawl the bundled Newsweek Japan mirror into `db`; the run summary plus a sample search's results."""
    db = db or default_db()
    local = {
        # The mirror is on this machine: no need to pace requests, and the demo should take seconds.
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
        "LOG_LEVEL": "ERROR",
        "NEWSARCHIVE_PROGRESS_INTERVAL": 0,
        **(settings or {}),
    }
    with resources.as_file(resources.files("newsarchive") / "demo_site") as site_dir, _serve_demo(site_dir) as base_url:
        summary = run_crawl("newsweekjapan", db, base_url=base_url, settings=local)
    archive = open_user_archive(db)
    try:
        results = archive.search(SAMPLE_QUERY, limit=5)
    finally:
        archive.close()
    return {**summary, "db": db, "base_url": base_url, "sample_query": SAMPLE_QUERY, "sample_results": results}
