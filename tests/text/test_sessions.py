"""Tests for newsarchive.text.sessions: which parameters are a visitor's session id, not the page's name."""

import pytest

from newsarchive.text.sessions import is_session, may_hold_session, session_free_path


@pytest.mark.parametrize(
    ("name", "value"),
    [("JSESSIONID", "x"), ("phpsessid", "9f8e"), ("ASPSESSIONIDQSCTDRAB", "GHJK"), ("sid", "a1b2c3d4e5f6g7h8i9")],
)
def test_session_parameters_are_recognised_whatever_their_case(name, value):
    assert is_session(name, value)


@pytest.mark.parametrize(("name", "value"), [("sid", "06/12/04/1234"), ("session", "2025"), ("id", "abc")])
def test_a_story_id_under_a_session_like_name_is_not_a_session(name, value):
    assert not is_session(name, value)


def test_path_parameters_and_cookieless_segments_leave_the_path():
    assert session_free_path("/news/story.html;jsessionid=ABC123") == "/news/story.html"
    assert session_free_path("/(S(abc123def))/news/story.aspx") == "/news/story.aspx"
    assert session_free_path("/news/story.html") == "/news/story.html"


def test_the_cheap_test_lets_only_urls_that_may_hold_a_session_through():
    assert may_hold_session("https://a.test/x?PHPSESSID=1")
    assert not may_hold_session("https://a.test/news/2025/01/story.html")
