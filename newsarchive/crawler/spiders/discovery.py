"""Finding article URLs: tell feeds, sitemaps and HTML apart, and read RSS/Atom feeds and sitemaps."""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from html import unescape
from urllib.parse import urldefrag, urljoin

from lxml import etree
from scrapy.utils.gz import gunzip

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
    problem: str | None = None  # not an entry: why the document's entries end early (`url` is the document's)


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


def maybe_gunzip(body: bytes, max_size: int = 50 * 1024 * 1024) -> bytes:
    """The body, decompressed when it is a gzip file (sitemap.xml.gz served without Content-Encoding).

    Scrapy's gunzip reads every gzip member and keeps what precedes a damaged end. Past `max_size`
    decompressed bytes (the sitemap protocol's limit) it gives up; then, as ever, the first `max_size`
    bytes are read, so a gzip bomb costs no more than that and the entries before the cut are kept.
    """
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        return gunzip(body, max_size=max_size)
    except (OSError, EOFError, ValueError, struct.error, zlib.error):  # over max_size, or not gzip after all
        pass
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, max_size)
    except zlib.error:
        return body


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
    seen: dict[str, None] = {}
    for match in _HREF.finditer(html):
        href = (match.group(1) or match.group(2) or match.group(3) or "").strip()
        if href and not href.startswith(("#", "javascript:", "mailto:", "tel:")):
            seen.setdefault(unescape(href) if "&" in href else href)
    return list(seen)


def _parser() -> etree.XMLParser:
    # No entity expansion or network access: feeds come from strangers.
    return etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


def _root(body: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(maybe_gunzip(body), parser=_parser())
    except (etree.XMLSyntaxError, ValueError):
        return None


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


# libxml2's bounds on a document from a stranger (a text node over 10 MB, entity amplification, nesting depth):
# past one, a recovering parser returns what it read so far, and the rest of the feed is lost.
_LIMIT_ERRORS = ("ERR_RESOURCE_LIMIT", "ERR_ENTITY_LOOP", "ERR_ENTITY_AMPLIFICATION")


def _cut_short(parser: etree.XMLParser) -> str | None:
    for error in parser.error_log:
        if error.type_name in _LIMIT_ERRORS or "XML_PARSE_HUGE" in error.message:
            return f"{error.message.strip()} (line {error.line})"
    return None


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


def parse_feed(body: bytes, feed_url: str) -> list[Entry]:
    """The entries of an RSS 0.9x/1.0/2.0 or Atom feed; relative links are joined with the feed's URL.

    A feed that libxml2 stopped reading at one of its limits gives the entries before the cut and, first,
    an Entry whose `problem` says where it was cut.
    """
    parser = _parser()
    try:
        root = etree.fromstring(maybe_gunzip(body), parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    cut = _cut_short(parser)
    entries = [Entry(feed_url, problem=f"feed cut short: {cut}")] if cut else []
    if root is None:
        return entries
    for el in root.iter():
        name = _local(el)
        entry = _rss_item(el, feed_url) if name == "item" else _atom_entry(el, feed_url) if name == "entry" else None
        if entry is not None:
            entries.append(entry)
    if cut:
        entries[0].problem = f"{entries[0].problem}; {len(entries) - 1} entries read before it"
    return entries


def parse_sitemap(body: bytes, sitemap_url: str) -> list[Entry]:
    """The URLs of a sitemap (with lastmod and news:publication_date) or the sitemaps of a sitemap index."""
    # Not scrapy.utils.sitemap.Sitemap: it keeps only a <url>'s direct children, and the publication date
    # of a news sitemap is nested inside <news:news>.
    root = _root(body)
    if root is None:
        return []
    index = _local(root) == "sitemapindex"
    entries: list[Entry] = []
    for el in root:
        if _local(el) not in ("url", "sitemap"):
            continue
        url = _absolute(sitemap_url, _child_text(el, "loc"))
        if not url:
            continue
        entries.append(
            Entry(
                url,
                published=parse_date(_child_text(el, "publication_date")),
                modified=parse_date(_child_text(el, "lastmod")),
                is_sitemap=index,
            )
        )
    return entries
