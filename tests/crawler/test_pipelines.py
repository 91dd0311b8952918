"""Tests for newsarchive.crawler.pipelines with real articles and a real SQLite archive."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import pytest
from scrapy import Spider
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newsarchive.crawler.pipelines import CleanPipeline, DedupePipeline, StorePipeline, ValidatePipeline
from newsarchive.items import Article
from newsarchive.store import open_archive

JST = timezone(timedelta(hours=9))
BODY = (
    "ロシアのプーチン大統領とイランのペゼシュキアン大統領は17日、モスクワで会談を行い、"
    "有効期間20年の包括的戦略パートナーシップ条約に署名した。"
)


def article(n: int, body: str = BODY, **fields) -> Article:
    values = dict(
        url=f"https://www.newsweekjapan.jp/headlines/world/2025/01/{483520 + n}.php",
        site="newsweekjapan",
        headline=f"ロシア・イラン大統領、戦略条約締結 その{n}",
        body=f"{body}(その{n})",
        published=datetime(2025, 1, 18, 7, 25, tzinfo=JST),
        language="ja",
    )
    values.update(fields)
    return Article(**values)


def test_clean_pipeline_hands_on_the_cleaned_article():
    dirty = article(1, headline="  ロシア・イラン大統領、\n  戦略条約締結  ")
    assert CleanPipeline().process_item(dirty).headline == "ロシア・イラン大統領、 戦略条約締結"


@pytest.mark.parametrize(
    "fields, reason",
    [
        ({"headline": ""}, "missing headline: "),
        ({"headline": "  "}, "missing headline: "),
        ({"body": ""}, "missing body: "),
        ({"body": "詳細は追って。"}, "body too short: 7 characters (at least 60): "),
    ],
)
def test_validate_drops_what_is_not_an_article_and_says_why(fields, reason):
    item = Article(url="https://example.com/a", **{"headline": "見出し", "body": BODY, **fields})
    with pytest.raises(DropItem) as dropped:
        ValidatePipeline(min_body_chars=60).process_item(item)
    assert str(dropped.value) == reason + "https://example.com/a"


def test_validate_passes_an_article_with_headline_and_body():
    item = article(1)
    assert ValidatePipeline().process_item(item) is item


def test_dedupe_drops_a_url_seen_before_in_this_crawl():
    dedupe = DedupePipeline()
    dedupe.process_item(article(1))
    with pytest.raises(DropItem, match="already seen in this crawl"):
        dedupe.process_item(article(1))


def test_dedupe_passes_a_copy_under_another_url_on_to_the_archive_which_keeps_that_url():
    dedupe = DedupePipeline()
    first = article(1)
    copy = article(2, headline=first.headline)
    copy.body = first.body
    dedupe.process_item(first)
    assert dedupe.process_item(copy) is copy
    # The same URL with other pages joined is another item, too.
    assert dedupe.process_item(article(1, pages=[first.url, first.url.replace(".php", "_2.php")])).url == first.url


def _store(db, batch_size: int = 2) -> tuple[StorePipeline, object]:
    crawler = get_crawler(Spider, {"NEWSARCHIVE_DB": str(db), "NEWSARCHIVE_BATCH_SIZE": batch_size})
    crawler.stats.open_spider()
    pipeline = StorePipeline.from_crawler(crawler)
    pipeline.open_spider(Spider(name="newsweekjapan"))
    return pipeline, crawler.stats


def _urls_in(db) -> list[str]:
    archive = open_archive(str(db))
    try:
        return [a["url"] for a in archive.iter_articles()]
    finally:
        archive.close()


def test_store_writes_full_batches_and_the_rest_on_close(tmp_path):
    db = tmp_path / "archive.db"
    pipeline, stats = _store(db, batch_size=2)
    pipeline.process_item(article(1))
    pipeline.collect(wait=True)
    assert _urls_in(db) == []
    pipeline.process_item(article(2))  # a full batch goes to the writer
    pipeline.collect(wait=True)
    assert len(_urls_in(db)) == 2
    pipeline.process_item(article(3))
    pipeline.close_spider()
    assert sorted(_urls_in(db)) == [article(n).url for n in (1, 2, 3)]
    assert stats.get_value("newsarchive/articles_new") == 3
    pipeline.run.close()


def test_store_counts_unchanged_and_updated_articles_on_a_second_crawl(tmp_path):
    db = tmp_path / "archive.db"
    first, _ = _store(db)
    for n in (1, 2):
        first.process_item(article(n))
    first.close_spider()
    first.run.close()

    second, stats = _store(db)
    second.process_item(article(1))
    second.process_item(article(2, body="記事は更新された。" + BODY))
    second.close_spider()
    second.run.close()
    assert stats.get_value("newsarchive/articles_unchanged") == 1
    assert stats.get_value("newsarchive/articles_updated") == 1
    assert stats.get_value("newsarchive/revisions") == 1
    assert len(_urls_in(db)) == 2


def test_a_batch_the_archive_refuses_is_logged_recorded_and_the_crawl_goes_on(tmp_path, caplog):
    db = tmp_path / "archive.db"
    pipeline, stats = _store(db, batch_size=2)
    broken = article(2, url=None)  # the archive's NOT NULL constraint rejects it, and with it the batch
    with caplog.at_level(logging.ERROR, logger="newsarchive.crawler.pipelines"):
        pipeline.process_item(article(1))
        pipeline.process_item(broken)
        pipeline.collect(wait=True)
    assert "could not save 2 articles" in caplog.text and article(1).url in caplog.text
    # Nothing of the refused batch is half-written, and the next batch is saved.
    assert _urls_in(db) == []
    pipeline.process_item(article(3))
    pipeline.close_spider()
    assert _urls_in(db) == [article(3).url]
    assert stats.get_value("newsarchive/errors") == 2
    pipeline.run.flush_problems()
    archive = open_archive(str(db))
    try:
        problems = archive.problems(run_id=pipeline.run.run_id)
    finally:
        archive.close()
        pipeline.run.close()
    assert {p["url"] for p in problems} == {article(1).url, ""}
    assert all(p["kind"] == "error" and p["reason"].startswith("not saved: ") for p in problems)


def test_store_records_a_body_the_archive_keeps_under_another_url_as_a_duplicate(tmp_path):
    db = tmp_path / "archive.db"
    pipeline, stats = _store(db, batch_size=10)
    first, twin = article(1), article(2)
    twin.body = first.body
    pipeline.process_item(first)
    pipeline.process_item(twin)
    pipeline.close_spider()
    pipeline.run.flush_problems()
    assert _urls_in(db) == [first.url]
    assert stats.get_value("newsarchive/duplicates") == 1
    archive = open_archive(str(db))
    try:
        [problem] = archive.problems(run_id=pipeline.run.run_id)
    finally:
        archive.close()
        pipeline.run.close()
    assert (problem["url"], problem["kind"], problem["reason"]) == (
        twin.url,
        "dropped",
        f"duplicate: same body as {first.url}",
    )


def test_a_refused_batch_fails_the_run_and_saying_why_and_batches_refused_in_a_row_stop_the_crawl(tmp_path):
    db = tmp_path / "archive.db"
    pipeline, _ = _store(db, batch_size=1)
    pipeline.process_item(article(1, url=None))  # refused by the archive
    pipeline.process_item(article(2))
    pipeline.collect(wait=True)
    assert not pipeline.stopped  # one refused batch: the crawl goes on
    for n in (3, 4, 5):
        pipeline.process_item(article(n, url=None))
    pipeline.drain()
    assert pipeline.stopped  # NEWSARCHIVE_SAVE_FAILURES (3) in a row: no point fetching more
    pipeline.close_spider()
    pipeline.run.close()
    assert pipeline.run.failure is not None
    assert pipeline.run.failure.startswith("archive not writable: cannot save a batch of 1 in ")
    assert pipeline.run.failure.endswith("(4 articles not saved)")
    assert _urls_in(db) == [article(2).url]
