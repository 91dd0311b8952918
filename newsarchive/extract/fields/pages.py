"""An article's own URLs: its canonical URL, and whether a rel=next URL is its next page."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from newsarchive.extract.related.links import same_site
from newsarchive.text.clean import absolute_url, url_key

_PAGE_SUFFIX = re.compile(r"(?:[_\-/](?:p|page|seite)?\d{1,3})(?=(?:\.\w{2,5})?/?$)", re.I)


def canonical_url(candidates, page_url: str) -> str | None:
    """The first canonical/og:url on the same site that is not the site's home page."""
    for value in candidates:
        url = absolute_url(value, page_url)
        if url and same_site(url, page_url) and urlsplit(url).path.strip("/") != "":
            return url
    return None


def _stem(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    path = _PAGE_SUFFIX.sub("", parts.path).rstrip("/")
    query = {k: v for k, v in parse_qs(parts.query).items() if k.lower() not in ("page", "p", "seite", "pg")}
    return parts.netloc.lower().removeprefix("www."), path + "?" + "&".join(f"{k}={v}" for k, v in sorted(query.items()))


def is_next_page(candidate: str, page_url: str) -> bool:
    """Whether a rel=next URL continues this article (same path stem, a page number added or changed)."""
    return bool(candidate) and url_key(candidate) != url_key(page_url) and _stem(candidate) == _stem(page_url)
