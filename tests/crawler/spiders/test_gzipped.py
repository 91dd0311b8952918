"""Tests for newsarchive.crawler.spiders.gzipped: gzip bodies inflated a chunk at a time, up to a bound."""

import gzip

import pytest

from newsarchive.crawler.spiders.discovery import parse_sitemap
from newsarchive.crawler.spiders.gzipped import InflateLimit, inflate, maybe_gunzip

from .test_discovery import INDEX


def test_gzipped_sitemaps_in_several_members_or_with_a_damaged_checksum_are_read_whole():
    head, tail = INDEX[:200], INDEX[200:]
    members = gzip.compress(head) + gzip.compress(tail)
    assert maybe_gunzip(members) == INDEX
    packed = gzip.compress(INDEX)
    bad_crc = packed[:-8] + bytes(4) + packed[-4:]
    assert [e.url for e in parse_sitemap(bad_crc, "https://www.newsweekjapan.jp/sitemap.xml")] == [
        "https://www.newsweekjapan.jp/sitemap-2025-01.xml",
        "https://www.newsweekjapan.jp/sitemap-news.xml",
    ]


def test_a_gzip_bomb_is_not_inflated_past_the_bound_and_corrupt_gzip_never_raises():
    bomb = gzip.compress(b"<urlset>" + b" " * 1_000_000)
    assert len(maybe_gunzip(bomb, max_size=10_000)) <= 10_000
    packed = gzip.compress(INDEX)
    for broken in (packed[:12] + b"\xff" * 40, packed[:5], b"\x1f\x8b" + bytes(30)):
        assert isinstance(maybe_gunzip(broken), bytes)


def test_a_sitemap_inflating_past_the_bound_keeps_the_entries_before_the_cut():
    entries = b"".join(b"<url><loc>https://example.com/news/%d.html</loc></url>" % n for n in range(3))
    oversized = gzip.compress(b'<?xml version="1.0"?><urlset>' + entries + b"<!--" + b" " * 100_000 + b"-->")
    cut = maybe_gunzip(oversized, max_size=10_000)
    assert len(cut) == 10_000 and entries in cut


def test_inflating_yields_chunks_and_raises_past_the_limit_after_exactly_the_limit():
    bomb = gzip.compress(bytes(5_000_000))
    chunks = []
    with pytest.raises(InflateLimit, match="over the 1,000,000 byte limit when decompressed"):
        for chunk in inflate(bomb, 1_000_000):
            chunks.append(chunk)
    assert sum(map(len, chunks)) == 1_000_000 and max(map(len, chunks)) <= 64 * 1024
    assert b"".join(inflate(b"<rss/>", 10)) == b"<rss/>"  # not gzip: as it is, the limit is for inflating
