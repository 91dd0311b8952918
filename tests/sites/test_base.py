"""The Site profile (newsarchive/sites/base.py): start URLs against the live site or a mirror, URL classes."""

from __future__ import annotations

from newsarchive.sites.base import Site

SITE = Site(
    name="example",
    title="Example News",
    base_url="https://news.example/",
    feeds=("/rss.xml",),
    sitemaps=("/sitemap.xml",),
    listings=("/world/",),
    article_patterns=(r"^/world/\d{4}/\d+\.html$",),
    listing_patterns=(r"^/world/$",),
    ignore_patterns=(r"^/world/2020/",),
)


def test_start_urls_are_feeds_then_sitemaps_then_listings_on_the_live_site():
    assert SITE.start_urls() == [
        "https://news.example/rss.xml",
        "https://news.example/sitemap.xml",
        "https://news.example/world/",
    ]


def test_start_urls_follow_a_mirror_given_as_base_url_with_or_without_slash():
    expected = ["http://127.0.0.1:8123/rss.xml", "http://127.0.0.1:8123/sitemap.xml", "http://127.0.0.1:8123/world/"]
    assert SITE.start_urls("http://127.0.0.1:8123") == expected
    assert SITE.start_urls("http://127.0.0.1:8123/") == expected


def test_url_classes_ignore_the_host_so_a_mirror_classifies_like_the_live_site():
    assert SITE.is_article("https://news.example/world/2024/17.html")
    assert SITE.is_article("http://127.0.0.1:8123/world/2024/17.html")
    assert SITE.is_listing("http://127.0.0.1:8123/world/")
    assert not SITE.is_article("http://127.0.0.1:8123/world/")


def test_ignore_patterns_win_over_article_patterns():
    assert not SITE.is_article("https://news.example/world/2020/3.html")
