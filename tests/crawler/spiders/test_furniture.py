"""Tests for newsarchive.crawler.spiders.furniture: links found only in a page's nav, header or footer."""

from newsarchive.crawler.spiders.furniture import furniture_hrefs


def test_links_only_in_nav_header_or_footer_are_furniture():
    page = (
        "<header><a href='/about-the-gazette-and-its-staff'>About</a><nav><a href='/2025/01/18/ticker.html'>T</a>"
        "</nav></header><main><a href='/2025/01/18/story.html'>S</a><a href='/2025/01/18/ticker.html'>T</a></main>"
        '<footer><a href="/2025/01/01/our-promise.html?a=1&amp;b=2">P</a></footer>'
    )
    assert furniture_hrefs(page) == {"/about-the-gazette-and-its-staff", "/2025/01/01/our-promise.html?a=1&b=2"}


def test_an_element_left_open_or_a_page_all_in_a_header_has_no_furniture():
    assert furniture_hrefs("<nav><a href='/x'>x</a><main><a href='/y'>y</a></main>") == set()
    wrapped = "<header>" + "".join(f"<a href='/story-{n}'>s</a>" for n in range(20)) + "</header><a href='/z'>z</a>"
    assert furniture_hrefs(wrapped) == set()
