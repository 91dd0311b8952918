"""Pure cleaning functions for extracted text, URLs and lists, and `clean_article` built on them."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping
from urllib.parse import urljoin, urlsplit, urlunsplit

from newsarchive.items import Article
from newsarchive.text.urls import clean_url, url_key

# Zero-width and invisible formatting characters that only break search and comparisons.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u061c"), None)
_INVISIBLE_CHARS = tuple(map(chr, _INVISIBLE))
# Spaces collapsed to one ASCII space. U+3000 (ideographic space) is kept inside a line: Japanese
# text uses it deliberately; it is only trimmed at line ends.
_SPACES = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f]+")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")
# Control characters: C0 but tab and newline, DEL and C1. A page's text never needs them, and in a terminal
# they are commands (ESC [2J clears the screen; C1 CSI does the same without the ESC).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """`text` without control characters (C0 but tab and newline, DEL, C1): the one rule for all that is stored."""
    return _CONTROL.sub("", text) if text else text


def clean_line(text: str | None) -> str:
    """One line of text: NFC (not NFKC, so full-width Japanese stays), no invisibles, single spaces, trimmed."""
    if not text:
        return ""
    if not text.isascii():  # ASCII is NFC and holds no invisibles; translate() is slow, so look first
        text = unicodedata.normalize("NFC", text)
        if any(ch in text for ch in _INVISIBLE_CHARS):
            text = text.translate(_INVISIBLE)
    text = strip_controls(_LINE_BREAKS.sub(" ", text))
    return _SPACES.sub(" ", text).strip(" \u3000")


def clean_text(text: str | None) -> str:
    """Multi-line text: every line cleaned with `clean_line`, empty lines dropped, joined with newlines."""
    if not text:
        return ""
    lines = (clean_line(line) for line in _LINE_BREAKS.split(text))
    return "\n".join(line for line in lines if line)


def absolute_url(href: str | None, base: str = "") -> str | None:
    """`href` resolved against `base`, fragment removed; None unless the result is an http(s) URL."""
    if not href:
        return None
    href = strip_controls(href.strip()).replace("\n", "").replace("\t", "")
    if not href or href.startswith("#"):
        return None
    try:
        parts = urlsplit(urljoin(base, href) if base else href)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def dedupe(values: Iterable[str | None], key: Callable[[str], Hashable] = str.casefold) -> list[str]:
    """Cleaned, non-empty values in first-seen order, each once (compared case-insensitively)."""
    seen: set[Hashable] = set()
    result: list[str] = []
    for value in values:
        value = clean_line(value)
        k = key(value) if value else None
        if value and k not in seen:
            seen.add(k)
            result.append(value)
    return result


def dedupe_links(
    links: Iterable[Mapping[str, str]], base: str = "", exclude: Iterable[str | None] = ()
) -> list[dict[str, str]]:
    """Related links made absolute, each article once in page order, never one of `exclude` (the article itself).

    Links are compared by the archive's `url_key`, so an AMP or tracking variant of the article is the article.
    """
    seen = {url_key(u) for u in exclude if u}
    result: list[dict[str, str]] = []
    for link in links:
        url = absolute_url(link.get("url"), base)
        if not url or url_key(url) in seen:
            continue
        seen.add(url_key(url))
        result.append({"url": url, "title": clean_line(link.get("title"))})
    return result


def clean_article(article: Article) -> Article:
    """A new Article with every text field cleaned, URLs absolute, lists deduplicated, no control characters.

    The article's own URL also loses its tracking parameters (urls.clean_url); its pages keep the URLs
    as fetched, so the archive keeps each as an alias.
    """
    url = absolute_url(article.url)
    url = clean_url(url) if url else strip_controls(article.url)
    pages = [absolute_url(p) or strip_controls(p) for p in article.pages] or [url]
    return dataclasses.replace(
        article,
        url=url,
        headline=clean_line(article.headline),
        authors=dedupe(article.authors),
        section=clean_line(article.section) or None,
        tags=dedupe(article.tags),
        language=clean_line(article.language) or None,
        body=clean_text(article.body),
        related_links=dedupe_links(article.related_links, url, exclude=[url, *pages]),
        image_url=absolute_url(article.image_url, url),
        pages=list(dict.fromkeys(pages)),
        next_page=absolute_url(article.next_page, url),
        site=strip_controls(article.site),
        sources={name: strip_controls(value) for name, value in article.sources.items()},
    )
