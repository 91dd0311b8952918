"""An article's language: a declared code reduced to its primary subtag, or guessed from CJK scripts."""

from __future__ import annotations

import re

from newsarchive.text.words import HAN, HANGUL, KANA

_KANA = re.compile(f"[{KANA}]")
_HAN = re.compile(f"[{HAN}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_LETTERS = re.compile(r"[^\W\d_]")


def language_code(value: str | None) -> str | None:
    """The primary language subtag of "ja-JP", "de_AT", "en" (lower-case), or None."""
    if not value:
        return None
    code = re.split(r"[-_\s,;]", value.strip())[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def guess_language(text: str) -> str | None:
    """ "ja", "ko" or "zh" when the text is mostly in that script; None otherwise (Latin scripts are not guessed)."""
    sample = text[:5000]
    letters = len(_LETTERS.findall(sample))
    if not letters:
        return None
    kana, han, hangul = len(_KANA.findall(sample)), len(_HAN.findall(sample)), len(_HANGUL.findall(sample))
    if kana and (kana + han) >= 0.3 * letters:
        return "ja"
    if hangul >= 0.3 * letters:
        return "ko"
    if han >= 0.3 * letters:
        return "zh"
    return None
