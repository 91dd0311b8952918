"""SiteSpider: a NewsSpider driven by a Site profile, and the factory making one spider class per site."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from newsarchive.crawler.projectsettings import project_settings
from newsarchive.crawler.spiders.base import NewsSpider
from newsarchive.sites.base import Site


class SiteSpider(NewsSpider):
    """Crawls the site its `site` profile describes; `-a base_url=http://127.0.0.1:8000` crawls a mirror.

    With a base URL, the start URLs are the profile's feeds, sitemaps and listings under that URL,
    and only links on its host and port are followed.
    """

    site: Site

    def __init__(self, base_url: str | None = None, **kwargs: Any):
        if base_url is not None:
            parts = urlsplit(base_url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"base_url must be an http(s) URL like http://127.0.0.1:8000, not {base_url!r}")
        super().__init__(base_url=base_url, **kwargs)
        self.base_url = base_url
        self.home = self.site.root(base_url)
        self.allowed_domains = [urlsplit(self.home).hostname]
        self.rules = self.site.rules
        self.site_name = self.site.name

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        # A config file may name other feeds or sitemaps than the profile's (NEWSARCHIVE_FEEDS/_SITEMAPS).
        settings = project_settings(crawler.settings)
        feeds = settings.getlist("NEWSARCHIVE_FEEDS")
        sitemaps = settings.getlist("NEWSARCHIVE_SITEMAPS")
        if feeds or sitemaps:
            spider.site = replace(
                spider.site, feeds=tuple(feeds) or spider.site.feeds, sitemaps=tuple(sitemaps) or spider.site.sitemaps
            )
        return spider

    def discovery_urls(self) -> list[str]:
        return self.site.start_urls(self.base_url)

    def is_article(self, url: str) -> bool:
        return self.site.is_article(url)

    def is_listing(self, url: str) -> bool:
        return self.site.is_listing(url)


def site_spider_class(site: Site, module: str) -> type[SiteSpider]:
    """A SiteSpider subclass named after the site, defined (as Scrapy's spider loader requires) in `module`."""
    class_name = "".join(part.capitalize() for part in site.name.replace("-", "_").split("_")) + "Spider"
    return type(
        class_name,
        (SiteSpider,),
        {
            "name": site.name,
            "site": site,
            "__module__": module,
            "__doc__": f"Crawls {site.title} ({site.base_url}).",
        },
    )
