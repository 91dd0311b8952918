"""How text is cut into words: one rule shared by search, near-duplicates, extraction's text comparisons and diffs.

Text is folded first (NFKC: full-width Latin and half-width kana become ordinary; then casefold).
Chinese, Japanese and Korean are written without spaces between words (Korean attaches particles to
its words), so each of their characters is a word of its own; a search for 条約 is then a phrase of two
characters, and Japanese near-duplicates are compared by character 3-grams. Any other run of letters
and digits is one word; everything else (spaces, punctuation, the katakana middle dot ・) separates.

The search index and the story clusters store what this rule cut (store.search.SEGMENTATION and
text.neardup.VERSION stamp it): a change to which characters are words needs new stamps, so that
existing archives rebuild their indexes instead of silently finding nothing.
"""

from __future__ import annotations

import re
import unicodedata

# Hiragana and katakana (incl. the iteration marks and the long vowel mark ー, not the ・ separator or the
# voicing marks ゛゜, which are not letters).
KANA = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
# Kanji / hanzi: 々〆〇, the unified ideographs with extension A, the compatibility ideographs, the supplementary
# planes.
HAN = "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HANGUL = "\uac00-\ud7af"  # the precomposed syllables
CJK = KANA + HAN + HANGUL

# A letter or digit of a word that is not CJK (unicode61, which indexes the words, also splits on "_").
WORD_CHAR = f"[^\\W_{CJK}]"
# A character of CJK, or a word of letters and digits.
_WORD = re.compile(f"[{CJK}]|{WORD_CHAR}+")
# Runs instead of characters: group 1 is a CJK run, else the match is a word.
RUN = re.compile(f"([{CJK}]+)|{WORD_CHAR}+")
# Text cut as written, unfolded (a diff must give back the very text): there the half-width katakana that fold()
# makes full-width are CJK characters too.
CJK_AS_WRITTEN = CJK + "\uff66-\uff9f"
WORD_CHAR_AS_WRITTEN = f"[^\\W_{CJK_AS_WRITTEN}]"


def fold(text: str) -> str:
    """The text as words are cut from it: NFKC (full-width Latin, half-width kana folded) and casefolded."""
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """The folded text's words: each CJK character alone, any other run of letters and digits whole."""
    return _WORD.findall(fold(text))


def shingles(text: str) -> set[tuple[str, ...]]:
    """The text's runs of three consecutive words; a shorter text is one run of what words it has."""
    found = words(text)
    # The shifted copies are one and two words shorter: zip stops at the last full run of three.
    return set(zip(found, found[1:], found[2:], strict=False)) if len(found) >= 3 else {tuple(found)}


def contained(part: set[tuple[str, ...]], whole: set[tuple[str, ...]]) -> float:
    """The share of `part`'s shingles that `whole` has too (0 for no shingles)."""
    return len(part & whole) / len(part) if part else 0.0
