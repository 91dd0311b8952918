"""Tests for newsarchive.crawler.downloadermiddlewares.retry: reading Retry-After."""

from datetime import UTC, datetime

from newsarchive.crawler.downloadermiddlewares.retry import retry_after

NOW = datetime(2025, 1, 18, 0, 0, 0, tzinfo=UTC)


def test_retry_after_in_seconds_or_as_an_http_date():
    assert retry_after(b"120") == 120.0
    assert retry_after("Sat, 18 Jan 2025 00:00:30 GMT", now=NOW) == 30.0
    assert retry_after("Fri, 17 Jan 2025 23:00:00 GMT", now=NOW) == 0.0  # already past: no wait


def test_a_missing_or_unreadable_retry_after_gives_none():
    assert retry_after(None) is None and retry_after(b"") is None and retry_after(b"soon") is None
