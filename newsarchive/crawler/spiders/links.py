"""Which links a spider follows: well-formed, on its site, without session ids, and only so many from one page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from scrapy.http import TextResponse
from scrapy.utils.response import get_base_url

from newsarchive.crawler.problems import report
from newsarchive.crawler.spiders.furniture import furniture_hrefs
from newsarchive.text.urls import same_host, site_host, url_problem, without_session

_SHOWN = 200  # characters of a bad link quoted in a page's problem row
_KEPT = 4096  # characters of a bad link kept as a problem row's URL (a hostile one may be megabytes)
_REMEMBERED = 100_000  # links told not-an-article remembered, so that a menu on every page counts once
NOT_ARTICLE = "newsarchive/links_not_article"  # stat: distinct same-site links skipped as not an article


class LinkBudget:
    """How many more links one page may have followed (a limit of 0: any number); what it could not is counted."""

    def __init__(self, limit: int) -> None:
        self.left = limit if limit > 0 else -1
        self.over = 0

    def take(self) -> bool:
        if self.left < 0:
            return True
        if self.left > 0:
            self.left -= 1
            return True
        self.over += 1
        return False


class SiteLinks:
    """NewsSpider's link rules (mixed into NewsSpider, which provides `home`, `crawler` and the settings).

    A same-site link that is neither an article nor a listing to follow is skipped and counted once per run
    in the `newsarchive/links_not_article` stat (`not_an_article`): the crawl summary says how many pages
    of the site the URL rules never asked for.

    A link that no request can be made for (`http://[oops/`, a port of `8o8o` or over 65535, longer than
    URLLENGTH_LIMIT) is skipped, counted in the `newsarchive/bad_links` stat and recorded as a "bad link"
    problem: one row per page however many it has, so that one link never costs the page anything else.
    """

    crawler: Any
    home: str
    max_links: int  # NEWSARCHIVE_LINKS_PER_PAGE
    url_length_limit: int = 0  # Scrapy's URLLENGTH_LIMIT (0: none); set by from_crawler
    _resolved: dict[str, str | None]
    _not_articles: set[str]  # links counted by not_an_article
    page_hrefs: Any  # FeedsAndSitemaps.page_hrefs: the page's distinct hrefs, capped

    def not_an_article(self, url: str) -> None:
        """Count `url`, a link of this site the spider does not follow, once (see the class docstring)."""
        seen = self._not_articles
        if url in seen:
            return
        if len(seen) >= _REMEMBERED:  # a huge site: counts may repeat from here on, memory stays bounded
            seen.clear()
        seen.add(url)
        crawler = getattr(self, "crawler", None)
        if crawler is not None:
            crawler.stats.inc_value(NOT_ARTICLE)

    def furniture_links(self, response: Any) -> set[str]:
        """The same-site URLs the page links to only from its nav, header or footer (furniture.py)."""
        if not isinstance(response, TextResponse):
            return set()
        base = get_base_url(response)
        found = set()
        for href in furniture_hrefs(response.text):
            url, problem = self._resolve(base, href) if href else (None, None)
            if url and not problem:
                found.add(url)
        return found

    def link_problem(self, url: str) -> str | None:
        """Why no request can be made for `url`; None when one can."""
        if self.url_length_limit and len(url) > self.url_length_limit:
            return f"longer than URLLENGTH_LIMIT ({len(url)} characters, limit {self.url_length_limit})"
        return url_problem(url)

    def _check(self, url: str) -> tuple[bool, str | None]:
        # Another site's well-formed URL is no problem, merely not followed: it is not checked further.
        on_site = same_host(url, self.home)
        if not on_site and site_host(url):
            return False, None
        problem = self.link_problem(url)
        return (on_site and problem is None), problem

    def same_site(self, url: str) -> bool:
        """Whether the crawl may follow `url`: on the home's host (`www.`, mobile, AMP aside) and port, and
        requestable; a bad link is recorded as a problem of its own URL (see page_links for a page's)."""
        ok, problem = self._check(url)
        if problem:
            self.bad_links(url, [(url, problem)], on_page=False)
        return ok

    def bad_links(self, where: str, bad: list[tuple[str, str]], *, on_page: bool = True) -> None:
        """Count and record the bad links found at `where` (a page, or the link itself)."""
        crawler = getattr(self, "crawler", None)
        if crawler is None or not bad:
            return
        crawler.stats.inc_value("newsarchive/bad_links", len(bad))
        link, problem = bad[0]
        shown = link if len(link) <= _SHOWN else link[:_SHOWN] + "…"
        if on_page:
            reason = f"bad link: {len(bad)} skipped on this page, e.g. {shown!r} ({problem})"
        else:
            reason = f"bad link: {problem}"
        report(crawler, where if on_page else where[:_KEPT], reason, kind="dropped")

    def link_cap_reached(self, url: str, budget: LinkBudget) -> None:
        """Record once that the page at `url` had more new links than a page may have followed."""
        crawler = getattr(self, "crawler", None)
        if crawler is None or not budget.over:
            return
        crawler.stats.inc_value("newsarchive/links_over_cap", budget.over)
        report(
            crawler,
            url,
            f"link cap: {budget.over} more links on this page not followed "
            f"(NEWSARCHIVE_LINKS_PER_PAGE = {self.max_links})",
            kind="dropped",
        )

    def page_links(self, response: Any) -> Iterator[str]:
        """The page's links to this site, absolute, without fragments or session ids; bad ones are recorded."""
        if not isinstance(response, TextResponse):
            return
        base = get_base_url(response)
        origin = base[: base.find("/", base.find("//") + 2)] if base.count("/") > 2 else base
        bad: list[tuple[str, str]] = []
        for href in self.page_hrefs(response):  # at most NEWSARCHIVE_PAGE_LINKS distinct ones (feeds.py)
            # A root-relative or absolute href means the same URL on every page of the site, and a site
            # repeats its menus and sidebars on every page: resolve each such href once.
            key = origin + "\n" + href if href[0] == "/" or href.startswith("http") else None
            url = self._resolved.get(key, "") if key else ""
            if url == "":
                url, problem = self._resolve(base, href)
                if problem:
                    bad.append((url or href, problem))
                    url = None
                elif key:
                    if len(self._resolved) > 50_000:
                        self._resolved.clear()
                    self._resolved[key] = url
            if url:
                yield url
        self.bad_links(response.url, bad)

    def _resolve(self, base: str, href: str) -> tuple[str | None, str | None]:
        """The same-site URL an href names (None: not one), and what is wrong with it when it is a bad link."""
        try:
            url = urljoin(base, href).split("#", 1)[0]
        except ValueError as exc:  # "http://[oops/"
            return None, str(exc) or type(exc).__name__
        if not url.startswith(("http://", "https://")):
            return None, None
        ok, problem = self._check(url)
        if problem:
            return url, problem
        return (without_session(url) if ok else None), None
