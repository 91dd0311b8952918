"""Tests for newsarchive.crawler.extensions (runrecorder, progress).

Run status, the run recorder's problem rows, the progress line.
"""

from __future__ import annotations

import os

from scrapy import Spider
from scrapy.exceptions import DropItem
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from newsarchive.crawler.extensions.progress import Progress
from newsarchive.crawler.extensions.runrecorder import RunRecorder, run_status
from newsarchive.crawler.pipelines import DuplicateItem
from newsarchive.items import Article
from newsarchive.store import open_archive

NONE = {"pages_fetched": 0, "errors": 0}


def test_run_status_from_the_close_reason_and_what_was_fetched():
    assert run_status("finished", {"pages_fetched": 12, "errors": 3}) == "finished"
    assert run_status("closespider_pagecount", {"pages_fetched": 100, "errors": 0}) == "finished"
    assert run_status("shutdown", {"pages_fetched": 5, "errors": 0}) == "interrupted"
    assert run_status("closespider_errorcount", {"pages_fetched": 5, "errors": 50}) == "failed"
    assert run_status("finished", {"pages_fetched": 0, "errors": 7}) == "failed"
    # Nothing to fetch and nothing wrong (an empty feed) is an empty crawl, not a failure.
    assert run_status("finished", NONE) == "finished"


def test_recorder_writes_callback_errors_and_drops_and_finishes_the_run(tmp_path):
    db = tmp_path / "archive.db"
    crawler = get_crawler(Spider, {"NEWSARCHIVE_DB": str(db)})
    crawler.stats.open_spider()
    recorder = RunRecorder.from_crawler(crawler)
    spider = Spider(name="newsweekjapan", base_url="http://127.0.0.1:8000")
    spider.args = {"base_url": "http://127.0.0.1:8000"}
    recorder.spider_opened(spider)

    def parse_article():
        return {}["headline"]

    try:
        parse_article()
    except KeyError:
        failure = Failure()
    url = "http://127.0.0.1:8000/headlines/world/2025/01/1.php"
    response = Response(url, request=Request(url))
    recorder.spider_error(failure, response, spider)
    item = Article(url="http://127.0.0.1:8000/headlines/world/2025/01/2.php")
    recorder.item_dropped(item, response, DropItem(f"missing headline: {item.url}"), spider)
    recorder.item_dropped(item, response, DuplicateItem(f"duplicate: same body as {url}: {item.url}"), spider)
    crawler.stats.set_value("response_received_count", 3)
    recorder.spider_closed(spider, "finished")
    recorder.run.close()

    archive = open_archive(str(db))
    try:
        [run] = archive.runs()
        problems = archive.problems(run_id=run["id"])
    finally:
        archive.close()
    assert (run["status"], run["spider"], run["args"]["base_url"]) == (
        "finished",
        "newsweekjapan",
        "http://127.0.0.1:8000",
    )
    assert run["args"]["pid"] == os.getpid()  # so that a later run can tell this one was killed
    assert (run["errors"], run["dropped"], run["duplicates"]) == (1, 1, 1)
    by_reason = {p["reason"].split(" (at ")[0]: p for p in problems}
    assert set(by_reason) == {"KeyError: 'headline'", "missing headline", f"duplicate: same body as {url}"}
    assert by_reason["KeyError: 'headline'"]["url"] == url
    assert "in parse_article" in by_reason["KeyError: 'headline'"]["reason"]
    assert by_reason["missing headline"]["kind"] == "dropped"


def test_progress_line_gives_pages_rate_articles_stored_and_pending_and_errors():
    crawler = get_crawler(Spider, {"NEWSARCHIVE_PROGRESS_INTERVAL": 5})
    crawler.stats.open_spider()
    for key, value in (
        ("response_received_count", 120),
        ("newsarchive/articles_new", 90),
        ("newsarchive/articles_updated", 5),
        ("newsarchive/articles_unchanged", 7),
        ("newsarchive/errors", 3),
        ("newsarchive/articles_pending", 20),
    ):
        crawler.stats.set_value(key, value)
    progress = Progress.from_crawler(crawler)
    progress.started -= 60
    line = progress.line()
    assert line.startswith("[newsarchive 1:0")
    assert "120 pages (2.0/s), 95 articles stored (90 new, 5 updated, 7 unchanged), 20 pending, 3 errors" in line


def test_a_run_that_gets_no_article_from_a_site_that_had_some_is_a_likely_layout_change():
    from newsarchive.crawler.extensions.runrecorder import layout_warning

    crawler = get_crawler(Spider)
    stats = crawler.stats
    nothing = {
        "pages_fetched": 5,
        "articles_new": 0,
        "articles_updated": 0,
        "articles_unchanged": 0,
        "duplicates": 0,
        "dropped": 4,
        "errors": 0,
    }
    stats.set_value("newsarchive/article_links", 4)
    stats.set_value("newsarchive/article_pages", 4)
    assert layout_warning(True, stats, nothing).startswith("likely layout change: 4 article pages fetched")
    # A site never archived before has no layout to have changed.
    assert layout_warning(False, stats, nothing) is None
    # Everything archived and not due: links found, no article page fetched, nothing stored — normal.
    stats.set_value("newsarchive/article_pages", 0)
    assert layout_warning(True, stats, {**nothing, "dropped": 0}) is None
    stats.set_value("newsarchive/article_links", 0)
    assert layout_warning(True, stats, nothing).startswith("likely layout change: no article links")


def test_article_pages_that_never_gave_an_article_do_not_count_towards_the_layout_alarm():
    from newsarchive.crawler.extensions.runrecorder import NEVER_ARTICLES, layout_warning

    stats = get_crawler(Spider).stats
    numbers = {"pages_fetched": 9, "articles_new": 0, "articles_updated": 0, "articles_unchanged": 0}
    numbers.update(duplicates=0, dropped=1, errors=1)
    stats.set_value("newsarchive/article_links", 12)
    stats.set_value("newsarchive/article_pages", 1)
    stats.set_value(NEVER_ARTICLES, 1)  # the one page fetched is the site's known broken page
    assert layout_warning(True, stats, numbers) is None
    stats.set_value("newsarchive/article_pages", 3)  # two more, which used to give articles or are new
    assert layout_warning(True, stats, numbers).startswith("likely layout change: 2 article pages fetched")
