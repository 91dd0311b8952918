"""Soft error pages and login walls served with HTTP 200 are problems, not articles; real articles stay."""

from __future__ import annotations

import pytest

from newsarchive.extract import ExtractionError, extract_article
from newsarchive.extract.softerror import error_phrase

LATEST = (
    "<div class='latest'><h2>Latest stories</h2><ul>"
    "<li><a href='/news/a.html'>Council votes to extend the harbour after a year of hearings</a></li>"
    "<li><a href='/news/b.html'>Storm closes the coast road for a second night running</a></li>"
    "<li><a href='/news/c.html'>Fishermen and the port authority argue over dredging costs</a></li></ul></div>"
)


def page(title: str, h1: str, text: str, head: str = "") -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body><nav><a href='/'>Home</a></nav>"
        f"<main><h1>{h1}</h1><p>{text}</p>{LATEST}</main><footer>Harbour Gazette</footer></body></html>"
    )


SOFT_ERRORS = {
    "Page not found": page(
        "Page not found | Harbour Gazette",
        "Page not found",
        "Sorry, the page you were looking for does not exist. It may have been moved or deleted.",
    ),
    "Internal Server Error": page(
        "Internal Server Error",
        "Internal Server Error",
        "The server encountered an internal error and was unable to complete your request. Please try later.",
    ),
    "Error 404": page("Error 404 - Harbour Gazette", "Error 404", "We looked everywhere but this page is gone."),
    "Sign in to continue reading": page(
        "Harbour Gazette",
        "Sign in to continue reading",
        "Subscribers get unlimited access to every story, the app and the daily e-paper edition.",
    ),
    "ログインしてください": page(
        "ログインしてください｜港新聞",
        "ログインしてください",
        "この記事の続きは会員の方のみお読みいただけます。会員登録は無料です。",
    ),
    "お探しのページは見つかりませんでした": page(
        "お探しのページは見つかりませんでした | 港新聞",
        "お探しのページは見つかりませんでした",
        "URLが変更されたか、ページが削除された可能性があります。トップページからお探しください。",
    ),
    "Seite nicht gefunden": page(
        "Seite nicht gefunden - Hafenzeitung", "Seite nicht gefunden", "Die angeforderte Seite gibt es nicht."
    ),
    "Page introuvable": page(
        "Page introuvable", "Oups !", "La page que vous cherchez n'existe plus ou a été déplacée."
    ),
}


@pytest.mark.parametrize("phrase", list(SOFT_ERRORS))
def test_a_200_page_saying_it_is_an_error_or_a_login_wall_is_an_extraction_error(phrase):
    with pytest.raises(ExtractionError) as raised:
        extract_article("http://127.0.0.1/news/gone.html", SOFT_ERRORS[phrase])
    assert str(raised.value).startswith("soft error page: ")
    assert phrase in str(raised.value)


def test_a_short_page_whose_body_opens_with_the_phrase_is_an_error_page_whatever_its_title():
    html = (
        "<html><head><title>Harbour Gazette</title></head><body><div id='content'>"
        "<p>Page not found</p><p>The address may be mistyped, or the story may have been taken down by its editors.</p>"
        "</div></body></html>"
    )
    with pytest.raises(ExtractionError, match="soft error page: 'Page not found'"):
        extract_article("http://127.0.0.1/news/x.html", html)


def test_a_real_article_whose_headline_mentions_not_found_is_kept():
    words = "Rescue teams searched the ridge again on Thursday, helped by volunteers and two helicopters."
    html = page(
        "Missing hiker not found after three days | Harbour Gazette",
        "Missing hiker not found after three days",
        " ".join([words] * 8),
        head='<meta property="article:published_time" content="2025-01-20T09:00:00+00:00">',
    )
    article = extract_article("http://127.0.0.1/news/hiker.html", html)
    assert article.headline == "Missing hiker not found after three days"


def test_an_article_that_declares_itself_one_with_a_full_body_is_kept_even_under_an_error_title():
    words = "The film follows a developer who spends a summer chasing a bug nobody else can reproduce."
    html = page(
        "Error 404 | Harbour Gazette",
        "Error 404",
        " ".join([words] * 12),
        head='<meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2025-01-20T09:00:00+00:00">',
    )
    assert extract_article("http://127.0.0.1/reviews/404.html", html).headline == "Error 404"


@pytest.mark.parametrize("headline", ["Forbidden", "Login", "Unauthorized", "エラー"])
def test_a_full_article_under_a_one_word_error_headline_is_kept_without_any_metadata(headline):
    # A film called "Forbidden", a column called "Login": one word is a phrase of error pages and of
    # headlines alike, so it settles nothing on a page with a full body.
    words = "The film follows a family who spend a summer in a house they were told never to enter."
    html = page(f"{headline} | Harbour Gazette", headline, " ".join([words] * 12))
    assert extract_article("http://127.0.0.1/reviews/film.html", html).headline == headline


@pytest.mark.parametrize("headline", ["Forbidden", "Login"])
def test_a_short_page_under_a_one_word_error_headline_is_an_error_page(headline):
    html = page(f"{headline} | Harbour Gazette", headline, "You do not have permission to view this page.")
    with pytest.raises(ExtractionError, match="soft error page"):
        extract_article("http://127.0.0.1/private/x.html", html)


@pytest.mark.parametrize(
    "headline",
    [
        "Missing hiker not found after three days",
        "Body found in river",
        "Access denied to reporters at the summit",
        "Forbidden City reopens",
        "Museum removed statue",
        "Sign language interpreters in demand",
        "ログイン障害、復旧の見通し立たず",
        "2024",
    ],
)
def test_headlines_that_only_mention_an_error_word_are_not_error_phrases(headline):
    assert error_phrase(headline) is None


def test_an_article_with_a_login_dialog_in_its_markup_is_kept_without_any_metadata():
    words = "The harbour board met on Tuesday and agreed to dredge the channel before the summer season."
    html = (
        "<html><head><title>Harbour board agrees to dredge the channel</title></head><body>"
        "<div class='modal' hidden><h1>Sign in</h1><form><input name='email'></form></div>"
        f"<article><h1>Harbour board agrees to dredge the channel</h1><p>{' '.join([words] * 10)}</p></article>"
        "</body></html>"
    )
    article = extract_article("http://127.0.0.1/news/dredge.html", html)
    assert article.headline == "Harbour board agrees to dredge the channel"


def test_a_short_declared_brief_with_a_login_dialog_is_kept():
    html = (
        "<html><head><title>Ferry resumes</title><meta property='og:type' content='article'></head><body>"
        "<div class='modal'><h1>Log in</h1></div><article><h1>Ferry resumes</h1>"
        "<p>The island ferry resumed its timetable on Monday after two days of storms kept it in port.</p>"
        "</article></body></html>"
    )
    assert extract_article("http://127.0.0.1/news/ferry.html", html).headline == "Ferry resumes"
