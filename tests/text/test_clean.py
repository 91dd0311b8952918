from datetime import UTC, datetime

from newsarchive.items import Article
from newsarchive.text.clean import absolute_url, clean_article, clean_line, clean_text, dedupe, dedupe_links


def test_clean_line_keeps_full_width_japanese_punctuation():
    # NFKC would turn （ into ( and ！ into !; NFC must not.
    assert clean_line("東京（ロイター）！　速報") == "東京（ロイター）！　速報"


def test_clean_line_composes_to_nfc():
    assert clean_line("Cafe\u0301") == "Café"
    assert clean_line("か\u3099") == "が"


def test_clean_line_collapses_spaces_and_drops_invisible_characters():
    assert clean_line("  a\u00a0\u00a0b\u200b c\t\td\ufeff ") == "a b c d"
    assert clean_line("line\nbreak") == "line break"


def test_clean_line_trims_ideographic_space_only_at_the_ends():
    assert clean_line("\u3000本文です\u3000") == "本文です"
    assert clean_line("前\u3000後") == "前\u3000後"


def test_clean_text_drops_empty_lines_and_cleans_each():
    assert clean_text(" first  line \n\n \u00a0\n\tsecond\r\nthird ") == "first line\nsecond\nthird"
    assert clean_text("") == ""
    assert clean_text(None) == ""


def test_absolute_url_resolves_and_drops_fragment():
    assert absolute_url("/a/b.php#top", "https://www.example.jp/x/y.php") == "https://www.example.jp/a/b.php"
    assert absolute_url("c.php?x=1", "https://example.com/a/b") == "https://example.com/a/c.php?x=1"
    assert absolute_url("//cdn.example.com/i.jpg", "https://example.com/") == "https://cdn.example.com/i.jpg"


def test_absolute_url_refuses_non_web_links():
    assert absolute_url("javascript:void(0)", "https://example.com/") is None
    assert absolute_url("mailto:a@example.com", "https://example.com/") is None
    assert absolute_url("#comments", "https://example.com/") is None
    assert absolute_url("", "https://example.com/") is None
    assert absolute_url(None) is None


def test_dedupe_keeps_first_spelling_and_order():
    assert dedupe(["Anna Schmidt", " anna  schmidt", "Ben", "", "Ben"]) == ["Anna Schmidt", "Ben"]


def test_dedupe_links_keeps_page_order_and_skips_the_article_itself():
    links = [
        {"url": "/b.php", "title": " B "},
        {"url": "https://example.com/a.php#x", "title": "Self"},
        {"url": "https://example.com/c.php", "title": "C"},
        {"url": "https://example.com/b.php", "title": "B again"},
        {"url": "javascript:go()", "title": "JS"},
    ]
    assert dedupe_links(links, "https://example.com/a.php", exclude=["https://example.com/a.php"]) == [
        {"url": "https://example.com/b.php", "title": "B"},
        {"url": "https://example.com/c.php", "title": "C"},
    ]


def test_clean_article_returns_a_new_cleaned_article():
    original = Article(
        url="https://example.com/news/1.php#top",
        headline="  見出し\u200b ",
        body="第一段落。\n\n\u00a0\n 第二段落。 ",
        authors=["A", "a", " B "],
        tags=["x", "X", "y"],
        related_links=[{"url": "/news/2.php", "title": "次"}, {"url": "/news/1.php", "title": "self"}],
        image_url="/img/1.jpg",
        published=datetime(2025, 1, 18, tzinfo=UTC),
    )
    cleaned = clean_article(original)
    assert cleaned is not original
    assert original.headline == "  見出し\u200b "
    assert cleaned.url == "https://example.com/news/1.php"
    assert cleaned.headline == "見出し"
    assert cleaned.body == "第一段落。\n第二段落。"
    assert cleaned.authors == ["A", "B"]
    assert cleaned.tags == ["x", "y"]
    assert cleaned.related_links == [{"url": "https://example.com/news/2.php", "title": "次"}]
    assert cleaned.image_url == "https://example.com/img/1.jpg"
    assert cleaned.pages == ["https://example.com/news/1.php"]


def test_related_links_to_a_variant_of_the_article_itself_are_dropped():
    # The variants tests/store/test_history.py saves as aliases of one article: extraction must agree they are it.
    url = "https://www.newsweekjapan.jp/headlines/world/2025/01/530000.php"
    variants = [
        url + "?utm_source=twitter&utm_medium=social",
        "http://newsweekjapan.jp/headlines/world/2025/01/530000.php",
        "https://m.newsweekjapan.jp/headlines/world/2025/01/530000.php",
        "https://www.newsweekjapan.jp/amp/headlines/world/2025/01/530000.php",
        "https://www.newsweekjapan.jp/headlines/world/2025/01/530000_2.php",
    ]
    other = "https://www.newsweekjapan.jp/headlines/world/2025/01/530001.php"
    links = [{"url": v, "title": f"self {i}"} for i, v in enumerate(variants)] + [{"url": other, "title": "Other"}]
    cleaned = clean_article(Article(url=url, headline="h", body="b", related_links=links))
    assert cleaned.related_links == [{"url": other, "title": "Other"}]
    assert dedupe_links([{"url": other + "?amp=1"}, {"url": other}], url, exclude=[url]) == [
        {"url": other + "?amp=1", "title": ""}
    ]


def test_clean_article_is_idempotent():
    article = clean_article(Article(url="https://example.com/a", headline=" x ", body="a\n\nb", tags=["t", "T"]))
    assert clean_article(article) == article


def test_clean_article_strips_c0_del_and_c1_controls_from_every_field_urls_included():
    from newsarchive.text.clean import strip_controls

    assert strip_controls("a\tb\nc\x1b[2J\x00\x7f\x85\x9b\x9fd\r") == "a\tb\nc[2Jd"
    article = clean_article(
        Article(
            url="http://example.com/news/\x1b[8ma.html",
            headline="Vote\x9b31m passes\x1b[0m",
            authors=["Ann\x07 Lee"],
            section="Lo\x1bcal",
            tags=["har\x7fbour"],
            body="First\x1b[2J line\nSecond\x9d line",
            related_links=[{"url": "http://example.com/b\x1b[1m.html", "title": "B\x1b[1m"}],
            image_url="http://example.com/i.jpg?\x1b[8m",
            pages=["http://example.com/news/\x1b[8ma.html"],
            next_page="http://example.com/news/a\x1b.html?page=2",
            site="ex\x1bample",
            sources={"headline": "meta\x1b"},
        )
    )
    assert article.url == "http://example.com/news/[8ma.html"
    assert article.headline == "Vote31m passes[0m"
    assert article.authors == ["Ann Lee"]
    assert (article.section, article.tags) == ("Local", ["harbour"])
    assert article.body == "First[2J line\nSecond line"
    assert article.related_links == [{"url": "http://example.com/b[1m.html", "title": "B[1m"}]
    assert article.image_url == "http://example.com/i.jpg?[8m"
    assert article.pages == ["http://example.com/news/[8ma.html"]
    assert article.next_page == "http://example.com/news/a.html?page=2"
    assert (article.site, article.sources) == ("example", {"headline": "meta"})
