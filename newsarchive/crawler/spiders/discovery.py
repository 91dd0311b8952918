"""Finding article URLs: tell feeds, sitemaps and HTML apart, and read RSS/Atom feeds and sitemaps."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from html import unescape
from urllib.parse import urldefrag, urljoin

from lxml import etree

from newsarchive.crawler.spiders.gzipped import InflateLimit, inflate

# An <a> tag's href, quoted or not. Scanning for it is ten times cheaper than building a second DOM of
# a page that extraction has already parsed; a stray match inside a script is filtered out later like
# any other link that is not an article.
_HREF = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)
_ROOT = re.compile(rb"<\s*(?:[\w-]+:)?(rss|feed|RDF|urlset|sitemapindex|html)\b", re.I)
_KINDS = {
    b"rss": "feed",
    b"feed": "feed",
    b"rdf": "feed",
    b"urlset": "sitemap",
    b"sitemapindex": "sitemap",
    b"html": "html",
}
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class Entry:
    """A URL found in a feed or sitemap, with the dates the publisher gave for it (aware, or None)."""

    url: str
    published: datetime | None = None
    modified: datetime | None = None
    is_sitemap: bool = False  # an entry of a sitemap index: another sitemap to read


def media_type(content_type: str | bytes | None) -> str:
    """ "text/html" from "text/html; charset=utf-8"; "" when absent."""
    if isinstance(content_type, bytes):
        content_type = content_type.decode("latin-1")
    return (content_type or "").split(";")[0].strip().lower()


def is_html_type(content_type: str | bytes | None) -> bool:
    """Whether a Content-Type may hold a web page (absent and generic types are given the benefit of doubt)."""
    kind = media_type(content_type)
    return not kind or kind in _HTML_TYPES or kind in ("text/plain", "application/octet-stream")


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))  # ESC starts ISO-2022-JP shifts


def looks_binary(body: bytes, sample: int = 2048) -> bool:
    """Whether a body is binary data rather than text: over 5% control bytes in its first 2 KB.

    No text encoding a page uses (UTF-8, Shift_JIS, EUC-JP, ISO-2022-JP, Latin-1) puts control bytes
    in running text; UTF-16 would, and is recognised by its byte order mark.
    """
    head = body[:sample]
    if not head or head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False
    return len(head) - len(head.translate(None, _CONTROL)) > len(head) * 0.05


def sniff(body: bytes, content_type: str | bytes | None = None) -> str:
    """ "feed", "sitemap", "html" or "other", from the document's root element, then its Content-Type."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    # Skip the XML declaration, comments and doctype: the first real tag names the document.
    for match in _ROOT.finditer(head):
        before = head[: match.start()]
        if before.count(b"<!--") > before.count(b"-->"):
            continue
        return _KINDS[match.group(1).lower()]
    kind = media_type(content_type)
    if kind in _HTML_TYPES or head[:1] == b"<":
        return "html"
    return "other"


def find_hrefs(html: str) -> list[str]:
    """The href of every <a> of an HTML page, in page order, each once, entities decoded."""
    return list(iter_hrefs(html))


def iter_hrefs(html: str) -> Iterator[str]:
    """find_hrefs one at a time: a caller that stops early holds no more of them than it took."""
    seen: set[str] = set()
    for match in _HREF.finditer(html):
        href = (match.group(1) or match.group(2) or match.group(3) or "").strip()
        if href and not href.startswith(("#", "javascript:", "mailto:", "tel:")):
            href = unescape(href) if "&" in href else href
            if href not in seen:
                seen.add(href)
                yield href


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(el: etree._Element, *names: str) -> str | None:
    for child in el.iter():
        if child is not el and _local(child) in names and (child.text or "").strip():
            return child.text.strip()
    return None


def parse_date(text: str | None) -> datetime | None:
    """An aware datetime from an RFC 822 (RSS) or W3C/ISO 8601 (Atom, sitemap) timestamp; None otherwise."""
    if not text:
        return None
    text = text.strip()
    value = None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    # A date without an offset names no instant; a guess would be worse than nothing.
    return value if value is not None and value.tzinfo is not None else None


def _absolute(base: str, href: str | None) -> str | None:
    if not href or not href.strip():
        return None
    try:
        url = urldefrag(urljoin(base, href.strip()))[0]
    except ValueError:  # "http://[oops/": kept as written, for the spider to count and record as a bad link
        return href.strip()
    return url if url.startswith(("http://", "https://")) else None


def _rss_item(el: etree._Element, feed_url: str) -> Entry | None:
    href = _child_text(el, "link")
    if href is None:
        guid = next((c for c in el if _local(c) == "guid"), None)
        if guid is not None and guid.get("isPermaLink", "true") != "false":
            href = guid.text
    url = _absolute(feed_url, href)
    return Entry(url, published=parse_date(_child_text(el, "pubDate", "date"))) if url else None


def _atom_entry(el: etree._Element, feed_url: str) -> Entry | None:
    # Atom links are relative to xml:base when the entry sets one, else to the feed's URL.
    base = urljoin(feed_url, el.get(_XML_BASE) or "")
    links = [c for c in el if _local(c) == "link"]
    chosen = next((c for c in links if c.get("rel", "alternate") == "alternate"), None)
    url = _absolute(base, chosen.get("href") if chosen is not None else None)
    if not url:
        return None
    return Entry(
        url,
        published=parse_date(_child_text(el, "published", "issued")),
        modified=parse_date(_child_text(el, "updated", "modified")),
    )


# Elements the reader is told about; all others are parsed in C and dropped unseen (see EntryReader).
_FEED_TAGS = ("{*}rss", "{*}RDF", "{*}channel", "{*}feed", "{*}item", "{*}entry")
_SITEMAP_TAGS = ("{*}urlset", "{*}sitemapindex", "{*}url", "{*}sitemap")
_ENTRY_BYTES = 1024 * 1024  # one entry's XML at most: past it, it is not an entry but a bomb
_ROOT_BYTES = 1024 * 1024  # how far to read for the document's root element


class EntryReader:
    """The entries of a feed or sitemap, read a chunk at a time: never the whole document, in bytes or as a tree.

    Iterate it for the entries; then `cut` says why reading stopped before the document's end (more than
    `max_entries` entries, more than `max_bytes` when decompressed, an oversized entry), or is None.
    """

    def __init__(self, body: bytes, url: str, kind: str, *, max_entries: int, max_bytes: int) -> None:
        self.body, self.url, self.kind = body, url, kind
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.cut: str | None = None
        self.over: str | None = None  # which cap made the cut: "entries" or "bytes" (else the document's fault)

    def __iter__(self) -> Iterator[Entry]:
        # Only the elements named in `tag` reach Python: a sitemap of a million small elements costs
        # parsing, not a million Python events.
        parser = etree.XMLPullParser(
            events=("start", "end"),
            tag=_FEED_TAGS if self.kind == "feed" else _SITEMAP_TAGS,
            recover=True,
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
        )
        state = _ReadState()
        try:
            for chunk in inflate(self.body, self.max_bytes):
                state.fed += len(chunk)
                parser.feed(chunk)
                yield from self._entries(parser, state)
                self.cut = self.cut or self._prune(state)
                if self.cut:
                    return
            # libxml2 stops at its bounds on a stranger's document (entity amplification, nesting depth) and,
            # recovering, says nothing: it reads no further, so the root never ends before close() ends it.
            # A document cut off in transit looks the same, and is as much a cut.
            if state.root is not None and not state.ended:
                self.cut = "the document stops before its end (cut off, or past a limit of the XML parser)"
            parser.close()
            yield from self._entries(parser, state)
        except InflateLimit as exc:
            self.cut, self.over = str(exc), "bytes"
        except (etree.XMLSyntaxError, ValueError) as exc:
            # Broken beyond lxml's recovery: the entries before the break stand, and the break is said.
            self.cut = f"broken XML: {exc}"

    def _entries(self, parser: etree.XMLPullParser, state: _ReadState) -> Iterator[Entry]:
        for event, el in parser.read_events():
            if self.cut:
                return
            if event == "start":
                if state.root is None:
                    state.root = el.getroottree().getroot()
                    state.index = _local(state.root) == "sitemapindex"
                if state.entry is None and self._is_entry(el, state.root):
                    state.entry, state.entry_at = el, state.fed
            elif el is state.root:
                state.ended = True
            elif state.entry is not None and el is state.entry:
                state.entry = None
                entry = self._entry(el, state.index)
                el.clear()
                if entry is None:
                    continue
                if state.count == self.max_entries:
                    self.cut, self.over = f"more than {self.max_entries:,} entries", "entries"
                    return
                state.count += 1
                yield entry

    def _prune(self, state: _ReadState) -> str | None:
        """Drop every element that has ended: what is left is the line of open elements down to the entry
        being read. A reason to stop when the document is not what it claims."""
        if state.root is None:
            return f"no feed or sitemap element in its first {_ROOT_BYTES:,} bytes" if state.fed > _ROOT_BYTES else None
        node = state.root
        while node is not state.entry and len(node):
            if len(node) > 1:
                del node[:-1]  # parsing appends: only the last child can still be open
            node = node[-1]
        if state.entry is not None and state.fed - state.entry_at > _ENTRY_BYTES:
            return f"an entry of over {_ENTRY_BYTES:,} bytes"
        return None

    def _is_entry(self, el: etree._Element, root: etree._Element) -> bool:
        name = _local(el)
        if self.kind == "feed":
            return name in ("item", "entry")
        # Not scrapy.utils.sitemap.Sitemap: it keeps only a <url>'s direct children, and the publication
        # date of a news sitemap is nested inside <news:news>.
        return name in ("url", "sitemap") and el.getparent() is root

    def _entry(self, el: etree._Element, index: bool) -> Entry | None:
        if self.kind == "feed":
            return _rss_item(el, self.url) if _local(el) == "item" else _atom_entry(el, self.url)
        url = _absolute(self.url, _child_text(el, "loc"))
        if not url:
            return None
        return Entry(
            url,
            published=parse_date(_child_text(el, "publication_date")),
            modified=parse_date(_child_text(el, "lastmod")),
            is_sitemap=index,
        )


@dataclass
class _ReadState:
    root: etree._Element | None = None
    entry: etree._Element | None = None  # the entry element being read
    entry_at: int = 0  # bytes fed when it began
    fed: int = 0  # decompressed bytes fed to the parser
    count: int = 0  # entries read
    index: bool = False  # a sitemap index: its entries are sitemaps
    ended: bool = False  # the root element's end was read


# Bounds for the list forms below, which serve callers that read one small document (tests, benchmarks).
_LIST_ENTRIES = 50_000
_LIST_BYTES = 50 * 1024 * 1024


def parse_feed(body: bytes, feed_url: str) -> list[Entry]:
    """The entries of an RSS 0.9x/1.0/2.0 or Atom feed; relative links are joined with the feed's URL."""
    return list(EntryReader(body, feed_url, "feed", max_entries=_LIST_ENTRIES, max_bytes=_LIST_BYTES))


def parse_sitemap(body: bytes, sitemap_url: str) -> list[Entry]:
    """The URLs of a sitemap (with lastmod and news:publication_date) or the sitemaps of a sitemap index."""
    return list(EntryReader(body, sitemap_url, "sitemap", max_entries=_LIST_ENTRIES, max_bytes=_LIST_BYTES))
