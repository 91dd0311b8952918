"""What every newsarchive spider does: discovery, article pages and never-fatal errors (later pages: multipage.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, Self

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import TextResponse

from newsarchive.crawler.downloadermiddlewares.captures import CAPTURE, REDIRECTS
from newsarchive.crawler.fingerprints import own_first
from newsarchive.crawler.problems import describe_exception, ignored_problem, report
from newsarchive.crawler.projectsettings import project_settings
from newsarchive.crawler.spiders.discovery import Entry, is_html_type, looks_binary, media_type
from newsarchive.crawler.spiders.feeds import FeedsAndSitemaps
from newsarchive.crawler.spiders.links import LinkBudget, SiteLinks
from newsarchive.crawler.spiders.multipage import MultiPageArticles
from newsarchive.crawler.workers.extraction import ExtractionPool
from newsarchive.extract import ExtractionError
from newsarchive.extract.rules import Rules
from newsarchive.items import Article
from newsarchive.text.urls import without_session

HINTS = "newsarchive_hints"  # request meta: dates a feed or sitemap gave for the URL
ARTICLE = "newsarchive_article"  # request meta: the request is for an article's first page

# Newer articles first: (age limit in hours, request priority) for the date a feed or sitemap gave.
_FRESHNESS = ((6, 4), (24, 3), (24 * 7, 2))


def hint_priority(hints: dict | None) -> int:
    """Request priority from a feed's or sitemap's dates: the fresher, the sooner; 0 when undated."""
    when = (hints or {}).get("modified") or (hints or {}).get("published")
    if when is None:
        return 0
    age_hours = (datetime.now(UTC) - when).total_seconds() / 3600
    return next((priority for limit, priority in _FRESHNESS if age_hours < limit), 1)


class NewsSpider(scrapy.Spider, SiteLinks, FeedsAndSitemaps, MultiPageArticles):
    """Crawls one site: reads its feeds, sitemaps and listings, then its articles.

    Subclasses say where to start (`discovery_urls`), which URLs are articles (`is_article`) or
    listings (`is_listing`), and the extraction `rules` and `site_name`.
    """

    rules: Rules | None = None
    site_name: str = ""
    # Whether links out of an article found only in its nav, header or footer are left alone (links.py).
    skips_furniture: bool = False
    home: str = ""  # the URL whose host and port are "this site"
    # Set by from_crawler from the project's settings (a spider made without a crawler has no extraction pool).
    max_hops: int
    max_listing_depth: int
    extraction: ExtractionPool | None = None

    def __init__(self, *args: Any, **kwargs: Any):
        # What the run row records as the crawl's arguments.
        self.args = {k: v for k, v in kwargs.items() if v is not None}
        super().__init__(*args, **kwargs)
        self.requested: set[str] = set()  # article URLs this spider has asked for
        self._resolved: dict[str, str | None] = {}  # origin + href -> same-site URL (None: not one)
        self._not_articles: set[str] = set()  # same-site links skipped as not articles (links.py)

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = project_settings(crawler.settings)
        spider.max_hops = settings.getint("NEWSARCHIVE_ARTICLE_HOPS")
        spider.max_listing_depth = settings.getint("NEWSARCHIVE_LISTING_DEPTH")
        spider.max_pages = settings.getint("NEWSARCHIVE_MAX_PAGES")
        spider.max_links = settings.getint("NEWSARCHIVE_LINKS_PER_PAGE")
        spider.url_length_limit = crawler.settings.getint("URLLENGTH_LIMIT")
        spider.setup_discovery(crawler, settings)
        spider.extraction = ExtractionPool.from_crawler(crawler)
        return spider

    def closed(self, reason: str) -> None:
        extraction = getattr(self, "extraction", None)
        if extraction is not None:
            extraction.close()
        self.report_discovery_cuts()

    # -- what subclasses decide ------------------------------------------------------------------

    def discovery_urls(self) -> list[str]:
        raise NotImplementedError

    def is_article(self, url: str) -> bool:
        raise NotImplementedError

    def is_listing(self, url: str) -> bool:
        return False

    def follows_from_article(self, url: str, article_url: str) -> bool:
        """Whether a link found on the article at `article_url` is followed as an article (NEWSARCHIVE_ARTICLE_HOPS)."""
        return self.is_article(url)

    def wants_entry(self, entry: Entry, source: str) -> bool:
        """Whether a feed or sitemap entry is worth fetching as an article."""
        return self.same_site(entry.url) and self.is_article(entry.url)

    # -- requests ----------------------------------------------------------------------------------

    async def start(self) -> Any:
        for request in self.start_requests():
            yield request

    def start_requests(self) -> Iterator[scrapy.Request]:
        for url in self.discovery_urls():
            yield scrapy.Request(url, callback=self.parse_discovery, errback=self.on_error)

    def follow_article(self, url: str, hops: int = 0, hints: dict | None = None) -> Iterator[scrapy.Request]:
        """A request for an article page, unless this spider asked for that URL before.

        The scheduler's duplicate filter would drop the repeat too, but only after building the request,
        passing it through every middleware and hashing it; on a site whose every page links the same
        few dozen articles, that was a tenth of the crawl's time. A session id is not asked for (links.py).
        """
        url = without_session(url)
        if url in self.requested:
            return
        self.requested.add(url)
        self.crawler.stats.inc_value("newsarchive/article_links")
        meta = {ARTICLE: True, HINTS: hints} if hints else {ARTICLE: True}
        yield scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.on_error,
            cb_kwargs={"hops": hops},
            meta=meta,
            priority=hint_priority(hints),
        )

    def recheck_request(
        self, urls: list[str], published: datetime | None, meta: dict[str, Any] | None = None
    ) -> scrapy.Request | None:
        """A request re-checking an archived article, at the first of its `urls` that is an article of this site
        (else the first of this site's); None when none is this site's or this spider asked for it already."""
        same = [url for url in urls if self.same_site(url)]
        url = next((u for u in same if self.is_article(u)), same[0] if same else None)
        if url is None or url in self.requested:
            return None
        self.requested.add(url)
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.on_error,
            meta={**(meta or {}), ARTICLE: True},
            priority=hint_priority({"published": published}),
        )

    def parse(self, response: scrapy.http.Response, **kwargs: Any) -> Any:
        return self.parse_discovery(response, **kwargs)

    # -- discovery (feeds and sitemaps: feeds.py) ---------------------------------------------------

    async def parse_html_page(self, response: scrapy.http.Response, listing_depth: int) -> Any:
        """A web page reached by discovery: an article is read as one, any other page as a listing of links."""
        if self.is_article(response.url) and not self.is_listing(response.url):
            async for output in self.parse_article(response):
                yield output
        else:
            for output in self.parse_listing(response, listing_depth):
                yield output

    def parse_listing(self, response: scrapy.http.Response, listing_depth: int = 0) -> Any:
        """A section or home page: its links to articles, and to further listings up to a depth; at most
        NEWSARCHIVE_LINKS_PER_PAGE new ones."""
        if not isinstance(response, TextResponse):
            report(self.crawler, response.url, f"not html: {media_type(response.headers.get(b'Content-Type'))}")
            return
        budget = LinkBudget(self.max_links)
        for url in own_first(url for url in self.page_links(response) if url not in self.requested):
            if self.is_article(url):
                if budget.take():
                    yield from self.follow_article(url)
            elif self.is_listing(url):
                if listing_depth < self.max_listing_depth and budget.take():
                    yield scrapy.Request(
                        url,
                        callback=self.parse_discovery,
                        errback=self.on_error,
                        cb_kwargs={"listing_depth": listing_depth + 1},
                    )
            else:
                self.not_an_article(url)
        self.link_cap_reached(response.url, budget)

    # -- articles --------------------------------------------------------------------------------

    async def extract(self, response: scrapy.http.Response) -> Article | None:
        """The page's article, or None after reporting why there is none (not HTML, no page to speak of)."""
        header = response.headers.get(b"Content-Type")
        ctype = header.decode("latin-1") if header else None
        if not is_html_type(ctype):
            report(self.crawler, response.url, f"not html: {media_type(ctype)}")
            return None
        if looks_binary(response.body):
            report(self.crawler, response.url, "not html: binary content")
            return None
        extraction = getattr(self, "extraction", None) or ExtractionPool(0)
        try:
            article = await extraction.extract(response.url, response.body, ctype, self.rules, self.site_name)
        except ExtractionError as exc:
            report(self.crawler, response.url, str(exc))
            return None
        # The page as fetched, not as it names itself (rel=canonical): the archive keeps every URL an
        # article was reached under as an alias of it (but for a session id the server redirected to).
        article.pages = [without_session(response.url)]
        # The WARC record the page was kept as, after those of the redirects that led to it
        # (downloadermiddlewares/captures.py): the store links them all.
        capture = response.meta.get(CAPTURE)
        article.captures = [*response.meta.get(REDIRECTS, ()), capture] if capture else []
        return article

    async def parse_article(self, response: scrapy.http.Response, hops: int = 0) -> Any:
        self.crawler.stats.inc_value("newsarchive/article_pages")
        article = await self.extract(response)
        if article is None:
            return
        hints = response.meta.get(HINTS) or {}
        for field in ("published", "modified"):
            if getattr(article, field) is None and hints.get(field):
                setattr(article, field, hints[field])
                article.sources[field] = "meta"
        if hops < self.max_hops:
            # Every article the page links to, sidebars included: they are not the article's related
            # reading, but they are how a crawl finds articles that feeds and listings no longer show
            # (menus and footers too, unless the spider skips its furniture).
            own = {article.url, response.url, *article.pages}
            furniture = self.furniture_links(response) if self.skips_furniture else set()
            budget = LinkBudget(self.max_links)
            for url in own_first(url for url in self.page_links(response) if url not in self.requested):
                if url in own:
                    continue
                if url in furniture or not self.follows_from_article(url, response.url):
                    self.not_an_article(url)
                elif budget.take():
                    for request in self.follow_article(url, hops=hops + 1):
                        yield request
            self.link_cap_reached(response.url, budget)
        yield self.next_page_or_done(article)

    # -- errors ----------------------------------------------------------------------------------

    def on_error(self, failure: Any) -> None:
        request = failure.request
        exc = failure.value
        # After redirects, the problem belongs to the URL the crawl asked for, not where it was sent.
        url = (request.meta.get("redirect_urls") or [request.url])[0]
        if isinstance(exc, IgnoreRequest) and getattr(exc, "response", None) is None:
            problem = ignored_problem(exc)
            if problem:
                report(self.crawler, url, problem[1], kind=problem[0])
                return
            # Offsite or a middleware's choice (an archived URL not due): not a problem with the page.
            self.crawler.stats.inc_value("newsarchive/skipped")
            self.logger.debug("skipped %s: %s", request.url, exc)
            return
        maxsize = request.meta.get("download_maxsize") or self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
        report(self.crawler, url, describe_exception(exc, request.meta.get("download_timeout"), maxsize))
