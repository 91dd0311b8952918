"""Tests for newsarchive.crawler.schedule: ages and when an archived article is due for a re-check."""

from datetime import UTC, datetime, timedelta

import pytest

from newsarchive.crawler.schedule import DEFAULT_RECHECK, is_due, next_check, parse_age, parse_ages

T0 = datetime(2025, 1, 18, 0, 0, tzinfo=UTC)
AGES = parse_ages(DEFAULT_RECHECK)


def test_ages_read_seconds_minutes_hours_days_and_weeks():
    assert [parse_age(a) for a in ("90s", "30m", "6h", "7d", "2w")] == [
        timedelta(seconds=90),
        timedelta(minutes=30),
        timedelta(hours=6),
        timedelta(days=7),
        timedelta(weeks=2),
    ]
    assert parse_ages("24h, 1h") == (timedelta(hours=1), timedelta(hours=24))


@pytest.mark.parametrize("bad", ["", "6", "h", "-1h", "0m", "six hours"])
def test_an_unreadable_age_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="age"):
        parse_age(bad)


def test_an_article_fetched_at_publication_is_due_one_hour_later_and_not_before():
    assert not is_due(T0, T0, T0 + timedelta(minutes=59), AGES)
    assert is_due(T0, T0, T0 + timedelta(hours=1), AGES)


def test_each_check_schedules_the_next_age_then_never():
    assert next_check(T0, T0 + timedelta(hours=1), AGES) == T0 + timedelta(hours=6)
    assert next_check(T0, T0 + timedelta(hours=6, minutes=1), AGES) == T0 + timedelta(hours=24)
    assert next_check(T0, T0 + timedelta(days=7), AGES) is None
    assert not is_due(T0, T0 + timedelta(days=8), T0 + timedelta(days=400), AGES)


def test_a_missed_check_is_due_once_not_once_per_age_passed():
    # Last fetched 30 min after publication, crawled again after 3 days: one re-check is due now...
    assert is_due(T0, T0 + timedelta(minutes=30), T0 + timedelta(days=3), AGES)
    # ... and after it, the next is the 7-day one.
    assert next_check(T0, T0 + timedelta(days=3), AGES) == T0 + timedelta(days=7)
