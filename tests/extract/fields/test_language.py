"""Language: a declared code reduced to its primary subtag, or guessed from the CJK script most of the text is in."""

from newsarchive.extract.fields.language import guess_language, language_code


def test_a_declared_code_gives_its_primary_subtag():
    assert [language_code(v) for v in ("ja-JP", "de_AT", "EN", "1", "")] == ["ja", "de", "en", None, None]


def test_japanese_korean_and_chinese_are_told_apart_by_script():
    assert guess_language("東京都は17日、新しい条例を発表した。") == "ja"
    assert guess_language("서울시는 17일 새로운 조례를 발표했다.") == "ko"
    assert guess_language("北京市政府17日发布了新的条例。") == "zh"
    assert guess_language("The city council published a new ordinance.") is None


def test_a_katakana_middle_dot_in_chinese_text_does_not_make_it_japanese():
    # ・ separates names in Chinese text too; it is punctuation, not kana.
    assert guess_language("美国总统拜登・哈里斯会见外宾并发表讲话") == "zh"
