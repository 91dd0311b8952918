"""Tests for newsarchive.crawler.spiders.links: no string as a link costs a page its article or a feed its entries."""

from __future__ import annotations

import asyncio
import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scrapy import Request
from scrapy.http import HtmlResponse, TextResponse
from scrapy.utils.test import get_crawler

from newsarchive.crawler.spiders.generic import GenericSpider
from newsarchive.items import Article
from newsarchive.text.urls import url_problem

HOME = "http://127.0.0.1:8000/"
PAGE = HOME + "news/2025/01/harbour-story.html"
GOOD = HOME + "news/2025/01/another-harbour-story.html"
WORDS = "The council voted on Tuesday to extend the harbour after a year of hearings. " * 4

# Hrefs that broke crawls, and the forms nearby: bad ports, bad IPv6 literals, what only w3lib rejects.
NASTY = st.sampled_from(
    [
        "http://www.example.com:8o8o/about",
        "http://127.0.0.1:8o8o/news/2025/01/a-b-c-d.html",
        "http://[oops/",
        "//[oops/",
        "http://127.0.0.1:99999/news/2025/01/a-b-c-d.html",
        "http://127.0.0.1:8000\\:x@y/news/2025/01/a-b-c-d.html",
        "http://127.0.0.1:8000/news/2025/01/" + "a-b-" * 1000,
        "http:",
        "http://",
        "/news/2025/01/%zz-story-of-the-day",
        "\x00",
    ]
)
LINKS = st.one_of(NASTY, st.text(), st.builds(lambda a, b: f"http://{a}:{b}/x", st.text(), st.text()))


def spider() -> GenericSpider:
    crawler = get_crawler(GenericSpider, {"NEWSARCHIVE_EXTRACT_WORKERS": 0, "URLLENGTH_LIMIT": 2083})
    made = GenericSpider.from_crawler(crawler, url=HOME)
    crawler.spider = made
    return made


def outputs(generator) -> list:
    async def collect() -> list:
        return [item async for item in generator]

    return asyncio.run(collect())


def article_page(href: str) -> HtmlResponse:
    body = (
        f"<html><head><title>Harbour story</title></head><body><nav>"
        f'<a href="{html.escape(href)}">odd</a><a href="{GOOD}">good</a></nav>'
        f"<article><h1>Harbour story</h1><p>{WORDS}</p><p>{WORDS}</p></article></body></html>"
    )
    headers = {"Content-Type": "text/html; charset=utf-8"}
    return HtmlResponse(PAGE, body=body.encode(), headers=headers, request=Request(PAGE))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINKS)
def test_no_string_as_a_link_costs_the_page_its_article_or_its_other_links(href):
    found = outputs(spider().parse_article(article_page(href)))
    assert [a.headline for a in found if isinstance(a, Article)] == ["Harbour story"]
    requests = [r for r in found if isinstance(r, Request)]
    assert GOOD in [r.url for r in requests]
    assert all(url_problem(r.url) is None for r in requests)


@settings(max_examples=150, deadline=None)
@given(LINKS)
def test_no_string_as_a_feed_entry_costs_the_feed_its_other_entries(link):
    items = "".join(f"<item><link>{html.escape(u)}</link></item>" for u in (link, GOOD))
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()
    headers = {"Content-Type": "application/rss+xml"}
    response = TextResponse(HOME + "feed.xml", body=feed, headers=headers, request=Request(HOME + "feed.xml"))
    requests = outputs(spider().parse_discovery(response))
    assert GOOD in [r.url for r in requests]
    assert all(url_problem(r.url) is None for r in requests)


def test_a_bad_link_is_counted_and_recorded_once_per_page():
    made = spider()
    recorded = []
    from newsarchive.crawler.problems import page_problem

    made.crawler.signals.connect(lambda **kw: recorded.append(kw), signal=page_problem, weak=False)
    page = article_page("http://[oops/").replace(
        body=article_page("http://[oops/").body.replace(b"<nav>", b'<nav><a href="http://x.test:8o8o/">b</a>')
    )
    outputs(made.parse_article(page))
    assert made.crawler.stats.get_value("newsarchive/bad_links") == 2
    [row] = recorded
    assert (row["url"], row["kind"]) == (PAGE, "dropped")
    assert row["reason"].startswith("bad link: 2 skipped on this page, e.g. 'http://x.test:8o8o/' (Port could not")
