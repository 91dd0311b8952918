from newsarchive.extract.body.container import extract_body
from newsarchive.extract.boilerplate.teasers import is_teaser_heading
from newsarchive.extract.document.tree import parse

P1 = (
    "The city council approved the new tram line on Monday after a debate that lasted more than six hours, "
    "with twenty-one votes in favour and fourteen against."
)
P2 = (
    "Construction is due to start next spring and the first trams should run in 2028, the transport "
    "department said in a statement published after the vote."
)
P3 = (
    "Residents of the northern district, who had campaigned for the line for a decade, celebrated outside "
    "the town hall late into the evening."
)
TEASER = (
    "A local bakery has won a national prize for its rye bread, the third award in five years for the "
    "family business that opened in 1952."
)


def body_of(html: str) -> list[str]:
    return extract_body(parse(html))[0]


def test_teaser_headings_in_several_languages_are_recognised():
    for text in (
        "More from The Nation",
        "More TechCrunch",
        "Related articles",
        "You might also like",
        "Das könnte Sie auch interessieren",
        "Mehr zum Thema",
        "Weitere Informationen",
        "À lire aussi",
        "Leggi anche",
        "関連記事",
    ):
        assert is_teaser_heading(text), text


def test_subheads_of_the_article_are_not_teaser_headings():
    for text in (
        "More than 100 homes flooded",
        "Related costs",
        "What the council decided",
        "Mehrheit im Stadtrat",
        "more trouble ahead",
    ):
        assert not is_teaser_heading(text), text


def test_bare_teaser_heading_ends_the_body_with_the_cards_after_it():
    html = f"""<html><body><div class="post">
      <div class="entry"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>
      <h2>More from The Daily Planet</h2>
      <div class="query"><div><h3>Bakery wins prize</h3><p>{TEASER}</p></div></div>
    </div></body></html>"""
    lines = body_of(html)
    assert lines == [P1, P2, P3]


def test_teaser_box_between_paragraphs_goes_but_the_rest_of_the_article_stays():
    html = f"""<html><body><div class="story">
      <p>{P1}</p>
      <div class="box"><div class="boxhead">Weitere Informationen</div><p>{TEASER}</p></div>
      <p>{P2}</p><p>{P3}</p>
    </div></body></html>"""
    lines = body_of(html)
    assert lines == [P1, P2, P3]


def test_article_subhead_that_starts_like_a_teaser_keeps_what_follows():
    html = f"""<html><body><div class="story">
      <p>{P1}</p><h2>More than 100 homes flooded</h2><p>{P2}</p><p>{P3}</p>
    </div></body></html>"""
    assert body_of(html) == [P1, "More than 100 homes flooded", P2, P3]


def test_list_of_links_inside_the_body_is_not_body_but_a_list_of_sentences_is():
    html = f"""<html><body><div class="story">
      <p>{P1}</p>
      <ul><li>Read the story: <a href="/a">Bakery wins national prize for rye bread</a></li>
          <li>Our overview: <a href="/b">Road works on the ring road until June</a></li></ul>
      <p>{P2}</p>
      <ul><li>The line will have twelve stops.</li><li>Trams will run every eight minutes at peak times.</li></ul>
      <p>{P3}</p>
    </div></body></html>"""
    assert body_of(html) == [
        P1,
        P2,
        "The line will have twelve stops.",
        "Trams will run every eight minutes at peak times.",
        P3,
    ]
