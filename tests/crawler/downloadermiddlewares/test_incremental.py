"""Tests for newsarchive.crawler.downloadermiddlewares.incremental.

Which requests for archived URLs go out, and with which validators.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from scrapy import Spider
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler

from newsarchive.crawler.downloadermiddlewares.incremental import IncrementalMiddleware, NotDue
from newsarchive.crawler.spiders.base import ARTICLE
from newsarchive.store.crawlstate import KnownUrl

NOW = datetime.now(UTC)
URL = "https://www.newsweekjapan.jp/headlines/world/2025/01/530000.php"


def middleware(tmp_path, **settings) -> IncrementalMiddleware:
    crawler = get_crawler(
        Spider,
        {
            "ITEM_PIPELINES": {"newsarchive.crawler.pipelines.StorePipeline": 400},
            "NEWSARCHIVE_DB": str(tmp_path / "archive.db"),
            **settings,
        },
    )
    return IncrementalMiddleware.from_crawler(crawler)


def known(published_ago: timedelta, fetched_ago: timedelta) -> KnownUrl:
    return KnownUrl(URL, 1, URL, NOW - published_ago, NOW - fetched_ago, '"abc"', "Sat, 18 Jan 2025 00:00:00 GMT")


def test_an_archived_url_not_due_is_not_fetched(tmp_path):
    mw = middleware(tmp_path)
    mw.known = {URL: known(timedelta(hours=3), timedelta(minutes=10))}
    with pytest.raises(NotDue):
        mw.process_request(Request(URL, meta={ARTICLE: True}))


def test_a_due_recheck_is_conditional(tmp_path):
    mw = middleware(tmp_path)
    mw.known = {URL: known(timedelta(hours=3), timedelta(hours=2, minutes=30))}  # the 1 h check fell between
    request = Request(URL, meta={ARTICLE: True})
    assert mw.process_request(request) is None
    assert request.headers[b"If-None-Match"] == b'"abc"'
    assert request.headers[b"If-Modified-Since"] == b"Sat, 18 Jan 2025 00:00:00 GMT"


def test_force_fetches_archived_urls_unconditionally_and_new_urls_always_go(tmp_path):
    mw = middleware(tmp_path, NEWSARCHIVE_FORCE=True)
    mw.known = {URL: known(timedelta(hours=3), timedelta(minutes=10))}
    request = Request(URL, meta={ARTICLE: True})
    assert mw.process_request(request) is None and b"If-None-Match" not in request.headers
    fresh = Request(URL.replace("530000", "530001"), meta={ARTICLE: True})
    assert middleware(tmp_path).process_request(fresh) is None


def test_a_304_is_counted_and_ends_the_request(tmp_path):
    mw = middleware(tmp_path)
    request = Request(URL, meta={ARTICLE: True})
    with pytest.raises(NotDue, match="not modified"):
        mw.process_response(request, Response(URL, status=304, headers={"ETag": '"abc"'}))
    assert mw.stats.get_value("newsarchive/not_modified") == 1
    assert mw.fetches[0]["etag"] == '"abc"' and mw.fetches[0]["not_modified"] == 1


def test_without_the_store_pipeline_there_is_no_frontier():
    with pytest.raises(NotConfigured):
        IncrementalMiddleware.from_crawler(get_crawler(Spider, {"ITEM_PIPELINES": {}}))
    with pytest.raises(NotConfigured):
        IncrementalMiddleware.from_crawler(
            get_crawler(
                Spider,
                {
                    "NEWSARCHIVE_INCREMENTAL": False,
                    "ITEM_PIPELINES": {"newsarchive.crawler.pipelines.StorePipeline": 400},
                },
            )
        )


def test_due_articles_are_rechecked_through_the_spider_and_handed_to_the_engine(tmp_path):
    from newsarchive.crawler.crawlrun import CrawlRun
    from newsarchive.crawler.schedule import DEFAULT_RECHECK, parse_ages

    class Archive:
        def known_urls(self, site):
            return [KnownUrl(URL, 1, URL, NOW - timedelta(hours=3), NOW - timedelta(hours=2, minutes=30), None, None)]

    class Site:
        name = site_name = "newsweekjapan"

        def recheck_request(self, urls, published, meta=None):
            asked.append((urls, published, meta))
            return Request(urls[0], meta=meta)

    run = CrawlRun(str(tmp_path / "archive.db"), record_run=True, batch_size=50, similarity=None, clusters=True)
    run._archive = Archive()
    asked, scheduled = [], []
    stats = get_crawler(Spider).stats
    mw = IncrementalMiddleware(run, stats, force=False, ages=parse_ages(DEFAULT_RECHECK), schedule=scheduled.append)
    mw.spider_opened(Site())
    assert [urls for urls, _, _ in asked] == [[URL, URL]]
    assert [request.url for request in scheduled] == [URL]
    assert stats.get_value("newsarchive/rechecks_due") == 1
