"""Diffs of two revisions: words in English, characters in Japanese."""

from newsarchive.text.textdiff import diff, render, tokens


def test_english_changes_are_whole_words():
    assert (
        render(diff("The quick brown fox jumps.", "The quick red fox jumps."))
        == "The quick [-brown -]{+red +}fox jumps."
    )


def test_japanese_changes_are_characters():
    assert render(diff("戦略条約締結", "戦略条約に署名")) == "戦略条約[-締結-]{+に署名+}"


def test_tokens_join_back_to_the_text_and_equal_texts_have_no_change():
    text = "Line one, 日本語。\nline_two  x"
    assert "".join(tokens(text)) == text
    assert diff(text, text) == [("=", text)]


def test_a_number_next_to_japanese_is_a_word_of_its_own():
    assert render(diff("2024年5月に署名", "2025年5月に署名")) == "[-2024-]{+2025+}年5月に署名"


def test_any_whitespace_joins_back_and_half_width_katakana_are_characters():
    text = "Zeile eins\r\nzwei\u00a0Wörter\u3000ﾃｽﾄ"
    assert "".join(tokens(text)) == text
    assert render(diff("ﾃｽﾄ", "ﾃｷｽﾄ")) == "ﾃ{+ｷ+}ｽﾄ"
