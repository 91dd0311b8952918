from hypothesis import given
from hypothesis import strategies as st

from newsarchive.extract.document.tree import parse, squash, text_of


def test_squash_collapses_runs_of_whitespace_and_trims_the_ends():
    assert squash("  Bridge \n\t closes\u00a0\u2003today \r\n") == "Bridge closes today"


def test_squash_keeps_the_ideographic_space_of_japanese_text():
    assert squash(" 東京\u3000都庁 \n 発表 ") == "東京\u3000都庁 発表"


def test_squash_keeps_next_line_and_separator_controls_as_text():
    # U+0085 and U+001C..U+001F are whitespace to str.split() but not spacing in a page's text.
    assert squash("a\x85b  c\x1fd") == "a\x85b c\x1fd"


@given(st.text(alphabet=st.sampled_from("ab \t\n\u00a0\u2003\u3000\x85\x1c"), max_size=40))
def test_squashed_text_has_no_edge_or_double_spaces_and_loses_no_letters(text):
    result = squash(text)
    assert not result.startswith(" ") and not result.endswith(" ") and "  " not in result
    assert [ch for ch in result if ch in "ab\u3000\x85\x1c"] == [ch for ch in text if ch in "ab\u3000\x85\x1c"]


def test_parse_drops_nul_bytes_and_lone_surrogates_but_keeps_the_text_around_them():
    root = parse("<p>Bridge\x00 clo\ud800ses\x0b today</p>")
    assert text_of(root.find(".//p")) == "Bridge closes today"


def test_markup_nested_past_the_parser_depth_limit_is_read_with_its_text_in_order():
    root = parse("<html><body>" + "<div>" * 3000 + "<p>deep</p>" + "</div>" * 3000 + "<p>after</p></body></html>")
    assert text_of(root.find("body")) == "deepafter"
    depth, el = 0, root
    while len(el):
        depth, el = depth + 1, el[0]
    assert depth < 2048


def test_every_character_libxml2_refuses_is_dropped_and_its_neighbours_kept():
    refused = [*map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]), "\ud800", "\udfff", "\ufffe", "\uffff"]
    for ch in refused:
        assert text_of(parse(f"<p>ab{ch}cd é</p>").find(".//p")) == "abcd é", repr(ch)
