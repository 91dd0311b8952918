"""Diffs of two revisions: words in English, characters in Japanese."""

from newsarchive.text.textdiff import diff, render, tokens


def test_english_changes_are_whole_words():
    assert render(diff("The quick brown fox jumps.", "The quick red fox jumps.")) == "The quick [-brown -]{+red +}fox jumps."


def test_japanese_changes_are_characters():
    assert render(diff("戦略条約締結", "戦略条約に署名")) == "戦略条約[-締結-]{+に署名+}"


def test_tokens_join_back_to_the_text_and_equal_texts_have_no_change():
    text = "Line one, 日本語。\nline_two  x"
    assert "".join(tokens(text)) == text
    assert diff(text, text) == [("=", text)]
