"""Tests for newsarchive.crawler.spiders.base: feed and sitemap dates steer what is fetched first (request priority)."""

from datetime import datetime, timedelta, timezone

from newsarchive.crawler.spiders.base import hint_priority


def test_fresher_articles_get_higher_request_priority():
    now = datetime.now(timezone.utc)
    ages = [timedelta(hours=1), timedelta(hours=12), timedelta(days=3), timedelta(days=30)]
    priorities = [hint_priority({"published": now - age}) for age in ages]
    assert priorities == sorted(priorities, reverse=True) and len(set(priorities)) == 4
    # The modification date counts when there is one; an undated entry comes after every dated one.
    assert hint_priority({"published": now - timedelta(days=30), "modified": now}) == priorities[0]
    assert hint_priority(None) == hint_priority({}) < priorities[-1]
