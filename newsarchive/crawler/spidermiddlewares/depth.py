"""Scrapy's DEPTH_LIMIT, with every request it drops recorded and an article's later pages not counted."""

from __future__ import annotations

from typing import Any

from scrapy.spidermiddlewares.depth import DepthMiddleware as ScrapyDepthMiddleware

from newsarchive.crawler.problems import report
from newsarchive.crawler.spiders.multipage import LATER_PAGE


class DepthMiddleware(ScrapyDepthMiddleware):
    """DEPTH_LIMIT as Scrapy applies it, but no request is dropped silently, and no article is lost to it.

    A later page of an article carries the article in hand: dropping it drops every page before it, so an
    article of twelve pages found at depth 1 was lost whole at DEPTH_LIMIT 8. Later pages keep the depth
    of their article (NEWSARCHIVE_MAX_PAGES bounds them); any other request past the limit is a "dropped"
    problem of its URL.
    """

    def get_processed_request(self, request: Any, response: Any) -> Any:
        if response is not None and request.meta.get(LATER_PAGE):
            request.meta["depth"] = response.meta.get("depth", 0)
            return request
        processed = super().get_processed_request(request, response)
        if processed is None:
            report(self.crawler, request.url, f"deeper than DEPTH_LIMIT ({self.maxdepth}): not followed", "dropped")
        return processed
