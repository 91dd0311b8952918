"""Resolve each Article field: structured data first, then the site's Rules selectors, then page heuristics."""

from __future__ import annotations

from lxml import etree

from newsarchive.extract.document.tree import ancestors, css, text_of, tokens
from newsarchive.extract.fields.authors import authors  # noqa: F401  (re-exported, as headline)
from newsarchive.extract.fields.datefind import find_date
from newsarchive.extract.fields.headline import headline  # noqa: F401  (re-exported: resolve.<field> for every field)
from newsarchive.extract.fields.language import language_code
from newsarchive.extract.fields.pages import is_next_page
from newsarchive.extract.fields.section import section_from_trail
from newsarchive.text.clean import absolute_url, clean_line

_ARTICLE_WORDS = frozenset("article entry post story".split())


def language(record, rules):
    """(code, source): <html lang>, og:locale, JSON-LD inLanguage, then Rules.language."""
    for value, source in record.get("language"):
        code = language_code(value)
        if code:
            return code, source
    return language_code(rules.language), "site"


def date(root, record, rules, name, tz):
    """(datetime, source, offset_inferred) for "published" or "modified"."""
    return find_date(root, record, rules, name, tz)


def _trail(elements):
    items = []
    for el in elements:
        link = el if el.tag == "a" else next(el.iter("a"), None)
        items.append((text_of(el), link.get("href") if link is not None else None))
    return items


def _may_name_a_trail(el) -> bool:
    # A cheap test before splitting class words: those words are lower-cased pieces of class and id.
    value = ((el.get("class") or "") + " " + (el.get("id") or "")).lower()
    return "crumb" in value or ("topic" in value and "path" in value)


def section(root, record, rules, page_url, headline_text):
    """(section, source): declared section, JSON-LD breadcrumbs, Rules breadcrumb, then a breadcrumb block."""
    for value, source in record.get("section"):
        if clean_line(value):
            return clean_line(value), source
    for value, source in record.get("breadcrumbs"):
        found = section_from_trail(value, page_url, headline_text or "")
        if found:
            return found, source
    matches = css(root, rules.section)
    if matches:
        found = section_from_trail(_trail(matches), page_url, headline_text or "")
        if found:
            return found, "site"
    found = _section_from_breadcrumb_block(root, page_url, headline_text)
    return (found, "heuristic") if found else (None, None)


def _section_from_breadcrumb_block(root, page_url, headline_text):
    """The section named by the first breadcrumb block on the page that names one (class words "breadcrumb",
    "crumbs", or "topic" with "path"), or None."""
    for el in root.iter(etree.Element):
        if not _may_name_a_trail(el):
            continue
        words = tokens(el)
        if words & {"breadcrumb", "breadcrumbs", "crumbs"} or {"topic", "path"} <= words:
            items = el.findall(".//li") or el.findall(".//a")
            found = section_from_trail(_trail(items), page_url, headline_text or "")
            if found:
                return found
    return None


def tags(root, record, rules):
    """(tags, source): declared keywords/tags, Rules.tags, then rel=tag links."""
    for value, source in record.get("tags"):
        values = [clean_line(v) for v in value if clean_line(v)]
        if values:
            return values, source
    values = [text_of(el) for el in css(root, rules.tags)]
    if any(values):
        return values, "site"
    # rel=tag links count only inside the article: tag clouds elsewhere on the page are site-wide.
    values = [
        text_of(a)
        for a in root.iterfind(".//a[@rel='tag']")
        if any(a.tag == "article" or tokens(a) & _ARTICLE_WORDS for a in ancestors(a))
    ]
    return (values, "heuristic") if any(values) else ([], None)


def _img_src(el) -> str | None:
    for attr in ("src", "data-src", "data-original", "data-lazy-src"):
        if el.get(attr) and not el.get(attr).startswith("data:"):
            return el.get(attr)
    srcset = el.get("srcset") or el.get("data-srcset")
    return srcset.split(",")[0].split()[0] if srcset and srcset.strip() else None


def image(root, record, rules, base):
    """(URL, source): declared image (JSON-LD, microdata, og:image), then Rules.image."""
    for value, source in record.get("image"):
        url = absolute_url(value, base)
        if url:
            return url, source
    for el in css(root, rules.image)[:1]:
        img = el if el.tag == "img" else next(el.iter("img"), None)
        url = absolute_url(_img_src(img), base) if img is not None else None
        if url:
            return url, "site"
    return None, None


def next_page(root, rules, page_url):
    """(URL, source): Rules.next_page, else a rel=next link that continues this same article."""
    for el in css(root, rules.next_page)[:1]:
        link = el if el.tag == "a" else next(el.iter("a"), None)
        url = absolute_url(link.get("href"), page_url) if link is not None else None
        if url:
            return url, "site"
    for el in root.iterfind(".//*[@rel]"):
        if el.tag in ("link", "a") and "next" in (el.get("rel") or "").lower().split():
            url = absolute_url(el.get("href"), page_url)
            if url and is_next_page(url, page_url):
                return url, "heuristic"
    return None, None
