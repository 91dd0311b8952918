"""Tests for newsarchive.crawler.spiders.articleurls: article URLs of sites without a profile, by their shape."""

import pytest

from newsarchive.crawler.spiders.articleurls import looks_like_article, url_shape


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/articles/AST1F4445T1FUTIL02SM.html",  # a machine-made id of letters and digits
        "https://example.com/news/articles/clymn8zyrp9o",
        "https://example.com/fact-check/doc.example.com.B2LA2G3",
        "https://example.com/sport/interim-coach-says-little-to-lose-1019241/artikel",  # the slug before a last word
        "https://example.com/news/lifestyle/898682/some-title/ar",  # a number further up the path
        "https://example.com/politics/nikki-haley-debate/story?id=104746419",  # an id in the query
        "https://example.com/?p=31228",
        "https://example.com/spip.php?article717",
        "https://example.com/news/story.asp?guid=%7B49E8785A-F1C7-11EA-B8AA-ECF03EAB1839%7D",
        "https://example.com/822",  # an article's own number
        "https://example.com/blog/2023/digital-maturity",  # a year before a name
        "https://example.com/articles/pipenv-docker/",  # a path word saying an article follows
        "https://example.com/hunting/crows-6871/",  # a number closing a name
        "https://example.com/sport/us-sport-corona-100.html",
        "https://example.com/digital-life/how-creative-commons-works/24.600.504",  # a number in groups of three
        "https://example.com/magazine/hydrogen-as-key-technology",  # a slug of three words
        "https://example.com/report/2020.autonomous.vehicle.technology.report",  # words between dots
        "https://example.com/home/Cheap-Homemade-Halloween-Costumes-42432483/amp",  # an AMP rendering
        "https://example.com/best-jokes-for-kids-of-all-ages/slide/1",  # a slide of a gallery article
        "https://example.com/society/we-are-gone-and-this-title-must-go-too/index.html",
        # A long slug under a listing's word.
        "https://example.com/authors/jane-doe/what-the-philippines-read-at-the-book-fair",
    ],
)
def test_article_urls_of_many_shapes_are_recognised(url):
    assert looks_like_article(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/articles/columns",  # a listing under an article word
        "https://example.com/us-news/",  # a section named by two words
        "https://example.com/sport/real-estate",
        "https://example.com/autor/max-mustermann",  # an author, in another language
        "https://example.com/thema/ukraine-krieg",
        "https://example.com/search/label/four%20words%20of%20label",
        "https://example.com/keyword/189619/",
        "https://example.com/5073566/Cookie-Policy",  # a service page with a number
        "https://example.com/kontakt.228",
        "https://example.com/2011/",  # a year's archive
        "https://example.com/covid19",  # a word with a number, no id
        "https://example.com/hub/election-2024",  # a year after a name: a topic's page
        "https://example.com/sekce/domestic-politics-252",  # a section, in another language
        "https://example.blogspot.com/2018_11_18_archive.html",  # numbers are no words of a slug
        "https://example.com/learning-and-teaching/forests",  # a section's slug above a short last word
        "https://example.com/news/2",  # page 2 of a section
        "https://example.com/?s=harbour",
        "https://example.com/index.php?page=2",
        "https://example.com/index.html",
    ],
)
def test_sections_listings_and_services_are_not_articles(url):
    assert not looks_like_article(url)


def test_an_articles_url_shape_is_its_extension_and_whether_it_is_dated():
    assert url_shape("https://example.com/world/2025/01/483520.php") == (".php", True)
    assert url_shape("https://example.com/stories/world/2025/11/tokyo-economy.php") == (".php", True)
    assert url_shape("https://example.com/news/articles/clymn8zyrp9o") == ("", False)
    assert url_shape("https://example.com/blog/2023/slug/amp") == ("", True)
