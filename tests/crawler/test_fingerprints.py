"""Request fingerprints by page key: the variants of one article page are one request, its later pages are not."""

from __future__ import annotations

import scrapy
from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.test import get_crawler

from newsarchive.crawler.fingerprints import PageKeyFingerprinter, own_first
from newsarchive.crawler.settings import REQUEST_FINGERPRINTER_CLASS

URL = "https://www.example.jp/news/2025/01/treaty-signed.html"
VARIANTS = [
    URL,
    URL + "?utm_source=rss&utm_medium=feed&fbclid=abc",
    URL + "#comments",
    "http://example.jp/news/2025/01/treaty-signed.html",
    "https://m.example.jp/news/2025/01/treaty-signed.html",
    "https://www.example.jp/amp/news/2025/01/treaty-signed.html",
    "https://www.example.jp/news/2025/01/treaty-signed.amp.html",
    URL + "?amp=1",
    "https://www.example.jp/news/2025/01/treaty-signed.html;jsessionid=0A1B2C3D4E5F6A7B8C9D",
]
PAGE_2 = "https://www.example.jp/news/2025/01/treaty-signed_2.html"


def fingerprint(url: str, **kwargs) -> bytes:
    return PageKeyFingerprinter().fingerprint(scrapy.Request(url, **kwargs))


def test_every_url_variant_of_an_article_has_one_fingerprint():
    assert {fingerprint(url) for url in VARIANTS} == {fingerprint(URL)}


def test_a_later_page_another_article_and_another_method_or_body_are_other_requests():
    others = [
        fingerprint(PAGE_2),
        fingerprint(URL.replace("treaty-signed", "bank-decision")),
        fingerprint(URL + "?id=2"),
        fingerprint(URL, method="POST", body=b"q=1"),
        fingerprint(URL),
    ]
    assert len(set(others)) == len(others)


def test_a_redirect_target_or_verbatim_url_keeps_the_exact_url_fingerprint():
    # http:// redirecting to https:// is one key: the target must not be dropped as the page already asked for.
    plain = fingerprint("http://example.jp/news/a.html")
    redirected = fingerprint(URL, meta={"redirect_urls": ["http://example.jp/news/a.html"]})
    assert redirected != plain
    assert fingerprint(URL + "?utm_source=x", meta={"verbatim_url": True}) != fingerprint(URL)


def test_the_duplicate_filter_of_a_crawl_with_the_project_setting_takes_one_variant_and_every_page():
    crawler = get_crawler(scrapy.Spider, {"REQUEST_FINGERPRINTER_CLASS": REQUEST_FINGERPRINTER_CLASS})
    seen = RFPDupeFilter.from_crawler(crawler)
    assert [seen.request_seen(scrapy.Request(url)) for url in VARIANTS] == [False] + [True] * (len(VARIANTS) - 1)
    assert not seen.request_seen(scrapy.Request(PAGE_2))  # page 2 of the article is a page of its own
    assert seen.request_seen(scrapy.Request(PAGE_2.replace("www.", "m.")))


def test_own_first_asks_for_the_articles_own_url_among_its_variants_in_first_seen_order():
    amp, tracked = VARIANTS[5], VARIANTS[1]
    other = URL.replace("treaty-signed", "bank-decision")
    assert list(own_first([amp, other + "#top", tracked, PAGE_2, URL, other])) == [URL, other, PAGE_2]


def test_own_first_picks_from_feed_entries_by_their_url_and_looks_only_a_window_ahead():
    entries = [(VARIANTS[1], "tracked"), (URL, "own")]
    assert list(own_first(entries, url=lambda entry: entry[0])) == [(URL, "own")]
    # Past the window the first page is given as it was found; its later variant is then a request the
    # scheduler drops.
    many = [VARIANTS[1]] + [f"https://www.example.jp/news/{n}.html" for n in range(3)] + [URL]
    assert list(own_first(many, window=2))[0] == VARIANTS[1]
