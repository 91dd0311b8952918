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
    site = f"<header><div class='date'>07.01.2026</div></header><article><h1>X</h1><p>{P1}</p></article>"
    assert _published(own).date().isoformat() == "2026-01-06"
    assert _published(site) is None


def test_a_date_in_a_link_is_not_the_publication_date():
    body = f"<article><h1>X</h1><p>{P1}</p><a href='/b'><span class='date'>01.02.2024</span> Other story</a></article>"
    assert _published(body) is None
