"""An article's own URLs: its canonical URL, and whether a rel=next URL is its next page."""

from __future__ import annotations

from urllib.parse import urlsplit

from newsarchive.text.clean import absolute_url
from newsarchive.text.urls import page_key, page_stem, same_domain


def canonical_url(candidates, page_url: str) -> str | None:
    """The first canonical/og:url on the same site that is not the site's home page."""
    for value in candidates:
        url = absolute_url(value, page_url)
        if url and same_domain(url, page_url) and urlsplit(url).path.strip("/") != "":
            return url
    return None


def is_next_page(candidate: str, page_url: str) -> bool:
    """Whether a rel=next URL continues this article (another page, the same stem: a page number added or changed)."""
    return bool(candidate) and page_key(candidate) != page_key(page_url) and page_stem(candidate) == page_stem(page_url)
