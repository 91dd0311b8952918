from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.extract import ExtractionError, extract_article
from newsarchive.items import Article

PARAGRAPH = "<p>The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers.</p>"


def paragraphs(n: int) -> str:
    # Distinct paragraphs: a body reads an exact repeat of a long line once.
    return "".join(
        f"<p>The council voted on Tuesday to close the old bridge ({i}), citing safety concerns "
        "raised by engineers.</p>"
        for i in range(n)
    )


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
    html = "<html><body>" + "<div>" * 20000 + paragraphs(3) + "</div>" * 20000 + "</body></html>"
    article = extract_article("https://p.example/a", html)
    assert isinstance(article, Article)


def test_truncated_page_keeps_what_arrived():
    html = "<html><head><title>Bridge closes - Paper</title></head><body><article><h1>Bridge closes</h1>" + paragraphs(
        3
    )
    article = extract_article("https://p.example/a", html[:-40])
    assert article.headline == "Bridge closes"
    assert article.body.startswith("The council voted on Tuesday")


def test_large_page_within_the_limits_is_read_to_the_end():
    filler = "<div class='x'><span>filler text</span></div>" * 40_000  # 1.8 MB, 80,000 elements before the article
    html = f"<html><body>{filler}<article><h1>Big</h1>{paragraphs(5)}</article></body></html>"
    article = extract_article("https://p.example/a", html.encode("utf-8"))
    assert "The council voted" in article.body
    assert "page" not in article.sources


def test_page_over_the_markup_limit_is_cut_and_the_cut_is_recorded():
    filler = "<div class='x'><span>filler text</span></div>" * 200_000  # about 9 MB
    html = f"<html><body><article><h1>Big</h1>{paragraphs(5)}</article>{filler}</body></html>"
    article = extract_article("https://p.example/a", html.encode("utf-8"))
    assert article.headline == "Big"
    assert article.body.count("The council voted") == 5
    assert article.sources["page"].startswith("cut at ")


def test_megabytes_of_scripts_and_styles_do_not_push_the_article_past_the_limit():
    script = "<script>window.state = '" + "x" * 1_000_000 + "';</script>"
    style = "<style>" + ".a{color:red}" * 100_000 + "</style>"
    svg = "<svg><path d='" + "M0 0L1 1" * 100_000 + "'/></svg>"
    jsonld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge closes",'
        ' "datePublished": "2025-01-18T07:25:00+09:00"}</script>'
    )
    html = (
        f"<html><head>{style * 3}{script * 3}</head><body>{svg * 2}<!-- {'c' * 1_000_000} -->"
        f"{jsonld}<article><h1>Bridge closes</h1>{paragraphs(3)}</article></body></html>"
    )
    assert len(html) > 7_000_000
    article = extract_article("https://p.example/a", html)
    assert article.body.startswith("The council voted on Tuesday")
    assert article.published.isoformat() == "2025-01-18T07:25:00+09:00"
    assert "page" not in article.sources


def test_fifty_megabytes_of_paragraphs_give_the_article_back():
    html = "<html><head><title>Long read</title></head><body><article><h1>Long read</h1>" + PARAGRAPH * 500_000
    article = extract_article("https://p.example/a", (html + "</article></body></html>").encode("utf-8"))
    assert article.headline == "Long read"
    assert article.body.startswith("The council voted on Tuesday")
    assert "of 52" in article.sources["page"]  # how much of the 52 MB page was read


def test_half_a_million_tiny_elements_give_the_article_back_and_record_the_cut():
    html = f"<html><body><article><h1>Bridge closes</h1>{paragraphs(3)}</article>" + "<b>a</b>" * 500_000
    article = extract_article("https://p.example/a", html + "</body></html>")
    assert article.body.count("The council voted") == 3
    assert "elements" in article.sources["page"]


def test_nul_bytes_inside_text_are_dropped_and_the_words_kept():
    # A few stray NULs in a page of text (many would make it binary content).
    html = (
        b"<html><body><article><h1>Bridge\x00 closes</h1><p>The council\x00 voted on Tuesday to close the "
        b"old bridge, citing safety concerns\x00 raised by engineers.</p>"
        + paragraphs(3).encode()
        + b"</article></body></html>"
    )
    article = extract_article("https://p.example/a", html)
    assert article.headline == "Bridge closes"
    assert article.body.splitlines()[0] == (
        "The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers."
    )


def test_lone_surrogates_in_text_are_dropped_and_the_rest_kept():
    html = (
        f"<html><body><article><h1>Bridge \ud800closes</h1>{PARAGRAPH}"
        "<p>Traffic\udfff moves east.</p></article></body></html>"
    )
    article = extract_article("https://p.example/a", html)
    assert article.headline == "Bridge closes"
    assert article.body.endswith("Traffic moves east.")


def test_gigantic_attribute_values_do_not_lose_the_article():
    image = '<img src="data:image/png;base64,' + "A" * 6_000_000 + '">'
    classes = '<div class="' + "x " * 500_000 + '">menu</div>'
    html = f"<html><body>{image}{classes}<article><h1>Bridge closes</h1>{paragraphs(3)}</article></body></html>"
    article = extract_article("https://p.example/a", html)
    assert article.headline == "Bridge closes"
    assert article.body.count("The council voted") == 3
    assert "page" not in article.sources


def test_thousands_of_json_ld_blocks_still_give_the_declared_fields():
    article_block = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge closes",'
        ' "datePublished": "2025-01-18T07:25:00+09:00"}</script>'
    )
    other = '<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": []}</script>'
    html = (
        f"<html><head>{article_block}{other * 5000}</head><body><article><h1>Bridge closes</h1>"
        f"{PARAGRAPH}</article></body></html>"
    )
    article = extract_article("https://p.example/a", html)
    assert article.sources["headline"] == "jsonld"
    assert article.published.isoformat() == "2025-01-18T07:25:00+09:00"


def test_text_nested_deeper_than_the_parser_limit_is_recovered():
    # libxml2 stops reading at 2048 levels: the page is read again with the deepest tags left out,
    # so the text down there and the markup after it both arrive.
    html = (
        "<html><body><article><h1>Deep</h1>"
        + "<div>" * 5000
        + paragraphs(3)
        + "</div>" * 5000
        + '<time datetime="2025-01-18T07:25:00+09:00">18 January 2025</time></article></body></html>'
    )
    article = extract_article("https://p.example/a", html)
    assert article.body.count("The council voted on Tuesday") == 3
    assert article.published.isoformat() == "2025-01-18T07:25:00+09:00"
