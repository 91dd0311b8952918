"""One fetch per article page per run: request fingerprints follow the archive's page key, not the URL's spelling.

Scrapy's duplicate filter drops a request whose fingerprint it has seen; its default fingerprint is the exact URL
(canonicalised), so an article listed as `/a`, `/a?utm_source=rss`, `/amp/a` and `m.` host was fetched four
times, and a lagging AMP copy could put an old text back. Here the fingerprint is made of the method, the body and
`urls.page_key` of the URL: every variant of a page is one request, while page 2 of an article stays a request of its
own. Which variant is asked for first is the spider's choice (`own_first`). Requests with `dont_filter` (an
article's later pages) are never filtered, whatever their fingerprint; a redirect's target and a `verbatim_url`
request keep Scrapy's exact-URL fingerprint, so that `http://` redirecting to `https://` (one key) is followed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Self, TypeVar
from weakref import WeakKeyDictionary

from scrapy import Request
from scrapy.utils.request import fingerprint as exact_fingerprint

from newsarchive.text.urls import page_key, variant_rank

# How many pages own_first holds at once to pick each one's own URL: a feed or sitemap is read as a stream,
# and the variants of one article stand close together in it (the same entry, or neighbours).
WINDOW = 512

T = TypeVar("T")


class PageKeyFingerprinter:
    """REQUEST_FINGERPRINTER_CLASS: one fingerprint for every URL variant of a page (see the module docstring)."""

    def __init__(self) -> None:
        self._cache: WeakKeyDictionary[Request, bytes] = WeakKeyDictionary()

    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        return cls()

    def fingerprint(self, request: Request) -> bytes:
        found = self._cache.get(request)
        if found is None:
            if request.meta.get("redirect_urls") or request.meta.get("verbatim_url"):
                found = exact_fingerprint(request)
            else:
                data = {"method": request.method, "page": page_key(request.url), "body": (request.body or b"").hex()}
                found = hashlib.sha1(json.dumps(data, sort_keys=True).encode()).digest()  # noqa: S324 - not security
            self._cache[request] = found
        return found


def own_first(found: Iterable[T], url: Callable[[T], str] = str, window: int = WINDOW) -> Iterator[T]:
    """What was found (URLs, or feed entries and their `url`) with each page's variants (one page_key) given once:
    the variant nearest the page's own URL (urls.variant_rank: no tracking parameters, no AMP, no mobile host),
    in the order the pages first appear. Looks `window` pages ahead at most: a stream is never held whole."""
    # page key -> (rank or None until a second variant needs comparing, the best so far), in first-seen order
    best: dict[str, tuple[int | None, T]] = {}
    for item in found:
        address = url(item)
        key = page_key(address)
        held = best.get(key)
        if held is None:
            if len(best) >= window:
                yield best.pop(next(iter(best)))[1]
            best[key] = (None, item)  # most pages are found under one URL: no rank to compute
            continue
        rank, kept = held
        if rank is None:
            rank = variant_rank(url(kept))
        new = variant_rank(address)
        best[key] = (new, item) if new < rank else (rank, kept)
    for _rank, item in best.values():
        yield item
