"""The page object: one fetched page (URL + HTML) in, one Article out; structured data, then rules, then heuristics."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from functools import lru_cache
from html import unescape

from newsarchive.extract import resolve
from newsarchive.extract.body.container import extract_body, lines_of, weight
from newsarchive.extract.body.declared import reconcile
from newsarchive.extract.document.charset import decode_html
from newsarchive.extract.document.oversize import bound_elements, bound_markup
from newsarchive.extract.document.tree import parse, squash, text_of
from newsarchive.extract.fields.dates import FETCHED_AT
from newsarchive.extract.fields.headline import strip_site_name
from newsarchive.extract.fields.language import guess_language
from newsarchive.extract.fields.pages import canonical_url
from newsarchive.extract.fields.zones import page_timezone
from newsarchive.extract.metadata.structured import read_structured
from newsarchive.extract.related.links import find_related
from newsarchive.extract.rules import Rules
from newsarchive.extract.softerror import soft_error
from newsarchive.extract.version import EXTRACTOR_VERSION
from newsarchive.items import Article
from newsarchive.text.clean import clean_article, dedupe_links
from newsarchive.text.words import contained, shingles

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TAGS = re.compile(r"<[a-zA-Z/!][^>]*>")


class ExtractionError(ValueError):
    """There is no article to speak of (empty, binary, unparseable, an error page); the message is a one-line reason."""


def _page_text(html: str | bytes, content_type: str | None) -> str:
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if not data or data.isspace():
            raise ExtractionError("empty page")
        head = data[:8192]
        utf16 = head[:2] in (b"\xff\xfe", b"\xfe\xff")
        if not utf16 and head.count(0) > max(2, len(head) // 100):
            raise ExtractionError("not html: binary content")
        text = decode_html(data, content_type)[0]
    elif isinstance(html, str):
        text = html
    else:
        raise ExtractionError(f"not html: {type(html).__name__} given")
    if not text or text.isspace():  # not .strip(): that copies a whole page to answer a yes/no question
        raise ExtractionError("empty page")
    sample = text[:8192]
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if bad > 0.1 * len(sample):
        raise ExtractionError("not html: binary content")
    return text


def prefer_declared_body(declared: str, page_lines: list[str]) -> bool:
    """Whether a JSON-LD articleBody should replace the body read from the page.

    It should when it is the full text and the page's is not: the page gave little, or the declared
    text is about as long and says the same, or it is the page's text without some furniture lines.
    A declared text much longer than a substantial page body usually carries embeds and captions.
    """
    page = "\n".join(page_lines)
    size, page_size = weight(declared), weight(page)
    if size < 80:
        return False
    if page_size < 400:
        return size > page_size
    ratio = size / page_size
    if ratio > 3:
        return True  # the page's extraction found little of a long text (or a paywall hides it)
    ours, theirs = shingles(page), shingles(declared)
    if ratio >= 0.95:
        page_in_declared = contained(ours, theirs)
        return page_in_declared < 0.5 if ratio > 1.3 else page_in_declared >= 0.5
    return ratio >= 0.75 and contained(theirs, ours) >= 0.9


@lru_cache(maxsize=64)
def _patterns(sources: tuple[str, ...]) -> list:
    # A malformed pattern in a site profile must not crash a crawl: it drops nothing.
    compiled = []
    for source in sources:
        try:
            compiled.append(re.compile(source))
        except re.error:
            continue
    return compiled


def _reading_furniture(blocks) -> list:
    """What of the related-reading blocks leaves the body: a link list whole, else only its label."""
    result = []
    for block, label in blocks:
        text = text_of(block)
        links = sum(len(text_of(a)) for a in block.iter("a"))
        if label is None or (text and links >= 0.4 * len(text)):
            result.append(block)
        else:
            result.append(label)
    return result


def _language_sample(root, size: int = 5000) -> str:
    """The page's paragraph, heading and title text joined, as far as guess_language reads (its first 5000)."""
    parts, length = [], 0
    for el in root.iter("p", "h1", "title"):
        parts.append(text_of(el))
        length += len(parts[-1]) + 1
        if length > size:
            break
    return " ".join(parts)


class ArticlePage:
    """A fetched article page; `.article()` reads it into an Article. Never imports Scrapy."""

    def __init__(
        self,
        url: str,
        html: str | bytes,
        *,
        content_type: str | None = None,
        rules: Rules | None = None,
        site: str = "",
    ):
        self.url = url
        self.rules = rules or Rules()
        self.site = site
        text, self.cut = bound_markup(_page_text(html, content_type))
        self.root = parse(text)
        if self.root is None:
            raise ExtractionError("not html: no parseable content")
        self.cut = "; ".join(filter(None, [self.cut, bound_elements(text, self.root)]))
        # lxml makes a Python object for an element each time a walk reaches it, unless one is alive:
        # holding them all makes the dozen walks of a page below reuse them (~0.4 ms of a ~9 ms page).
        self._elements = list(self.root.iter())

    def article(self) -> Article:
        """The page's article, not yet cleaned; fields a page does not give stay empty (validation decides).

        A soft error page (an error or login page served with HTTP 200) raises ExtractionError instead.
        """
        root, rules, sources = self.root, self.rules, {}
        if self.cut:
            sources["page"] = self.cut  # an oversized page was read only in part: say so
        record = read_structured(root, self.url)
        site_names = [value for value, _ in record.get("site_name")]

        def put(name, value, source):
            if value not in (None, "", []) and source:
                sources[name] = source
            return value

        url_value = canonical_url([v for v, _ in record.get("url")], self.url)
        url = put("url", url_value, "meta") or self.url
        language = put("language", *resolve.language(record, rules))
        if not language:
            language = put("language", guess_language(_language_sample(root)), "heuristic")
        tz, tz_source = page_timezone(self.url, language, rules.timezone)
        headline = put("headline", *resolve.headline(root, record, rules, site_names, self.url))
        published, published_source, inferred = resolve.date(root, record, rules, "published", tz)
        put("published", published, published_source)
        if published and inferred:
            put("timezone", tz, tz_source)  # where the assumed offset came from (profile, domain, language)
        modified, modified_source, _ = resolve.date(root, record, rules, "modified", tz)
        put("modified", modified, modified_source)
        authors = put("authors", *resolve.authors(root, record, rules))
        section = put("section", *resolve.section(root, record, rules, url, headline))
        tags = put("tags", *resolve.tags(root, record, rules))
        image = put("image_url", *resolve.image(root, record, rules, url))
        next_page = put("next_page", *resolve.next_page(root, rules, self.url))
        related_blocks: list = []
        related, related_source = find_related(root, self.url, selector=rules.related, blocks=related_blocks)
        declared_links = [link for value, _ in record.get("related") for link in value]
        related = dedupe_links(related + declared_links, self.url, exclude=[self.url, url])
        put("related_links", related, related_source or "jsonld")

        keep = record.first("body_element")[0]
        titles = [strip_site_name(squash(value), site_names, guess=True) for value, _ in record.get("headline")]
        lines, body_source = extract_body(
            root,
            selector=rules.body,
            remove=rules.body_remove,
            keep=keep,
            remove_elements=_reading_furniture(related_blocks),
            headline=headline,
            titles=titles,
        )
        declared = record.first("body")[0]
        if declared and body_source != "site":
            declared = unescape(declared)  # JSON-LD bodies often carry HTML entities, sometimes tags
            fragment = parse(declared) if _TAGS.search(declared) else None
            body_node = fragment.find("body") if fragment is not None else None
            declared_lines = lines_of([body_node]) if body_node is not None else declared.splitlines()
            declared = "\n".join(declared_lines)
            if prefer_declared_body(declared, lines):
                # The page's own lines keep the paragraphs, subheadings and standfirst a declared text often loses.
                confirmed = reconcile(declared, lines)
                lines, body_source = (confirmed, body_source) if confirmed else (declared_lines, "jsonld")
        if rules.drop_lines:
            patterns = _patterns(tuple(rules.drop_lines))
            lines = [line for line in lines if not any(p.search(line) for p in patterns)]
        body = put("body", "\n".join(lines), body_source)

        article = Article(
            url=url,
            site=self.site,
            headline=headline or "",
            published=published,
            modified=modified,
            authors=authors or [],
            section=section,
            tags=tags or [],
            language=language,
            body=body,
            related_links=related,
            image_url=image,
            sources=sources,
            published_tz_inferred=bool(published and inferred),
            pages=[url],
            next_page=next_page,
        )
        # A 200 page saying "Page not found" or "Sign in" is a problem with the URL, not an article.
        reason = soft_error(root, article)
        if reason:
            raise ExtractionError(reason)
        return article


def extract_article(
    url: str,
    html: str | bytes,
    *,
    content_type: str | None = None,
    rules: Rules | None = None,
    site: str = "",
    clean: bool = True,
    fetched_at: datetime | None = None,
) -> Article:
    """The Article in one page; raises ExtractionError when there is no page to speak of, or it is an error page.

    The article comes back cleaned (clean.clean_article) unless `clean` is False: a crawl leaves cleaning
    to its CleanPipeline, which then runs once per article, after the pages of a multi-page article are joined.
    `fetched_at` is when the page was fetched (default: now): relative dates ("3 hours ago") count from it.
    """
    token = FETCHED_AT.set(fetched_at)
    try:
        article = ArticlePage(url, html, content_type=content_type, rules=rules, site=site).article()
    finally:
        FETCHED_AT.reset(token)
    article.extractor_version = EXTRACTOR_VERSION
    return clean_article(article) if clean else article


def merge_pages(first: Article, later: Article) -> Article:
    """Page 2..n of a multi-page article joined into page 1: body appended, links and pages extended."""
    pages = list(dict.fromkeys([*(first.pages or [first.url]), *(later.pages or [later.url])]))
    body = "\n".join(part for part in (first.body, later.body) if part)
    related = dedupe_links([*first.related_links, *later.related_links], first.url, exclude=pages)
    return dataclasses.replace(
        first,
        body=body,
        related_links=related,
        pages=pages,
        next_page=later.next_page,
        authors=first.authors or list(later.authors),
        tags=first.tags or list(later.tags),
        headline=first.headline or later.headline,
        published=first.published or later.published,
        sources={**later.sources, **first.sources},
    )
