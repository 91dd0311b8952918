"""Whether an element belongs to the site's chrome (navigation, page header/footer, rankings), not the article."""

from __future__ import annotations

from newsarchive.extract.boilerplate.junk import RANKING_WORDS
from newsarchive.extract.document.tree import ancestors, tokens

_NAVIGATION_WORDS = frozenset("nav navbar navigation menu breadcrumb breadcrumbs".split())
_ARTICLE_TAGS = ("article", "main")
_ARTICLE_WORDS = frozenset("article entry post story".split())
_CRUMB_WORDS = frozenset("breadcrumb breadcrumbs crumb crumbs".split())


def in_site_chrome(el) -> bool:
    """Like junk.in_furniture, except that an article's own <header> (inside <article> or <main>) is not
    chrome: it holds the article's headline, kicker and dateline."""
    chain = [el, *ancestors(el)]
    for index, node in enumerate(chain):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "header" and not is_article_header(node, chain[index + 1 :]):
            return True
        if tag in ("nav", "footer") or (node.get("role") or "").lower() in ("navigation", "banner", "menu"):
            return True
        words = tokens(node)
        if words & RANKING_WORDS or words & _NAVIGATION_WORDS:
            return True
    return False


def is_article_header(header, chain=None) -> bool:
    """Whether a <header> (or header-like block) heads the article rather than the page."""
    chain = list(ancestors(header)) if chain is None else chain
    return bool(tokens(header) & _ARTICLE_WORDS) or any(
        a.tag in _ARTICLE_TAGS or tokens(a) & _ARTICLE_WORDS for a in chain
    )


def is_crumb(el) -> bool:
    """Whether a heading is an item of a breadcrumb trail (many sites mark its last item up as the page's <h1>)."""
    return any(a.tag in ("li", "nav") or tokens(a) & _CRUMB_WORDS for a in ancestors(el))
