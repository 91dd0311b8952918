"""Log lines for scraped, dropped and failed articles that name the URL instead of dumping the whole article."""

from __future__ import annotations

import logging
from typing import Any, cast

from scrapy.logformatter import LogFormatter, LogFormatterResult


def _url(item: Any) -> str:
    return getattr(item, "url", None) or str(item)[:200]


class ArticleLogFormatter(LogFormatter):
    """Scrapy's formatter prints an item's repr, which for an article is its whole body."""

    def scraped(self, item: Any, response: Any, spider: Any) -> LogFormatterResult:
        result = super().scraped(item, response, spider)
        cast("dict[str, Any]", result["args"])["item"] = _url(item)  # scraped() always gives its args as a dict
        return result

    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        result["msg"] = "Dropped: %(exception)s"
        return result

    def item_error(self, item: Any, exception: BaseException, response: Any, spider: Any) -> LogFormatterResult:
        return {"level": logging.ERROR, "msg": "Error processing %(item)s", "args": {"item": _url(item)}}
