"""Incremental crawls: archived articles are skipped until due, re-checked conditionally, or all with --force."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from newsarchive.store import open_archive

from .faultsite import FaultSite, serve
from .runner import crawl

PUBLISHED_AGO = timedelta(hours=3)


def rewind_last_fetch(db, by: timedelta) -> None:
    """Make the archive's last fetches `by` older, as if the crawl had run that long ago."""
    with sqlite3.connect(db) as conn:
        for table, column in (("articles", "last_seen"), ("fetch_state", "fetched_at")):
            rows = conn.execute(f"SELECT rowid, {column} FROM {table}").fetchall()
            for rowid, value in rows:
                older = datetime.fromisoformat(value) - by
                conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (older.isoformat(sep=" "), rowid))


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    db = tmp_path_factory.mktemp("incremental") / "archive.db"
    # Published 3 h ago: the 1 h re-check is past when the first crawl fetches them, the 6 h one ahead.
    site = FaultSite(good=6, flaky=False, bad=False, published=datetime.now(UTC) - PUBLISHED_AGO)
    with serve(site) as base:
        first = crawl(base, db)
        log_first = len(site.log)
        second = crawl(base, db)
        log_second = list(site.log[log_first:])
        # As if the last crawl had been 2.5 h ago: the 1 h re-check has come due since. One story changed.
        rewind_last_fetch(db, timedelta(hours=2.5))
        site.versions[site.good[0]] = 2
        site.hidden.add(site.good[5])  # dropped from the feed: the archive still knows it is due
        third = crawl(base, db)
        log_third = list(site.log[log_first + len(log_second) :])
        forced = crawl(base, db, "--force")
        log_forced = list(site.log[log_first + len(log_second) + len(log_third) :])
    return {
        "site": site,
        "base": base,
        "db": db,
        "first": first,
        "second": second,
        "third": third,
        "forced": forced,
        "log_second": log_second,
        "log_third": log_third,
        "log_forced": log_forced,
    }


def test_a_second_crawl_fetches_only_the_feed(crawls):
    second = crawls["second"]
    assert [path for path, *_ in crawls["log_second"]] == ["/feed.xml"]
    assert (second["articles_new"], second["not_due"], second["pages_fetched"]) == (0, 6, 1)
    assert second["status"] == "finished" and not second["warning"]


def test_due_rechecks_are_conditional_and_unchanged_pages_cost_a_304(crawls):
    third, changed = crawls["third"], crawls["site"].good[0]
    statuses = sorted(status for path, status, _ in crawls["log_third"] if path != "/feed.xml")
    assert statuses == [200] + [304] * 5
    assert [status for path, status, _ in crawls["log_third"] if path == changed] == [200]
    assert third["rechecks"] == 6 and third["not_modified"] == 5
    assert third["articles_updated"] == 1 and third["revisions"] == 1


def test_an_article_the_feed_no_longer_lists_is_still_rechecked_when_due(crawls):
    unlisted = crawls["site"].good[5]
    assert [status for path, status, _ in crawls["log_third"] if path == unlisted] == [304]


def test_the_changed_story_has_its_new_text_and_an_old_revision(crawls):
    with open_archive(str(crawls["db"])) as archive:
        article = archive.get(crawls["base"] + crawls["site"].good[0])
        history = archive.history(article["id"])
    assert "(version 2)" in article["body"] and len(history) == 2


def test_force_fetches_every_archived_url_unconditionally(crawls):
    statuses = [status for path, status, _ in crawls["log_forced"] if path != "/feed.xml"]
    assert statuses == [200] * 6
    assert crawls["forced"]["articles_unchanged"] == 6


def test_the_feed_date_is_kept_with_the_article(crawls):
    site = crawls["site"]
    with open_archive(str(crawls["db"])) as archive:
        article = archive.get(crawls["base"] + site.good[3])
    listed = datetime.fromisoformat(article["listed"]["published"])
    assert listed == site.published.replace(microsecond=0)
