"""Bound the work an oversized page costs: drop what is never article text, then cut markup and elements at limits."""

from __future__ import annotations

import re

# Characters of markup a page may have before anything is dropped or cut. Real article pages stay
# well under it (the largest of the 258 eval pages is 2.2 MB with its scripts and styles), and pages
# over it lose scripts and styles before anything is cut.
MAX_MARKUP = 4_000_000
# Script contents kept past that point (JSON-LD, and scripts that may ship the body as HTML in a JSON
# string) are cheap to parse but not free to search: they have a budget of their own.
MAX_SCRIPTS = 8_000_000
# Elements a page may have: what extraction costs grows with them (about 10 µs each for tiny ones), and
# few characters make one ("<b>a</b>"). The largest of the 258 eval pages has about 4,100.
MAX_ELEMENTS = 100_000

_NEVER_TEXT = ("script", "style", "svg", "noscript", "template")
# An opening tag's attributes are bounded so that a "<script" without a ">" costs one short look.
_OPENER = re.compile(r"<!--|<(script|style|svg|noscript|template)\b([^>]{0,2000})>", re.I)
_CLOSER = {name: re.compile(rf"</{name}\s*>", re.I) for name in _NEVER_TEXT}
_JSON_LD = re.compile(r"ld\+json", re.I)
# Attribute values of many kilobytes (inline data: images, serialised state) are never article text.
_LONG_VALUE = re.compile(r"""(\s[\w:.-]+\s*=\s*)(?:"[^"<>]{10000,}"|'[^'<>]{10000,}')""")
_SHIPPED_PARAGRAPH = re.compile(r"\\u003[cC]p[\s>\\]|<p[\s>]")


def bound_markup(text: str) -> tuple[str, str | None]:
    """(text, note): a page within MAX_MARKUP unchanged; a larger one without comments, styles, SVG,
    noscript/template contents, scripts other than JSON-LD and possible script-shipped bodies, and
    attribute values over 10,000 characters, and cut at MAX_MARKUP characters of what is left (kept
    script contents not counted).

    `note` says what was cut ("cut at 4000000 of 52000000 characters of markup"), or None.
    """
    if len(text) <= MAX_MARKUP:
        return text, None
    out: list[str] = []
    markup = scripts = 0
    pos = 0
    while pos < len(text):
        match = _OPENER.search(text, pos)
        before = _LONG_VALUE.sub(r'\1""', text[pos : match.start() if match else len(text)])
        if markup + len(before) > MAX_MARKUP:
            out.append(_cut(before, MAX_MARKUP - markup))
            return "".join(out), f"cut at {MAX_MARKUP} of {len(text)} characters of markup"
        out.append(before)
        markup += len(before)
        if match is None:
            break
        name = (match.group(1) or "").lower()
        if not name:  # a comment; one left open runs to the end, as a parser reads it
            end = text.find("-->", match.end())
            pos = len(text) if end < 0 else end + 3
            continue
        opening = match.group(0)
        closer = _CLOSER[name].search(text, match.end())
        content_end = closer.start() if closer else len(text)
        content = text[match.end() : content_end]
        keep = (
            name == "script"
            and scripts + len(content) <= MAX_SCRIPTS
            and (_JSON_LD.search(match.group(2) or "") or _SHIPPED_PARAGRAPH.search(content))
        )
        out.append(opening + (content if keep else "") + (closer.group(0) if closer else ""))
        markup += len(opening)
        scripts += len(content) if keep else 0
        pos = closer.end() if closer else len(text)
    return "".join(out), None


def _cut(text: str, room: int) -> str:
    # Cut before a tag rather than inside one, when a tag starts in the last part of the room.
    head = text[: max(room, 0)]
    tag = head.rfind("<", max(0, len(head) - 10_000))
    return head[:tag] if tag > 0 else head


def bound_elements(text: str, root) -> str | None:
    """Drop every element after the first MAX_ELEMENTS of `root` (parsed from `text`), in document order.

    Returns what was cut ("cut after 100000 of 570000 elements"), or None. Each element needs a "<"
    in the markup, so a page with fewer of those is not even counted.
    """
    if text.count("<") <= MAX_ELEMENTS:
        return None
    count, last = 0, None
    for el in root.iter():
        count += 1
        if count == MAX_ELEMENTS:
            last = el
    if last is None or count <= MAX_ELEMENTS:
        return None
    # After the last element kept come its own children, then the later siblings of it and of each
    # element around it.
    for child in list(last):
        last.remove(child)
    node = last
    while node is not None and node is not root:
        parent = node.getparent()
        sibling = node.getnext()
        while sibling is not None:
            following = sibling.getnext()
            parent.remove(sibling)
            sibling = following
        node = parent
    return f"cut after {MAX_ELEMENTS} of {count} elements"
