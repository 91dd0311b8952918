"""Read JSON-LD blocks the way browsers tolerate them and find the article node among them."""

from __future__ import annotations

import json
import re

from newsarchive.text.urls import url_key

_COMMENT_WRAP = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")
_MAX_NODES = 2000
_MAX_DEPTH = 40

ARTICLE_TYPES = frozenset(
    "article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle backgroundnewsarticle "
    "reviewnewsarticle askpublicnewsarticle blogposting liveblogposting socialmediaposting report "
    "scholarlyarticle techarticle satiricalarticle advertisertcontentarticle medicalscholarlyarticle "
    "discussionforumposting".split()
)


def _repair(text: str) -> str:
    """Drop trailing commas outside strings and escape raw line breaks inside strings."""
    out: list[str] = []
    in_string = escaped = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            elif ch in "\n\r\t":
                ch = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch]
            out.append(ch)
        elif ch == '"':
            in_string = True
            out.append(ch)
        elif ch == ",":
            if not _is_trailing_comma(text, i):
                out.append(ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _is_trailing_comma(text: str, i: int) -> bool:
    """Whether the comma at text[i] is a trailing one: only whitespace between it and a closing } or ]."""
    j, n = i + 1, len(text)
    while j < n and text[j] in " \t\r\n":
        j += 1
    return j < n and text[j] in "}]"


def loads_lenient(text: str) -> list:
    """Every JSON value in a script block: comments/CDATA stripped, several values allowed, light repairs."""
    text = _COMMENT_WRAP.sub("", text.strip()).strip().rstrip(";")
    if not text:
        return []
    for candidate in (text, None):
        if candidate is None:
            candidate = _repair(text)
        decoder = json.JSONDecoder(strict=False)
        values, pos = [], 0
        try:
            while pos < len(candidate):
                while pos < len(candidate) and candidate[pos] in " \t\r\n;,":
                    pos += 1
                if pos >= len(candidate):
                    break
                value, pos = decoder.raw_decode(candidate, pos)
                values.append(value)
            return values
        except (ValueError, RecursionError):
            if values:
                return values
    return []


def nodes(values) -> list[dict]:
    """All objects with an @type (or @id) reachable from the parsed values, breadth-first, bounded."""
    found: list[dict] = []
    queue = [(v, 0) for v in values]
    while queue and len(found) < _MAX_NODES:
        value, depth = queue.pop(0)
        if depth > _MAX_DEPTH:
            continue
        if isinstance(value, list):
            queue.extend((v, depth + 1) for v in value)
        elif isinstance(value, dict):
            if "@type" in value or "@id" in value:
                found.append(value)
            for key in ("@graph", "mainEntity", "itemListElement", "hasPart", "subjectOf", "about", "isPartOf"):
                if key in value:
                    queue.append((value[key], depth + 1))
    return found


def types(node: dict) -> set[str]:
    """The node's @type values, lower-case, without a schema.org prefix."""
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for v in values if v}


def is_article(node: dict) -> bool:
    """Whether the node is an article of some kind (NewsArticle, BlogPosting, ...)."""
    return any(t in ARTICLE_TYPES or t.endswith("article") for t in types(node))


def pick_article(candidates: list[dict], page_url: str = "") -> dict | None:
    """The article node for this page: one naming the page's URL (any variant of it), else the one with most content."""
    articles = [n for n in candidates if is_article(n)]
    if not articles:
        return None
    url_keys = {url_key(page_url)} if page_url else set()

    def score(node):
        own = any(url_key(u) in url_keys for u in (as_url(node.get("url")), as_url(node.get("mainEntityOfPage"))) if u)
        body = node.get("articleBody")
        return (own, bool(node.get("headline") or node.get("name")), len(body) if isinstance(body, str) else 0)

    return max(articles, key=score)


def as_url(value) -> str | None:
    """A URL given as a string, an {"@id"}/{"url"} object, or the first of a list."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id") or value.get("contentUrl")
    return value if isinstance(value, str) and value.strip() else None


def as_texts(value) -> list[str]:
    """Names given as a string, an object with a name, or a list of either."""
    values = value if isinstance(value, list) else [value]
    result = []
    for item in values:
        if isinstance(item, dict):
            item = item.get("name") or item.get("@value")
            if isinstance(item, list):
                item = item[0] if item else None
        if isinstance(item, (str, int, float)) and str(item).strip():
            result.append(str(item).strip())
    return result
