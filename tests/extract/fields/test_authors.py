"""Tests for newsarchive.extract.fields.authors: bylines into names, two joined names told apart by the page."""

from newsarchive.extract import Rules, extract_article
from newsarchive.extract.fields.authors import apart, split_authors

URL = "https://news.example.com/world/2025/01/18/treaty.html"
TEXT = (
    "<p>Russia and Iran signed a twenty-year strategic partnership treaty in Moscow on Friday, deepening "
    "military ties between the two countries and promising cooperation on security and trade.</p>"
)


def page(byline: str, head: str = "", after: str = "") -> str:
    return (
        f"<html lang='en'><head><title>Treaty signed</title>{head}</head><body><article><h1>Treaty signed</h1>"
        f"{byline}{TEXT}{after}</article></body></html>"
    )


def test_names_as_separate_elements_of_a_byline_are_two_authors():
    byline = (
        "<div class='byline'><span class='name'>Vladimir Soldatkin</span> <span class='name'>Andrew Osborn</span></div>"
    )
    assert extract_article(URL, page(byline)).authors == ["Vladimir Soldatkin", "Andrew Osborn"]


def test_a_joined_declared_name_is_split_by_the_bylines_separate_elements():
    head = "<meta name='author' content='Vladimir Soldatkin Andrew Osborn'>"
    byline = "<p class='byline'>By <span>Vladimir Soldatkin</span> <span>Andrew Osborn</span></p>"
    assert extract_article(URL, page(byline, head)).authors == ["Vladimir Soldatkin", "Andrew Osborn"]


def test_a_joined_name_a_sites_selector_gives_is_split_by_the_pages_author_links():
    byline = "<div class='entryAuthor'><p>Vladimir Soldatkin Andrew Osborn</p></div>"
    bios = (
        "<aside><a rel='author' href='/vs'>Vladimir Soldatkin</a><a rel='author' href='/ao'>Andrew Osborn</a></aside>"
    )
    article = extract_article(URL, page(byline, after=bios), rules=Rules(authors="div.entryAuthor > p"))
    assert article.authors == ["Vladimir Soldatkin", "Andrew Osborn"]


def test_a_joined_name_nothing_on_the_page_tells_apart_stays_as_written():
    byline = "<div class='byline'>Vladimir Soldatkin Andrew Osborn</div>"
    assert extract_article(URL, page(byline)).authors == ["Vladimir Soldatkin Andrew Osborn"]


def test_a_publication_beside_the_author_is_no_second_author():
    byline = (
        "<div class='byline'><span class='author'>Elliot Brown</span> "
        "<span class='publication'>Florida Herald</span></div>"
    )
    assert extract_article(URL, page(byline)).authors == ["Elliot Brown"]


def test_a_title_after_the_name_is_no_second_author():
    byline = "<div class='byline'><span>Jane Doe</span> <span>Staff writer</span></div>"
    assert extract_article(URL, page(byline)).authors == ["Jane Doe"]


def test_apart_splits_only_into_known_names_in_order():
    assert apart("Vladimir Soldatkin Andrew Osborn", ["Andrew Osborn", "Vladimir Soldatkin"]) == [
        "Vladimir Soldatkin",
        "Andrew Osborn",
    ]
    assert apart("Vladimir Soldatkin Andrew Osborn", ["Vladimir Soldatkin"]) == ["Vladimir Soldatkin Andrew Osborn"]
    assert apart("Gabriel García Márquez", ["Gabriel García Márquez"]) == ["Gabriel García Márquez"]


def test_split_authors_reads_by_and_separators():
    assert split_authors(["By Ann Lee, Bo Chan and Cy Diaz"]) == ["Ann Lee", "Bo Chan", "Cy Diaz"]
