from datetime import UTC, datetime, timedelta, timezone

from newsarchive.extract import parse_date

JST = timezone(timedelta(hours=9))
NOW = datetime(2025, 1, 20, 12, 0, tzinfo=JST)


def at(text, tz="Asia/Tokyo"):
    return parse_date(text, tz, now=NOW)


def test_japanese_with_weekday_and_kanji_time():
    moment, inferred = at("2025年01月18日(土)07時25分")
    assert moment.isoformat() == "2025-01-18T07:25:00+09:00"
    assert inferred is True


def test_japanese_with_full_width_parentheses():
    moment, _ = at("2024年01月31日（水）15時00分")
    assert moment.isoformat() == "2024-01-31T15:00:00+09:00"


def test_japanese_unpadded_with_colon_time():
    assert at("2025年1月18日 7:25")[0].isoformat() == "2025-01-18T07:25:00+09:00"


def test_japanese_afternoon_marker():
    assert at("2025年1月18日 午後3時5分")[0].isoformat() == "2025-01-18T15:05:00+09:00"


def test_slashed_date_and_time():
    assert at("2021/10/13 11:41")[0].isoformat() == "2021-10-13T11:41:00+09:00"


def test_month_day_without_year_takes_the_most_recent_past_date():
    # 20 January 2025 "now": 12 October is last year's, 18 January this year's.
    assert at("10/12(火) 19:31 配信")[0].isoformat() == "2024-10-12T19:31:00+09:00"
    assert at("1/18(土) 19:31 配信")[0].isoformat() == "2025-01-18T19:31:00+09:00"
    assert at("1月18日 7時25分")[0].isoformat() == "2025-01-18T07:25:00+09:00"


def test_japanese_eras():
    assert at("令和7年1月18日")[0].isoformat() == "2025-01-18T00:00:00+09:00"
    assert at("平成31年4月30日")[0].isoformat() == "2019-04-30T00:00:00+09:00"
    assert at("令和元年5月1日")[0].isoformat() == "2019-05-01T00:00:00+09:00"


def test_relative_japanese_counts_back_from_now():
    assert at("3時間前") == (datetime(2025, 1, 20, 9, 0, tzinfo=JST), False)
    assert at("5分前")[0] == datetime(2025, 1, 20, 11, 55, tzinfo=JST)
    assert at("2日前")[0] == datetime(2025, 1, 18, 12, 0, tzinfo=JST)


def test_relative_english_and_german():
    assert at("Updated 3 hours ago")[0] == datetime(2025, 1, 20, 9, 0, tzinfo=JST)
    assert at("vor 2 Stunden")[0] == datetime(2025, 1, 20, 10, 0, tzinfo=JST)


def test_iso_with_offset_is_not_inferred():
    moment, inferred = at("2025-01-18T07:25:00+09:00")
    assert moment.isoformat() == "2025-01-18T07:25:00+09:00"
    assert inferred is False


def test_iso_zulu_and_fraction():
    assert at("2025-01-17T22:25:00.123Z")[0].isoformat() == "2025-01-17T22:25:00+00:00"
    assert at("2024-01-05T10:00:00.000-0500")[0].isoformat() == "2024-01-05T10:00:00-05:00"


def test_iso_without_offset_uses_the_given_zone():
    moment, inferred = parse_date("2025-07-01T10:00:00", "Europe/Berlin")
    assert moment.isoformat() == "2025-07-01T10:00:00+02:00"
    assert inferred is True


def test_no_offset_and_no_zone_is_utc_and_inferred():
    moment, inferred = parse_date("2025-01-18 07:25")
    assert moment.isoformat() == "2025-01-18T07:25:00+00:00"
    assert inferred is True


def test_rfc_2822():
    assert at("Sat, 18 Jan 2025 07:25:00 +0900")[0].isoformat() == "2025-01-18T07:25:00+09:00"
    assert at("Fri, 17 Jan 2025 22:25:00 GMT") == (datetime(2025, 1, 17, 22, 25, tzinfo=UTC), False)


def test_english_month_names_with_am_pm():
    assert at("January 18, 2025 7:25 AM", "America/New_York")[0].isoformat() == "2025-01-18T07:25:00-05:00"
    assert at("January 18, 2025 7:25 PM EST")[0].isoformat() == "2025-01-18T19:25:00-05:00"
    assert at("18 January 2025", "UTC")[0].isoformat() == "2025-01-18T00:00:00+00:00"
    assert at("Jan. 5, 2024", "UTC")[0].isoformat() == "2024-01-05T00:00:00+00:00"


def test_german_forms():
    assert at("18. Januar 2025, 07:25 Uhr", "Europe/Berlin")[0].isoformat() == "2025-01-18T07:25:00+01:00"
    assert at("18.01.2025", "Europe/Berlin")[0].isoformat() == "2025-01-18T00:00:00+01:00"
    assert at("Stand: 18.01.2025 um 07:25 Uhr", "Europe/Berlin")[0].isoformat() == "2025-01-18T07:25:00+01:00"
    assert at("3. März 2024", "Europe/Vienna")[0].isoformat() == "2024-03-03T00:00:00+01:00"


def test_impossible_dates_and_garbage_give_none():
    assert parse_date("2025年02月30日") == (None, False)
    assert parse_date("no date here") == (None, False)
    assert parse_date("") == (None, False)
    assert parse_date(None) == (None, False)
    assert parse_date("13:45") == (None, False)


def test_unknown_zone_name_falls_back_to_utc():
    moment, inferred = parse_date("2025-01-18 07:25", "Not/AZone")
    assert moment.utcoffset() == timedelta(0) and inferred is True


def test_german_two_digit_year_dateline_with_bar_before_the_time():
    moment, inferred = parse_date("Do 25.04.24 | 14:07 Uhr | Von Eva Muster", "Europe/Berlin")
    assert moment.isoformat() == "2024-04-25T14:07:00+02:00" and inferred is True


def test_dotted_numbers_that_are_not_a_date_give_none():
    assert parse_date("Version 1.2.34.5") == (None, False)


def test_polish_czech_and_turkish_month_names():
    assert parse_date("18 stycznia 2025, 07:25", "Europe/Warsaw")[0].isoformat() == "2025-01-18T07:25:00+01:00"
    assert parse_date("3. října 2024", "Europe/Prague")[0].isoformat() == "2024-10-03T00:00:00+02:00"
    assert parse_date("5 Şubat 2025 14:30", "Europe/Istanbul")[0].isoformat() == "2025-02-05T14:30:00+03:00"


def test_abbreviated_romance_and_dutch_month_names():
    assert parse_date("12 déc. 2024", "Europe/Paris")[0].date().isoformat() == "2024-12-12"
    assert parse_date("4 ott 2024", "Europe/Rome")[0].date().isoformat() == "2024-10-04"
    assert parse_date("7 mrt 2025", "Europe/Amsterdam")[0].date().isoformat() == "2025-03-07"
    assert parse_date("15 de dez. de 2023", "Europe/Lisbon")[0].date().isoformat() == "2023-12-15"


def test_localised_full_month_names():
    assert parse_date("18 janvier 2025 à 07:25", "Europe/Paris")[0].isoformat() == "2025-01-18T07:25:00+01:00"
    assert parse_date("18 de enero de 2025", "Europe/Madrid")[0].date().isoformat() == "2025-01-18"
    assert parse_date("18 gennaio 2025", "Europe/Rome")[0].date().isoformat() == "2025-01-18"
    assert parse_date("18 januari 2025", "Europe/Amsterdam")[0].date().isoformat() == "2025-01-18"
    assert parse_date("18 de janeiro de 2025", "Europe/Lisbon")[0].date().isoformat() == "2025-01-18"


def test_a_month_name_it_cannot_read_gives_way_to_the_next_date_form():
    # "KASIM" lower-cases to "kasim", not the Turkish "kasım": that form is passed over, not a crash.
    moment, inferred = parse_date("5 KASIM 2024 / 05.11.2024 14:30", "Europe/Istanbul")
    assert moment.isoformat() == "2024-11-05T14:30:00+03:00" and inferred
