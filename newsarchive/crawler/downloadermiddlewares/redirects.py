"""Redirects that end with a reason: back to a URL already on the chain (a loop), or off the site."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest

from newsarchive.text.urls import same_host

_REDIRECTS = (301, 302, 303, 307, 308)


class RedirectLoop(IgnoreRequest):
    """A page that redirects back to itself, directly or through others."""


class OffsiteRedirect(IgnoreRequest):
    """A page of the site that redirects to another host or port: what is there is not the site's article."""


class RedirectLoopMiddleware:
    """Stops a redirect chain that comes back to a URL it has visited, or that leaves the site.

    Without this a loop ends silently: the scheduler's duplicate filter drops the second visit, and the
    page would leave no trace in the run's problems. A redirect off the site (another host, or another port
    of this one: a different service) would archive that other server's page under the site's name; it is
    followed only to the URL's own host (`www.`, mobile and AMP variants included) or the spider's home host,
    the rule links obey. robots.txt is read wherever it redirects: it holds rules, not articles.
    """

    def __init__(self, crawler: Any = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedirectLoopMiddleware:
        return cls(crawler)

    def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        location = response.headers.get(b"Location")
        if response.status not in _REDIRECTS or not location:
            return response
        chain = [*request.meta.get("redirect_urls", []), request.url]
        try:
            target = urljoin(request.url, location.decode("latin-1")).split("#", 1)[0]
        except ValueError as exc:
            raise IgnoreRequest(f"bad redirect: {chain[0]} -> {location.decode('latin-1')!r} ({exc})") from None
        if target in chain:
            start = chain[0]
            raise RedirectLoop(
                f"redirect loop: {' -> '.join([*chain, target])}"
                if len(chain) < 5
                else f"redirect loop: {start} comes back after {len(chain)} redirects"
            )
        if not request.meta.get("dont_obey_robotstxt") and not self._on_site(target, chain[0], spider):
            raise OffsiteRedirect(f"redirect off-site: {request.url} -> {target}")
        return response

    def _on_site(self, target: str, start: str, spider: Any) -> bool:
        spider = spider or getattr(self.crawler, "spider", None)
        home = getattr(spider, "home", "") or ""
        return same_host(target, start) or bool(home and same_host(target, home))
