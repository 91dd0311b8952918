from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsarchive.extract import ArticlePage, ExtractionError, Rules, extract_article, merge_pages

URL = "https://www.newsweekjapan.jp/headlines/world/2025/01/100.php"
JA1 = "ロシアのプーチン大統領とイランのペゼシュキアン大統領は17日、モスクワで会談を行い、条約に署名した。"
JA2 = "合意に基づき、ロシアとイランは治安部隊や軍事演習、軍艦の寄港など、多くの分野で協力を強化する。"
P1 = "The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers."
P2 = "Repairs will take at least two years, and traffic will be diverted through the northern district."

JA_PAGE = f"""<html><head><title>ロシア・イラン大統領、条約締結 | ニューズウィーク日本版</title></head><body>
<ol id="breadCrumbs"><li><a href="/">HOME</a></li><li><a href="/headlines/">ニュース速報</a></li>
<li><a href="/headlines/world/">ワールド</a></li><li>ロシア・イラン大統領、条約締結</li></ol>
<div class="entryDetailHeadline"><h1>ロシア・イラン大統領、条約締結</h1></div>
<div class="entryDetailData"><div class="date">2025年01月18日(土)07時25分</div></div>
<div class="entryImage"><img src="/img/pic.jpg"><p class="cap">写真の説明</p></div>
<div class="entryDetailBodyCopy"><p>{JA1}</p><div class="ad-teads-nw-box"></div><p>{JA2}</p>
<p>ロイター</p>
<div class="related-link-elm"><p>【関連記事】<br><a href="/headlines/world/2025/01/101.php">関連の見出し</a></p></div>
<ul class="indexNavi"><li class="next"><a href="100_2.php">次のページ</a></li></ul></div>
<div id="rankingList"><h3>人気ランキング</h3><ol><li><a href="/x/1.php">ランキングの記事</a></li></ol></div>
</body></html>"""

RULES = Rules(
    timezone="Asia/Tokyo",
    language="ja",
    headline="div.entryDetailHeadline > h1",
    published="div.entryDetailData > div.date",
    section="ol#breadCrumbs > li",
    body="div.entryDetailBodyCopy",
    body_remove=("div.related-link-elm", "ul.indexNavi"),
    related="div.related-link-elm",
    next_page="ul.indexNavi li.next a",
    image="div.entryImage img",
    drop_lines=(r"^ロイター$",),
)


def test_site_rules_fill_what_structured_data_does_not_give():
    article = extract_article(URL, JA_PAGE.encode("utf-8"), rules=RULES, site="newsweekjapan")
    assert article.site == "newsweekjapan"
    assert article.headline == "ロシア・イラン大統領、条約締結"
    assert article.published.isoformat() == "2025-01-18T07:25:00+09:00"
    assert article.published_tz_inferred is True
    assert article.section == "ワールド"
    assert article.body == f"{JA1}\n{JA2}"
    assert article.related_links == [
        {"url": "https://www.newsweekjapan.jp/headlines/world/2025/01/101.php", "title": "関連の見出し"}
    ]
    assert article.next_page == "https://www.newsweekjapan.jp/headlines/world/2025/01/100_2.php"
    assert article.image_url == "https://www.newsweekjapan.jp/img/pic.jpg"
    assert article.language == "ja"
    assert article.sources["headline"] == "site"
    assert article.sources["body"] == "site"
    assert article.sources["published"] == "site"
    assert article.pages == [URL]


def test_without_rules_the_same_page_is_read_by_heuristics():
    article = extract_article(URL, JA_PAGE)
    assert article.headline == "ロシア・イラン大統領、条約締結"
    assert article.published.isoformat() == "2025-01-18T07:25:00+09:00"
    assert JA1 in article.body and JA2 in article.body
    assert "ランキング" not in article.body and "関連の見出し" not in article.body
    assert [link["title"] for link in article.related_links] == ["関連の見出し"]
    assert article.language == "ja"
    assert article.sources["body"] == "heuristic"


def page(head: str, body: str, lang: str = "en") -> str:
    return f"<html lang='{lang}'><head>{head}</head><body>{body}</body></html>"


LD = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
  "headline": "Bridge closes for two years", "datePublished": "2025-01-18T07:25:00-05:00",
  "dateModified": "2025-01-18T09:00:00-05:00", "articleSection": "Local",
  "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Organization", "name": "The Paper"}],
  "publisher": {"@type": "Organization", "name": "The Paper"}, "image": {"@type": "ImageObject", "url": "/i.jpg"},
  "keywords": ["bridge", "traffic"]}</script>"""


def test_structured_data_comes_first_and_is_recorded_as_the_source():
    html = page(
        LD + '<meta property="og:title" content="Bridge closes for two years | The Paper">'
        '<link rel="canonical" href="https://paper.example/local/bridge">',
        f"<article><h1>Bridge closes for two years</h1><p>{P1}</p><p>{P2}</p></article>",
    )
    article = extract_article("https://paper.example/local/bridge?utm=x", html, rules=Rules(headline="h2.none"))
    assert article.url == "https://paper.example/local/bridge"
    assert article.headline == "Bridge closes for two years"
    assert article.published == datetime(2025, 1, 18, 7, 25, tzinfo=timezone(timedelta(hours=-5)))
    assert article.published_tz_inferred is False
    assert article.modified.isoformat() == "2025-01-18T09:00:00-05:00"
    assert article.authors == ["Ann Lee"]
    assert article.section == "Local"
    assert article.tags == ["bridge", "traffic"]
    assert article.image_url == "https://paper.example/i.jpg"
    assert article.language == "en"
    assert article.body == f"{P1}\n{P2}"
    assert article.sources["headline"] == "jsonld"
    assert article.sources["published"] == "jsonld"
    assert article.sources["authors"] == "jsonld"


def test_title_fallback_strips_the_site_name():
    html = page(
        '<title>Bridge closes for two years - The Paper</title><meta property="og:site_name" content="The Paper">',
        f"<div><p>{P1}</p></div>",
    )
    assert extract_article("https://paper.example/a", html).headline == "Bridge closes for two years"


def test_h1_matching_og_title_is_preferred_over_the_suffixed_title():
    html = page(
        '<meta property="og:title" content="Brücke gesperrt – Der Bote">',
        f"<header><h1>Der Bote</h1></header><article><h1>Brücke gesperrt</h1><p>{P1}</p></article>",
        "de",
    )
    article = extract_article("https://bote.example/a", html)
    assert article.headline == "Brücke gesperrt"
    assert article.sources["headline"] == "meta"


def test_canonical_to_home_page_or_other_site_is_ignored():
    body = f"<article><h1>X</h1><p>{P1}</p></article>"
    home = page('<link rel="canonical" href="https://paper.example/">', body)
    other = page('<link rel="canonical" href="https://elsewhere.example/a">', body)
    assert extract_article("https://paper.example/a", home).url == "https://paper.example/a"
    assert extract_article("https://paper.example/a", other).url == "https://paper.example/a"


def test_timezone_defaults_to_tokyo_for_jp_hosts_and_utc_elsewhere():
    body = f"<article><h1>X</h1><time datetime='2025-01-18T07:25'>18 Jan</time><p>{P1}</p></article>"
    jp = extract_article("https://news.example.jp/a", page("", body))
    com = extract_article("https://news.example.com/a", page("", body))
    assert jp.published.isoformat() == "2025-01-18T07:25:00+09:00" and jp.published_tz_inferred
    assert com.published.isoformat() == "2025-01-18T07:25:00+00:00" and com.published_tz_inferred
    assert (
        extract_article(
            "https://x.example.com/a", page("", body), rules=Rules(timezone="Europe/Berlin")
        ).published.isoformat()
        == "2025-01-18T07:25:00+01:00"
    )


def test_language_is_guessed_from_script_when_undeclared():
    html = f"<html><head></head><body><article><h1>見出し</h1><p>{JA1}</p></article></body></html>"
    article = extract_article("https://example.com/a", html)
    assert article.language == "ja"
    assert article.sources["language"] == "heuristic"


def test_rel_next_only_when_it_continues_the_same_article():
    body = f"<article><h1>X</h1><p>{P1}</p></article>"
    same = page('<link rel="next" href="/news/story-2.html">', body)
    other = page('<link rel="next" href="/news/other-story.html">', body)
    assert extract_article("https://p.example/news/story.html", same).next_page == "https://p.example/news/story-2.html"
    assert extract_article("https://p.example/news/story.html", other).next_page is None


def test_jsonld_article_body_wins_when_it_is_the_full_text():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        f' "articleBody": "{P1}\\n{P2}\\nA third paragraph only the full text has, with enough words in it."}}</script>'
    )
    article = extract_article("https://p.example/a", page(ld, f"<article><h1>H</h1><p>{P1}</p></article>"))
    assert article.body.splitlines() == [P1, P2, "A third paragraph only the full text has, with enough words in it."]
    assert article.sources["body"] == "jsonld"


def test_jsonld_teaser_does_not_replace_the_page_body():
    ld = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "H", "articleBody": "Short teaser."}</script>'
    )
    article = extract_article("https://p.example/a", page(ld, f"<article><h1>H</h1><p>{P1}</p><p>{P2}</p></article>"))
    assert article.body == f"{P1}\n{P2}"
    assert article.sources["body"] == "heuristic"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty page"),
        (b"   \n ", "empty page"),
        ("", "empty page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" * 20, "not html: binary content"),
        ("\x01\x02\x03\x04\x05\x06" * 100, "not html: binary content"),
        ("<!-- only a comment -->", "not html: no parseable content"),
    ],
)
def test_extraction_error_only_when_there_is_no_page(data, reason):
    with pytest.raises(ExtractionError) as error:
        extract_article("https://p.example/a", data)
    assert str(error.value) == reason
    assert isinstance(error.value, ValueError)


def test_page_without_headline_or_body_still_returns_an_article():
    article = extract_article("https://p.example/a", "<html><body><div>menu</div></body></html>")
    assert article.url == "https://p.example/a"
    assert article.headline == "" and article.published is None


def test_article_page_object_can_be_used_directly():
    article = ArticlePage(URL, JA_PAGE, rules=RULES, site="nwj").article()
    assert article.headline == "ロシア・イラン大統領、条約締結"


def test_merge_pages_appends_body_and_links_and_takes_next_page_from_later():
    first = extract_article(URL, JA_PAGE, rules=RULES)
    later_html = (
        JA_PAGE.replace(JA1, "二ページ目の本文です。条約の詳細について説明する段落がここに続きます。")
        .replace("/headlines/world/2025/01/101.php", "/headlines/world/2025/01/102.php")
        .replace("100_2.php", "100_3.php")
    )
    later = extract_article(URL.replace("100.php", "100_2.php"), later_html, rules=RULES)
    merged = merge_pages(first, later)
    assert merged.body.splitlines()[:2] == [JA1, JA2]
    assert merged.body.splitlines()[2] == "二ページ目の本文です。条約の詳細について説明する段落がここに続きます。"
    assert [link["url"].rsplit("/", 1)[1] for link in merged.related_links] == ["101.php", "102.php"]
    assert merged.pages == [URL, URL.replace("100.php", "100_2.php")]
    assert merged.next_page.endswith("100_3.php")
    assert merged.headline == first.headline


def test_jsonld_body_without_furniture_lines_replaces_a_page_body_with_them():
    lines = [P1, P2, P1.replace("council", "committee"), P2.replace("Repairs", "Works")]
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", "articleBody": "'
        + "\\n".join(lines)
        + '"}</script>'
    )
    page_body = "".join(f"<p>{line}</p>" for line in lines) + "<p>Read more: our full coverage of the bridge works.</p>"
    article = extract_article("https://p.example/a", page(ld, f"<article><h1>H</h1>{page_body}</article>"))
    assert article.body.splitlines() == lines


def test_jsonld_body_entities_are_decoded():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", "articleBody": '
        '"King&#8217;s Speech: the government&#8217;s plans, explained in full for every reader who asks."}</script>'
    )
    article = extract_article("https://p.example/a", page(ld, "<article><h1>H</h1></article>"))
    assert (
        article.body == "King\u2019s Speech: the government\u2019s plans, explained in full for every reader who asks."
    )


def test_a_date_in_a_related_teaser_is_not_the_publication_date():
    # The teaser comes first in the page: its date must still give way to the article's own dateline.
    html = page(
        "",
        f"""<div
        class="relatedContent"><a href="/other"><h2>Other story <span class="date">24.04.2023</span></h2></a></div>
      <article><h1>X</h1><p class="date">26.04.2023</p><p>{P1}</p></article>""",
    )
    assert extract_article("https://p.example/a", html).published.date().isoformat() == "2023-04-26"


def test_byline_heuristics_take_linked_names_or_the_first_name():
    linked = page(
        "",
        f"<article><h1>X</h1><div class='byline'>By <a href='/a/ann'>Ann Lee</a> and "
        f"<a href='/a/bo'>Bo Chan</a>, staff</div><p>{P1}</p></article>",
    )
    column = page(
        "",
        f"<article><h1>X</h1><div class='entryAuthor'><p>冷泉彰彦<span class='blogName'>"
        f"プリンストン発　日本／アメリカ 新時代</span></p></div><p>{JA1}</p></article>",
    )
    assert extract_article("https://p.example/a", linked).authors == ["Ann Lee", "Bo Chan"]
    assert extract_article("https://p.example/b", column).authors == ["冷泉彰彦"]


def test_broken_selectors_and_patterns_in_rules_match_nothing_instead_of_failing():
    broken = Rules(headline="div[[", body="p:nth-child(", related=">>>", drop_lines=("(unclosed",), timezone="No/Such")
    article = extract_article(URL, JA_PAGE, rules=broken)
    assert article.headline == "ロシア・イラン大統領、条約締結"
    assert JA1 in article.body
    assert article.published.isoformat() == "2025-01-18T07:25:00+09:00"


def test_a_declared_timestamp_with_offset_refines_the_same_wall_time_without_one():
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "X",'
        ' "datePublished": "2023-04-28 18:11:01.0"}</script>'
        '<meta property="article:published_time" content="2023-04-28T18:11:01+02:00">'
    )
    article = extract_article("https://news.example.com/a", page(head, f"<article><h1>X</h1><p>{P1}</p></article>"))
    assert article.published.isoformat() == "2023-04-28T18:11:01+02:00"
    assert not article.published_tz_inferred


def test_a_declared_full_timestamp_refines_a_date_only_one_of_the_same_day():
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "X",'
        ' "datePublished": "2025-11-21"}</script>'
        '<meta property="article:published_time" content="2025-11-21T13:34:26+00:00">'
    )
    article = extract_article("https://news.example.com/a", page(head, f"<article><h1>X</h1><p>{P1}</p></article>"))
    assert article.published.isoformat() == "2025-11-21T13:34:26+00:00"


def test_wall_time_stamped_utc_gives_way_to_the_same_wall_time_with_a_real_offset():
    head = (
        '<meta itemprop="datePublished" content="2021-12-25T13:46:00+00:00">'
        '<meta property="article:published_time" content="2021-12-25T13:46:00-04:00">'
    )
    article = extract_article("https://news.example.com/a", page(head, f"<article><h1>X</h1><p>{P1}</p></article>"))
    assert article.published.isoformat() == "2021-12-25T13:46:00-04:00"


def test_a_different_declared_day_does_not_replace_the_first_declared_date():
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "X",'
        ' "datePublished": "2025-11-20"}</script>'
        '<meta property="article:published_time" content="2025-11-21T13:34:26+00:00">'
    )
    article = extract_article("https://news.example.com/a", page(head, f"<article><h1>X</h1><p>{P1}</p></article>"))
    assert article.published.date().isoformat() == "2025-11-20"


def test_extract_article_cleans_unless_asked_not_to():
    page = (
        "<html><body><article><h1>Dam\u00a0opens</h1><p>The new dam opened on Saturday after ten years of work"
        " and long dispute.\u200b</p></article></body></html>"
    )
    assert extract_article("https://p.example/a", page).headline == "Dam opens"
    raw = extract_article("https://p.example/a", page, clean=False)
    assert "\u00a0" in raw.headline or "\u200b" in raw.body  # left for the crawl's CleanPipeline


def test_a_relative_date_counts_back_from_when_the_page_was_fetched_not_from_today():
    paragraph = "The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers. " * 3
    html = page(
        "<title>Bridge</title>", f"<article><h1>Bridge</h1><p>Posted 3 hours ago</p><p>{paragraph}</p></article>"
    )
    fetched = datetime(2020, 1, 1, 12, tzinfo=UTC)
    assert extract_article("https://news.example.com/a", html, fetched_at=fetched).published == datetime(
        2020, 1, 1, 9, tzinfo=UTC
    )
    assert extract_article("https://news.example.com/a", html).published > fetched + timedelta(days=300)
