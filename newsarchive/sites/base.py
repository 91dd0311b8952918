"""The Site profile: how to discover one publisher's articles and the rules to extract them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from newsarchive.extract.rules import Rules


@dataclass(frozen=True)
class Site:
    """A publisher the project supports. One instance per file in `newsarchive/sites/`.

    Discovery paths (`feeds`, `sitemaps`, `listings`) are relative to `base_url`, so that the same
    profile crawls the live site or a local mirror given with `--base-url`. `article_patterns` and
    `listing_patterns` are regexes matched against a URL's path (and query, if any).
    """

    name: str  # spider name, e.g. "newsweekjapan"
    title: str  # human name, e.g. "Newsweek Japan"
    base_url: str  # e.g. "https://www.newsweekjapan.jp"
    feeds: tuple[str, ...] = ()  # RSS/Atom feeds
    sitemaps: tuple[str, ...] = ()  # sitemap or sitemap index URLs
    listings: tuple[str, ...] = ()  # section/listing pages whose links lead to articles
    article_patterns: tuple[str, ...] = ()  # paths that are articles
    listing_patterns: tuple[str, ...] = ()  # paths worth following to find more articles
    ignore_patterns: tuple[str, ...] = ()  # paths never to fetch (search, login, tag clouds)
    rules: Rules = field(default_factory=Rules)

    def root(self, base_url: str | None = None) -> str:
        """The base URL to crawl: the override when given, else the live site's."""
        return (base_url or self.base_url).rstrip("/") + "/"

    def start_urls(self, base_url: str | None = None) -> list[str]:
        """Feeds, sitemaps and listings, made absolute against the (possibly overridden) base URL."""
        root = self.root(base_url)
        return [urljoin(root, p.lstrip("/")) for p in (*self.feeds, *self.sitemaps, *self.listings)]

    def _path(self, url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def is_article(self, url: str) -> bool:
        path = self._path(url)
        if any(re.search(p, path) for p in self.ignore_patterns):
            return False
        return any(re.search(p, path) for p in self.article_patterns)

    def is_listing(self, url: str) -> bool:
        path = self._path(url)
        if any(re.search(p, path) for p in self.ignore_patterns):
            return False
        return any(re.search(p, path) for p in self.listing_patterns)
