"""Tests for newsarchive.extract.related.titles: the title of a teaser link that holds more than its title."""

from newsarchive.extract.document.tree import parse
from newsarchive.extract.related.titles import title_part


def anchor(html: str):
    return next(parse(f"<html><body>{html}</body></html>").iter("a"))


def test_the_part_marked_as_title_is_the_title_without_the_label_beside_it():
    a = anchor('<a href="/x"><span class="label">ビジネス</span><span class="title">BofA、AIに巨額投資</span></a>')
    assert title_part(a) == "BofA、AIに巨額投資"


def test_without_a_title_mark_the_highest_heading_is_the_title_and_a_kicker_is_not():
    a = anchor('<a href="/x"><h2 class="flex">Nach Explosionen</h2><h1>Bürgermeister warnt</h1></a>')
    assert title_part(a) == "Bürgermeister warnt"


def test_labels_and_dates_are_taken_out_of_a_link_with_nothing_marked_as_title():
    a = anchor('<a href="/x"><span class="category">ワールド</span>欧州投資銀、豪政府と協力へ<time>1/14</time></a>')
    assert title_part(a) == "欧州投資銀、豪政府と協力へ"


def test_a_link_of_plain_text_has_no_title_part():
    assert title_part(anchor('<a href="/x">Plain <b>bold</b> title</a>')) == ""
