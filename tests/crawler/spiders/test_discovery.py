"""Tests for newsarchive.crawler.spiders.discovery: telling feeds, sitemaps and pages apart and reading them."""

import gzip
from datetime import UTC, datetime, timedelta, timezone

from newsarchive.crawler.spiders.discovery import (
    EntryReader,
    find_hrefs,
    is_html_type,
    iter_hrefs,
    parse_date,
    parse_feed,
    parse_sitemap,
    sniff,
)

JST = timezone(timedelta(hours=9))

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>ニュース速報</title><link>https://www.newsweekjapan.jp/</link>
<item><title>ロシア・イラン大統領、戦略条約締結</title>
  <link>/headlines/world/2025/01/483520.php</link>
  <pubDate>Sat, 18 Jan 2025 07:25:00 +0900</pubDate></item>
<item><title>absolute</title><link>https://www.newsweekjapan.jp/headlines/business/2025/01/483521.php</link>
  <dc:date>2025-01-18T09:00:00+09:00</dc:date></item>
<item><title>guid only</title><guid>https://www.newsweekjapan.jp/headlines/world/2025/01/483522.php</guid></item>
<item><title>guid that is not a link</title><guid isPermaLink="false">tag:483523</guid></item>
</channel></rss>""".encode()

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example</title><link href="https://example.com/"/>
  <entry><title>One</title><link rel="alternate" href="posts/2025/01/one-long-article-title"/>
    <link rel="enclosure" href="/media/one.mp3"/>
    <published>2025-01-17T22:25:00Z</published><updated>2025-01-18T01:00:00Z</updated></entry>
  <entry xml:base="https://example.com/other/"><title>Two</title><link href="two.html"/></entry>
</feed>"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://www.newsweekjapan.jp/headlines/world/2025/01/483520.php</loc>
    <lastmod>2025-01-18T08:00:00+09:00</lastmod>
    <news:news><news:publication><news:name>Newsweek</news:name><news:language>ja</news:language></news:publication>
      <news:publication_date>2025-01-18T07:25:00+09:00</news:publication_date>
      <news:title>ロシア・イラン大統領</news:title></news:news></url>
  <url><loc>https://www.newsweekjapan.jp/stories/</loc><lastmod>2025-01-18</lastmod></url>
</urlset>""".encode()

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>/sitemap-2025-01.xml</loc><lastmod>2025-01-31T00:00:00+00:00</lastmod></sitemap>
  <sitemap><loc>https://www.newsweekjapan.jp/sitemap-news.xml</loc></sitemap>
</sitemapindex>"""


def test_sniff_tells_feeds_sitemaps_and_pages_apart_by_content_not_by_header():
    assert sniff(RSS, "text/html") == "feed"
    assert sniff(ATOM, None) == "feed"
    assert sniff(SITEMAP, "text/plain") == "sitemap"
    assert sniff(INDEX, "application/octet-stream") == "sitemap"
    assert sniff(b"<!DOCTYPE html>\n<!-- <feed> in a comment --><html><body></body></html>", None) == "html"
    assert sniff(b"\x89PNG\r\n\x1a\n\x00\x00", "image/png") == "other"


def test_rss_links_are_made_absolute_against_the_feed_url_with_their_dates():
    entries = parse_feed(RSS, "https://www.newsweekjapan.jp/headlines.rss")
    assert [e.url for e in entries] == [
        "https://www.newsweekjapan.jp/headlines/world/2025/01/483520.php",
        "https://www.newsweekjapan.jp/headlines/business/2025/01/483521.php",
        "https://www.newsweekjapan.jp/headlines/world/2025/01/483522.php",
    ]
    assert entries[0].published == datetime(2025, 1, 18, 7, 25, tzinfo=JST)
    assert entries[1].published == datetime(2025, 1, 18, 9, 0, tzinfo=JST)
    assert entries[2].published is None


def test_atom_takes_the_alternate_link_and_honours_xml_base():
    entries = parse_feed(ATOM, "https://example.com/feed.atom")
    assert [e.url for e in entries] == [
        "https://example.com/posts/2025/01/one-long-article-title",
        "https://example.com/other/two.html",
    ]
    assert entries[0].published == datetime(2025, 1, 17, 22, 25, tzinfo=UTC)
    assert entries[0].modified == datetime(2025, 1, 18, 1, 0, tzinfo=UTC)


def test_news_sitemap_keeps_lastmod_and_publication_date():
    entries = parse_sitemap(SITEMAP, "https://www.newsweekjapan.jp/sitemap.xml")
    assert [e.url for e in entries] == [
        "https://www.newsweekjapan.jp/headlines/world/2025/01/483520.php",
        "https://www.newsweekjapan.jp/stories/",
    ]
    first, second = entries
    assert first.published == datetime(2025, 1, 18, 7, 25, tzinfo=JST)
    assert first.modified == datetime(2025, 1, 18, 8, 0, tzinfo=JST)
    assert not first.is_sitemap
    # A bare date names no instant: it is not turned into midnight somewhere.
    assert second.modified is None


def test_sitemap_index_lists_sitemaps_and_reads_gzipped_bodies():
    entries = parse_sitemap(gzip.compress(INDEX), "https://www.newsweekjapan.jp/sitemap.xml")
    assert [(e.url, e.is_sitemap) for e in entries] == [
        ("https://www.newsweekjapan.jp/sitemap-2025-01.xml", True),
        ("https://www.newsweekjapan.jp/sitemap-news.xml", True),
    ]


def test_broken_or_hostile_xml_gives_no_entries_instead_of_an_exception():
    assert parse_feed(b"not xml at all", "https://example.com/feed") == []
    bomb = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>
    <urlset><url><loc>https://example.com/&b;</loc></url></urlset>"""
    entries = parse_sitemap(bomb, "https://example.com/sitemap.xml")
    assert all("aaaaaaaaaa" not in e.url for e in entries)


def test_dates_in_rss_and_iso_forms():
    assert parse_date("Sat, 18 Jan 2025 07:25:00 +0900") == datetime(2025, 1, 18, 7, 25, tzinfo=JST)
    assert parse_date("2025-01-17T22:25:00Z") == datetime(2025, 1, 17, 22, 25, tzinfo=UTC)
    assert parse_date("2025-01-18") is None
    assert parse_date("yesterday") is None


def test_html_types_include_missing_and_generic_ones_but_not_images():
    assert is_html_type("text/html; charset=Shift_JIS")
    assert is_html_type(None)
    assert is_html_type(b"application/xhtml+xml")
    assert not is_html_type("image/png")
    assert not is_html_type("application/pdf")


def test_find_hrefs_reads_quoted_and_bare_hrefs_once_each_with_entities_decoded():
    html = """<nav><a class="x" href="/headlines/">速報</a><a href='/stories/?a=1&amp;b=2'>特集</a></nav>
    <A HREF=/column/>コラム</A><a name="top"></a><a href="#top">上へ</a><a href="javascript:void(0)">x</a>
    <a href="mailto:info@example.com">mail</a><a href="/headlines/">again</a><link href="/style.css">"""
    assert find_hrefs(html) == ["/headlines/", "/stories/?a=1&b=2", "/column/"]


def test_binary_data_is_told_from_text_in_any_page_encoding():
    import random

    from newsarchive.crawler.spiders.discovery import looks_binary

    assert looks_binary(random.Random(1).randbytes(4096))
    assert looks_binary(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    page = "<html><body><p>円相場が下落した。\tUnemployment fell.</p></body></html>\r\n" * 20
    for encoding in ("utf-8", "shift_jis", "euc_jp", "iso2022_jp"):
        assert not looks_binary(page.encode(encoding)), encoding
    assert not looks_binary(page.encode("utf-16"))  # a byte order mark says what the NULs are
    assert not looks_binary(b"")


def _urlset(n: int, filler: bytes = b"") -> bytes:
    locs = b"".join(b"<url><loc>https://example.com/news/%d.html</loc></url>%s" % (i, filler) for i in range(n))
    return b'<?xml version="1.0"?><urlset>' + locs + b"</urlset>"


def test_a_reader_stops_after_its_entry_limit_and_says_so():
    reader = EntryReader(_urlset(30), "https://example.com/sitemap.xml", "sitemap", max_entries=10, max_bytes=10**6)
    assert [e.url for e in reader] == [f"https://example.com/news/{i}.html" for i in range(10)]
    assert (reader.cut, reader.over) == ("more than 10 entries", "entries")
    whole = EntryReader(_urlset(10), "https://example.com/sitemap.xml", "sitemap", max_entries=10, max_bytes=10**6)
    assert len(list(whole)) == 10 and whole.cut is None


def test_a_reader_keeps_the_entries_before_a_gzip_body_inflates_past_its_limit():
    # 2,000 entries of about 1 KB each: about 2 MB inflated, from a few KB of gzip.
    body = gzip.compress(_urlset(2000, b"<x>" + b"0" * 1000 + b"</x>"))
    reader = EntryReader(body, "https://example.com/s.xml.gz", "sitemap", max_entries=10**6, max_bytes=200_000)
    urls = [e.url for e in reader]
    assert 150 < len(urls) < 200 and urls[0] == "https://example.com/news/0.html"
    assert (reader.cut, reader.over) == ("over the 200,000 byte limit when decompressed", "bytes")


def test_a_reader_reads_feeds_and_sitemaps_split_across_its_chunks_as_a_whole_parse_would():
    items = "".join(
        f"<item><title>t</title><link>/news/{i}.html</link><description>{'d' * 300}</description></item>"
        for i in range(600)
    )
    feed = f'<?xml version="1.0"?><rss><channel><title>x</title>{items}</channel></rss>'.encode()
    assert len(feed) > 3 * 64 * 1024  # several chunks
    assert [e.url for e in parse_feed(feed, "https://example.com/rss")] == [
        f"https://example.com/news/{i}.html" for i in range(600)
    ]
    # Only a <url> directly under the urlset is an entry.
    nested = b"<urlset><url><loc>https://example.com/a</loc></url><x><url><loc>https://example.com/b</loc></url></x></urlset>"
    assert [e.url for e in parse_sitemap(nested, "https://example.com/s.xml")] == ["https://example.com/a"]


def test_an_entry_of_over_a_megabyte_ends_the_reading_with_its_reason():
    body = b"<urlset><url><loc>https://example.com/a</loc></url><url>" + b"<x>y</x>" * 200_000 + b"</url></urlset>"
    reader = EntryReader(body, "https://example.com/s.xml", "sitemap", max_entries=100, max_bytes=10**7)
    assert [e.url for e in reader] == ["https://example.com/a"]
    assert reader.cut == "an entry of over 1,048,576 bytes" and reader.over is None


def test_hrefs_come_one_at_a_time_so_a_caller_can_stop_early():
    hrefs = iter_hrefs("".join(f'<a href="/p/{i}">x</a><a href="/p/{i}">again</a>' for i in range(10**5)))
    assert [next(hrefs) for _ in range(3)] == ["/p/0", "/p/1", "/p/2"]
