"""A progress line for long crawls: pages, articles stored, errors and rate on stderr at an interval."""

from __future__ import annotations

import sys
import time
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall

from newsarchive.crawler.extensions.runrecorder import counts
from newsarchive.crawler.projectsettings import project_settings


class Progress:
    """Every NEWSARCHIVE_PROGRESS_INTERVAL seconds, one line on stderr: pages, articles stored, errors, rate."""

    def __init__(self, stats: Any, interval: float) -> None:
        self.stats = stats
        self.interval = interval
        self.started = time.monotonic()
        self.task: LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> Progress:
        interval = project_settings(crawler.settings).getfloat("NEWSARCHIVE_PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        progress = cls(crawler.stats, interval)
        crawler.signals.connect(progress.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(progress.spider_closed, signal=signals.spider_closed)
        return progress

    def spider_opened(self, spider: Any) -> None:
        self.started = time.monotonic()
        self.task = LoopingCall(self.print_line)
        # Not at once: short crawls finish before the first line and print none.
        self.task.start(self.interval, now=False)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()

    def line(self) -> str:
        numbers = counts(self.stats)
        elapsed = max(time.monotonic() - self.started, 1e-9)
        stored = numbers["articles_new"] + numbers["articles_updated"]
        minutes, seconds = divmod(int(elapsed), 60)
        return (
            f"[newsarchive {minutes}:{seconds:02d}] {numbers['pages_fetched']} pages "
            f"({numbers['pages_fetched'] / elapsed:.1f}/s), {stored} articles stored "
            f"({numbers['articles_new']} new, {numbers['articles_updated']} updated, "
            f"{numbers['articles_unchanged']} unchanged), {numbers['errors']} errors"
        )

    def print_line(self) -> None:
        print(self.line(), file=sys.stderr, flush=True)
