"""How a spider joins an article's later pages onto its first: page 1 is kept whatever a later page does."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import scrapy

from newsarchive.crawler.problems import report, traceback_summary
from newsarchive.extract import merge_pages
from newsarchive.items import Article
from newsarchive.text.urls import without_session

LATER_PAGE = "newsarchive_later_page"  # request meta: page 2..n of an article (spidermiddlewares/depth.py)


class MultiPageArticles:
    """NewsSpider's methods for articles split over pages (mixed into NewsSpider, which provides the rest)."""

    crawler: Any
    max_pages: int
    same_site: Callable[[str], bool]
    extract: Callable[[scrapy.http.Response], Awaitable[Article | None]]
    on_error: Callable[[Any], None]

    def next_page_or_done(self, article: Article) -> Any:
        """A request for the article's next page, or the finished article when there is none to fetch."""
        nxt = without_session(article.next_page) if article.next_page else None
        seen = set(article.pages) | {article.url}
        if nxt and nxt not in seen and len(article.pages) < self.max_pages and self.same_site(nxt):
            # dont_filter: page 2 may also have been reached by another path, and page 1 must not be lost.
            # Higher priority finishes started articles first, so they reach the archive sooner.
            return scrapy.Request(
                nxt,
                callback=self.parse_next_page,
                errback=self.on_next_page_error,
                cb_kwargs={"article": article},
                dont_filter=True,
                priority=10,
                meta={LATER_PAGE: True},
            )
        return self.done(article)

    def done(self, article: Article) -> Article:
        """The article as the pipelines get it: no page left to fetch, and when it was fetched."""
        article.next_page = None
        if article.fetched_at is None:
            article.fetched_at = datetime.now(UTC)
        return article

    async def parse_next_page(self, response: scrapy.http.Response, article: Article) -> Any:
        """A later page: merged onto the pages so far, or the article as it is when this page has none."""
        try:
            page = await self.extract(response)
        except Exception as exc:  # page 1 is already in hand: keep it whatever page 2 does
            report(self.crawler, response.url, traceback_summary(exc))
            page = None
        if page is None:
            yield self.done(article)
            return
        merged = merge_pages(article, page)
        merged.captures = [*article.captures, *page.captures]  # every page's WARC record, page 1 first
        yield self.next_page_or_done(merged)

    def on_next_page_error(self, failure: Any) -> Any:
        """A later page that failed is reported like any page; the pages already in hand are still saved."""
        self.on_error(failure)
        yield self.done(failure.request.cb_kwargs["article"])
