"""The generic spider: any news site from a home page, feed or sitemap URL, with URL heuristics and no rules."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from newsarchive.crawler.projectsettings import project_settings
from newsarchive.crawler.spiders.articleurls import looks_like_article, url_shape
from newsarchive.crawler.spiders.base import NewsSpider
from newsarchive.crawler.spiders.discovery import Entry

__all__ = ["GenericSpider", "looks_like_article"]


class GenericSpider(NewsSpider):
    """`-a url=https://example.com/` (a home page, an RSS/Atom feed or a sitemap): the site's articles."""

    name = "generic"
    # Without a profile, what a page's menus and footer link to (services, shops, section fronts, and the
    # site's newest stories, which its home page lists anyway) is not read as related reading.
    skips_furniture = True

    def __init__(self, url: str | None = None, **kwargs: Any):
        parts = urlsplit(url or "")
        if url is None or parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"the generic spider needs a start URL like https://example.com/, not {url!r}")
        super().__init__(url=url, **kwargs)
        self.url = url
        self.home = url
        self.allowed_domains = [parts.hostname]
        self.site_name = parts.hostname.removeprefix("www.")
        self.rules = None

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> GenericSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        # A site named in the config file is filed under that name rather than its host.
        spider.site_name = project_settings(crawler.settings).get("NEWSARCHIVE_SITE_NAME") or spider.site_name
        return spider

    def discovery_urls(self) -> list[str]:
        return [self.url]

    def is_article(self, url: str) -> bool:
        return looks_like_article(url)

    def follows_from_article(self, url: str, article_url: str) -> bool:
        # Without a profile, a link out of an article is taken for one only when it is shaped like the
        # article it sits on (extension, dated or not): a site names its articles alike, while what else
        # an article page links to (shops, sections, partner pages, services) is named otherwise.
        return looks_like_article(url) and url_shape(url) == url_shape(article_url)

    def wants_entry(self, entry: Entry, source: str) -> bool:
        if not self.same_site(entry.url):
            return False
        # A feed lists articles, and so does a news sitemap (it dates each entry); a plain sitemap lists
        # every page of the site, so its entries must look like articles.
        return source == "feed" or entry.published is not None or looks_like_article(entry.url)
