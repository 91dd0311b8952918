"""Headings that link home (a site's logo) or to their own page (a post title), web archive replay URLs included."""

from lxml import html as lxml_html

from newsarchive.extract.fields.selflinks import links_home, links_to_itself, unwrapped

PAGE = "https://blog.example.org/2013/08/07/ferry-timetable/"
REPLAYED = "https://archive.example.net/web/20140226054445/http://blog.example.org/2013/08/07/ferry-timetable/"


def heading(markup: str):
    return lxml_html.fragment_fromstring(markup)


def test_a_replay_url_of_a_web_archive_gives_the_original_and_any_other_url_stays_as_it_is():
    assert unwrapped(REPLAYED) == "http://blog.example.org/2013/08/07/ferry-timetable/"
    assert unwrapped("https://archive.example.net/coll/20140226054445id_/https://a.example/x") == "https://a.example/x"
    assert unwrapped(PAGE) == PAGE


def test_a_short_heading_linking_to_the_home_page_is_the_sites_logo_also_in_a_replayed_page():
    assert links_home(heading('<h1><a href="/">Harbour Notes</a></h1>'), PAGE)
    assert links_home(heading('<h1><a href="https://www.blog.example.org/"></a><i>HN</i></h1>'), PAGE)
    replayed_home = '<h1><a href="/web/20140226054445/http://blog.example.org/">Harbour Notes</a></h1>'
    assert links_home(heading(replayed_home), REPLAYED)


def test_a_heading_linking_elsewhere_or_a_long_one_is_not_a_logo():
    assert not links_home(heading('<h1><a href="/ferries/">Ferries</a></h1>'), PAGE)
    assert not links_home(heading('<h1><a href="https://other.example/">Other</a></h1>'), PAGE)
    long_title = '<h1>The ferry timetable changes again this winter, says <a href="/">the port</a></h1>'
    assert not links_home(heading(long_title), PAGE)


def test_a_heading_linking_to_its_own_page_is_a_permalink_but_a_link_to_a_place_on_the_page_is_not():
    assert links_to_itself(heading('<h2><a href="/2013/08/07/ferry-timetable" rel="bookmark">Ferry</a></h2>'), PAGE)
    assert not links_to_itself(heading('<h2><a href="#part-2">January</a></h2>'), PAGE)
    assert not links_to_itself(heading('<h2><a href="/2013/08/06/other-post/">Other</a></h2>'), PAGE)
