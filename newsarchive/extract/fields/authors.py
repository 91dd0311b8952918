"""An article's authors: from structured data, a site's selector or the byline, "By A, B and C" into names.

Two names written one after the other with no separator ("Vladimir Soldatkin Andrew Osborn") are told apart
only where the page itself tells them apart: the same names as separate elements of the byline, as entries
of a JSON-LD or microdata author list, or as `rel=author` links. Otherwise the string stays as written: a
name of four words ("Gabriel García Márquez Jr") is no proof of two.
"""

from __future__ import annotations

import re

from newsarchive.extract.boilerplate.junk import in_furniture
from newsarchive.extract.document.tree import css, text_of, tokens
from newsarchive.text.clean import clean_line

_BY = re.compile(r"^(?:by|von|par|por|di|door|av|af|text:|text von|文[・:：]|取材[・:：]?|written by)\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|、|／|\s/\s|\band\b|\bund\b|\bet\b|\by\b|&)\s*", re.I)
_LETTERS = re.compile(r"[^\W\d_]")
_BY_ONLY = re.compile(r"^\s*(?:by|von|par|por|di|door|av|af)?\s*$", re.I)
_BYLINE_WORDS = frozenset("author authors byline bylines writer reporter".split())
# What may stand between two names written as separate elements: spaces and separators, nothing else.
_BETWEEN = re.compile(r"^[\s,;、·|/&]*(?:and|und|et|y)?[\s,;、·|/&]*$", re.I)


def split_authors(values) -> list[str]:
    """Author names from strings like "By A, B and C" (URLs and e-mail addresses dropped)."""
    names = []
    for value in values:
        value = clean_line(value)
        if not value or re.match(r"^(?:https?:|www\.)", value) or "@" in value and " " not in value:
            continue
        value = _BY.sub("", value)
        for part in _AUTHOR_SPLIT.split(value) if len(value) > 3 else [value]:
            part = _BY.sub("", part.strip(" ·|-–—:"))
            if part and len(part) <= 80 and _LETTERS.search(part):
                names.append(part)
    return names


def authors(root, record, rules):
    """(names, source): JSON-LD persons, microdata, meta author, Rules.authors, then byline elements; a
    name that is two names of the page's own, joined, is given as those two."""
    names, source = _authors(root, record, rules)
    if any(name.count(" ") >= 3 for name in names):  # two names of two words at least: worth a look
        known = _names_told_apart(root, record, rules)
        names = [part for name in names for part in apart(name, known)]
    return names, source


def _authors(root, record, rules):
    for value, source in record.get("authors"):
        names = split_authors(value)
        if names:
            return names, source
    names = split_authors(text_of(el) for el in css(root, rules.authors))
    if names:
        return names, "site"
    names = [text_of(a) for a in root.iterfind(".//a[@rel='author']")]
    if not names:
        byline = _byline(root)
        names = byline_names(byline) if byline is not None else []
    names = split_authors(names)
    return (names, "heuristic") if names else ([], None)


def _byline(root):
    for el in root.iter():
        words = tokens(el) if isinstance(el.tag, str) else frozenset()
        if words & _BYLINE_WORDS and 0 < len(text_of(el)) <= 100 and not in_furniture(el):
            return el
    return None


def byline_names(el) -> list[str]:
    """The names a byline element gives: its linked names ("By <a>A</a> and <a>B</a>"), its names as separate
    elements (`<span>A</span> <span>B</span>`), else its first text: what follows it in nested elements is a
    title or a column's name ("冷泉彰彦<span>コラム名</span>")."""
    linked = [text_of(a) for a in el.iter("a") if text_of(a)]
    if linked:
        return linked
    separate = separate_names(el)
    if separate:
        return separate
    first = next((part.strip() for part in el.itertext() if part.strip()), "")
    return [first] if first else []


def separate_names(el) -> list[str]:
    """Names written as sibling elements of one tag and class with only separators between them (two at least,
    each one to four capitalised words), searched for in `el` and its children; [] when there are none."""
    for parent in (el, *el):
        if not isinstance(parent.tag, str):
            continue
        children = [c for c in parent if isinstance(c.tag, str)]
        # One tag and one class for all: `<span class=author>` beside `<span class=publication>` is no list.
        kinds = {(c.tag, c.get("class")) for c in children}
        if len(children) < 2 or len(kinds) != 1 or not _BY_ONLY.match(parent.text or ""):
            continue
        texts = [text_of(c) for c in children]
        between = [c.tail or "" for c in children]
        if all(_looks_like_name(t) for t in texts) and all(_BETWEEN.match(t) for t in between):
            return texts
    return []


def _looks_like_name(text: str) -> bool:
    words = text.split()
    # A cased script's name is capitalised; a name in a script without case (Japanese, Chinese) is short.
    return 0 < len(words) <= 4 and len(text) <= 40 and all(not w[0].islower() and _LETTERS.match(w) for w in words)


def _names_told_apart(root, record, rules) -> list[str]:
    """Every name the page gives on its own: each entry of its declared author lists, each element its site's
    selector matches, each `rel=author` link and each name of its byline written as a separate element."""
    known = [name for value, _ in record.get("authors") for name in split_authors(value)]
    known += split_authors(text_of(el) for el in css(root, rules.authors))
    known += [text_of(a) for a in root.iterfind(".//a[@rel='author']")]
    byline = _byline(root)
    if byline is not None:
        known += separate_names(byline)
    return list(dict.fromkeys(n for n in known if n))


def apart(name: str, known: list[str]) -> list[str]:
    """`name` as the page's own names it is made of, in order ("A B C D" -> ["A B", "C D"] when "A B" and
    "C D" are known names); [name] when it is not such a join."""
    words = name.split()
    shorter = {tuple(k.split()) for k in known if 0 < len(k.split()) < len(words)}
    # ways[i]: a split of words[:i] into known names (None: there is none); names are few, pages short.
    ways: list[list[str] | None] = [[]] + [None] * len(words)
    for end in range(1, len(words) + 1):
        for start in range(end):
            if ways[start] is not None and tuple(words[start:end]) in shorter:
                ways[end] = [*ways[start], " ".join(words[start:end])]  # type: ignore[misc]
                break
    found = ways[len(words)]
    return found if found and len(found) > 1 else [name]
