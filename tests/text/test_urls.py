"""URL canonicalisation: every variant a site serves one article under has one key; other pages do not."""

from newsarchive.text.urls import clean_url, page_number, site_host, url_key

ARTICLE = "example.com/news/2025/01/story.html"


def test_tracking_parameters_and_the_fragment_never_reach_the_key():
    assert url_key("https://example.com/news/2025/01/story.html?utm_source=x&utm_medium=rss#comments") == ARTICLE
    for name in ("fbclid", "gclid", "ref", "msclkid", "mc_cid", "igshid"):
        assert url_key(f"https://example.com/news/2025/01/story.html?{name}=abc") == ARTICLE, name


def test_meaningful_query_parameters_are_kept_and_sorted():
    assert url_key("https://example.com/article?id=7&lang=de&utm_campaign=z") == "example.com/article?id=7&lang=de"
    assert url_key("https://example.com/article?lang=de&id=7") == "example.com/article?id=7&lang=de"
    assert url_key("https://example.com/article?id=7") != url_key("https://example.com/article?id=8")
    assert url_key("https://example.com/?p=123") == "example.com/?p=123"  # a WordPress post id is not page 2


def test_scheme_www_case_and_default_port_do_not_make_another_article():
    for variant in ("http://example.com/news/2025/01/story.html", "https://www.example.com/news/2025/01/story.html",
                    "HTTPS://WWW.EXAMPLE.COM/news/2025/01/story.html", "https://example.com:443/news/2025/01/story.html"):
        assert url_key(variant) == ARTICLE, variant


def test_trailing_slash_and_index_page_are_the_directory():
    assert url_key("https://example.com/news/story/") == url_key("https://example.com/news/story") == \
        url_key("https://example.com/news/story/index.html") == url_key("https://example.com/news/story/index.php") \
        == "example.com/news/story"


def test_amp_renderings_are_the_article():
    for variant in ("https://example.com/amp/news/2025/01/story.html", "https://example.com/news/2025/01/story.html/amp",
                    "https://example.com/news/2025/01/story.amp.html", "https://example.com/news/2025/01/story.html?amp",
                    "https://example.com/news/2025/01/story.html?amp=1", "https://amp.example.com/news/2025/01/story.html",
                    "https://example.com/news/2025/01/story.html?outputType=amp"):
        assert url_key(variant) == ARTICLE, variant


def test_mobile_hosts_are_the_site():
    for host in ("m.example.com", "mobile.example.com", "sp.example.com", "www.m.example.com"):
        assert url_key(f"https://{host}/news/2025/01/story.html") == ARTICLE, host
    assert site_host("https://m.example.com/x") == site_host("http://www.example.com/y") == "example.com"
    # A bare two-label host keeps its first label: "m.com" is a site, not the mobile rendering of "com".
    assert site_host("https://m.com/x") == "m.com"


def test_a_port_makes_another_site():
    assert url_key("http://127.0.0.1:8001/a.php") != url_key("http://127.0.0.1:8002/a.php")


def test_later_pages_of_a_multi_page_article_map_to_page_one():
    assert url_key("https://www.newsweekjapan.jp/reizei/2024/01/no-thank-you_2.php") == \
        url_key("https://www.newsweekjapan.jp/reizei/2024/01/no-thank-you.php")
    assert url_key("https://example.com/news/big-story/2/") == url_key("https://example.com/news/big-story/page/3") == \
        url_key("https://example.com/news/big-story?page=2") == "example.com/news/big-story"
    assert page_number("https://www.newsweekjapan.jp/reizei/2024/01/no-thank-you_2.php") == 2
    assert page_number("https://example.com/news/story?page=4") == 4
    assert page_number("https://example.com/news/story/") == 1


def test_numbers_that_are_dates_or_ids_are_not_page_numbers():
    assert url_key("https://example.com/news/2025/12/") == "example.com/news/2025/12"
    assert url_key("https://example.com/article/12345/2") == "example.com/article/12345/2"
    assert url_key("https://example.com/headlines/world/2025/01/548000.php") == \
        "example.com/headlines/world/2025/01/548000.php"
    assert page_number("https://example.com/news/2025/12/") == 1
    assert url_key("https://example.com/post_05.php") == "example.com/post_05.php"


def test_a_small_number_after_a_collection_word_is_an_article_id_not_a_page():
    assert url_key("https://example.com/article/2") != url_key("https://example.com/article/3")
    assert url_key("https://example.com/news/12/") == "example.com/news/12"
    assert page_number("https://example.com/article/2") == 1


def test_percent_encoding_is_one_form():
    assert url_key("https://example.com/記事/1.php") == url_key("https://example.com/%E8%A8%98%E4%BA%8B/1.php")


def test_clean_url_only_drops_what_never_names_another_page():
    assert clean_url("HTTPS://WWW.Example.com:443/News/a.html?utm_source=x&b=2&a=1#top") == \
        "https://www.example.com/News/a.html?a=1&b=2"
    assert clean_url("https://m.example.com/amp/a/") == "https://m.example.com/amp/a/"
    assert clean_url("not a url") == "not a url"
