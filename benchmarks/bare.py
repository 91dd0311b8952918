"""The benchmark's reference spider: fetches what the site spider fetches, parses links, keeps nothing."""

from __future__ import annotations

from typing import Any
from urllib.parse import urldefrag, urlsplit

import scrapy

from newsarchive.crawler.spiders.discovery import parse_feed, parse_sitemap, sniff
from newsarchive.sites import get_site


class BareSpider(scrapy.Spider):
    """Starts where the newsweekjapan spider starts and follows the links it follows (article links of every
    page, listing links of listings; parsed with parsel), asking for each URL once as it does, so that both
    crawls make the same requests and the difference between them is the pipeline's cost.
    """

    name = "bare"
    each_once = True

    def __init__(self, base_url: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.site = get_site("newsweekjapan")
        self.base_url = base_url
        self.host = urlsplit(base_url).netloc
        self.requested: set[str] = set()

    async def start(self) -> Any:
        for url in self.site.start_urls(self.base_url):
            yield scrapy.Request(url)

    def parse(self, response: scrapy.http.Response, **kwargs: Any) -> Any:
        kind = sniff(response.body, response.headers.get(b"Content-Type"))
        if kind in ("feed", "sitemap"):
            reader = parse_feed if kind == "feed" else parse_sitemap
            urls = [entry.url for entry in reader(response.body, response.url)]
        else:
            urls = [urldefrag(response.urljoin(href))[0] for href in response.css("a::attr(href)").getall()]
        # Like the site spider: listings are followed from listings, articles from every page.
        from_listing = not self.site.is_article(response.url)
        for url in urls:
            if self.each_once and url in self.requested:
                continue
            if urlsplit(url).netloc == self.host and (
                self.site.is_article(url) or (from_listing and self.site.is_listing(url))
            ):
                self.requested.add(url)
                yield scrapy.Request(url)


class TypicalBareSpider(BareSpider):
    """The same, leaving repeated links to Scrapy's duplicate filter, as most spiders do: it builds and
    filters a request for every article link of every page. Shown to relate this benchmark's figures to
    ones measured against such a spider."""

    name = "bare-typical"
    each_once = False
