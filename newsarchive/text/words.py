"""How text is cut into words, one rule shared by full-text search and near-duplicate detection.

Text is folded first (NFKC: full-width Latin and half-width kana become ordinary; then casefold).
Chinese, Japanese and Korean are written without spaces between words (Korean attaches particles to
its words), so each of their characters is a word of its own; a search for 条約 is then a phrase of two
characters, and Japanese near-duplicates are compared by character 3-grams. Any other run of letters
and digits is one word; everything else (spaces, punctuation, the katakana middle dot ・) separates.
"""

from __future__ import annotations

import re
import unicodedata

# Kanji (incl. 々〆〇 and the supplementary planes), hiragana, katakana (incl. the long vowel mark ー,
# not the ・ separator), Hangul syllables.
CJK = (
    "\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
# A character of CJK, or a word of letters and digits (unicode61, which indexes the words, also splits on "_").
_WORD = re.compile(f"[{CJK}]|[^\\W_{CJK}]+")
# Runs instead of characters: group 1 is a CJK run, else the match is a word.
RUN = re.compile(f"([{CJK}]+)|[^\\W_{CJK}]+")
WORD_CHAR = f"[^\\W_{CJK}]"


def fold(text: str) -> str:
    """The text as words are cut from it: NFKC (full-width Latin, half-width kana folded) and casefolded."""
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """The folded text's words: each CJK character alone, any other run of letters and digits whole."""
    return _WORD.findall(fold(text))
