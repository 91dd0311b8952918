"""The WACZ's own files: the page list, its header line and which capture each article's page points at."""

from __future__ import annotations

import json

from newsarchive.crawler.cdxj import Entry
from newsarchive.crawler.wacz import datapackage, page_line, pages_jsonl


def entry(url: str, ts: str) -> Entry:
    return Entry(url, ts, "text/html", "200", "sha1:X", 10, 0, "data.warc.gz")


ARTICLE = {"id": 7, "headline": "条約に署名", "url": "https://x.jp/1.php"}


def test_a_page_is_the_newest_first_page_capture_of_the_text_the_article_has_now():
    copied = [
        ({"page": 1, "current": False}, entry("https://x.jp/1.php", "20250101000000")),
        ({"page": 1, "current": True}, entry("https://x.jp/1.php?utm=a", "20250102000000")),
        ({"page": 2, "current": True}, entry("https://x.jp/1.php?page=2", "20250103000000")),
        ({"page": 1, "current": False}, entry("https://x.jp/amp/1.php", "20250104000000")),
    ]
    assert page_line(ARTICLE, copied) == {
        "id": "article-7",
        "url": "https://x.jp/1.php?utm=a",
        "ts": "2025-01-02T00:00:00Z",
        "title": "条約に署名",
    }


def test_without_a_current_capture_the_newest_first_page_one_is_listed_and_without_any_none():
    copied = [({"page": 1, "current": False}, entry("https://x.jp/1.php", "20250101000000"))]
    assert page_line(ARTICLE, copied)["url"] == "https://x.jp/1.php"
    assert page_line(ARTICLE, []) is None


def test_the_pages_file_starts_with_its_header_line_then_one_page_per_line():
    lines = pages_jsonl([{"url": "https://x.jp/1.php", "ts": "2025-01-02T00:00:00Z", "title": "条約"}], "t")
    first, page = [json.loads(line) for line in lines.decode("utf-8").splitlines()]
    assert first == {"format": "json-pages-1.0", "id": "pages", "title": "t"}
    assert page["title"] == "条約"


def test_the_datapackage_names_the_wacz_version_and_every_resource():
    resources = [{"name": "data.warc.gz", "path": "archive/data.warc.gz", "hash": "sha256:ab", "bytes": 3}]
    package = json.loads(datapackage(resources, "t", "2025-01-02T00:00:00Z"))
    assert package["wacz_version"] == "1.1.1" and package["resources"] == resources
    assert package["created"] == "2025-01-02T00:00:00Z" and package["software"].startswith("newsarchive ")
