"""The last resorts for a publication day (the URL's date) and the sanity rules every found date must pass."""

from datetime import UTC, datetime, timedelta

from newsarchive.extract.fields.datefallback import plausible, url_date

NOW = datetime(2024, 6, 1, 12, tzinfo=UTC)


def _day(url: str) -> str | None:
    found = url_date(url, "Europe/Berlin")
    return found.date().isoformat() if found else None


def test_a_url_path_with_a_full_date_gives_that_day():
    assert _day("https://example.org/2019/03/28/a-story/") == "2019-03-28"
    assert _day("https://example.org/news/2019-03-08-a-story") == "2019-03-08"
    assert _day("https://example.org/2019/3/8") == "2019-03-08"
    assert _day("https://example.se/20200428/a-story") == "2020-04-28"
    assert _day("https://example.org/a-story_20190328.html") == "2019-03-28"


def test_a_url_with_only_a_month_an_id_or_an_archive_stamp_gives_no_day():
    assert _day("https://example.org/2010/05/a-story/") is None
    assert _day("https://example.org/2023/10/3-questions-for-the-mayor/") is None
    assert _day("https://example.org/story/201903281234/") is None
    assert _day("https://web.archive.org/web/20160218174457/http://example.org/2010/05/a-story/") is None
    assert _day("https://www20190328.example.org/a-story") is None
    assert _day("https://example.org/2019/13/45/a-story") is None


def test_a_url_day_is_midnight_in_the_pages_zone():
    assert url_date("https://example.org/2019/03/28/x", "Asia/Tokyo").utcoffset() == timedelta(hours=9)


def test_a_time_over_a_day_ahead_is_never_plausible():
    assert plausible(NOW + timedelta(hours=20), "heuristic", NOW)
    assert not plausible(NOW + timedelta(days=2), "jsonld", NOW)


def test_a_time_before_1995_is_plausible_only_where_the_page_declares_it():
    old = datetime(1989, 11, 9, tzinfo=UTC)
    assert plausible(old, "jsonld", NOW)
    assert plausible(old, "site", NOW)
    assert not plausible(old, "heuristic", NOW)
    assert not plausible(old, "htmldate", NOW)


def test_a_date_ahead_of_the_day_the_page_was_fetched_is_not_plausible_however_long_ago_that_was():
    from newsarchive.extract.fields.dates import FETCHED_AT

    token = FETCHED_AT.set(datetime(2020, 1, 1, 12, tzinfo=UTC))
    try:
        assert plausible(datetime(2020, 1, 1, 18, tzinfo=UTC), "heuristic")
        assert not plausible(datetime(2020, 3, 1, tzinfo=UTC), "heuristic")
    finally:
        FETCHED_AT.reset(token)
    assert plausible(datetime(2020, 3, 1, tzinfo=UTC), "heuristic")  # read today, 2020 is the past
