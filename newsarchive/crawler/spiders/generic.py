"""The generic spider: any news site from a home page, feed or sitemap URL, with URL heuristics and no rules."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from newsarchive.crawler.projectsettings import project_settings
from newsarchive.crawler.spiders.base import NewsSpider
from newsarchive.crawler.spiders.discovery import Entry

# Path segments of pages that list or describe articles rather than being one.
_NOT_ARTICLE_SEGMENTS = {
    "tag",
    "tags",
    "topic",
    "topics",
    "author",
    "authors",
    "writer",
    "writers",
    "category",
    "categories",
    "section",
    "search",
    "page",
    "login",
    "signin",
    "signup",
    "register",
    "account",
    "subscribe",
    "newsletter",
    "newsletters",
    "feed",
    "rss",
    "about",
    "contact",
    "privacy",
    "terms",
    "help",
    "cart",
}
_NOT_ARTICLE_EXT = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|pdf|zip|gz|mp[34]|m4a|mov|avi|css|js|json|xml|rss|atom|txt)$", re.I
)
# /2025/01/, /2025-01-18 or 20250118 somewhere in the path.
_DATE = re.compile(
    r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])(?:/|$)|/(?:19|20)\d\d-\d\d-\d\d"
    r"|(?:19|20)\d\d(?:0[1-9]|1[0-2])\d\d"
)
_LONG_ID = re.compile(r"\d{5,}")
_WORD_SPLIT = re.compile(r"[-_]+")


def looks_like_article(url: str) -> bool:
    """Whether a URL's path looks like one article's: a date, a long numeric id or a long slug.

    Tag, author, category, search and paging pages are never articles, nor are images or feeds.
    """
    parts = urlsplit(url)
    path = unquote(parts.path)
    if _NOT_ARTICLE_EXT.search(path):
        return False
    segments = [s for s in path.split("/") if s]
    if not segments:
        return False
    if any(s.lower() in _NOT_ARTICLE_SEGMENTS for s in segments):
        return False
    last = re.sub(r"\.(?:s?html?|php|aspx?|jsp)$", "", segments[-1], flags=re.I)
    # A date with a name after it; a bare /2025/01/ or /2025/01/18/ is that period's archive page.
    if _DATE.search(path) and not re.fullmatch(r"\d{1,4}|index", last, flags=re.I):
        return True
    if _LONG_ID.search(last) or (len(segments) > 1 and _LONG_ID.fullmatch(segments[-2])):
        return True
    words = [w for w in _WORD_SPLIT.split(last) if w]
    return len(words) >= 4 and len(last) >= 20


class GenericSpider(NewsSpider):
    """`-a url=https://example.com/` (a home page, an RSS/Atom feed or a sitemap): the site's articles."""

    name = "generic"

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

    def wants_entry(self, entry: Entry, source: str) -> bool:
        if not self.same_site(entry.url):
            return False
        # A feed lists articles, and so does a news sitemap (it dates each entry); a plain sitemap lists
        # every page of the site, so its entries must look like articles.
        return source == "feed" or entry.published is not None or looks_like_article(entry.url)
