"""The run recorder: a crawl's run row, its problem rows, and its counts and status when it ends."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

from newsarchive.crawler.crawlrun import CrawlRun, crawl_run
from newsarchive.crawler.pipelines import DuplicateItem
from newsarchive.crawler.problems import page_problem, traceback_summary
from newsarchive.crawler.projectsettings import project_settings
from newsarchive.crawler.spiders.base import ARTICLE

logger = logging.getLogger(__name__)

# Ends of a crawl that the user asked for (a page, item or time limit) count as a finished run.
_FINISHED = {
    "finished",
    "closespider_timeout",
    "closespider_itemcount",
    "closespider_pagecount",
    "closespider_timeout_no_item",
}
_INTERRUPTED = {"shutdown"}  # Ctrl-C or SIGTERM
# Article pages fetched (and answered 2xx) that never gave an article in the site's earlier runs.
NEVER_ARTICLES = "newsarchive/article_pages_never_articles"


def counts(stats: Any) -> dict[str, int]:
    """The run's counts from the crawler's stats."""
    value = lambda key: int(stats.get_value(key, 0) or 0)  # noqa: E731
    return {
        "pages_fetched": value("response_received_count"),
        "articles_new": value("newsarchive/articles_new"),
        "articles_updated": value("newsarchive/articles_updated"),
        "articles_unchanged": value("newsarchive/articles_unchanged"),
        "duplicates": value("newsarchive/duplicates"),
        "dropped": value("newsarchive/dropped"),
        "errors": value("newsarchive/errors"),
        "bytes": value("downloader/response_bytes"),
        "revisions": value("newsarchive/revisions"),
        "near_duplicates": value("newsarchive/near_duplicates"),
        "not_modified": value("newsarchive/not_modified"),
        "not_due": value("newsarchive/not_due"),
        "rechecks": value("newsarchive/rechecks"),
    }


def run_status(reason: str, numbers: dict[str, int], failure: str | None = None) -> str:
    """finished | interrupted | failed, from Scrapy's close reason, what the crawl got and whether it failed
    on its own side (`failure`: articles it could not save, a worker that stayed dead)."""
    if failure:
        return "failed"
    if reason in _INTERRUPTED:
        return "interrupted"
    if reason not in _FINISHED:
        return "failed"
    # Every start URL failing (wrong base URL, site down) is a failed crawl, not an empty one.
    if numbers["pages_fetched"] == 0 and numbers["errors"] > 0:
        return "failed"
    return "finished"


def layout_warning(had_articles: bool, stats: Any, numbers: dict[str, int]) -> str | None:
    """Why a finished run of a site that used to yield articles looks like the site's layout changed, or None.

    Nothing new is normal for an incremental run (every article archived and not due); what is not is
    finding no article links at all, or fetching article pages and getting no article from any of them.
    Pages that have never given an article (only problems in the site's earlier runs: a broken page, a
    page that is not an article) are fetched again by every run; they say nothing about a change and do
    not count.
    """
    if not had_articles:
        return None
    links = int(stats.get_value("newsarchive/article_links", 0) or 0)
    pages = int(stats.get_value("newsarchive/article_pages", 0) or 0)
    pages -= int(stats.get_value(NEVER_ARTICLES, 0) or 0)
    got = sum(numbers[k] for k in ("articles_new", "articles_updated", "articles_unchanged", "duplicates"))
    if links == 0 and numbers["pages_fetched"] > 0:
        return "likely layout change: no article links found in the feeds, sitemaps or listings"
    if pages > 0 and got == 0:
        return (
            f"likely layout change: {pages} article pages fetched and none gave an article "
            f"({numbers['dropped']} dropped, {numbers['errors']} errors)"
        )
    return None


def _strip_url(message: str, url: str) -> str:
    # DropItem messages end with ": <url>" for the log; the problem row has the URL in its own column.
    return message[: -len(url) - 2] if url and message.endswith(f": {url}") else message


class RunRecorder:
    """Starts the run row when the spider opens and finishes it with its status and counts when it closes.

    Also writes every problem to the archive: URLs the spider could not fetch or extract (page_problem),
    items a pipeline dropped (item_dropped), and exceptions in callbacks (spider_error) and pipelines
    (item_error).
    """

    def __init__(self, run: CrawlRun, stats: Any) -> None:
        self.run = run
        self.stats = stats
        self.never_articles: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunRecorder:
        if not project_settings(crawler.settings).getbool("NEWSARCHIVE_RECORD_RUN"):
            raise NotConfigured
        recorder = cls(crawl_run(crawler), crawler.stats)
        connect = crawler.signals.connect
        connect(recorder.spider_opened, signal=signals.spider_opened)
        connect(recorder.spider_closed, signal=signals.spider_closed)
        connect(recorder.page_problem, signal=page_problem)
        connect(recorder.item_dropped, signal=signals.item_dropped)
        connect(recorder.item_error, signal=signals.item_error)
        connect(recorder.spider_error, signal=signals.spider_error)
        connect(recorder.response_received, signal=signals.response_received)
        return recorder

    def spider_opened(self, spider: Any) -> None:
        self.run.start(spider)
        site = getattr(spider, "site_name", "") or spider.name
        self.had_articles = self.run.archive.article_count(site) > 0
        if self.had_articles:  # only the layout alarm asks, and only of a site that had articles
            self.never_articles = self.run.archive.never_articles(site, before_run=self.run.run_id)

    def response_received(self, response: Any, request: Any, spider: Any = None) -> None:
        # 2xx only: an error answer never reaches the spider's article callback, so it is no article page
        # fetched; the first URL asked for, as problem rows name it.
        if self.never_articles and request.meta.get(ARTICLE) and 200 <= response.status < 300:
            asked = (request.meta.get("redirect_urls") or [request.url])[0]
            if asked in self.never_articles or response.url in self.never_articles:
                self.stats.inc_value(NEVER_ARTICLES)

    def page_problem(self, url: str, kind: str, reason: str) -> None:
        self.run.problem(url, kind, reason)

    def item_dropped(self, item: Any, response: Any, exception: BaseException, spider: Any = None) -> None:
        url = str(getattr(item, "url", None) or getattr(response, "url", ""))
        duplicate = isinstance(exception, DuplicateItem)
        self.stats.inc_value("newsarchive/duplicates" if duplicate else "newsarchive/dropped")
        self.run.problem(url, "dropped", _strip_url(str(exception), url))

    def item_error(self, item: Any, response: Any, failure: Any, spider: Any = None) -> None:
        url = str(getattr(item, "url", None) or getattr(response, "url", ""))
        self.stats.inc_value("newsarchive/errors")
        self.run.problem(url, "error", f"pipeline error: {traceback_summary(failure)}")

    def spider_error(self, failure: Any, response: Any, spider: Any = None) -> None:
        self.stats.inc_value("newsarchive/errors")
        self.run.problem(getattr(response, "url", ""), "error", traceback_summary(failure))

    def spider_closed(self, spider: Any, reason: str) -> None:
        numbers = counts(self.stats)
        failure = self.run.failure
        status = run_status(reason, numbers, failure)
        if failure:
            logger.error("%s: the run failed: %s", getattr(spider, "site_name", "") or spider.name, failure)
        # No layout alarm unless the run finished: articles that could not be saved are not a layout change.
        warning = (
            layout_warning(getattr(self, "had_articles", False), self.stats, numbers) if status == "finished" else None
        )
        if warning:
            logger.warning("%s: %s", getattr(spider, "site_name", "") or spider.name, warning)
        by_reason = {kind: dict(counter.most_common()) for kind, counter in self.run.tally.items()}
        self.run.finish(
            status,
            {
                **numbers,
                "close_reason": reason,
                "warning": warning,
                "failure": failure,
                "worker_restarts": int(self.stats.get_value("newsarchive/writer_restarts", 0) or 0)
                + int(self.stats.get_value("newsarchive/extraction_restarts", 0) or 0),
                # Same-site links the URL rules did not take for articles (spiders/links.py): the summary
                # says how much of the site a crawl never asked for.
                "links_not_article": int(self.stats.get_value("newsarchive/links_not_article", 0) or 0),
                "dropped_by_reason": by_reason.get("dropped", {}),
                "errors_by_kind": by_reason.get("error", {}),
            },
        )
