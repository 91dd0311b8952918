"""Extraction in worker processes, so parsing pages never holds up the crawl's reactor thread."""

from __future__ import annotations

import asyncio
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newsarchive.crawler.projectsettings import project_settings
from newsarchive.crawler.workers.pool import worker_pool
from newsarchive.extract import ExtractionError, Rules, extract_article
from newsarchive.items import Article


def _extract(url: str, body: bytes, content_type: str | None, rules: Rules | None, site: str) -> Article:
    # Not cleaned here: the CleanPipeline cleans each article once, after its pages are joined.
    return extract_article(url, body, content_type=content_type, rules=rules, site=site, clean=False)


class ExtractionPool:
    """Runs extraction in `workers` processes (0: in the crawl's own thread, as a plain call).

    Extraction is pure Python and lxml work of a few milliseconds a page; in the reactor's thread it
    competes with downloading for one core, in a worker it runs beside it. A worker that dies (a page
    that exhausts memory) costs that page only: the pool is started again for the next one.
    """

    def __init__(self, workers: int) -> None:
        self.workers = max(0, workers)
        self._pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractionPool:
        return cls(project_settings(crawler.settings).getint("NEWSARCHIVE_EXTRACT_WORKERS"))

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = worker_pool(self.workers)
        return self._pool

    async def extract(self, url: str, body: bytes, content_type: str | None, rules: Rules | None, site: str) -> Article:
        """The page's article (raises ExtractionError as extract_article does)."""
        if not self.workers:
            return _extract(url, body, content_type, rules, site)
        try:
            future = self._executor().submit(_extract, url, body, content_type, rules, site)
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:
            self.close()
            raise ExtractionError("extraction worker died on this page") from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
