"""CDXJ index lines: SURT keys as the surt library (pywb's) makes them, lines sorted as replay tools search them."""

from __future__ import annotations

import json

import pytest
import surt as reference
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.crawler.cdxj import Entry, sorted_lines, surt, timestamp

URLS = [
    "http://127.0.0.1:8080/news/a.html?b=2&a=1#x",
    "https://www.Example.com/A/b?utm=1&SID=2",
    "http://example.com:80/",
    "https://www.example.com:8443/a",
    "http://www2.example.co.uk/x//y/",
    "http://example.com",
    "http://example.com/a b?q=%20x+y",
    "https://example.jp/記事/1?q=東京",
    "https://example.jp/%E8%A8%98%E4%BA%8B/1",
    "http://Example.com/A%2fB?X=Y&a=",
    "http://example.com/?",
    "http://example.com/a/?b",
    "http://example.com./a",
    "http://example.com/index.html?PHPSESSID=0123456789abcdef0123456789abcdef&x=1",
    "http://user:pw@example.com/a",
    "http://example.com/a%20b%2Fc%25d",
    "http://example.com/a?b=c%26d&a=%41",
    "https://www.newsweekjapan.jp/stories/world/2025/01/1.php",
    "https://example.com/a/./b/../c",
    "https://example.com/a?a&a=",
    "https://example.com/amp/story?utm_source=x&amp=1",
]


@pytest.mark.parametrize("url", URLS)
def test_the_surt_key_is_the_one_pywb_looks_the_url_up_by(url):
    assert surt(url) == reference.surt(url)


_SEGMENT = st.text(alphabet="abcXYZ019-_.~%2F東", min_size=0, max_size=8)


@given(
    host=st.sampled_from(["example.com", "www.Example.org", "news.example.co.jp", "127.0.0.1"]),
    port=st.sampled_from(["", ":80", ":443", ":8080"]),
    path=st.lists(_SEGMENT, max_size=4),
    query=st.lists(st.tuples(st.text(alphabet="abAB_", min_size=1, max_size=4), _SEGMENT), max_size=3),
)
def test_surt_keys_of_ordinary_article_urls_match_the_surt_librarys(host, port, path, query):
    url = f"https://{host}{port}/" + "/".join(path) + ("?" + "&".join(f"{k}={v}" for k, v in query) if query else "")
    assert surt(url) == reference.surt(url)


def entry(url: str, ts: str, offset: int = 0) -> Entry:
    return Entry(url, ts, "text/html", "200", "sha1:X", 10, offset, "data.warc.gz")


def test_lines_are_sorted_by_surt_then_time_not_by_url():
    entries = [
        entry("https://www.example.com/b", "20250102000000"),
        entry("https://example.com/a?z=1", "20250101000000"),
        entry("https://example.com/a", "20250103000000"),
        entry("https://example.com/a", "20250101000000"),
        entry("https://example.org/", "20240101000000"),
    ]
    keys = [line.split(" ", 2)[:2] for line in sorted_lines(entries)]
    assert keys == [
        ["com,example)/a", "20250101000000"],
        ["com,example)/a", "20250103000000"],
        ["com,example)/a?z=1", "20250101000000"],
        ["com,example)/b", "20250102000000"],
        ["org,example)/", "20240101000000"],
    ]


def test_a_line_holds_the_fields_replay_tools_read_as_strings():
    line = entry("https://example.com/a", "20250101000000", offset=512).line()
    key, ts, fields = line.rstrip("\n").split(" ", 2)
    assert json.loads(fields) == {
        "url": "https://example.com/a",
        "mime": "text/html",
        "status": "200",
        "digest": "sha1:X",
        "length": "10",
        "offset": "512",
        "filename": "data.warc.gz",
    }


def test_a_warc_date_becomes_fourteen_digits():
    assert timestamp("2025-01-20T09:30:05.123456Z") == "20250120093005"
    assert timestamp("2025-01-20T09:30:05Z") == "20250120093005"
