"""Headings that link: a site's logo links to its home page, a blog post's title to the post itself."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urljoin, urlsplit

from newsarchive.extract.document.tree import text_of

# A web archive's replay URL wraps the original: /COLLECTION/20140226054445/http://site/path (pywb, the Wayback
# Machine), optionally with a mode after the timestamp (id_, im_). The page and its links are the original's.
_REPLAY = re.compile(r"/\d{14}(?:[a-z]{2}_)?/(https?://.+)$", re.I)
_LOGO_WORDS = 6  # a site's name is short; a headline that links home (a "back" link in it) is not


def unwrapped(url: str) -> str:
    """The original URL inside a web archive's replay URL, else the URL itself."""
    found = _REPLAY.search(url or "")
    return found.group(1) if found else url


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018  (parsed lazily: a malformed [IPv6] host raises only here)
    except ValueError:
        return None
    return parts


def _host(parts: SplitResult) -> str:
    return (parts.hostname or "").removeprefix("www.")


def _targets(el, page_url: str) -> list[SplitResult]:
    """Where the element's links go; a link to a place on the same page ("#part": an accordion, a table of
    contents) goes nowhere else and is left out, as is one too malformed to read."""
    found = []
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not href.startswith("#"):
            try:
                parts = _split(unwrapped(urljoin(page_url, href)))
            except ValueError:
                continue
            if parts is not None:
                found.append(parts)
    return found


def links_home(el, page_url: str) -> bool:
    """Whether a heading is a short text holding a link to its site's home page: the site's logo or name."""
    page = _split(unwrapped(page_url)) if page_url else None
    if page is None or len(text_of(el).split()) > _LOGO_WORDS:
        return False
    return any(_host(t) == _host(page) and t.path in ("", "/") and not t.query for t in _targets(el, page_url))


def links_to_itself(el, page_url: str) -> bool:
    """Whether a heading links to the page it is on (a post title linked as its permalink)."""
    page = _split(unwrapped(page_url)) if page_url else None
    if page is None or not page.path.rstrip("/"):
        return False
    return any(_host(t) == _host(page) and t.path.rstrip("/") == page.path.rstrip("/") for t in _targets(el, page_url))
