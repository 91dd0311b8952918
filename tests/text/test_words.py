"""The one word rule: what the search index and story clusters stored stays what it cuts, and shingles compare texts."""

import re
from functools import cache

from newsarchive.store.search import SEGMENTATION
from newsarchive.text import neardup
from newsarchive.text.words import CJK, HAN, HANGUL, KANA, contained, shingles, words

# The characters that are words of their own in archives stamped search "cjk-char-1" and clusters "t3".
STAMPED_CJK = [
    (0x3005, 0x3007),
    (0x3041, 0x3096),
    (0x309D, 0x309F),
    (0x30A1, 0x30FA),
    (0x30FC, 0x30FF),
    (0x31F0, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
]


# Every code point but the surrogates, in order: a run a character class matches in it is a range of code points.
_ALL = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))


@cache
def _ranges(chars: str) -> list[tuple[int, int]]:
    """The code point ranges a regular-expression character class of `chars` matches."""
    return [(ord(m[0][0]), ord(m[0][-1])) for m in re.finditer(f"[{chars}]+", _ALL)]


def test_the_characters_cut_one_by_one_are_those_existing_indexes_were_built_with():
    # Archives open without rebuilding when their stamps are current; a change to these characters needs new
    # stamps (search.SEGMENTATION, neardup.VERSION), so that existing archives rebuild instead of missing words.
    assert (SEGMENTATION, neardup.VERSION[:3]) == ("cjk-char-1", "t3-")
    assert _ranges(CJK) == STAMPED_CJK


def test_a_cjk_character_is_kana_han_or_hangul_never_two_of_them():
    size = sum(last - first + 1 for first, last in _ranges(CJK))
    assert sum(last - first + 1 for chars in (KANA, HAN, HANGUL) for first, last in _ranges(chars)) == size


def test_words_fold_the_text_and_cut_cjk_into_characters():
    text = "Ｔｏｋｙｏ 東京都の人々、ﾃｽﾄ・データ snake_case 서울시 2024年 Straße"
    assert words(text) == [
        "tokyo",
        "東",
        "京",
        "都",
        "の",
        "人",
        "々",
        "テ",
        "ス",
        "ト",
        "デ",
        "ー",
        "タ",
        "snake",
        "case",
        "서",
        "울",
        "시",
        "2024",
        "年",
        "strasse",
    ]


def test_shingles_are_three_word_runs_and_a_short_text_is_one():
    assert shingles("The quick BROWN fox.") == {("the", "quick", "brown"), ("quick", "brown", "fox")}
    assert shingles("条約") == {("条", "約")}
    assert shingles("") == {()}


def test_contained_is_the_share_of_one_texts_shingles_found_in_another():
    page = shingles("The quick brown fox jumps over the lazy dog")
    assert contained(shingles("the quick brown fox"), page) == 1.0
    assert contained(shingles("The quick brown cat"), page) == 0.5
    assert contained(set(), page) == 0.0
