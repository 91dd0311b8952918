"""Tests for newsarchive.crawler.spiders.base: feed and sitemap dates steer what is fetched first (request priority)."""

from datetime import UTC, datetime, timedelta

from newsarchive.crawler.spiders.base import hint_priority


def test_fresher_articles_get_higher_request_priority():
    now = datetime.now(UTC)
    ages = [timedelta(hours=1), timedelta(hours=12), timedelta(days=3), timedelta(days=30)]
    priorities = [hint_priority({"published": now - age}) for age in ages]
    assert priorities == sorted(priorities, reverse=True) and len(set(priorities)) == 4
    # The modification date counts when there is one; an undated entry comes after every dated one.
    assert hint_priority({"published": now - timedelta(days=30), "modified": now}) == priorities[0]
    assert hint_priority(None) == hint_priority({}) < priorities[-1]


def test_a_recheck_asks_for_the_archived_article_once_at_a_url_of_this_site():
    from newsarchive.crawler.spiders.base import ARTICLE, NewsSpider

    class Site(NewsSpider):
        name = "example"
        home = "https://www.example.jp/"

        def is_article(self, url: str) -> bool:
            return "/news/" in url

    spider = Site()
    published = datetime.now(UTC) - timedelta(hours=2)
    urls = ["https://mirror.example.net/news/1", "https://example.jp/amp/1", "https://www.example.jp/news/1"]
    request = spider.recheck_request(urls, published, meta={"newsarchive_recheck": True})
    assert request.url == "https://www.example.jp/news/1"  # this site's article URL, not its AMP alias
    assert request.callback == spider.parse_article and request.errback == spider.on_error
    assert request.meta == {"newsarchive_recheck": True, ARTICLE: True}
    assert request.priority == hint_priority({"published": published})
    assert spider.recheck_request(urls, published) is None  # asked for already
    assert spider.recheck_request(["https://elsewhere.example.org/news/2"], published) is None
