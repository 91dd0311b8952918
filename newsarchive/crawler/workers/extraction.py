"""Extraction in worker processes, so parsing pages never holds up the crawl's reactor thread."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newsarchive.crawler.crawlrun import crawl_run, stop_crawl
from newsarchive.crawler.projectsettings import project_settings
from newsarchive.crawler.workers.pool import times, worker_pool
from newsarchive.extract import ExtractionError, Rules, extract_article
from newsarchive.items import Article


def _extract(url: str, body: bytes, content_type: str | None, rules: Rules | None, site: str) -> Article:
    # Not cleaned here: the CleanPipeline cleans each article once, after its pages are joined.
    return extract_article(url, body, content_type=content_type, rules=rules, site=site, clean=False)


class ExtractionPool:
    """Runs extraction in `workers` processes (0: in the crawl's own thread, as a plain call).

    Extraction is pure Python and lxml work of a few milliseconds a page; in the reactor's thread it
    competes with downloading for one core, in a worker it runs beside it. When a worker dies (a page
    that exhausts memory, the OOM killer, a kill), the pool is started again and every page it held
    is tried once more in the new one: a page that kills two workers is recorded as the cause, the
    others are extracted. Past `restarts` deaths the pool is not started again: every later page is
    recorded as not extracted and `give_up(reason)` is told (from a crawl: the crawl stops, failed).
    """

    def __init__(
        self,
        workers: int,
        restarts: int = 0,
        give_up: Callable[[str], None] | None = None,
        restarted: Callable[[int], None] | None = None,
    ) -> None:
        self.workers = max(0, workers)
        self.restarts = restarts
        self.give_up = give_up
        self.restarted = restarted  # told how many times the pool has been started again
        self.deaths = 0
        self._pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractionPool:
        settings = project_settings(crawler.settings)

        def give_up(reason: str) -> None:
            crawl_run(crawler).fail(reason)
            stop_crawl(crawler, "worker_died", reason)

        def restarted(times: int) -> None:
            crawler.stats.set_value("newsarchive/extraction_restarts", times)

        workers = settings.getint("NEWSARCHIVE_EXTRACT_WORKERS")
        return cls(workers, settings.getint("NEWSARCHIVE_WORKER_RESTARTS"), give_up, restarted)

    @property
    def dead(self) -> bool:
        """The workers died more often than they may be started again."""
        return self.deaths > self.restarts

    def _executor(self) -> ProcessPoolExecutor:
        if self.dead:
            raise ExtractionError(f"not extracted: the extraction worker died {times(self.deaths)}")
        if self._pool is None:
            self._pool = worker_pool(self.workers)
        return self._pool

    async def extract(self, url: str, body: bytes, content_type: str | None, rules: Rules | None, site: str) -> Article:
        """The page's article (raises ExtractionError as extract_article does)."""
        if not self.workers:
            return _extract(url, body, content_type, rules, site)
        for _attempt in range(2):
            pool = self._executor()
            try:
                future = pool.submit(_extract, url, body, content_type, rules, site)
                return await asyncio.wrap_future(future)
            except BrokenProcessPool:
                self._died(pool)
            except KeyboardInterrupt:  # a worker's, handed back as the page's result
                raise ExtractionError("extraction worker interrupted on this page") from None
        raise ExtractionError("extraction worker died on this page")

    def _died(self, pool: ProcessPoolExecutor) -> None:
        """`pool` broke: count one death for it (every page it held sees the same break) and drop it."""
        if pool is not self._pool:
            return  # already counted and replaced, for another page it held
        self.close()
        self.deaths += 1
        if self.restarted is not None:
            self.restarted(min(self.deaths, self.restarts))
        if self.dead and self.give_up is not None:
            self.give_up(f"the extraction worker died {times(self.deaths)}")

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
