"""Choosing the headline: the heading the page shows, reconciled with the titles it declares."""

from newsarchive.extract import extract_article

P1 = "The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers."
URL = "https://news.example.com/a"


def headline_of(head: str, body: str) -> str:
    html = f"<html lang='en'><head>{head}</head><body>{body}<p>{P1}</p></body></html>"
    return extract_article(URL, html).headline


def og(title: str) -> str:
    return f'<meta property="og:title" content="{title}">'


def ld(title: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}"}}</script>'


KICKER_H1 = "<article><h1><span class='kicker'>Bridge works</span> <span>Old bridge closes for two years</span></h1>"


def test_a_kicker_span_is_left_out_when_the_declared_title_is_the_headline_alone():
    head = og("Old bridge closes for two years") + ld("Bridge works: Old bridge closes for two years")
    assert headline_of(head, KICKER_H1 + "</article>") == "Old bridge closes for two years"


def test_a_kicker_span_is_kept_with_the_declared_punctuation_when_the_declared_title_has_it():
    head = og("Bridge works: Old bridge closes for two years")
    assert headline_of(head, KICKER_H1 + "</article>") == "Bridge works: Old bridge closes for two years"


def test_a_kicker_outside_the_heading_is_added_when_the_declared_title_carries_it():
    head = og("Bridge works: Old bridge closes for two years") + ld("Bridge works: Old bridge closes for two years")
    body = "<article><p class='kicker'>Bridge works</p><h1>Old bridge closes for two years</h1></article>"
    assert headline_of(head, body) == "Bridge works: Old bridge closes for two years"


def test_a_different_declared_kicker_in_front_of_the_same_headline_leaves_the_headline_alone():
    head = og("Council vote: Old bridge closes for two years")
    assert headline_of(head, KICKER_H1 + "</article>") == "Old bridge closes for two years"


def test_a_declared_title_equal_to_the_heading_keeps_it_over_a_labelled_variant():
    head = (
        og("Old bridge closes for two years")
        + '<meta name="twitter:title" content="Local: Old bridge closes for two years">'
    )
    body = "<article><h1>Old bridge closes for two years</h1></article>"
    assert headline_of(head, body) == "Old bridge closes for two years"


def test_a_breadcrumb_h1_gives_way_to_the_article_header_heading_without_its_kicker():
    head = og("Old bridge closes for two years") + ld("Bridge to close")
    body = (
        "<nav class='breadcrumb'><ol><li><a href='/'>Home</a></li><li><h1>Bridge to close</h1></li></ol></nav>"
        "<article><header><h2><span>Bridge works</span><span>Old bridge closes for two years</span></h2></header>"
        "</article>"
    )
    assert headline_of(head, body) == "Old bridge closes for two years"


def test_an_article_header_heading_confirmed_by_microdata_and_og_beats_the_jsonld_headline():
    head = og("Old bridge closes for two years") + ld("Bridge closure: what it means for commuters")
    body = (
        "<div itemscope itemtype='https://schema.org/NewsArticle'><header class='article-header'>"
        "<h1 itemprop='headline'>Old bridge closes for two years</h1></header></div>"
    )
    assert headline_of(head, body) == "Old bridge closes for two years"


def test_an_article_header_heading_confirmed_by_og_alone_leaves_the_jsonld_headline():
    head = og("Old bridge closes for two years") + ld("Bridge closure: what it means for commuters")
    body = "<header class='article-header'><h1>Old bridge closes for two years</h1></header>"
    assert headline_of(head, body) == "Bridge closure: what it means for commuters"


def test_a_declared_title_with_a_long_site_name_after_a_dash_confirms_the_short_heading():
    head = og("„Unermüdlicher Einsatz“ - Die Neue Südtiroler Tageszeitung")
    body = "<article><h1>„Unermüdlicher Einsatz“</h1></article>"
    assert headline_of(head, body) == "„Unermüdlicher Einsatz“"


def test_the_first_heading_a_declaration_confirms_wins_over_a_later_subtitle_heading():
    head = og("Old bridge closes for two years") + '<meta itemprop="headline" content="… commuters face detours">'
    body = "<article><h1>Old bridge closes for two years</h1><h1>… commuters face detours</h1></article>"
    assert headline_of(head, body) == "Old bridge closes for two years"


def test_an_h2_standing_in_for_a_breadcrumb_h1_needs_only_the_og_title_to_confirm_it():
    head = og("Old bridge closes for two years") + ld("Bridge to close")
    body = (
        "<nav class='breadcrumb'><ol><li><h1>Bridge to close</h1></li></ol></nav>"
        "<article><header><h2>Old bridge closes for two years</h2></header></article>"
    )
    assert headline_of(head, body) == "Old bridge closes for two years"


def test_an_h2_confirmed_only_by_a_later_social_title_leaves_the_jsonld_headline():
    head = (
        og("Bridge to close")
        + '<meta name="twitter:title" content="Old bridge closes for two years">'
        + ld("Bridge to close")
    )
    body = (
        "<nav class='breadcrumb'><ol><li><h1>Bridge to close</h1></li></ol></nav>"
        "<article><header><h2>Old bridge closes for two years</h2></header></article>"
    )
    assert headline_of(head, body) == "Bridge to close"


def test_quotation_marks_around_the_opening_phrase_go_when_a_declared_title_gives_the_words_bare():
    # The og:title copies the heading's marks and confirms it; the JSON-LD headline gives the words bare.
    head = og("“Why fight over it?” Mayor calls for calm") + ld("Why fight over it? Mayor calls for calm")
    body = "<article><h1>“Why fight over it?” Mayor calls for calm</h1></article>"
    assert headline_of(head, body) == "Why fight over it? Mayor calls for calm"


def test_quotation_marks_around_the_opening_phrase_stay_when_every_declared_title_keeps_them():
    head = og("«Why fight over it?» Mayor calls for calm")
    body = "<article><h1>«Why fight over it?» Mayor calls for calm</h1></article>"
    assert headline_of(head, body) == "«Why fight over it?» Mayor calls for calm"


def test_an_article_h1_counts_although_a_layout_wrapper_above_the_article_is_named_for_ads():
    # JSON-LD has a shorter search title; the page shows the longer heading in its article, as og:title does.
    head = ld("Every outfit, ranked") + og("Every outfit she wore, ranked from least to most daring")
    body = (
        "<div class='layout ad-rail'><main><article><h1>Every outfit she wore, ranked from least to most daring"
        "</h1></article></main></div>"
    )
    assert headline_of(head, body) == "Every outfit she wore, ranked from least to most daring"


def test_an_h1_inside_an_ad_block_within_the_article_is_still_not_the_headline():
    head = og("Old bridge closes for two years")
    body = (
        "<article><div class='ad'><h1>Buy a new car today</h1></div><h2>Old bridge closes for two years</h2></article>"
    )
    assert headline_of(head, body) == "Old bridge closes for two years"


def test_a_heading_differing_from_the_declared_title_only_in_its_dashes_and_quotes_is_kept_as_the_page_sets_it():
    head = og("Tide tables - the &quot;new&quot; harbour timetable | Gazette")
    body = "<article><h1>Tide tables – the “new” harbour timetable</h1>"
    assert headline_of(head, body + "</article>") == "Tide tables – the “new” harbour timetable"


def test_a_heading_of_separate_blocks_still_takes_the_punctuation_only_the_declared_title_gives():
    head = og("Bridge works - Old bridge closes for two years | Gazette")
    assert headline_of(head, KICKER_H1 + "</article>") == "Bridge works - Old bridge closes for two years"


def test_an_h1_that_is_the_sites_logo_linking_home_gives_way_to_the_post_title_linked_as_its_permalink():
    body = (
        '<div id="header"><h1><a href="https://news.example.com/">Harbour Notes</a></h1></div>'
        '<div class="post"><h2><a href="https://news.example.com/a" rel="bookmark">Ferry timetable changes</a></h2>'
    )
    head = "<title>Harbour Notes » Blog Archive » Ferry timetable changes</title>"
    assert headline_of(head, body + "</div>") == "Ferry timetable changes"


def test_the_title_loses_the_site_name_a_logo_heading_gives_when_the_page_shows_no_other_heading():
    body = '<div id="header"><h1><a href="/">Harbour Notes</a></h1></div><div class="post">'
    assert headline_of("<title>Ferry timetable changes : Harbour Notes</title>", body + "</div>") == (
        "Ferry timetable changes"
    )
