"""The Newsweek Japan profile (newsarchive/sites/newsweekjapan.py): its URL classes, and its Rules on fixture pages.

The fixtures in tests/fixtures/newsweekjapan are hand-written pages in the site's markup, each beside the article
a reader takes from it (written by hand from the page text). Extraction runs with the site's Rules, a multi-page
article is joined by following `next_page` the way the spider does, and every field is compared.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import html as lxml_html

from newsarchive.sites.newsweekjapan import SITE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "newsweekjapan"
LIVE = "https://www.newsweekjapan.jp"

# The URL each fixture file stands for.
PAGES = {
    f"{LIVE}/headlines/world/2025/01/548000.php": "headlines-world-2025-01-548000.html",
    f"{LIVE}/reizei/2024/01/no-thank-you.php": "reizei-2024-01-no-thank-you.html",
    f"{LIVE}/reizei/2024/01/no-thank-you_2.php": "reizei-2024-01-no-thank-you_2.html",
    f"{LIVE}/stories/world/2025/02/post-107240.php": "stories-world-2025-02-post-107240.html",
}
# Articles (page 1) and their expected JSON.
ARTICLES = {
    "headlines-world-2025-01-548000": f"{LIVE}/headlines/world/2025/01/548000.php",
    "reizei-2024-01-no-thank-you": f"{LIVE}/reizei/2024/01/no-thank-you.php",
    "stories-world-2025-02-post-107240": f"{LIVE}/stories/world/2025/02/post-107240.php",
}
FIELDS = (
    "url",
    "site",
    "headline",
    "published",
    "modified",
    "authors",
    "section",
    "tags",
    "language",
    "body",
    "related_links",
    "image_url",
)

# Page furniture: regions of every fixture whose text and links belong to the site, never to the article.
FURNITURE = {
    "ranking": "#sideRankingPanel",
    "magazine promotion": "#sideMagazine",
    "side banners": "#sideBnrList, #sideMook",
    "latest headlines": "#latestheadlineslist",
    "keyword bar": "#keyWord",
    "tag list": "#related-words",
    "author's other columns": "#NewsPanel, #profileWrap",
    "navigation": "#head, #breadCrumbs",
    "footer": "#footer",
    "photo caption": "p.cap",
}


def _extract(url: str):
    from newsarchive.extract import extract_article  # imported here so URL tests run while extraction is missing

    data = (FIXTURES / PAGES[url]).read_bytes()
    return extract_article(url, data, content_type="text/html; charset=utf-8", rules=SITE.rules, site=SITE.name)


def _article(url: str):
    """Page 1 extracted, then each page its `next_page` names joined in (at most 5, as a guard)."""
    from newsarchive.extract import merge_pages

    article = _extract(url)
    for _ in range(5):
        if not article.next_page:
            break
        assert article.next_page in PAGES, f"next_page {article.next_page!r} is not a fixture page"
        article = merge_pages(article, _extract(article.next_page))
    return article


_cache: dict[str, dict] = {}


def _got(name: str) -> dict:
    if name not in _cache:
        _cache[name] = _article(ARTICLES[name]).to_json()
    return _cache[name]


def _expected(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def _first_difference(expected: str, got: str) -> str:
    exp_lines, got_lines = expected.split("\n"), got.split("\n")
    # strict=False: the texts may differ in length; the lines past the shorter one are reported below.
    for i, (e, g) in enumerate(zip(exp_lines, got_lines, strict=False)):
        if e != g:
            return f"line {i + 1} differs:\n  expected: {e!r}\n  got:      {g!r}"
    return f"expected {len(exp_lines)} lines, got {len(got_lines)}; first extra: " + repr(
        exp_lines[len(got_lines)] if len(exp_lines) > len(got_lines) else got_lines[len(exp_lines)]
    )


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_fixture_article_field_matches_the_page(name, field):
    expected, got = _expected(name)[field], _got(name)[field]
    if field == "body" and expected != got:
        pytest.fail(f"{name}: body: {_first_difference(expected, got or '')}")
    assert got == expected, f"{name}: {field}: expected {expected!r}, got {got!r}"


def test_expected_json_has_every_article_key_but_id_and_fetched_at():
    for name in ARTICLES:
        assert set(_expected(name)) == set(FIELDS), name


def test_column_page_one_names_page_two_as_its_next_page():
    first = _extract(f"{LIVE}/reizei/2024/01/no-thank-you.php")
    assert first.next_page == f"{LIVE}/reizei/2024/01/no-thank-you_2.php"


def test_last_page_of_a_column_has_no_next_page():
    assert _extract(f"{LIVE}/reizei/2024/01/no-thank-you_2.php").next_page is None


def test_joined_column_lists_both_pages_in_order():
    article = _article(f"{LIVE}/reizei/2024/01/no-thank-you.php")
    assert article.pages == [f"{LIVE}/reizei/2024/01/no-thank-you.php", f"{LIVE}/reizei/2024/01/no-thank-you_2.php"]


def _furniture(page_file: str, page_url: str) -> tuple[dict[str, set[str]], set[str]]:
    """Texts of each furniture region (every text node, and each link's whole text) and their links' URLs."""
    root = lxml_html.fromstring((FIXTURES / page_file).read_bytes())
    texts: dict[str, set[str]] = {}
    hrefs: set[str] = set()
    for kind, selector in FURNITURE.items():
        found = texts.setdefault(kind, set())
        for region in root.cssselect(selector):
            for node in region.iter():
                if node.tag in ("script", "style") or not isinstance(node.tag, str):
                    continue
                for piece in (node.text, node.tail if node is not region else None):
                    if piece and piece.strip():
                        found.add(" ".join(piece.split()))
                if node.tag == "a":
                    whole = " ".join(node.text_content().split())
                    if whole:
                        found.add(whole)
                    if node.get("href") and not node.get("href").startswith(("#", "javascript:")):
                        hrefs.add(urljoin(page_url, node.get("href")))
    return texts, hrefs


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("page_url", sorted(PAGES))
def test_no_furniture_text_reaches_the_body(page_url):
    body = _extract(page_url).body
    lines = {_normal(line) for line in body.split("\n")}
    flat = _normal(body)
    texts, _ = _furniture(PAGES[page_url], page_url)
    for kind, found in texts.items():
        for text in found:
            assert text not in lines, f"{kind} text {text!r} is a body line"
            # Short words (a tag such as ロシア, a label such as ワールド) may occur in the prose itself.
            if len(text) >= 12:
                assert text not in flat, f"{kind} text {text!r} is inside the body"


@pytest.mark.parametrize("page_url", sorted(PAGES))
def test_no_furniture_link_or_label_becomes_a_related_link(page_url):
    related = _extract(page_url).related_links
    texts, hrefs = _furniture(PAGES[page_url], page_url)
    for link in related:
        assert link["url"] not in hrefs, f"related link {link} comes from the page furniture"
        for kind, found in texts.items():
            assert link["title"] not in found, f"related link title {link['title']!r} is {kind} text"


@pytest.mark.parametrize("page_url", sorted(PAGES))
def test_the_site_wide_keyword_bar_is_not_the_articles_tags(page_url):
    tags = set(_extract(page_url).tags)
    root = lxml_html.fromstring((FIXTURES / PAGES[page_url]).read_bytes())
    bar = {_normal(a.text_content()) for a in root.cssselect("#keyWord a")}
    own = {_normal(a.text_content()) for a in root.cssselect("#related-words a")}
    assert tags == own, f"tags {sorted(tags)} are not the page's 関連ワード {sorted(own)}"
    assert not (tags & (bar - own)), f"keyword-bar words {sorted(tags & (bar - own))} became tags"


# ------------------------------------------------------------------------------------------------ URL classes

ARTICLE_URLS = [
    f"{LIVE}/headlines/world/2025/01/548000.php",
    f"{LIVE}/headlines/business/2024/02/483075.php",
    f"{LIVE}/stories/business/2024/01/810-2.php",
    f"{LIVE}/stories/world/2025/02/post-107240.php",
    f"{LIVE}/reizei/2024/01/no-thank-you.php",
    f"{LIVE}/kimura/2024/01/post-243.php",
    f"{LIVE}/satire_usa/2023/12/post-92.php",
    f"{LIVE}/worldvoice/rikamama/2023/11/cdg.php",
    "http://127.0.0.1:8765/headlines/world/2025/01/548000.php",  # the same path on a local mirror
]
NOT_ARTICLE_URLS = [
    f"{LIVE}/reizei/2024/01/no-thank-you_2.php",  # page 2: joined into page 1, never an article itself
    f"{LIVE}/headlines/world/2025/01/548000_2.php",
    f"{LIVE}/reizei/2024/01/no-thank-you_$i.php",  # the site's broken pager link
    f"{LIVE}/tagsearch/アメリカ社会",
    f"{LIVE}/tagsearch/%E3%83%AD%E3%82%B7%E3%82%A2",
    f"{LIVE}/search/?q=%E3%83%AD%E3%82%B7%E3%82%A2",
    f"{LIVE}/headlines/",
    f"{LIVE}/headlines/world/",
    f"{LIVE}/stories/",
    f"{LIVE}/column/",
    f"{LIVE}/reizei/",
    f"{LIVE}/magazine/2025/11/post-1.php",
    f"{LIVE}/mypage/",
    f"{LIVE}/headlines.rss",
    f"{LIVE}/",
    "https://img-newsweekjapan.jp/reizei/assets_c/2024/01/rei240131-pic-thumb-720xauto-1048149.jpg",
    f"{LIVE}/headlines/world/2025/01/",
]
LISTING_URLS = [
    f"{LIVE}/headlines/",
    f"{LIVE}/headlines/world/",
    f"{LIVE}/headlines/business/",
    f"{LIVE}/stories/",
    f"{LIVE}/stories/technology/",
    f"{LIVE}/column/",
    f"{LIVE}/reizei/",
    f"{LIVE}/headlines/world/index_2.php",
    f"{LIVE}/headlines/?page=3",
    "http://127.0.0.1:8765/headlines/world/",
]
NOT_LISTING_URLS = [
    f"{LIVE}/headlines/world/2025/01/548000.php",
    f"{LIVE}/reizei/2024/01/no-thank-you.php",
    f"{LIVE}/tagsearch/アメリカ社会",
    f"{LIVE}/search/",
    f"{LIVE}/magazine/",
    f"{LIVE}/mailmagazine/",
    f"{LIVE}/ranking/",
    f"{LIVE}/mypage/",
    f"{LIVE}/login/",
    f"{LIVE}/info/company.html",
]


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_article_urls_are_articles(url):
    assert SITE.is_article(url)


@pytest.mark.parametrize("url", NOT_ARTICLE_URLS)
def test_pages_two_search_tags_listings_and_assets_are_not_articles(url):
    assert not SITE.is_article(url)


@pytest.mark.parametrize("url", LISTING_URLS)
def test_section_pages_and_their_pagination_are_listings(url):
    assert SITE.is_listing(url)


@pytest.mark.parametrize("url", NOT_LISTING_URLS)
def test_articles_search_promotions_and_account_pages_are_not_listings(url):
    assert not SITE.is_listing(url)


def test_start_urls_are_the_feed_sitemap_and_listings_of_the_live_site():
    assert SITE.start_urls() == [
        f"{LIVE}/headlines.rss",
        f"{LIVE}/sitemap.xml",
        f"{LIVE}/headlines/",
        f"{LIVE}/headlines/world/",
        f"{LIVE}/headlines/business/",
        f"{LIVE}/stories/",
        f"{LIVE}/column/",
    ]


def test_start_urls_move_to_a_mirror():
    assert all(u.startswith("http://127.0.0.1:8765/") for u in SITE.start_urls("http://127.0.0.1:8765"))


# ------------------------------------------------------------------------------------------------ drop_lines


def _dropped(line: str) -> bool:
    return any(re.search(p, line) for p in SITE.rules.drop_lines)


@pytest.mark.parametrize(
    "line",
    [
        "ロイター",
        " ロイター ",
        "Copyright (C) 2025 トムソンロイター・ジャパン(株) 記事の無断転用を禁じます。",
        "Copyright (C) 2019 トムソンロイター・ジャパン（株） 記事の無断転用を禁じます。",
        "Copyright (C) 2024 Reuters. All Rights Reserved.",
        "© 2025 Bloomberg L.P. All rights reserved.",
    ],
)
def test_wire_credits_and_copyright_lines_are_dropped(line):
    assert _dropped(line)


@pytest.mark.parametrize(
    "line",
    [
        "[モスクワ 17日 ロイター] - ロシアのプーチン大統領とイランのペゼシュキアン大統領は17日、会談した。",
        "ロイターの取材に対し、同氏は「記事の無断転用を禁じます」という表示は形骸化していると述べた。",
        "ロイター通信",
        "著作権(Copyright)の扱いについて、政府は新たな指針をまとめた。",
    ],
)
def test_prose_that_mentions_reuters_or_copyright_is_kept(line):
    assert not _dropped(line)
