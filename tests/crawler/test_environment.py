"""The user's $NEWSARCHIVE_DB, $NEWSARCHIVE_SIMILARITY and $NEWSARCHIVE_CLUSTERS, read above the store."""

from __future__ import annotations

import pytest
from scrapy import Spider
from scrapy.utils.test import get_crawler

from newsarchive.crawler import settings
from newsarchive.crawler.crawlrun import CrawlRun
from newsarchive.crawler.environment import env_clusters, env_similarity, open_user_archive
from newsarchive.store import StoreError, open_archive


def test_similarity_comes_from_the_environment_and_a_bad_one_says_so(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSARCHIVE_SIMILARITY", raising=False)
    assert env_similarity() is None
    monkeypatch.setenv("NEWSARCHIVE_SIMILARITY", "0.7")
    with open_user_archive(str(tmp_path / "a.db")) as archive:
        assert archive.similarity == 0.7
    with open_user_archive(str(tmp_path / "a.db"), similarity=0.9) as archive:
        assert archive.similarity == 0.9  # an explicit value wins
    monkeypatch.setenv("NEWSARCHIVE_SIMILARITY", "half")
    with pytest.raises(StoreError, match="^NEWSARCHIVE_SIMILARITY must be a number, not 'half'$"):
        open_user_archive(str(tmp_path / "a.db"))


@pytest.mark.parametrize(
    "value, on",
    [("0", False), ("off", False), (" No ", False), ("FALSE", False), ("1", True), ("", True), ("yes", True)],
)
def test_clusters_are_switched_off_by_zero_false_no_or_off(monkeypatch, value, on):
    monkeypatch.setenv("NEWSARCHIVE_CLUSTERS", value)
    assert env_clusters() is on


def test_the_store_itself_reads_no_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSARCHIVE_SIMILARITY", "half")
    monkeypatch.setenv("NEWSARCHIVE_CLUSTERS", "0")
    with open_archive(str(tmp_path / "a.db")) as archive:
        assert archive.clusters is True and archive.similarity == 0.5


def test_a_crawl_reads_the_archive_and_similarity_from_the_environment_when_its_settings_do_not(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSARCHIVE_DB", str(tmp_path / "env.db"))
    monkeypatch.setenv("NEWSARCHIVE_SIMILARITY", "0.8")
    run = CrawlRun.from_crawler(get_crawler(Spider))
    assert (run.db, run.similarity, run.batch_size) == (str(tmp_path / "env.db"), 0.8, settings.NEWSARCHIVE_BATCH_SIZE)
    run = CrawlRun.from_crawler(
        get_crawler(Spider, {"NEWSARCHIVE_DB": str(tmp_path / "set.db"), "NEWSARCHIVE_SIMILARITY": "0.6"})
    )
    assert (run.db, run.similarity) == (str(tmp_path / "set.db"), 0.6)
