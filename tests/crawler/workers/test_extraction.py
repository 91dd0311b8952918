"""Extraction in a worker process gives the same article as in the crawl's own thread, and the same errors."""

import asyncio

import pytest

from newsarchive.crawler.workers.extraction import ExtractionPool
from newsarchive.extract import ExtractionError, extract_article

PAGE = (
    "<html lang='ja'><head><title>条約に署名 | 例</title></head><body><article><h1>条約に署名</h1>"
    "<p>ロシアとイランは17日、包括的戦略パートナーシップ条約に署名した。有効期間は20年。</p>"
    "<p>両国は軍事面の協力を深める。相互防衛の条項は含まれていない。</p></article></body></html>"
).encode()
URL = "https://news.example.jp/a/1.php"


def test_a_worker_extracts_the_same_article_as_a_plain_call():
    pool = ExtractionPool(1)
    try:
        in_worker = asyncio.run(pool.extract(URL, PAGE, "text/html; charset=utf-8", None, "example"))
    finally:
        pool.close()
    in_thread = asyncio.run(ExtractionPool(0).extract(URL, PAGE, "text/html; charset=utf-8", None, "example"))
    direct = extract_article(URL, PAGE, content_type="text/html; charset=utf-8", site="example", clean=False)
    assert in_worker == in_thread == direct
    assert in_worker.headline == "条約に署名"


def test_an_extraction_error_in_a_worker_reaches_the_crawl_with_its_reason():
    pool = ExtractionPool(1)
    try:
        with pytest.raises(ExtractionError, match="empty"):
            asyncio.run(pool.extract(URL, b"", None, None, "example"))
    finally:
        pool.close()
