"""Collect what a page declares about itself: JSON-LD, microdata, OpenGraph and other <meta>, canonical, lang."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import unescape
from typing import Any

from newsarchive.extract.document.tree import text_of
from newsarchive.extract.metadata import jsonld

# <meta> names (name=, property= or itemprop=, lower-case) per field, most specific first.
META_KEYS = {
    "headline": (
        "og:title",
        "twitter:title",
        "citation_title",
        "dc.title",
        "dcterms.title",
        "parsely-title",
        "sailthru.title",
        "title",
    ),
    "published": (
        "article:published_time",
        "og:article:published_time",
        "article:published:time",
        "article:published",
        "published_time",
        "og:published_time",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "publication_date",
        "article.published",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date",
        "dcterms.date",
        "dc.date.created",
        "dcterms.created",
        "citation_publication_date",
        "citation_date",
        "parsely-pub-date",
        "sailthru.date",
        "date",
        "displaydate",
        "original-publish-date",
        "article:post_date",
        "cxenseparse:recs:publishtime",
        "og:pubdate",
        "datepublished",
        "created",
    ),
    "modified": (
        "article:modified_time",
        "og:updated_time",
        "article:modified:time",
        "article:modified",
        "modified_time",
        "dcterms.modified",
        "dc.date.modified",
        "last-modified",
        "lastmod",
        "datemodified",
        "article.updated",
    ),
    "authors": (
        "author",
        "article:author",
        "og:article:author",
        "dc.creator",
        "dcterms.creator",
        "citation_author",
        "parsely-author",
        "sailthru.author",
        "byl",
        "cxenseparse:author",
    ),
    "section": (
        "article:section",
        "og:article:section",
        "parsely-section",
        "section",
        "category",
        "cxenseparse:recs:category",
    ),
    "tags": (
        "article:tag",
        "og:article:tag",
        "news_keywords",
        "parsely-tags",
        "sailthru.tags",
        "keywords",
        "dc.subject",
    ),
    "description": ("og:description", "description", "twitter:description", "dc.description"),
    "image": ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"),
    "url": ("og:url", "twitter:url"),
    "language": ("og:locale", "content-language", "dc.language", "dcterms.language", "language"),
    "site_name": ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher"),
}
_LIST_FIELDS = ("authors", "tags")
_MICRODATA_PROPS = {
    "headline": "headline",
    "datepublished": "published",
    "datemodified": "modified",
    "author": "authors",
    "creator": "authors",
    "articlesection": "section",
    "keywords": "tags",
    "inlanguage": "language",
    "image": "image",
    "description": "description",
    "articlebody": "body_element",
}


@dataclass
class Structured:
    """Candidates per field, in order of trust, each as (value, source) with source jsonld|microdata|meta."""

    candidates: dict[str, list[tuple[Any, str]]] = field(default_factory=dict)

    def add(self, name: str, value, source: str) -> None:
        if value is None or value == "" or value == []:
            return
        # Declared values often arrive HTML-escaped twice ("zerst&ouml;ren", "&quot;...&quot;").
        if isinstance(value, str) and "&" in value and name not in ("url", "image"):
            value = unescape(value)
        elif isinstance(value, list) and value and isinstance(value[0], str):
            value = [unescape(v) if "&" in v else v for v in value]
        self.candidates.setdefault(name, []).append((value, source))

    def get(self, name: str) -> list[tuple[Any, str]]:
        """All candidates of a field, most trusted first."""
        return self.candidates.get(name, [])

    def first(self, name: str) -> tuple[Any, str | None]:
        """The most trusted candidate of a field, or (None, None)."""
        found = self.candidates.get(name)
        return found[0] if found else (None, None)


def _attr_value(el) -> str:
    for attr in ("content", "datetime", "src", "href", "value"):
        value = el.get(attr)
        if value and value.strip():
            return value.strip()
    return text_of(el)


def _read_jsonld(root, record: Structured, page_url: str) -> None:
    values = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").lower()
        if "ld+json" in kind and script.text:
            values.extend(jsonld.loads_lenient(script.text))
    all_nodes = jsonld.nodes(values)
    if not all_nodes:
        return
    by_id = {n["@id"]: n for n in all_nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    for node in all_nodes:
        kinds = jsonld.types(node)
        if kinds & {"website", "organization", "newsmediaorganization"}:
            record.add("site_name", next(iter(jsonld.as_texts(node.get("name"))), None), "jsonld")
    article = jsonld.pick_article(all_nodes, page_url)
    if article is not None:
        _read_article_node(article, by_id, record)
    for node in all_nodes:
        if "breadcrumblist" in jsonld.types(node):
            record.add("breadcrumbs", _breadcrumb_items(node), "jsonld")


def _resolve(value, by_id):
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
        return by_id[value["@id"]]
    return value


def _read_article_node(node: dict, by_id: dict, record: Structured) -> None:
    for key in ("headline", "name", "alternativeHeadline"):
        texts = jsonld.as_texts(node.get(key))
        if texts:
            record.add("headline", texts[0], "jsonld")
            break
    for key, name in (("datePublished", "published"), ("dateCreated", "published"), ("dateModified", "modified")):
        texts = jsonld.as_texts(node.get(key))
        record.add(name, texts[0] if texts else None, "jsonld")
    persons: list[str] = []
    organisations: list[str] = []
    authors = node.get("author") or node.get("creator")
    for author in authors if isinstance(authors, list) else [authors]:
        author = _resolve(author, by_id)
        names = jsonld.as_texts(author)
        kinds = jsonld.types(author) if isinstance(author, dict) else set()
        (organisations if kinds & {"organization", "newsmediaorganization", "corporation"} else persons).extend(names)
    record.add("authors", persons or organisations, "jsonld")
    sections = jsonld.as_texts(node.get("articleSection"))
    record.add("section", sections[0] if sections else None, "jsonld")
    keywords = node.get("keywords")
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    record.add("tags", [k.strip() for k in jsonld.as_texts(keywords) if k.strip()], "jsonld")
    languages = jsonld.as_texts(node.get("inLanguage"))
    record.add("language", languages[0] if languages else None, "jsonld")
    record.add("image", jsonld.as_url(_resolve(node.get("image") or node.get("thumbnailUrl"), by_id)), "jsonld")
    body = node.get("articleBody") or node.get("text")
    record.add("body", body if isinstance(body, str) and body.strip() else None, "jsonld")
    descriptions = jsonld.as_texts(node.get("description"))
    record.add("description", descriptions[0] if descriptions else None, "jsonld")
    related = node.get("relatedLink")
    links = [jsonld.as_url(r) for r in (related if isinstance(related, list) else [related])]
    record.add("related", [{"url": u, "title": ""} for u in links if u], "jsonld")
    publisher = _resolve(node.get("publisher"), by_id)
    record.add("site_name", next(iter(jsonld.as_texts(publisher)), None), "jsonld")


def _breadcrumb_items(node: dict) -> list[tuple[str, str | None]]:
    items = node.get("itemListElement")
    result = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        inner = item.get("item")
        names = jsonld.as_texts(item.get("name")) or (jsonld.as_texts(inner) if isinstance(inner, dict) else [])
        if names:
            result.append((names[0], jsonld.as_url(inner)))
    return result


def _is_article_scope(el) -> bool:
    kind = (el.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1].lower()
    return kind in jsonld.ARTICLE_TYPES or kind.endswith("article")


def _read_microdata(root, record: Structured) -> None:
    scopes = [el for el in root.iterfind(".//*[@itemscope]") if _is_article_scope(el)]
    scope = max(scopes, key=lambda el: len(el.xpath(".//*[@itemprop]")), default=None)
    props = scope.iterfind(".//*[@itemprop]") if scope is not None else root.iterfind(".//meta[@itemprop]")
    seen, authors = set(), []
    value: object  # a list of tags, the body's element, or a text
    for el in props:
        for prop in (el.get("itemprop") or "").lower().split():
            name = _MICRODATA_PROPS.get(prop)
            if name == "authors":
                inner = el.xpath(".//*[@itemprop='name']")
                authors.append(_attr_value(inner[0]) if inner else _attr_value(el))
                continue
            if name is None or name in seen:
                continue
            if name == "tags":
                value = [t.strip() for t in _attr_value(el).split(",")]
            elif name == "body_element":
                value = el
            elif name == "image":
                inner = el.xpath(".//*[@itemprop='url']|.//img")
                value = _attr_value(inner[0] if inner else el)
            else:
                value = _attr_value(el)
            seen.add(name)
            record.add(name, value, "microdata")
    record.add("authors", [a for a in authors if a], "microdata")


def _read_meta(root, record: Structured) -> None:
    found: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("http-equiv") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            found.setdefault(key, []).append(content)
    for name, keys in META_KEYS.items():
        for key in keys:
            values = found.get(key)
            if not values:
                continue
            if name in _LIST_FIELDS:
                items = [part.strip() for v in values for part in v.split(",")] if name == "tags" else values
                record.add(name, items, "meta")
            else:
                record.add(name, values[0], "meta")
    for link in root.iterfind(".//link[@rel]"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href"):
            record.candidates.setdefault("url", []).insert(0, (link.get("href").strip(), "meta"))
            break
    lang = root.get("lang") or root.get("xml:lang")
    if lang and lang.strip():
        record.candidates.setdefault("language", []).insert(0, (lang.strip(), "meta"))


def read_structured(root, page_url: str = "") -> Structured:
    """Everything the page at `page_url` declares about itself, as candidates per field (JSON-LD, microdata, meta)."""
    record = Structured()
    _read_jsonld(root, record, page_url)
    _read_microdata(root, record)
    _read_meta(root, record)
    return record
