from newsarchive.extract.document import oversize
from newsarchive.extract.document.oversize import MAX_MARKUP, bound_elements, bound_markup
from newsarchive.extract.document.tree import parse, text_of

FILL = "<p>filler</p>"


def test_a_page_within_the_limit_is_left_exactly_as_it_came():
    page = "<html><!-- note --><style>p{}</style><script>var a = 1;</script><body><p>Text</p></body></html>"
    assert bound_markup(page) == (page, None)


def test_an_oversized_page_loses_comments_styles_svg_and_plain_scripts_but_keeps_json_ld():
    padding = "<style>" + "p{color:red}" * (MAX_MARKUP // 10) + "</style>"
    page = (
        f"<html><head>{padding}<!-- a comment --><script>track();</script>"
        '<script type="application/ld+json">{"headline": "Bridge closes"}</script></head>'
        "<body><svg><path d='M0 0'/></svg><p>Text</p></body></html>"
    )
    text, note = bound_markup(page)
    assert note is None
    assert text == (
        "<html><head><style></style><script></script>"
        '<script type="application/ld+json">{"headline": "Bridge closes"}</script></head>'
        "<body><svg></svg><p>Text</p></body></html>"
    )


def test_an_oversized_page_keeps_a_script_that_may_ship_the_body():
    shipped = '<script>window.__STATE__ = {"body": "\\u003cp\\u003eThe council voted.\\u003c/p\\u003e"};</script>'
    page = "<html><head><style>" + "x" * (MAX_MARKUP + 10) + "</style>" + shipped + "</head><body></body></html>"
    text, _ = bound_markup(page)
    assert shipped in text


def test_huge_attribute_values_are_emptied_on_an_oversized_page():
    page = (
        '<html><body><img alt="map" src="data:image/png;base64,'
        + "A" * (MAX_MARKUP + 10)
        + '"><p>Text</p></body></html>'
    )
    text, note = bound_markup(page)
    assert text == '<html><body><img alt="map" src=""><p>Text</p></body></html>'
    assert note is None


def test_markup_past_the_limit_is_cut_before_a_tag_and_the_cut_is_described():
    page = "<html><body>" + FILL * (MAX_MARKUP // len(FILL) + 100) + "</body></html>"
    text, note = bound_markup(page)
    assert len(text) <= MAX_MARKUP and text.endswith("</p>")
    assert note == f"cut at {MAX_MARKUP} of {len(page)} characters of markup"


def test_unclosed_comment_or_script_ends_the_page_as_a_parser_would_read_it():
    tail = "<div>never seen</div>" * 10
    for opener in ("<!-- open", "<script>open"):
        page = "<p>Text</p>" + "<style>" + "x" * MAX_MARKUP + "</style>" + opener + tail
        text, _ = bound_markup(page)
        assert text.startswith("<p>Text</p>") and "never seen" not in text


def test_script_contents_over_their_budget_are_dropped(monkeypatch):
    monkeypatch.setattr(oversize, "MAX_SCRIPTS", 50)
    ld = '<script type="application/ld+json">{"headline": "' + "x" * 100 + '"}</script>'
    page = "<style>" + "x" * MAX_MARKUP + "</style>" + ld + "<p>Text</p>"
    text, _ = bound_markup(page)
    assert '<script type="application/ld+json"></script><p>Text</p>' in text


def test_elements_past_the_limit_are_dropped_in_document_order(monkeypatch):
    monkeypatch.setattr(oversize, "MAX_ELEMENTS", 6)
    text = "<html><body><div><p>one</p><p>two<b>bold</b></p></div><p>three</p><p>four</p></body></html>"
    root = parse(text)
    # html, body, div, p(one), p(two), b: the sixth element is the last kept.
    assert bound_elements(text, root) == "cut after 6 of 8 elements"
    assert [el.tag for el in root.iter()] == ["html", "body", "div", "p", "p", "b"]
    assert text_of(root) == "onetwobold"


def test_a_page_with_fewer_tags_than_the_limit_is_not_even_counted(monkeypatch):
    monkeypatch.setattr(oversize, "MAX_ELEMENTS", 10)
    text = "<p>a</p><p>b</p>"
    root = parse(text)
    assert bound_elements(text, root) is None
    assert text_of(root) == "ab"
