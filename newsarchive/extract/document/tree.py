"""Parse HTML text into an lxml tree safely, and the small tree helpers every extractor shares."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree
from parsel.csstranslator import css2xpath

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
# Characters libxml2 refuses in text (C0 controls other than tab/newline/return) and lone surrogates.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_UNSAFE_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])  # in UTF-8, only those characters
# Plain etree elements (not lxml.html's element classes): their per-node class lookup costs more than parsing.
_PARSER = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, recover=True)
# Whitespace that collapses to one space; U+3000 (ideographic space) is kept: Japanese text uses it on purpose.
_WHITESPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f]+")
# The characters str.split() takes for whitespace and _WHITESPACE does not (and none the other way).
_SPLIT_ONLY = ("\u3000", "\x85", "\x1c", "\x1d", "\x1e", "\x1f")
_TOKEN_SPLIT = re.compile(r"[\s_\-:./]+|(?<=[a-z])(?=[A-Z])")

BLOCK_TAGS = frozenset(
    "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul br".split()
)


def _safe(text: str) -> str:
    """`text` without the characters libxml2 refuses (most pages have none, so look before rewriting)."""
    # A UTF-8 encode fails only on a lone surrogate, and deleting the control bytes from it shows
    # whether there are any: both in C, a quarter of one pass of the character-class regex.
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return _UNSAFE.sub("", text)
    if len(data.translate(None, _UNSAFE_BYTES)) != len(data) or "\ufffe" in text or "\uffff" in text:
        return _UNSAFE.sub("", text)
    return text


# libxml2 stops reading a document nested deeper than 2048 elements (the text after that point is lost).
# Such a page is read again with the tags past this depth left out: their text is kept, in order.
_MAX_DEPTH = 256
_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)[^>]{0,2000}>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def _flattened(text: str, limit: int = _MAX_DEPTH) -> str:
    """`text` without the opening and closing tags nested more than `limit` deep (their text stays)."""
    out, pos, depth = [], 0, 0
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name in _VOID or match.group(0).endswith("/>"):
            continue
        if match.group(1):
            depth = max(depth - 1, 0)
            deep = depth >= limit
        else:
            depth += 1
            deep = depth > limit
        if deep:
            out.append(text[pos : match.start()])
            pos = match.end()
    out.append(text[pos:])
    return "".join(out)


def _too_deep() -> bool:
    error = _PARSER.error_log.last_error  # parsing stops at this error, so it is the last one
    return error is not None and error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in error.message


def parse(text: str):
    """The root <html> element of `text`, or None when nothing HTML-parseable is there."""
    text = _safe(_XML_DECLARATION.sub("", text, count=1))
    if not text or text.isspace():
        return None
    try:
        root = etree.fromstring(text, parser=_PARSER)
        if _too_deep():
            root = etree.fromstring(_flattened(text), parser=_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None
    if root is not None and root.tag != "html":
        root = next(root.iterancestors("html"), root)
    return root if root is not None and isinstance(root.tag, str) else None


@lru_cache(maxsize=512)
def _xpath(selector: str):
    try:
        return etree.XPath(css2xpath(selector))
    except Exception:  # a malformed selector in a site profile must not crash a crawl; it matches nothing
        return None


def css(node, selector: str | None) -> list:
    """Elements under `node` matching a CSS selector (an invalid selector matches nothing)."""
    if not selector or node is None:
        return []
    xpath = _xpath(selector)
    if xpath is None:
        return []
    try:
        return [el for el in xpath(node) if isinstance(el, etree._Element)]
    except etree.XPathError:
        return []


# Class names that describe the content rather than the element (WordPress's post_class adds
# "tag-social-media category-kultur" to the article itself), so their words say nothing about furniture.
# A component name is no label: "author-box", "author-container", "tags-list" name the furniture itself.
_CONTENT_LABEL = re.compile(
    r"^(?:tag|tags|category|categories|topic|section|postid|format|author|type)-"
    r"(?!(?:box|bio|container|info|card|details|description|profile|wrapper|block|list|cloud)(?:$|[-_]))",
    re.I,
)


@lru_cache(maxsize=8192)
def split_tokens(value: str) -> frozenset[str]:
    """Lower-case words of a class/id value: "relatedArticles share-bar" -> related, articles, share, bar."""
    names = [name for name in value.split() if not _CONTENT_LABEL.match(name)]
    return frozenset(t.lower() for name in names for t in _TOKEN_SPLIT.split(name) if t)


def tokens(el) -> frozenset[str]:
    """The words of an element's class and id attributes."""
    value = (el.get("class") or "") + " " + (el.get("id") or "")
    return split_tokens(value) if value.strip() else frozenset()


def text_of(el) -> str:
    """All text under `el`, whitespace-collapsed (iterative: safe on very deep trees)."""
    if el is None:
        return ""
    return squash("".join(el.itertext()))


def squash(text: str) -> str:
    """Runs of whitespace made one space, ends trimmed; the ideographic space U+3000 is text, not spacing."""
    for ch in _SPLIT_ONLY:
        if ch in text:
            return _WHITESPACE.sub(" ", text).strip(" ")
    return " ".join(text.split())  # the same result, 2-3x faster than the regex


def ancestors(el):
    """Parents of `el`, nearest first."""
    parent = el.getparent()
    while parent is not None:
        yield parent
        parent = parent.getparent()
