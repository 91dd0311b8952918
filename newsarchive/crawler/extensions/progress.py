"""Progress on stderr: pages, articles stored and pending, errors and rate; live on a terminal, else log lines."""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import Any, TextIO

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall

from newsarchive.crawler.extensions.runrecorder import counts
from newsarchive.crawler.projectsettings import project_settings

# StorePipeline's count of articles extracted but not yet saved (its buffer and the batches the writer holds).
PENDING = "newsarchive/articles_pending"


class Progress:
    """Progress of a crawl on stderr, in one of two modes.

    On a terminal (stderr is a TTY): one live line, redrawn in place every NEWSARCHIVE_PROGRESS_REFRESH
    seconds and erased when the crawl ends, so what is left on the screen is the crawl's summary. Otherwise
    (a log file, cron, systemd): one line every NEWSARCHIVE_PROGRESS_INTERVAL seconds. Either way the line
    counts articles stored and articles pending (extracted, waiting for the writer), so a crawl whose first
    batch is not written yet does not read as one that found nothing.
    """

    def __init__(self, stats: Any, interval: float, *, live: bool = False, stream: TextIO | None = None) -> None:
        self.stats = stats
        self.interval = interval
        self.live = live
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.task: LoopingCall | None = None
        self.shown = 0  # characters of the live line now on the terminal

    @classmethod
    def from_crawler(cls, crawler: Any) -> Progress:
        settings = project_settings(crawler.settings)
        interval = settings.getfloat("NEWSARCHIVE_PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        refresh = settings.getfloat("NEWSARCHIVE_PROGRESS_REFRESH")
        live = refresh > 0 and sys.stderr.isatty()
        progress = cls(crawler.stats, refresh if live else interval, live=live)
        crawler.signals.connect(progress.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(progress.spider_closed, signal=signals.spider_closed)
        return progress

    def spider_opened(self, spider: Any) -> None:
        self.started = time.monotonic()
        if self.live:
            # A log record written after the live line would start in its middle: erase the line first
            # (the next refresh draws it again under the record).
            for handler in self._stderr_handlers():
                handler.addFilter(self._erase_before_log)
        self.task = LoopingCall(self.print_line)
        # Not at once: short crawls finish before the first line and print none.
        self.task.start(self.interval, now=False)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        if self.live:
            self.erase()
            for handler in self._stderr_handlers():
                handler.removeFilter(self._erase_before_log)

    def line(self) -> str:
        numbers = counts(self.stats)
        pending = int(self.stats.get_value(PENDING, 0) or 0)
        elapsed = max(time.monotonic() - self.started, 1e-9)
        stored = numbers["articles_new"] + numbers["articles_updated"]
        minutes, seconds = divmod(int(elapsed), 60)
        return (
            f"[newsarchive {minutes}:{seconds:02d}] {numbers['pages_fetched']} pages "
            f"({numbers['pages_fetched'] / elapsed:.1f}/s), {stored} articles stored "
            f"({numbers['articles_new']} new, {numbers['articles_updated']} updated, "
            f"{numbers['articles_unchanged']} unchanged), {pending} pending, {numbers['errors']} errors"
        )

    def print_line(self) -> None:
        line = self.line()
        if not self.live:
            print(line, file=self.stream, flush=True)
            return
        # A line wider than the terminal would wrap, and \r goes back to the start of its last row only.
        line = line[: max(20, self._columns() - 1)]
        self.stream.write("\r" + line + " " * max(0, self.shown - len(line)))
        self.stream.flush()
        self.shown = len(line)

    def erase(self) -> None:
        """Blank the live line and put the cursor at its start (no escape sequences: any terminal does this)."""
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
            self.shown = 0

    def _erase_before_log(self, record: logging.LogRecord) -> bool:
        self.erase()
        return True

    def _stderr_handlers(self) -> list[logging.Handler]:
        return [h for h in logging.getLogger().handlers if getattr(h, "stream", None) is self.stream]

    def _columns(self) -> int:
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            columns = 0
        return columns or 80  # 0: a terminal that does not say its size
