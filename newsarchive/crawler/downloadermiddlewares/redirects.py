"""Redirect loops: a redirect back to a URL already on the request's redirect chain ends it with a reason."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest


class RedirectLoop(IgnoreRequest):
    """A page that redirects back to itself, directly or through others."""


class RedirectLoopMiddleware:
    """Stops a redirect chain that comes back to a URL it has visited.

    Without this a loop ends silently: the scheduler's duplicate filter drops the second visit, and the
    page would leave no trace in the run's problems.
    """

    def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        location = response.headers.get(b"Location")
        if response.status not in (301, 302, 303, 307, 308) or not location:
            return response
        target = urljoin(request.url, location.decode("latin-1")).split("#", 1)[0]
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            start = chain[0]
            raise RedirectLoop(
                f"redirect loop: {' -> '.join([*chain, target])}"
                if len(chain) < 5
                else f"redirect loop: {start} comes back after {len(chain)} redirects"
            )
        return response
