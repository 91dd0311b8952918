"""A save batch's items: each article with its site, body hash and URL keys, in rounds that repeat none of them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsarchive.items import Article
from newsarchive.text.urls import page_number, url_key

from .rows import content_hash


@dataclass
class Item:
    """One article of a batch, with what the writer matches it by."""

    index: int  # its place in the batch, where its SaveResult goes
    article: Article
    site_id: int
    digest: str
    keys: list[str]  # the URL's key first, then its pages' keys
    urls: list[str]  # every URL it was seen under: its pages (as fetched) and its own URL
    url_keys: dict[str, str]  # url_key of each of those URLs (canonicalising a URL costs ~70 µs)

    @property
    def lone_later_page(self) -> bool:
        # Page 2 fetched on its own (a listing linked it): its text is part of page 1's article.
        pages = self.article.pages or [self.article.url]
        return len(pages) == 1 and page_number(pages[0]) > 1


def to_item(index: int, article: Article, site_id: int) -> Item:
    """The Item of the `index`-th article of a batch, its URL and page URLs keyed once."""
    urls = list(dict.fromkeys(u for u in (*article.pages, article.url) if u))
    url_keys = {url: url_key(url) for url in urls}
    own = url_keys[article.url] if article.url else url_key("")
    keys = list(dict.fromkeys([own, *(url_keys[u] for u in article.pages if u)]))
    return Item(index, article, site_id, content_hash(article.body or ""), keys, urls, url_keys)


def rounds(items: list[Item]) -> Iterator[list[Item]]:
    """Split a batch so no round holds the same URL key, or the same body on one site, twice."""
    pending = items
    while pending:
        keys: set[str] = set()
        bodies: set[tuple[int, str]] = set()
        current: list[Item] = []
        later: list[Item] = []
        for item in pending:
            body_key = (item.site_id, item.digest)
            if keys.intersection(item.keys) or body_key in bodies:
                later.append(item)
            else:
                keys.update(item.keys)
                bodies.add(body_key)
                current.append(item)
        yield current
        pending = later
