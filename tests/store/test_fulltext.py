"""Full-text search through the Archive: Japanese words of 1, 2 and more characters, English, operators.

The searches run on both engines (SQLite's FTS5 index, PostgreSQL's substring scan); tests of the FTS5 index
itself, and those that open archive files without indexing, are SQLite's alone.
"""

from dataclasses import replace

import pytest

from newsarchive.store import SearchQueryError, fulltext, open_archive

from .articles import simple_article, treaty_article

TREATY = treaty_article()
DEFENCE = simple_article(
    10,
    url="https://www.newsweekjapan.jp/headlines/world/2025/01/530010.php",
    headline="日米、新たな防衛戦略を発表",
    body="日米両政府は防衛戦略を発表し、安全保障条約の運用を見直す方針を示した。",
)
TOKYO = simple_article(
    11,
    url="https://www.newsweekjapan.jp/stories/business/2025/01/530011.php",
    headline="世界最大の経済都市に",
    body="東京がニューヨークを上回り、世界最大の経済都市になったとの調査結果が発表された。",
)
TRADE_WAR = simple_article(
    12,
    url="https://www.newsweekjapan.jp/stories/world/2025/01/530012.php",
    headline="Tariffs return",
    body="The trade war between the United States and China entered a new phase on Monday.",
    language="en",
)
TRADE_AND_WAR = simple_article(
    13,
    url="https://www.newsweekjapan.jp/stories/world/2025/01/530013.php",
    headline="Markets steady",
    body="The war in Ukraine weighed on trade, analysts said.",
    language="en",
)
CORPUS = [TREATY, DEFENCE, TOKYO, TRADE_WAR, TRADE_AND_WAR]


@pytest.fixture
def corpus(archive):
    archive.save_articles(CORPUS)
    return archive


def found(archive, query: str) -> set[str]:
    return {item["url"] for item in archive.search(query)}


def test_two_character_japanese_word(corpus):
    assert found(corpus, "条約") == {TREATY.url, DEFENCE.url}


def test_one_character_japanese_word(corpus):
    assert found(corpus, "東") == {TOKYO.url}


def test_four_character_japanese_word_must_appear_as_written(corpus):
    # DEFENCE has 戦略 and 条約, but not 戦略条約.
    assert found(corpus, "戦略条約") == {TREATY.url}


def test_three_character_word_that_ends_a_run(corpus):
    assert found(corpus, "イラン") == {TREATY.url}


def test_katakana_word_with_long_vowel_mark(corpus):
    assert found(corpus, "ニューヨーク") == {TOKYO.url}


def test_korean_word_is_found_with_its_particle_attached(archive):
    # Korean writes particles onto the word (서울에서 = "in Seoul"); a search for the word must still find it.
    seoul = simple_article(
        14,
        url="https://example.kr/news/14",
        headline="서울에서 회담",
        body="두 정상은 서울에서 만났다.",
        language="ko",
    )
    archive.save_articles([seoul, TOKYO])
    assert found(archive, "서울") == {seoul.url}
    assert found(archive, "부산") == set()


def test_english_word_in_any_case(corpus):
    assert found(corpus, "TRADE") == {TRADE_WAR.url, TRADE_AND_WAR.url}


def test_quoted_phrase_needs_the_words_together(corpus):
    assert found(corpus, '"trade war"') == {TRADE_WAR.url}


def test_several_terms_must_all_match(corpus):
    assert found(corpus, "条約 ロシア") == {TREATY.url}


def test_or_matches_either_term(corpus):
    assert found(corpus, "条約 OR ukraine") == {TREATY.url, DEFENCE.url, TRADE_AND_WAR.url}


def test_minus_excludes_articles_with_the_term(corpus):
    assert found(corpus, "条約 -イラン") == {DEFENCE.url}


def test_a_word_absent_from_the_archive_finds_nothing(corpus):
    assert corpus.search("火星探査") == []
    assert corpus.search("nonexistentword") == []


def test_a_malformed_query_raises_search_query_error(corpus):
    with pytest.raises(SearchQueryError, match="unbalanced quote"):
        corpus.search('"戦略条約')
    with pytest.raises(SearchQueryError):
        corpus.search("   ")
    with pytest.raises(SearchQueryError):
        corpus.search("OR -")


def test_fts_syntax_in_user_input_is_searched_as_text_not_run(corpus):
    assert corpus.search("NEAR(trade war) headline:war ^trade trade*") == []


def test_results_carry_summary_fields_and_a_readable_snippet(corpus):
    [hit] = corpus.search("北朝鮮")
    assert hit["url"] == TREATY.url
    assert hit["site"] == "newsweekjapan"
    assert hit["headline"] == TREATY.headline
    assert hit["published"] == "2025-01-18T07:25:00+09:00"
    assert "北朝鮮の間の条約" in hit["snippet"]
    assert set(hit) == {"id", "url", "site", "headline", "published", "snippet"}


def test_search_can_be_limited_to_one_site(archive):
    other = simple_article(20, site="reuters", url="https://jp.reuters.example/20", body="条約の話。")
    archive.save_articles(CORPUS + [other])
    assert found(archive, "条約") == {TREATY.url, DEFENCE.url, other.url}
    assert {item["url"] for item in archive.search("条約", site="reuters")} == {other.url}


def test_limit_caps_the_number_of_results(corpus):
    assert len(corpus.search("条約", limit=1)) == 1


@pytest.mark.engines("sqlite")  # ranking is FTS5's bm25; PostgreSQL's substring scan lists newest first
def test_a_match_in_the_headline_ranks_above_one_in_the_body(archive):
    in_body = simple_article(1, headline="市場の動き", body="半導体の輸出が伸びた。ほかの話題も多い。")
    in_headline = simple_article(2, headline="半導体", body="輸出が伸びた。ほかの話題も多い。")
    archive.save_articles([in_headline, in_body])  # in_body is the newer one
    assert [item["url"] for item in archive.search("半導体")] == [in_headline.url, in_body.url]


def test_equally_good_matches_come_newest_first(archive):
    older = simple_article(1, headline="記事", body="半導体 A")
    newer = simple_article(2, headline="記事", body="半導体 B")
    archive.save_articles([older, newer])
    assert [item["url"] for item in archive.search("半導体")] == [newer.url, older.url]


def test_an_updated_article_is_found_by_its_new_text_only(corpus):
    corpus.save_articles([treaty_article(body="条約の署名式は延期された。")])
    assert found(corpus, "延期") == {TREATY.url}
    assert found(corpus, "北朝鮮") == set()


def test_a_duplicate_is_not_indexed_twice(corpus):
    corpus.save_articles([treaty_article(url="https://www.newsweekjapan.jp/mirror/530000.php")])
    assert [item["url"] for item in corpus.search("北朝鮮")] == [TREATY.url]


def test_articles_saved_without_indexing_are_found_after_the_automatic_rebuild(tmp_path):
    path = str(tmp_path / "bulk.db")
    with open_archive(path, fts=False) as bulk:
        bulk.save_articles(CORPUS)
    with open_archive(path) as archive:
        assert found(archive, "戦略条約") == {TREATY.url}
        assert found(archive, "条約") == {TREATY.url, DEFENCE.url}


@pytest.mark.engines("sqlite")  # the full-text index is SQLite's FTS5 table; PostgreSQL has none to rebuild
def test_rebuilding_the_index_indexes_every_article(corpus):
    assert corpus.rebuild_search_index() == len(CORPUS)
    assert found(corpus, "東") == {TOKYO.url}


@pytest.mark.engines("sqlite")  # compares the FTS5 index kept in step with a rebuilt one
def test_repeated_updates_leave_the_index_as_a_rebuild_would(archive):
    terms = ["条約", "東", "戦略条約", "trade", "延期", "再延期", "合意", "北朝鮮", "ukraine"]
    archive.save_articles(CORPUS)
    archive.save_articles([treaty_article(body="条約の署名式は延期された。")])
    archive.save_articles([treaty_article(body="条約の署名式は再延期された。", headline="署名式を再延期")])
    archive.save_articles([replace(TRADE_AND_WAR, body="Ukraine and trade talks: 合意に至らず。")])
    kept_in_step = {term: found(archive, term) for term in terms}
    archive.rebuild_search_index()
    assert {term: found(archive, term) for term in terms} == kept_in_step
    assert kept_in_step["再延期"] == {TREATY.url}
    assert kept_in_step["延期"] == {TREATY.url}
    assert kept_in_step["北朝鮮"] == set()
    assert kept_in_step["合意"] == {TRADE_AND_WAR.url}


def test_saves_with_and_without_indexing_mixed_are_all_found(tmp_path):
    path = str(tmp_path / "mixed.db")
    with open_archive(path) as archive:
        archive.save_articles([TREATY, DEFENCE])
    with open_archive(path, fts=False) as bulk:
        bulk.save_articles([TOKYO, treaty_article(body="条約の署名式は延期された。")])
    with open_archive(path) as archive:
        archive.save_articles([TRADE_WAR])  # the index is not current: this save leaves it alone
        assert found(archive, "条約") == {TREATY.url, DEFENCE.url}
        assert found(archive, "延期") == {TREATY.url}
        assert found(archive, "北朝鮮") == set()
        assert found(archive, "東") == {TOKYO.url}
        assert found(archive, "trade") == {TRADE_WAR.url}


@pytest.mark.engines("sqlite")  # the FTS5 index's current mark
def test_a_new_archive_keeps_its_index_in_step_without_rebuilds(archive):
    archive.save_articles(CORPUS)
    archive.save_articles([treaty_article(body="条約の署名式は延期された。")])
    with archive.engine.connect() as connection:
        assert fulltext.is_current(connection)


def test_saving_without_indexing_marks_the_index_for_a_rebuild(tmp_path):
    with open_archive(str(tmp_path / "bulk.db"), fts=False) as bulk:
        bulk.save_articles([TREATY])
        with bulk.engine.connect() as connection:
            assert not fulltext.is_current(connection)
        bulk.search("条約")
        with bulk.engine.connect() as connection:
            assert fulltext.is_current(connection)
