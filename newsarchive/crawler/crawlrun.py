"""The archive and run row of one crawl, shared by its pipelines and extensions (one per crawler)."""

from __future__ import annotations

import logging
import os
import re
import socket
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro

from newsarchive.crawler.environment import default_db, env_similarity
from newsarchive.crawler.projectsettings import project_settings
from newsarchive.store import Archive, open_archive
from newsarchive.text.urls import url_key

logger = logging.getLogger(__name__)

_ATTR = "_newsarchive_run"


class CrawlRun:
    """Opens the archive named by NEWSARCHIVE_DB once, holds the run id, and buffers problem rows.

    Problems (dropped items, download and extraction errors) are written in batches, like articles,
    so that a crawl full of 404s does not pay one transaction per URL.
    """

    def __init__(
        self,
        db: str,
        *,
        record_run: bool,
        batch_size: int,
        similarity: float | None,
        clusters: bool,
        problems_per_article: int | None = None,
        max_aliases: int | None = None,
    ) -> None:
        self.db = db
        self.record_run = record_run
        self.batch_size = max(1, batch_size)
        self.similarity = similarity
        self.clusters = clusters
        self._archive: Archive | None = None
        self.run_id: int | None = None
        self._problems: list[dict] = []
        self._captures: list[dict] = []
        self._capture_writer: ThreadPoolExecutor | None = None
        # Problems by kind, then by the reason's leading words ("HTTP 404 Not Found", "timeout after 30 s").
        self.tally: dict[str, Counter] = {"dropped": Counter(), "error": Counter()}
        self.failures: list[str] = []  # why the run failed though the crawl went on or stopped cleanly
        self.finished = False  # the run row has its end (or finishing it was tried and failed)
        self.finish_error: str | None = None  # why the run row could not be finished
        self.problems_per_article = problems_per_article  # None or 0: no cap
        self.max_aliases = max_aliases  # 0: no cap; None: the archive's default
        self._per_article: Counter = Counter()  # rows by (kind, reason kind, article)

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrawlRun:
        """The crawl's archive options: its settings first, then the user's environment (as for `scrapy crawl`)."""
        settings = project_settings(crawler.settings)
        similarity = settings.get("NEWSARCHIVE_SIMILARITY")
        run = cls(
            settings.get("NEWSARCHIVE_DB") or default_db(),
            record_run=settings.getbool("NEWSARCHIVE_RECORD_RUN"),
            batch_size=settings.getint("NEWSARCHIVE_BATCH_SIZE"),
            similarity=float(similarity) if similarity not in (None, "") else env_similarity(),
            clusters=settings.getbool("NEWSARCHIVE_CLUSTERS"),
            problems_per_article=settings.getint("NEWSARCHIVE_PROBLEMS_PER_ARTICLE"),
            max_aliases=_optional_int(settings.get("NEWSARCHIVE_ALIASES_PER_ARTICLE")),
        )
        # engine_stopped comes after every spider_closed handler: the last moment anyone writes.
        crawler.signals.connect(run.close, signal=signals.engine_stopped)
        return run

    @property
    def archive(self) -> Archive:
        if self._archive is None:
            self._archive = open_archive(
                self.db, similarity=self.similarity, clusters=self.clusters, max_aliases=self.max_aliases
            )
        return self._archive

    def start(self, spider: Any) -> int | None:
        """Start the run row once, whichever component asks first."""
        if self.run_id is None and self.record_run:
            site = getattr(spider, "site_name", "") or spider.name
            host = socket.gethostname()
            # A run left "running" by a process that no longer exists was killed: say so in its row.
            gone = self.archive.close_abandoned_runs(site, host, _alive)
            if gone:
                logger.warning(
                    "runs %s of %s were left running by a killed crawl: marked interrupted",
                    ", ".join(map(str, gone)),
                    site,
                )
            args = {**dict(getattr(spider, "args", {}) or {}), "pid": os.getpid(), "host": host}
            self.run_id = self.archive.start_run(site, spider.name, args)
        return self.run_id

    def problem(self, url: str, kind: str, reason: str) -> None:
        """Buffer a problem row; every problem is counted in the run's tally, but past `problems_per_article`
        rows of one kind about one article (a trap's thousand copies of one page) only one more row says so."""
        what = reason_kind(reason)
        self.tally.setdefault(kind, Counter())[what] += 1
        # The article a row is about: the one its reason names (the page a duplicate repeats), else its URL's.
        named = _NAMED_URL.search(reason)
        key = (kind, what, url_key(named.group(0) if named else url))
        self._per_article[key] += 1
        cap = self.problems_per_article
        if cap and self._per_article[key] > cap:
            if self._per_article[key] > cap + 1:
                return
            reason = (
                f"problem cap: later {what!r} problems of this article are counted in the run, not recorded "
                f"(NEWSARCHIVE_PROBLEMS_PER_ARTICLE = {cap})"
            )
        self._problems.append({"url": url, "kind": kind, "reason": reason})
        if len(self._problems) >= self.batch_size:
            self.flush_problems()

    def capture(self, row: dict) -> None:
        """Buffer the row of a WARC record the crawl wrote; written in batches like problems, but from a thread:
        a write waits its turn behind the archive writer's batch, and the crawl must not wait with it."""
        self._captures.append(row)
        if len(self._captures) >= self.batch_size:
            rows, self._captures = self._captures, []
            if self._capture_writer is None:
                self._capture_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsarchive-captures")
            self._capture_writer.submit(self._record_captures, rows)

    def flush_captures(self) -> None:
        """Write the buffered capture rows, and wait for those handed to the thread."""
        if self._capture_writer is not None:
            self._capture_writer.shutdown(wait=True)
            self._capture_writer = None
        rows, self._captures = self._captures, []
        self._record_captures(rows)

    def _record_captures(self, rows: list[dict]) -> None:
        if not rows:
            return
        try:
            self.archive.record_captures(rows, run_id=self.run_id)
        except Exception:
            # The records are in the WARC files; only their rows are lost (an article's are written with it).
            logger.exception("could not record %d captures: %s", len(rows), ", ".join(r["url"] for r in rows))

    def flush_problems(self) -> None:
        rows, self._problems = self._problems, []
        if not rows:
            return
        try:
            self.archive.record_problems(rows, run_id=self.run_id)
        except Exception:
            # Losing the problem log must not end the crawl; the rows still reach the log file.
            logger.exception(
                "could not record %d problems: %s", len(rows), "; ".join(f"{r['url']}: {r['reason']}" for r in rows)
            )

    def fail(self, reason: str) -> None:
        """Make the run `failed` because of `reason`, one line for stderr and the run's stats."""
        if reason not in self.failures:
            self.failures.append(reason)

    @property
    def failure(self) -> str | None:
        return "; ".join(self.failures) or None

    def finish(self, status: str, stats: dict) -> None:
        self.flush_captures()
        self.flush_problems()
        self.finished = True
        if self.run_id is not None:
            try:
                self.archive.finish_run(self.run_id, status, stats)
            except Exception as exc:
                # A full disk can refuse even this: the crawl's summary and exit status still say so.
                self.finish_error = f"could not record the end of run {self.run_id}: {exc}"
                logger.error("%s", self.finish_error)

    def close(self) -> None:
        self.flush_captures()
        self.flush_problems()
        if self._archive is not None:
            self._archive.close()
            self._archive = None


_NAMED_URL = re.compile(r"https?://[^\s'\"]+")


def _optional_int(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


def reason_kind(reason: str) -> str:
    """What a problem's reason is about, without its particulars: "not html" for "not html: image/png"."""
    head = reason.split(": ", 1)[0].split(" (at ", 1)[0].strip()
    return head[:80] or "unknown"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def stop_crawl(crawler: Any, reason: str, why: str) -> None:
    """Stop the crawl because of `why`, with close reason `reason` (a run that ends so is `failed`).

    Requests in flight finish and their articles are stored or recorded, as for Ctrl-C.
    """
    try:
        engine = crawler.engine
    except (AttributeError, RuntimeError):  # no crawler (a test's pipeline), or one that has not started
        return
    if engine is None or engine.spider is None:
        return
    logger.error("stopping the crawl: %s", why)
    deferred_from_coro(engine.close_spider_async(reason=reason)).addErrback(
        lambda failure: logger.error("could not stop the crawl: %s", failure.getErrorMessage())
    )


def crawl_run(crawler: Any) -> CrawlRun:
    """The crawler's CrawlRun, made on first use."""
    run = getattr(crawler, _ATTR, None)
    if run is None:
        run = CrawlRun.from_crawler(crawler)
        setattr(crawler, _ATTR, run)
    return run
