"""Finding the publication time on a page: declared values first, then datelines the page shows."""

from newsarchive.extract import extract_article

P1 = "The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers."


def page(head: str, body: str) -> str:
    return f"<html lang='en'><head>{head}</head><body>{body}</body></html>"


def _published(body: str, url: str = "https://news.example.com/a"):
    return extract_article(url, page("", body)).published


def test_a_labelled_date_in_a_fact_list_is_the_publication_date():
    body = f"<article><h1>X</h1><p>{P1}</p><ul><li><strong>Datum</strong> 28.04.2023</li></ul></article>"
    assert _published(body).date().isoformat() == "2023-04-28"


def test_a_data_attribute_named_for_the_publication_time_is_read_and_a_change_time_is_not():
    body = (
        f'<article><div data-re-deploy-dt="2026.01.30 09:00"></div><div data-deploy-dt="2026.01.29 18:40">'
        f"</div><h1>X</h1><p>{P1}</p></article>"
    )
    assert _published(body).replace(tzinfo=None).isoformat() == "2026-01-29T18:40:00"


def test_the_dateline_in_the_articles_own_header_counts_but_not_one_in_the_page_header():
    own = (
        "<main><article><header><h1>X</h1><div class='metaDateTime'>06.01.2026</div></header>"
        f"<p>{P1}</p></article></main>"
    )
    site = (
        "<header><div class='date'>07.01.2026</div></header>"
        f"<article><h1>X</h1><p>{P1}</p><div class='date'>05.01.2026</div></article>"
    )
    assert _published(own).date().isoformat() == "2026-01-06"
    assert _published(site).date().isoformat() == "2026-01-05"


def test_a_date_in_a_link_is_not_the_publication_date():
    link = "<a href='/b'><span class='date'>01.02.2024</span> Other story</a>"
    body = f"<article><h1>X</h1><p>{P1}</p>{link}<p class='date'>03.02.2024</p></article>"
    assert _published(body).date().isoformat() == "2024-02-03"


def test_a_generic_date_meta_tag_gives_way_to_the_time_element_the_article_shows():
    head = '<meta name="date" content="2022-01-21T15:38:44+01:00">'
    body = f"<article><h1>X</h1><time datetime='2022-01-25T08:00:00+01:00'>25.01.2022</time><p>{P1}</p></article>"
    assert extract_article("https://news.example.com/a", page(head, body)).published.date().isoformat() == "2022-01-25"


def test_a_named_publication_meta_tag_is_kept_over_a_time_element():
    head = '<meta property="article:published_time" content="2022-01-21T15:38:44+01:00">'
    body = f"<article><h1>X</h1><time datetime='2022-01-25T08:00:00+01:00'>25.01.2022</time><p>{P1}</p></article>"
    assert extract_article("https://news.example.com/a", page(head, body)).published.date().isoformat() == "2022-01-21"


def test_a_comment_date_and_a_sidebar_date_are_not_the_publication_date():
    body = (
        "<div class='sidebar'><span class='date'>03.03.2021</span></div>"
        f"<article><h1>X</h1><p>{P1}</p><span class='date'>01.03.2021</span></article>"
        "<ol class='commentlist'><li><span class='comment-date'>02.03.2021</span> Nice!</li></ol>"
    )
    assert _published(body).date().isoformat() == "2021-03-01"


def test_a_time_marked_as_an_update_comes_after_the_publication_time():
    classed = (
        f"<article><h1>X</h1><time class='updated' datetime='2021-05-09T10:00:00+02:00'>9.5.</time>"
        f"<time class='published' datetime='2021-05-02T10:00:00+02:00'>2.5.</time><p>{P1}</p></article>"
    )
    labelled = (
        f"<article><h1>X</h1><p>Aktualisiert am <time datetime='2021-05-09T10:00:00+02:00'>9.5.</time></p>"
        f"<p>Veröffentlicht <time datetime='2021-05-02T10:00:00+02:00'>2.5.</time></p><p>{P1}</p></article>"
    )
    update = "<p>Updated <time datetime='2021-05-09T10:00:00+02:00'>9 May</time></p>"
    only_update = f"<article><h1>X</h1>{update}<p>{P1}</p></article>"
    assert _published(classed).date().isoformat() == "2021-05-02"
    assert _published(labelled).date().isoformat() == "2021-05-02"
    assert _published(only_update).date().isoformat() == "2021-05-09"


def test_a_time_inside_a_link_to_another_story_is_not_read():
    body = (
        f"<article><h1>X</h1><p>{P1}</p><span class='date'>01.02.2024</span></article>"
        "<a href='/b'><time datetime='2024-01-15'>15.01.2024</time> Other story</a>"
    )
    body = body.replace("<article>", "<a href='/c'><time datetime='2023-12-01'>1.12.</time> Older</a><article>")
    assert _published(body).date().isoformat() == "2024-02-01"


def test_a_date_from_the_text_before_1995_or_days_ahead_is_not_taken():
    old = f"<article><h1>X</h1><span class='date'>28.09.1912</span><p>{P1}</p></article>"
    ahead = f"<article><h1>X</h1><span class='date'>28.09.2199</span><p>{P1}</p></article>"
    assert _published(old) is None
    assert _published(ahead) is None


def test_the_urls_date_is_read_when_the_page_shows_none():
    head = "<link rel='canonical' href='https://news.example.com/2019/03/28/bridge'>"
    published = extract_article("https://news.example.com/2019/03/28/bridge", page(head, f"<p>{P1}</p>")).published
    assert published.date().isoformat() == "2019-03-28"


def test_a_date_only_the_running_text_gives_is_found_by_the_last_resort_search():
    body = f"<div><h1>Die Brücke</h1><p>Berlin, 12. März 2019. {P1}</p><p>{P1}</p></div>"
    assert _published(body).date().isoformat() == "2019-03-12"


def test_a_cms_byline_block_gives_the_time_with_its_clock():
    # Drupal's "submitted" line and a WordPress theme's "entry-meta": the date and time the post was written.
    drupal = (
        f"<article><h1>X</h1><div class='submitted'>Gespeichert von rasos am 24. Juli 2017 - 18:55</div><p>{P1}</p>"
    )
    wordpress = f"<article><h1>X</h1><p class='entry-meta'>June 29, 2017 at 11:39 pm · Anna</p><p>{P1}</p></article>"
    assert _published(drupal + "</article>").replace(tzinfo=None).isoformat() == "2017-07-24T18:55:00"
    assert _published(wordpress).replace(tzinfo=None).isoformat() == "2017-06-29T23:39:00"
