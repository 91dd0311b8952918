"""Extraction in a worker process gives the same article as in the crawl's own thread, and the same errors."""

import asyncio
import os
import signal
import time
from pathlib import Path

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


def _worker_pid(pool: ExtractionPool) -> int:
    assert pool._pool is not None
    return pool._pool.submit(os.getpid).result()


def _until_dead(pid: int) -> None:
    """Until the killed worker is gone or a zombie (the pool has not reaped it yet)."""
    stat = Path(f"/proc/{pid}/stat")
    while stat.exists() and stat.read_text().split(") ")[1][0] != "Z":
        time.sleep(0.01)


def test_a_page_after_the_worker_was_killed_is_extracted_in_a_new_worker():
    pool = ExtractionPool(1, restarts=1)
    try:
        asyncio.run(pool.extract(URL, PAGE, "text/html; charset=utf-8", None, "example"))
        pid = _worker_pid(pool)
        os.kill(pid, signal.SIGKILL)  # the OOM killer, or a user, between two pages
        _until_dead(pid)
        article = asyncio.run(pool.extract(URL, PAGE, "text/html; charset=utf-8", None, "example"))
    finally:
        pool.close()
    assert article.headline == "条約に署名"
    assert pool.deaths == 1


def test_past_its_restarts_the_pool_records_every_page_as_not_extracted_and_says_it_gave_up():
    reasons: list[str] = []
    pool = ExtractionPool(1, restarts=0, give_up=reasons.append)
    try:
        asyncio.run(pool.extract(URL, PAGE, "text/html; charset=utf-8", None, "example"))
        pid = _worker_pid(pool)
        os.kill(pid, signal.SIGKILL)
        _until_dead(pid)
        for _ in range(2):
            with pytest.raises(ExtractionError, match="the extraction worker died once"):
                asyncio.run(pool.extract(URL, PAGE, "text/html; charset=utf-8", None, "example"))
    finally:
        pool.close()
    assert reasons == ["the extraction worker died once"]
