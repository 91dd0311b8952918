"""Word-level diffs of two versions of a text (character-level for Chinese/Japanese/Korean), with difflib."""

from __future__ import annotations

import difflib
import re

# A CJK character is a token of its own (Japanese has no spaces between words); elsewhere a word with
# the spaces after it, a punctuation mark, or a line break.
_TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff00-\uffef\u3000-\u303f]"
    r"|\n|[^\W_]+[ \t]*|[^\w\s][ \t]*|_+[ \t]*|[ \t]+"
)


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
