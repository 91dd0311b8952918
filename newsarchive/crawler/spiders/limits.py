"""How much of a site's discovery a crawl reads: sitemap nesting and count, entries per document, links per page."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DiscoveryLimits:
    """The caps, each the NEWSARCHIVE_* setting named beside it (settings.py says why each default)."""

    sitemap_depth: int  # NEWSARCHIVE_SITEMAP_DEPTH: sitemap indexes nested below a start URL
    max_sitemaps: int  # NEWSARCHIVE_MAX_SITEMAPS: nested sitemaps requested per run
    sitemap_entries: int  # NEWSARCHIVE_SITEMAP_ENTRIES: entries read from one sitemap
    feed_entries: int  # NEWSARCHIVE_FEED_ENTRIES: entries read from one feed
    inflated_bytes: int  # NEWSARCHIVE_INFLATED_BYTES: bytes a gzip feed or sitemap may inflate to
    page_links: int  # NEWSARCHIVE_PAGE_LINKS: distinct links read from one page
    queued_entries: int  # NEWSARCHIVE_QUEUED_ENTRIES: feed and sitemap articles in the scheduler at once

    @classmethod
    def from_settings(cls, settings: Any) -> DiscoveryLimits:
        """The limits from a crawler's project settings (no defaults here: they live in settings.py)."""
        return cls(
            sitemap_depth=settings.getint("NEWSARCHIVE_SITEMAP_DEPTH"),
            max_sitemaps=settings.getint("NEWSARCHIVE_MAX_SITEMAPS"),
            sitemap_entries=settings.getint("NEWSARCHIVE_SITEMAP_ENTRIES"),
            feed_entries=settings.getint("NEWSARCHIVE_FEED_ENTRIES"),
            inflated_bytes=settings.getint("NEWSARCHIVE_INFLATED_BYTES"),
            page_links=settings.getint("NEWSARCHIVE_PAGE_LINKS"),
            queued_entries=settings.getint("NEWSARCHIVE_QUEUED_ENTRIES"),
        )


@dataclass
class _Cut:
    first: str  # the first sitemap not read
    count: int = 0


@dataclass
class SitemapBudget:
    """Which nested sitemaps a run reads: at most `max_depth` indexes deep and `max_sitemaps` in all.

    What is cut is summed up, one row per limit for the run, not one per sitemap: an endless index makes
    thousands of cut sitemaps that would all say the same thing, and the count says how much was lost.
    """

    max_depth: int
    max_sitemaps: int
    requested: set[str] = field(default_factory=set)
    cuts: dict[str, _Cut] = field(default_factory=dict)

    def allow(self, url: str, depth: int) -> bool:
        """Whether to request the nested sitemap `url`, `depth` indexes below a start URL (a repeat: no)."""
        if url in self.requested:
            return False
        if depth > self.max_depth:
            self._cut("depth", url)
            return False
        if len(self.requested) >= self.max_sitemaps:
            self._cut("count", url)
            return False
        self.requested.add(url)
        return True

    def _cut(self, limit: str, url: str) -> None:
        cut = self.cuts.get(limit)
        if cut is None:
            cut = self.cuts[limit] = _Cut(url)
            # Logged at once, so that a crawl that never gets to close still says it happened.
            logger.warning("sitemap %s not read: %s", url, self._why(limit))
        cut.count += 1

    def _why(self, limit: str) -> str:
        if limit == "depth":
            return f"nested more than {self.max_depth} sitemap indexes deep (NEWSARCHIVE_SITEMAP_DEPTH)"
        return f"over the limit of {self.max_sitemaps:,} sitemaps per run (NEWSARCHIVE_MAX_SITEMAPS)"

    def cut_rows(self) -> list[tuple[str, str]]:
        """(URL of the first sitemap cut, reason with the count) for each limit that cut something."""
        return [(cut.first, f"sitemaps not read: {cut.count:,} {self._why(limit)}") for limit, cut in self.cuts.items()]
