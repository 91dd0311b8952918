"""Score a page's elements by the paragraph text they hold, Readability-style, and measure text weight and links."""

from __future__ import annotations

import re

from newsarchive.extract.document.tree import BLOCK_TAGS, ancestors, squash, text_of
from newsarchive.text.words import CJK_AS_WRITTEN

_CJK = re.compile(f"[{CJK_AS_WRITTEN}]")  # page text as written: half-width kana count as CJK too
_PUNCT = re.compile(r"[,.;:!?，、。．！？]")
_CONTAINERS = frozenset("div section article main td span font center body blockquote".split())
_SUBHEADS = frozenset("h2 h3 h4 h5 h6".split())
_INLINE_CONTAINERS = frozenset("span font a b strong em i u small".split())
_MIN_UNIT = 25
_CREDITED_LEVELS = 3


def weight(text: str) -> int:
    """Text length in characters, counting CJK characters twice: they carry a word's worth each."""
    return len(text) + len(_CJK.findall(text))


def link_chars(el) -> int:
    """Characters of link text under `el`."""
    return sum(len(text_of(a)) for a in el.iter("a"))


def link_density(el) -> float:
    """The share of the text under `el` that is link text (1.0 for an element without text)."""
    text = text_of(el)
    return link_chars(el) / len(text) if text else 1.0


def score_units(root, units: list | None = None) -> dict:
    """Readability-style scores: each paragraph-like unit credits the elements holding it, less each level up.

    `units`, when given, collects (element, weight) of every such unit, and of every subhead.
    """
    scores: dict = {}
    for el in root.iter():
        if el.tag in _SUBHEADS:
            if units is not None:  # subheads are part of a body: climbing to take them in costs nothing
                units.append((el, weight(text_of(el))))
            continue
        unit = _unit(el)
        if unit is None:
            continue
        text, size, is_p = unit
        score = 1 + min(len(_PUNCT.findall(text)), 12) + min(size / 100, 3)
        for level, target in enumerate(_credited(el, is_p)):
            scores[target] = scores.get(target, 0.0) + score / (level + 1)
        if units is not None and not (not is_p and _in_paragraph(el)):
            units.append((el, size))
    return scores


def _unit(el) -> tuple[str, int, bool] | None:
    """(text, weight, whether a <p>/<pre>) of a paragraph-like unit, or None.

    A <p> or <pre> is a unit with all its text, a container with its own text (block children are units of
    their own). Short text is no unit, nor is text that is mostly links.
    """
    is_p = el.tag in ("p", "pre")
    if is_p:
        text = text_of(el)
    elif el.tag in _CONTAINERS:
        text, links = _own_text(el)
    else:
        return None
    size = weight(text)
    if size < _MIN_UNIT:
        return None
    if is_p:
        links = link_chars(el)
    if links > 0.5 * len(text):
        return None
    return text, size, is_p


def _own_text(el) -> tuple[str, int]:
    # Text of the element itself and of its inline children, without block children, and how much is links.
    parts, links = [el.text or ""], 0
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
            text = text_of(child)
            parts.append(text)
            links += len(text) if child.tag == "a" else link_chars(child)
        parts.append(child.tail or "")
    return squash("".join(parts)), links


def _credited(el, is_p: bool) -> list:
    # The elements a unit's score goes to, nearest first: a container unit is itself the first of them,
    # a paragraph's are its parent and the levels above.
    targets = [] if is_p else [el]
    parent = el.getparent()
    while parent is not None and len(targets) < _CREDITED_LEVELS:
        targets.append(parent)
        parent = parent.getparent()
    return targets


def _in_paragraph(el) -> bool:
    # A <span> inside a <p> is already counted with the paragraph.
    for node in ancestors(el):
        if node.tag in ("p", "pre"):
            return True
        if node.tag not in _INLINE_CONTAINERS:
            return False
    return False
