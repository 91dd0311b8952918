from hypothesis import HealthCheck, given, settings, strategies as st

from newsarchive.extract import ExtractionError, extract_article
from newsarchive.items import Article

PARAGRAPH = "<p>The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers.</p>"


def extract_or_error(data):
    try:
        return extract_article("https://p.example/a", data)
    except ExtractionError as error:
        assert str(error)
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_give_an_article_or_extraction_error(data):
    result = extract_or_error(data)
    assert result is None or isinstance(result, Article)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_arbitrary_text_gives_an_article_or_extraction_error(text):
    result = extract_or_error(text)
    assert result is None or isinstance(result, Article)


TAGS = st.sampled_from(["p", "div", "article", "h1", "script", "a", "li", "ul", "br", "meta", "time", "span"])
FRAGMENT = st.one_of(
    st.text(max_size=30),
    st.builds(lambda t: f"<{t}>", TAGS),
    st.builds(lambda t: f"</{t}>", TAGS),
    st.just('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '),
    st.just('<meta property="article:published_time" content="2025-13-45T99:99">'),
    st.just('<a href="javascript:x">'),
    st.just('<a href="http://[::1">'),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENT, max_size=60))
def test_html_like_soup_gives_an_article_or_extraction_error(parts):
    result = extract_or_error("".join(parts))
    assert result is None or isinstance(result, Article)


def test_deeply_nested_page_returns_an_article():
    html = "<html><body>" + "<div>" * 20000 + PARAGRAPH * 3 + "</div>" * 20000 + "</body></html>"
    article = extract_article("https://p.example/a", html)
    assert isinstance(article, Article)


def test_truncated_page_keeps_what_arrived():
    html = "<html><head><title>Bridge closes - Paper</title></head><body><article><h1>Bridge closes</h1>" + PARAGRAPH * 3
    article = extract_article("https://p.example/a", html[:-40])
    assert article.headline == "Bridge closes"
    assert article.body.startswith("The council voted on Tuesday")


def test_very_large_page_returns_an_article():
    filler = "<div class='x'><span>filler text</span></div>" * 200_000  # about 9 MB
    html = f"<html><body>{filler}<article><h1>Big</h1>{PARAGRAPH * 5}</article></body></html>"
    article = extract_article("https://p.example/a", html.encode("utf-8"))
    assert "The council voted" in article.body


def test_malformed_markup_and_stray_nul_bytes():
    html = b"<html><body><article><h1>Title\x00 here</h1><p>Unclosed <b>bold <i>italic " + PARAGRAPH.encode() + b"</body>"
    article = extract_article("https://p.example/a", html)
    assert article.headline == "Title here"
