"""How a spider reads feeds and sitemaps: their entries followed a chunk at a time, within the run's caps."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import TextResponse

from newsarchive.crawler.fingerprints import own_first
from newsarchive.crawler.problems import report
from newsarchive.crawler.spiders.discovery import Entry, EntryReader, iter_hrefs, media_type, sniff
from newsarchive.crawler.spiders.gzipped import inflated_head
from newsarchive.crawler.spiders.limits import DiscoveryLimits, SitemapBudget


class FeedsAndSitemaps:
    """NewsSpider's methods for discovery documents (mixed into NewsSpider, which provides the rest)."""

    crawler: Any
    limits: DiscoveryLimits
    sitemaps: SitemapBudget
    # Article entries waiting for room in the scheduler, as (URL, hints): a queued Request costs about 3 KB,
    # so a sitemap of 50,000 articles scheduled at once would cost 150 MB; these cost a twentieth of that.
    backlog: deque[tuple[str, dict | None]]
    requested: set[str]
    same_site: Callable[[str], bool]
    wants_entry: Callable[[Entry, str], bool]
    follow_article: Callable[..., Iterator[scrapy.Request]]
    parse_html_page: Callable[..., Any]
    on_error: Callable[[Any], None]

    def setup_discovery(self, crawler: Any, settings: Any) -> None:
        """The caps, from the crawler's project settings (called by from_crawler)."""
        self.limits = DiscoveryLimits.from_settings(settings)
        self.sitemaps = SitemapBudget(self.limits.sitemap_depth, self.limits.max_sitemaps)
        self.backlog = deque()
        crawler.signals.connect(self.release_backlog, signal=signals.spider_idle)

    def has_room(self) -> bool:
        """Whether the scheduler holds fewer requests than NEWSARCHIVE_QUEUED_ENTRIES."""
        try:
            return len(self.crawler.engine.scheduler) < self.limits.queued_entries
        except (AttributeError, RuntimeError, TypeError):  # no engine yet (outside a crawl), or it does not say
            return True

    def release_backlog(self, spider: Any = None) -> None:
        """When the crawl runs out of requests: up to NEWSARCHIVE_QUEUED_ENTRIES more articles from the backlog."""
        if spider is not self or not self.backlog:
            return
        released = 0
        while self.backlog and released < self.limits.queued_entries:
            url, hints = self.backlog.popleft()
            for request in self.follow_article(url, hints=hints):
                self.crawler.engine.crawl(request)
                released += 1
        if released:
            raise DontCloseSpider

    def report_discovery_cuts(self) -> None:
        """One problem row per cap that cut nested sitemaps this run (called when the spider closes)."""
        sitemaps = getattr(self, "sitemaps", None)
        for url, why in sitemaps.cut_rows() if sitemaps else ():
            report(self.crawler, url, why)

    async def parse_discovery(
        self, response: scrapy.http.Response, listing_depth: int = 0, sitemap_depth: int = 0
    ) -> Any:
        """A start URL or a sitemap: feed, sitemap (index) or HTML page, told apart by content."""
        ctype = response.headers.get(b"Content-Type")
        kind = sniff(inflated_head(response.body), ctype)
        if kind == "html":
            async for output in self.parse_html_page(response, listing_depth):
                yield output
            return
        if kind not in ("feed", "sitemap"):
            report(self.crawler, response.url, f"not a feed, sitemap or web page: {media_type(ctype) or 'binary'}")
            return
        # Read as they are followed: a feed or sitemap is never held whole, inflated or as a tree.
        limits = self.limits
        entries = EntryReader(
            response.body,
            response.url,
            kind,
            max_entries=limits.feed_entries if kind == "feed" else limits.sitemap_entries,
            max_bytes=limits.inflated_bytes,
        )
        self.crawler.stats.inc_value(f"newsarchive/{kind}s_read")
        for request in self.follow_entries(entries, kind, sitemap_depth):
            yield request
        if entries.cut:
            setting = {"bytes": " (NEWSARCHIVE_INFLATED_BYTES)", "entries": f" (NEWSARCHIVE_{kind.upper()}_ENTRIES)"}
            why = f"{kind} cut: {entries.cut}{setting.get(entries.over or '', '')}, the rest not read"
            report(self.crawler, response.url, why)

    def follow_entries(self, entries: Iterable[Entry], kind: str, sitemap_depth: int = 0) -> Iterator[scrapy.Request]:
        """Requests for a feed's or sitemap's entries: the nested sitemaps on this site and the articles it wants,
        with the entry's dates as hints (they set the priority and fill in dates the page lacks).

        `sitemap_depth` is how many sitemap indexes deep the entries are; nested sitemaps past the depth or
        count limit are not requested (the run records how many, see SitemapBudget).
        """
        # Of an article's variants in one feed (its URL, `?utm_…`, AMP), its own URL is asked for: one fetch.
        for entry in own_first(entries, url=lambda entry: entry.url):
            if entry.is_sitemap:
                if self.same_site(entry.url) and self.sitemaps.allow(entry.url, sitemap_depth + 1):
                    yield scrapy.Request(
                        entry.url,
                        callback=self.parse_discovery,
                        errback=self.on_error,
                        cb_kwargs={"sitemap_depth": sitemap_depth + 1},
                    )
            elif self.wants_entry(entry, kind):
                hints = {k: v for k, v in (("published", entry.published), ("modified", entry.modified)) if v}
                if self.backlog or not self.has_room():
                    if entry.url not in self.requested:
                        self.backlog.append((entry.url, hints or None))  # in order: after those already waiting
                else:
                    yield from self.follow_article(entry.url, hints=hints)

    def page_hrefs(self, response: TextResponse) -> Iterator[str]:
        """The page's distinct hrefs, at most NEWSARCHIVE_PAGE_LINKS of them; a cut is recorded for the page."""
        limit = self.limits.page_links
        for count, href in enumerate(iter_hrefs(response.text)):
            if count == limit:
                why = (
                    f"links cut: more than {limit:,} links on the page (NEWSARCHIVE_PAGE_LINKS), the rest not followed"
                )
                report(self.crawler, response.url, why)
                return
            yield href
