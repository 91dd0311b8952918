"""Which links of a page sit only in its furniture: the <nav>, <header> and <footer> every page of a site repeats.

Read with two regular expressions over the page's text, as discovery.iter_hrefs reads its links: no tree is
built for it. A link found anywhere else on the page too (a story in the header's ticker and in the body) is
not furniture. Broken markup never makes a page all furniture: an element left open counts for nothing, and a
page whose links are nearly all inside such elements (a site that wraps its whole page in <header>) has none.
"""

from __future__ import annotations

import re
from html import unescape

_HREF = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)
_FURNITURE_TAG = re.compile(r"<(/?)(?:nav|header|footer)\b[^>]*>", re.I)
_MOST = 0.9  # a page with more of its links in furniture than this is read as having no furniture


def furniture_hrefs(text: str) -> set[str]:
    """The hrefs (stripped and unescaped, as iter_hrefs gives them) found only inside nav, header or footer."""
    spans = _spans(text)
    if not spans:
        return set()
    inside: set[str] = set()
    outside: set[str] = set()
    spans_iter = iter(spans)
    span = next(spans_iter, None)
    for match in _HREF.finditer(text):
        while span is not None and match.start() >= span[1]:
            span = next(spans_iter, None)
        href = (match.group(1) or match.group(2) or match.group(3) or "").strip()
        href = unescape(href) if "&" in href else href
        (inside if span is not None and span[0] <= match.start() else outside).add(href)
    only = inside - outside
    if len(only) > _MOST * (len(only) + len(outside)):
        return set()
    return only


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the outermost closed nav/header/footer elements, in page order."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for match in _FURNITURE_TAG.finditer(text):
        if not match.group(1):
            if depth == 0:
                start = match.start()
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((start, match.end()))
    return spans
