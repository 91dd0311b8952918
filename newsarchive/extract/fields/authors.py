"""An article's authors from byline strings: "By A, B and C" into names."""

from __future__ import annotations

import re

from newsarchive.text.clean import clean_line

_BY = re.compile(r"^(?:by|von|par|por|di|door|av|af|text:|text von|文[・:：]|取材[・:：]?|written by)\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|、|／|\s/\s|\band\b|\bund\b|\bet\b|\by\b|&)\s*", re.I)
_LETTERS = re.compile(r"[^\W\d_]")


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
