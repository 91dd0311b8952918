"""Word-level diffs of two versions of a text (character-level for Chinese/Japanese/Korean), with difflib."""

from __future__ import annotations

import difflib
import re

from newsarchive.text.words import CJK_AS_WRITTEN, WORD_CHAR_AS_WRITTEN

# Words as text.words cuts them, but from the text as written (the runs must give it back): a CJK character
# is a unit of its own, elsewhere a word with the spaces after it; then a punctuation mark or a run of
# underscores with the spaces after it, a line break, or spaces no word precedes.
_TOKEN = re.compile(f"[{CJK_AS_WRITTEN}]|{WORD_CHAR_AS_WRITTEN}+[^\\S\n]*|[^\\w\\s][^\\S\n]*|_+[^\\S\n]*|\n|[^\\S\n]+")


def tokens(text: str) -> list[str]:
    """The units the diff compares; joined back together they are the text."""
    return _TOKEN.findall(text)


def diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs turning `old` into `new`: op is "=" (kept), "-" (removed) or "+" (added)."""
    a, b = tokens(old), tokens(new)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("+", "".join(b[j1:j2])))
    return runs


def render(runs: list[tuple[str, str]]) -> str:
    """The runs as text: removals as [-…-], additions as {+…+} (git's --word-diff=plain notation)."""
    marks = {"=": ("", ""), "-": ("[-", "-]"), "+": ("{+", "+}")}
    return "".join(f"{marks[op][0]}{text}{marks[op][1]}" for op, text in runs)


def changed(runs: list[tuple[str, str]]) -> bool:
    return any(op != "=" for op, _text in runs)
