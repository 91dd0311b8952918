"""Tests for newsarchive.crawler.spiders.generic: which URLs of an unknown site are taken for articles."""

import pytest

from newsarchive.crawler.spiders.generic import GenericSpider, looks_like_article


@pytest.mark.parametrize(
    "url",
    [
        "https://www.newsweekjapan.jp/headlines/world/2025/01/483520.php",  # date and numeric id
        "https://www.newsweekjapan.jp/reizei/2024/01/no-thank-you.php",  # date and slug
        "https://example.com/2025/01/18/short.html",
        "https://example.com/news/2025-01-18-treaty",
        "https://example.com/world/article/123456789",  # long numeric id
        "https://example.com/politics/russia-and-iran-sign-a-twenty-year-treaty",  # long slug
    ],
)
def test_article_urls_are_recognised(url):
    assert looks_like_article(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/",
        "https://example.com/world/",
        "https://example.com/2025/01/",  # a month's archive page
        "https://example.com/2025/01/18/",
        "https://example.com/tag/russia-and-iran-sign-a-twenty-year-treaty",
        "https://example.com/author/vladimir-soldatkin-and-andrew-osborn",
        "https://example.com/category/world/2025/01/news",
        "https://example.com/search?q=2025/01/treaty",
        "https://example.com/news/page/123456",
        "https://example.com/images/2025/01/483520.jpg",
        "https://example.com/feeds/2025/01/all-the-news-today.xml",
        "https://example.com/about-us",
    ],
)
def test_listing_tag_author_search_and_asset_urls_are_not_articles(url):
    assert not looks_like_article(url)


def test_generic_spider_needs_an_http_url():
    with pytest.raises(ValueError, match="start URL"):
        GenericSpider()
    with pytest.raises(ValueError, match="start URL"):
        GenericSpider(url="ftp://example.com/feed.xml")


def test_generic_spider_stays_on_the_start_host_with_or_without_www():
    spider = GenericSpider(url="https://www.example.com/feed.xml")
    assert spider.site_name == "example.com"
    assert spider.same_site("https://example.com/2025/01/18/story.html")
    assert not spider.same_site("https://cdn.example.net/2025/01/18/story.html")
    assert spider.args == {"url": "https://www.example.com/feed.xml"}


def test_generic_spider_follows_its_own_port_only_and_survives_malformed_links():
    spider = GenericSpider(url="http://127.0.0.1:8001/")
    assert spider.same_site("http://127.0.0.1:8001/2025/01/18/story.html")
    assert not spider.same_site("http://127.0.0.1:8002/2025/01/18/story.html")
    for bad in ("http://127.0.0.1:8o8o/a", "http://[oops/a", "http://127.0.0.1:99999/a"):
        assert not spider.same_site(bad), bad
