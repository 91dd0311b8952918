"""Tests for newsarchive.crawler.spidermiddlewares.depth: DEPTH_LIMIT records what it drops, spares later pages."""

from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler

from newsarchive.crawler.problems import page_problem
from newsarchive.crawler.spidermiddlewares.depth import DepthMiddleware
from newsarchive.crawler.spiders.multipage import LATER_PAGE


def middleware(limit: int) -> tuple[DepthMiddleware, list[dict]]:
    crawler = get_crawler(settings_dict={"DEPTH_LIMIT": limit})
    recorded: list[dict] = []
    crawler.signals.connect(lambda **kw: recorded.append(kw), signal=page_problem, weak=False)
    return DepthMiddleware.from_crawler(crawler), recorded


def at_depth(depth: int) -> Response:
    return Response("http://a.test/page", request=Request("http://a.test/page", meta={"depth": depth}))


def test_a_request_past_the_limit_is_dropped_and_recorded_with_its_url():
    made, recorded = middleware(2)
    assert made.get_processed_request(Request("http://a.test/deep"), at_depth(2)) is None
    assert [(r["url"], r["kind"], r["reason"]) for r in recorded] == [
        ("http://a.test/deep", "dropped", "deeper than DEPTH_LIMIT (2): not followed")
    ]


def test_a_request_within_the_limit_goes_on_one_deeper():
    made, recorded = middleware(2)
    request = made.get_processed_request(Request("http://a.test/next"), at_depth(1))
    assert request is not None and request.meta["depth"] == 2 and recorded == []


def test_an_articles_later_page_keeps_its_articles_depth_past_the_limit():
    made, recorded = middleware(2)
    request = made.get_processed_request(Request("http://a.test/story_9", meta={LATER_PAGE: True}), at_depth(8))
    assert request is not None and request.meta["depth"] == 8 and recorded == []
