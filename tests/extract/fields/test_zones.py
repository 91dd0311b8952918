"""The timezone an offset-less timestamp is read in."""

from newsarchive.extract import Rules, extract_article
from newsarchive.extract.fields.zones import page_timezone

P1 = "The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers."


def test_a_site_profile_zone_comes_first():
    assert page_timezone("https://www.zeitung.de/a", "de", "Asia/Tokyo") == ("Asia/Tokyo", "site")


def test_a_country_domain_gives_that_countrys_zone():
    assert page_timezone("https://www.zeitung.de/a", None, None) == ("Europe/Berlin", "heuristic")
    assert page_timezone("https://news.example.co.uk/a", "en", None) == ("Europe/London", "heuristic")
    assert page_timezone("https://www.example.jp/a", None, None) == ("Asia/Tokyo", "heuristic")


def test_a_misspelt_profile_zone_falls_back_to_the_domain():
    assert page_timezone("https://www.zeitung.at/a", None, "Europe/Wein") == ("Europe/Vienna", "heuristic")


def test_a_generic_domain_takes_the_zone_of_a_one_zone_language():
    assert page_timezone("https://www.example.com/a", "ja", None) == ("Asia/Tokyo", "heuristic")
    assert page_timezone("https://www.example.com/a", "de", None) == ("Europe/Berlin", "heuristic")


def test_a_domain_or_language_spanning_several_zones_gives_utc_without_a_source():
    assert page_timezone("https://www.example.com/a", "en", None) == ("UTC", None)
    assert page_timezone("https://www.example.com/a", "es", None) == ("UTC", None)
    assert page_timezone("https://news.example.com.au/a", "en", None) == ("UTC", None)


def test_an_offset_less_dateline_on_a_german_domain_is_read_in_berlin_time_and_marked_inferred():
    html = (
        "<html><body><article><h1>X</h1><time datetime='2024-04-25T14:07'>25.04.</time>"
        f"<p>{P1}</p></article></body></html>"
    )
    article = extract_article("https://www.zeitung.de/a", html)
    assert article.published.isoformat() == "2024-04-25T14:07:00+02:00"
    assert article.published_tz_inferred and article.sources["timezone"] == "heuristic"


def test_an_explicit_offset_is_kept_and_no_zone_source_is_recorded():
    html = (
        "<html><body><article><h1>X</h1><time datetime='2024-04-25T14:07:00Z'>x</time>"
        f"<p>{P1}</p></article></body></html>"
    )
    article = extract_article("https://www.zeitung.de/a", html, rules=Rules(timezone="Asia/Tokyo"))
    assert article.published.isoformat() == "2024-04-25T14:07:00+00:00"
    assert not article.published_tz_inferred and "timezone" not in article.sources
