"""URL canonicalisation: every variant a site serves one article under has one key; other pages do not."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.text.urls import (
    clean_url,
    page_key,
    page_number,
    page_stem,
    registered_domain,
    same_domain,
    same_host,
    site_host,
    url_key,
    url_problem,
    variant_rank,
    without_session,
)

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
    for variant in (
        "http://example.com/news/2025/01/story.html",
        "https://www.example.com/news/2025/01/story.html",
        "HTTPS://WWW.EXAMPLE.COM/news/2025/01/story.html",
        "https://example.com:443/news/2025/01/story.html",
    ):
        assert url_key(variant) == ARTICLE, variant


def test_trailing_slash_and_index_page_are_the_directory():
    assert (
        url_key("https://example.com/news/story/")
        == url_key("https://example.com/news/story")
        == url_key("https://example.com/news/story/index.html")
        == url_key("https://example.com/news/story/index.php")
        == "example.com/news/story"
    )


def test_amp_renderings_are_the_article():
    for variant in (
        "https://example.com/amp/news/2025/01/story.html",
        "https://example.com/news/2025/01/story.html/amp",
        "https://example.com/news/2025/01/story.amp.html",
        "https://example.com/news/2025/01/story.html?amp",
        "https://example.com/news/2025/01/story.html?amp=1",
        "https://amp.example.com/news/2025/01/story.html",
        "https://example.com/news/2025/01/story.html?outputType=amp",
    ):
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
    assert url_key("https://www.newsweekjapan.jp/reizei/2024/01/no-thank-you_2.php") == url_key(
        "https://www.newsweekjapan.jp/reizei/2024/01/no-thank-you.php"
    )
    assert (
        url_key("https://example.com/news/big-story/2/")
        == url_key("https://example.com/news/big-story/page/3")
        == url_key("https://example.com/news/big-story?page=2")
        == "example.com/news/big-story"
    )
    assert page_number("https://www.newsweekjapan.jp/reizei/2024/01/no-thank-you_2.php") == 2
    assert page_number("https://example.com/news/story?page=4") == 4
    assert page_number("https://example.com/news/story/") == 1


def test_numbers_that_are_dates_or_ids_are_not_page_numbers():
    assert url_key("https://example.com/news/2025/12/") == "example.com/news/2025/12"
    assert url_key("https://example.com/article/12345/2") == "example.com/article/12345/2"
    assert (
        url_key("https://example.com/headlines/world/2025/01/548000.php")
        == "example.com/headlines/world/2025/01/548000.php"
    )
    assert page_number("https://example.com/news/2025/12/") == 1
    assert url_key("https://example.com/post_05.php") == "example.com/post_05.php"


def test_a_small_number_after_a_collection_word_is_an_article_id_not_a_page():
    assert url_key("https://example.com/article/2") != url_key("https://example.com/article/3")
    assert url_key("https://example.com/news/12/") == "example.com/news/12"
    assert page_number("https://example.com/article/2") == 1


def test_url_key_ignores_www_and_trailing_slash():
    assert url_key("https://www.example.com/a/") == url_key("http://example.com/a")
    assert url_key("https://example.com/a?p=1") != url_key("https://example.com/a?p=2")


def test_percent_encoding_is_one_form():
    assert url_key("https://example.com/記事/1.php") == url_key("https://example.com/%E8%A8%98%E4%BA%8B/1.php")


def test_clean_url_only_drops_what_never_names_another_page():
    assert (
        clean_url("HTTPS://WWW.Example.com:443/News/a.html?utm_source=x&b=2&a=1#top")
        == "https://www.example.com/News/a.html?a=1&b=2"
    )
    assert clean_url("https://m.example.com/amp/a/") == "https://m.example.com/amp/a/"
    assert clean_url("not a url") == "not a url"


STORY = "example.jp/news/2025/01/big-story.html"
SLUG = "example.jp/news/%E5%A4%A7%E4%BA%8B%E4%BB%B6-story"  # /news/大事件-story/, percent-encoded as w3lib writes it


@pytest.mark.parametrize(
    "variant, key",
    [
        ("https://example.jp/news/2025/01/big-story.html", STORY),
        ("http://example.jp/news/2025/01/big-story.html", STORY),
        ("https://www.example.jp/news/2025/01/big-story.html", STORY),
        ("https://m.example.jp/news/2025/01/big-story.html", STORY),
        ("https://amp.example.jp/news/2025/01/big-story.html", STORY),
        ("https://example.jp/amp/news/2025/01/big-story.html", STORY),
        ("https://example.jp/news/2025/01/big-story.amp.html", STORY),
        ("https://example.jp/news/2025/01/big-story.html?amp=1", STORY),
        ("https://example.jp/news/2025/01/big-story.html?utm_source=x&utm_medium=rss&fbclid=abc", STORY),
        ("https://example.jp/news/2025/01/big-story.html#comments", STORY),
        ("https://example.jp/news/2025/01/big-story_2.html", STORY),
        ("https://example.jp/news/2025/01/big-story.html?page=3", STORY),
        ("https://m.example.jp/news/amp/2025/01/big-story.html?utm_source=x", STORY),
        ("https://example.jp/news/大事件-story/", SLUG),
        ("https://example.jp/news/%E5%A4%A7%E4%BA%8B%E4%BB%B6-story", SLUG),
        ("https://example.jp/news/%e5%a4%a7%e4%ba%8b%e4%bb%b6-story/index.html", SLUG),
        ("https://www.example.jp/news/大事件-story/amp/", SLUG),
        ("https://example.jp/news/大事件-story/2/", SLUG),
        ("https://example.jp/news/大事件-story/page/4", SLUG),
    ],
)
def test_every_variant_of_one_article_url_has_one_key(variant, key):
    assert url_key(variant) == key


def test_page_key_keeps_the_page_number_and_collapses_everything_else():
    assert page_key("https://www.example.jp/news/big-story/2/?utm_source=x") == "example.jp/news/big-story/2"
    assert page_key("https://example.jp/news/big-story/2/") != page_key("https://example.jp/news/big-story/")
    assert page_key("https://m.example.jp/amp/a_2.html") == page_key("http://example.jp/a_2.html#top")


def test_page_stem_drops_a_page_number_a_next_link_adds():
    first = page_stem("https://example.jp/article/12345")
    assert page_stem("https://www.example.jp/article/12345/2") == first  # after rel=next, "/2" is a page
    assert page_stem("https://example.jp/article/12345?p=2") == first
    assert page_stem("https://example.jp/article/12345-p3") == first
    assert page_stem("https://example.jp/article/12345?id=2") != first


@pytest.mark.parametrize(
    "url, other, same",
    [
        ("https://www.pref.osaka.lg.jp/a", "https://pref.osaka.lg.jp/b", True),
        ("https://www.pref.osaka.lg.jp/a", "https://www.city.osaka.lg.jp/b", False),  # the prefecture and the city
        ("https://alice.github.io/a", "https://bob.github.io/b", False),  # a private suffix: two owners
        ("https://alice.github.io/a", "https://www.alice.github.io/b", True),
        ("https://news.bbc.co.uk/a", "https://www.bbc.co.uk/b", True),
        ("https://www.bbc.co.uk/a", "https://www.itv.co.uk/b", False),
        ("https://example.com/a", "https://cdn.example.net/b", False),
        ("http://127.0.0.1:8001/a", "http://127.0.0.1:8002/b", True),  # a domain has no port
        ("http://127.0.0.1:8001/a", "http://127.0.0.2:8001/b", False),
    ],
)
def test_same_domain_is_one_registered_domain_of_the_public_suffix_list(url, other, same):
    assert same_domain(url, other) is same


def test_registered_domain_names_the_publisher():
    assert registered_domain("https://news.bbc.co.uk:8080/x") == "bbc.co.uk"
    assert registered_domain("https://www.city.osaka.lg.jp/") == "city.osaka.lg.jp"
    assert registered_domain("http://localhost:8000/") == "localhost"


def test_same_host_is_the_site_a_crawl_stays_on_port_included():
    assert same_host("http://127.0.0.1:8001/a", "http://127.0.0.1:8001/")
    assert not same_host("http://127.0.0.1:8002/a", "http://127.0.0.1:8001/")
    assert same_host("https://m.example.co.uk/a", "https://www.example.co.uk/")
    assert same_host("http://example.com:80/a", "http://example.com/")  # the default port is no port
    assert not same_host("https://news.example.co.uk/a", "https://www.example.co.uk/")
    assert not same_host("https://alice.github.io/a", "https://bob.github.io/")


@pytest.mark.parametrize(
    "bad",
    ["http://example.com:8o8o/a", "http://[oops/a", "http://example.com:99999/a", "", "/relative/path", "not a url"],
)
def test_a_malformed_url_never_raises_is_its_own_key_and_is_on_no_site(bad):
    good = "http://example.com/a"
    assert url_key(bad) == page_key(bad) == page_stem(bad) == clean_url(bad).strip() == bad.strip()
    assert site_host(bad) == registered_domain(bad) == ""
    assert not same_host(bad, bad) and not same_domain(bad, bad)
    assert not same_host(bad, good) and not same_domain(good, bad)
    assert page_number(bad) == 1


def test_a_url_that_w3lib_cannot_canonicalise_is_its_own_key():
    odd = "http://a:b\\c@example.com/"  # a backslash in the user info: w3lib then reads "b" as a port
    assert url_key(odd) == page_key(odd) == odd
    assert url_key(odd) != url_key("http://example.com/")


@pytest.mark.parametrize(
    "variant",
    [
        "https://example.com/news/2025/01/story.html?sid=b67d153d399dab3cf4dfc9a57a946602",
        "https://example.com/news/2025/01/story.html;jsessionid=0A1B2C3D4E5F6A7B8C9D",
        "https://example.com/news/2025/01/story.html;JSESSIONID=abc?PHPSESSID=9f8e7d6c5b4a",
        "https://example.com/news/2025/01/story.html?ASPSESSIONIDQSCTDRAB=GHJKLMNOPQ&sessionid=x",
        "https://example.com/news/2025/01/story.html?session_id=1&CFID=123&CFTOKEN=456&zenid=a",
        "https://example.com/(S(lit3py55t21z5v55vlm25s55))/news/2025/01/story.html",
    ],
)
def test_a_session_id_is_not_part_of_the_key_nor_of_the_url_requested(variant):
    assert url_key(variant) == ARTICLE
    assert url_key(without_session(variant)) == ARTICLE
    assert "sess" not in without_session(variant).lower() and "sid=" not in without_session(variant)
    assert "sess" not in clean_url(variant).lower()


def test_a_session_id_is_removed_and_nothing_else_changes():
    url = "https://example.com/a.php?b=%E3%81%82&sid=b67d153d399dab3cf4dfc9a57a946602&a=1#top"
    assert without_session(url) == "https://example.com/a.php?b=%E3%81%82&a=1#top"  # order and encoding kept
    assert without_session("https://example.com/a.php?a=1") == "https://example.com/a.php?a=1"


def test_sid_naming_a_story_rather_than_a_session_stays():
    # Some sites' story ids are called sid: only a value that looks like a session token (long, letters
    # and digits) is taken for one.
    for url in ("https://example.com/article.pl?sid=06/12/04/1234213", "https://example.com/story?sid=12345"):
        assert without_session(url) == url and "sid=" in url_key(url)
    assert url_key("https://example.com/story?sid=12345") != url_key("https://example.com/story?sid=12346")


@pytest.mark.parametrize(
    "bad, why",
    [
        ("http://www.example.com:8o8o/about", "Port could not be cast to integer value"),
        ("http://[oops/", "Invalid IPv6 URL"),
        ("http://example.com:99999/a", "Port out of range"),
        ("http://a.com:x\\y@b.com/", "Port could not be cast to integer value"),  # w3lib reads the backslash
        ("http:///path", "no host"),
        ("mailto:someone@example.com", "not an http(s) URL"),
    ],
)
def test_url_problem_says_what_makes_a_url_unrequestable(bad, why):
    assert (url_problem(bad) or "").startswith(why)


def test_a_well_formed_url_has_no_problem():
    for url in ("http://127.0.0.1:8000/a", "https://例え.jp/記事?q=あ", "https://[::1]:8443/x"):
        assert url_problem(url) is None, url


NASTY = [
    "",
    " ",
    "http://",
    "http://[",
    "http://]",
    "http://[::1",
    "http://a:b:c/",
    "http://:80/",
    "http://@/",
    "http://a.com:-1/",
    "http://a.com:+80/",
    "http://a.com:٣/",  # an Arabic-Indic digit: int() reads it, a URL must not
    "http://\x00/",
    "http://a.com/\ud800",
    "http://xn--/",
    "http://a..b/",
    "http://" + "a" * 300 + ".com/",
    "http://a.com/%zz",
    "//[oops/",
    "http:\\\\a.com\\x",
    "javascript:alert(1)",
]


@given(st.one_of(st.text(), st.sampled_from(NASTY), st.builds(lambda a, b: f"http://{a}:{b}/x", st.text(), st.text())))
def test_no_string_makes_the_url_functions_raise(text):
    for url in (text, "http://" + text, "https://example.com/" + text):
        url_key(url), page_key(url), page_stem(url), clean_url(url), site_host(url), page_number(url)
        same_host(url, "https://example.com/"), registered_domain(url), url_problem(url)
        assert url_key(without_session(url)) == url_key(url) or url_problem(url) is not None


def test_random_strings_never_make_the_url_functions_raise():
    rng = random.Random(7)  # fixed: the same strings every run
    alphabet = "abc:/?#[]@!$&'()*+,;=%.-_~\\ \t\n\x00\x7fé\u3042\ufffd0123456789"
    for _ in range(3000):
        url = rng.choice(("http://", "https://", "//", "")) + "".join(rng.choices(alphabet, k=rng.randint(0, 30)))
        url_key(url), clean_url(url), same_host(url, url), site_host(url), url_problem(url), without_session(url)


def test_variant_rank_puts_the_plain_url_before_its_tracking_amp_and_mobile_variants():
    own = "https://www.example.jp/news/2025/01/treaty.html"
    assert variant_rank(own) == 0
    assert variant_rank("https://example.jp/news/2025/01/treaty.html") == 0  # www. or not: either may be canonical
    for variant in (
        own + "?utm_source=rss",
        own + "#comments",
        own + "?amp=1",
        "https://www.example.jp/amp/news/2025/01/treaty.html",
        "https://www.example.jp/news/2025/01/treaty.amp.html",
        "https://m.example.jp/news/2025/01/treaty.html",
        "https://www.example.jp/news/2025/01/treaty.html;jsessionid=0A1B2C3D",
    ):
        assert variant_rank(variant) == 1, variant
    assert variant_rank("https://m.example.jp/amp/news/2025/01/treaty.html?utm_source=x#c") == 4
    assert variant_rank("not a url") == 0
