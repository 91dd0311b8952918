import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.extract.boilerplate.caseless import Caseless

WORDS = r"related|read more|mehr|läs|même|関連"


@pytest.mark.parametrize(
    "text",
    [
        "RELATED STORIES",
        "Read More",
        "MEHR ZUM THEMA",
        "LÄS OCKSÅ",
        "MÊME sujet",
        "【関連記事】",
        "nothing here",
        "",
        "ſee RELATED",
        "İlgili",
    ],
)
def test_finds_words_in_any_case_like_re_ignorecase(text):
    assert bool(Caseless(WORDS).search(text)) == bool(re.search(WORDS, text, re.I))


def test_long_s_and_dotted_capital_i_match_as_re_ignorecase_matches_them():
    # re.I matches "ſ" to "s" and "İ" to "i"; str.lower() does not turn them into those letters.
    assert Caseless("lesen").search("LEſEN")
    assert Caseless("leggi").search("LEGGİ")
    assert Caseless("interessant").search("İNTERESSANT")


def test_pattern_with_capitals_is_refused():
    with pytest.raises(ValueError):
        Caseless(r"Related|\S+")


@given(st.text(alphabet=st.sampled_from("relatdomREATDLOMhHäÄêÊİıſ 関連"), max_size=30))
def test_agrees_with_re_ignorecase_on_any_text(text):
    assert bool(Caseless(WORDS).search(text)) == bool(re.search(WORDS, text, re.I))
