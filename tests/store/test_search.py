"""Segmentation, query parsing, FTS5 query building and snippets (pure functions of store/search.py)."""

import pytest

from newsarchive.store.errors import SearchQueryError
from newsarchive.store.search import normalise, parse_query, segment, snippet, to_fts


def fts(query: str) -> str:
    return to_fts(parse_query(query))


def test_segment_makes_each_kanji_a_token_of_its_own():
    assert segment("東京都") == "東 京 都"


def test_segment_keeps_english_words_and_splits_scripts_apart():
    assert segment("新型コロナ COVID-19 対策") == "新 型 コ ロ ナ covid 19 対 策"


def test_segment_folds_full_width_latin_and_half_width_katakana():
    assert segment("ＮＥＷＳ ｶﾀｶﾅ") == "news カ タ カ ナ"


def test_segment_keeps_long_vowel_mark_and_iteration_mark_as_tokens():
    assert segment("ニュース") == "ニ ュ ー ス"
    assert segment("人々") == "人 々"


def test_segment_drops_katakana_middle_dot_and_punctuation():
    assert segment("ロシア・イラン、条約") == "ロ シ ア イ ラ ン 条 約"


def test_segment_of_a_single_kanji_is_that_kanji():
    assert segment("年") == "年"


def test_normalise_casefolds_and_applies_nfkc():
    assert normalise("Ｔｏｋｙｏ ﾆｭｰｽ") == "tokyo ニュース"


def test_two_character_term_is_a_phrase_of_its_characters():
    assert fts("条約") == '"条 約"'


def test_one_character_term_is_that_character():
    assert fts("東") == '"東"'


def test_longer_term_is_a_phrase_of_its_characters():
    assert fts("戦略条約") == '"戦 略 条 約"'


def test_english_word_is_quoted():
    assert fts("Treaty") == '"treaty"'


def test_words_are_anded_and_or_joins_its_neighbours():
    assert fts("条約 ロシア OR イラン") == '"条 約" AND ("ロ シ ア" OR "イ ラ ン")'


def test_leading_minus_excludes_a_term():
    assert fts("条約 -北朝鮮") == '("条 約") NOT "北 朝 鮮"'


def test_quoted_phrase_keeps_its_words_in_order():
    assert fts('"trade war"') == '"trade war"'


def test_mixed_term_is_one_phrase_of_characters_and_words():
    assert fts("東京2025") == '"東 京 2025"'


def test_user_input_cannot_inject_fts_syntax():
    built = fts("NEAR(a b) col:x ^y a*")
    assert built == '"near a" AND "b" AND "col x" AND "y" AND "a"'


def test_lowercase_or_is_an_ordinary_word():
    assert fts("this or that") == '"this" AND "or" AND "that"'


@pytest.mark.parametrize(
    "query, message",
    [
        ('"戦略条約', "unbalanced quote"),
        ('条約 "trade war', "unbalanced quote"),
        ('条約\n"trade\nwar', 'unbalanced quote in search: 条約 "trade war'),
        ("", "empty search"),
        ("   ", "empty search"),
        ("OR", "OR needs a search term on each side"),
        ("条約 OR", "OR needs a search term on each side"),
        ("OR 条約", "OR needs a search term on each side"),
        ("-", "nothing to search for"),
        ("!!! ？", "nothing to search for"),
        ("-条約", "at least one term that is not excluded"),
        ("条約 OR -ロシア", "OR cannot join an excluded"),
    ],
)
def test_malformed_queries_raise_search_query_error(query, message):
    with pytest.raises(SearchQueryError) as raised:
        parse_query(query)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_snippet_shows_the_text_around_the_first_match():
    body = "前置きの段落です。" * 30 + "両国は戦略条約に署名した。" + "後の段落です。" * 30
    text = snippet(body, parse_query("戦略条約").terms, width=60)
    assert "戦略条約に署名した" in text
    assert text.startswith("…") and text.endswith("…")
    assert len(text) <= 62


def test_snippet_matches_whole_english_words_only():
    body = "Traders were nervous. " * 10 + "The trade deal was signed."
    text = snippet(body, parse_query("trade").terms, width=40)
    assert "trade deal" in text


def test_snippet_finds_a_full_width_spelling_of_the_term():
    body = "あ" * 200 + "ＡＩ投資の計画" + "い" * 200
    text = snippet(body, parse_query("ai").terms, width=40)
    assert "ＡＩ投資" in text


def test_snippet_without_a_match_in_the_body_is_its_start():
    body = "冒頭の文。" + "続きの文。" * 100
    assert snippet(body, parse_query("見出しだけ").terms, width=20).startswith("冒頭の文。")


def test_snippet_collapses_line_breaks():
    assert snippet("一行目\n二行目", parse_query("二行目").terms) == "一行目 二行目"


def test_a_word_repeated_is_searched_once():
    # 2,000 copies of one word took ~7 s of ranking and snippets on 2,000 articles: the copies add nothing.
    assert fts(" ".join(["the"] * 2000)) == '"the"'
    assert fts("Tokyo 条約 tokyo ＴＯＫＹＯ 条約") == '"tokyo" AND "条 約"'


def test_repeated_alternatives_and_exclusions_are_kept_once():
    assert fts("x OR y b y OR x -z -Z") == '(("x" OR "y") AND "b") NOT "z"'
    assert [term.text for term in parse_query("a OR b a OR c").terms] == ["a", "b", "c"]


def test_a_query_over_the_character_cap_is_an_error_naming_the_cap():
    with pytest.raises(SearchQueryError, match="search too long: 100,000 characters, at most 1,000"):
        parse_query("条" * 100_000, max_chars=1000)


def test_a_query_over_the_term_cap_is_an_error_and_repeats_count_once():
    distinct = " ".join(f"w{i}" for i in range(65))
    with pytest.raises(SearchQueryError, match="search has 65 different terms, at most 64"):
        parse_query(distinct, max_terms=64)
    assert len(parse_query(" ".join(["w1"] * 500 + ["-w2"] * 500), max_terms=2).excluded) == 1


def test_an_error_quotes_a_long_query_shortened_to_one_line():
    with pytest.raises(SearchQueryError) as raised:
        parse_query('"' + "word " * 500)
    assert len(str(raised.value)) < 120
