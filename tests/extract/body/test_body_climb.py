from newsarchive.extract.body.container import extract_body
from newsarchive.extract.document.tree import parse

PARAS = [
    "The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers.",
    "Repairs will take at least two years, and traffic will be diverted through the northern district.",
    "Residents said they were worried about longer commutes, while shop owners feared fewer customers.",
    "The mayor promised a free shuttle bus, paid for by the regional transport fund, from next month.",
    "Engineers found cracks in two of the five pillars during an inspection carried out in the spring.",
    "A public meeting on the detour is planned for next week at the town hall, the council said.",
]
FACTS = ["1997: first inspection of the bridge", "43: age of the oldest pillar in years, as measured"]


def body_of(html: str) -> list[str]:
    return extract_body(parse(html))[0]


def test_paragraphs_each_wrapped_in_their_own_divs_are_all_read():
    wrapped = "".join(f"<div><div><div><div><p>{p}</p></div></div></div></div>" for p in PARAS)
    facts = "".join(f"<p>{f}, according to the council's own records.</p>" for f in FACTS * 2)
    half = len(wrapped) // 2
    html = f"""<html><body><article><h1>Bridge closes</h1>
      <div id="main">{wrapped[:half]}<div class="factbox">{facts}</div>{wrapped[half:]}</div>
    </article></body></html>"""
    body = body_of(html)
    assert [line for line in body if line in PARAS] == PARAS


def test_body_split_into_modules_by_a_video_block_is_read_whole():
    def module(inner):
        return (
            f"<div class='con'><div class='modCon'><div class='mod'><div class='boxCon'>{inner}</div></div></div></div>"
        )

    html = f"""<html><body><div class="section">
      {module(f"<div class='box'><div class='paragraph'><p>{PARAS[0]}</p><p>{PARAS[1]}</p></div></div>")}
      {module("<div class='player-box'>Video 01:20 min</div>")}
      {
        module(
            f"<div class='box'><div class='paragraph'><h2>What happens next</h2><p>{PARAS[2]}</p>"
            f"<p>{PARAS[3]}</p><p>{PARAS[4]}</p><p>{PARAS[5]}</p></div></div>"
        )
    }
    </div>
    <div class="teaserlist"><a href="/a">Another story about a very different subject</a>
      <a href="/b">And one more story that is not about bridges at all</a></div>
    </body></html>"""
    assert body_of(html) == [PARAS[0], PARAS[1], "What happens next", *PARAS[2:]]


def test_teaser_cards_in_other_article_elements_are_not_climbed_into():
    cards = "".join(
        f"<article class='card'><h3><a href='/s/{i}'>Other story number {i}</a></h3>"
        f"<p>A summary of that other story, long enough to look like a paragraph of text {i}.</p></article>"
        for i in range(4)
    )
    html = f"""<html><body><div class="page">
      <div class="story"><p>{PARAS[0]}</p><p>{PARAS[1]}</p><p>{PARAS[2]}</p></div>
      <div class="more"><h2>More stories</h2>{cards}</div>
    </div></body></html>"""
    assert body_of(html) == PARAS[:3]


def test_a_block_of_inline_links_does_not_count_as_paragraph_text():
    deals = "".join(f"<a href='/deal/{i}'>Shop number {i} vouchers</a>" for i in range(40))
    html = f"""<html><body><div class="page">
      <div class="article-body"><p>{PARAS[0]}</p><p>{PARAS[1]}</p><p>{PARAS[2]}</p></div>
      <div class="deals">{deals}</div>
    </div></body></html>"""
    assert body_of(html) == PARAS[:3]


def _cards(n: int) -> str:
    return "".join(
        f"""<div class="card"><a href="/story-{i}"><h5>Teaser headline of another story {i}</h5></a>
        <p>The excerpt of that other story, written out in a full sentence of prose, number {i}.</p></div>"""
        for i in range(n)
    )


def test_cards_of_other_stories_beside_the_body_are_not_read():
    # A card's excerpt is prose, but a heading that links to another page marks it as another story's teaser.
    html = f"""<html><body><div class="page">
      <div class="story"><div class="text">{"".join(f"<p>{p}</p>" for p in PARAS)}</div></div>
      <div class="more">{_cards(4)}</div><div class="more">{_cards(3)}</div>
    </div></body></html>"""
    body = body_of(html)
    assert [line for line in body if line in PARAS] == PARAS
    assert not any("other story" in line for line in body)


def test_cousin_cards_of_the_body_component_are_not_read():
    # Cards made of the same grid component as the body ("cell") are still other stories.
    cards = "".join(
        f"""<div class="cell small-7"><a href="/story-{i}"><h5>Teaser headline of another story {i}</h5></a>
        <p>The excerpt of that other story, written out in a full sentence of prose, number {i}.</p></div>"""
        for i in range(4)
    )
    html = f"""<html><body><div class="grid"><div class="cell article">{"".join(f"<p>{p}</p>" for p in PARAS)}</div>
      <div class="grid-more">{cards}</div></div></body></html>"""
    body = body_of(html)
    assert [line for line in body if line in PARAS] == PARAS
    assert not any("other story" in line for line in body)


def test_subheads_of_the_body_that_link_nowhere_keep_a_sibling_block():
    html = f"""<html><body><div class="page"><div class="story"><p>{PARAS[0]}</p><p>{PARAS[1]}</p>
      <p>{PARAS[2]}</p><p>{PARAS[3]}</p></div>
      <div><h3>Background</h3><p>{PARAS[4]}</p><h3>Outlook</h3><p>{PARAS[5]}</p></div></div></body></html>"""
    body = body_of(html)
    assert [line for line in body if line in PARAS] == PARAS


def test_a_cousin_block_whose_heading_links_a_word_is_still_body():
    # A lead set as a heading may link a word; it is not a teaser card's title.
    lead = f'<h2>{PARAS[0]} The <a href="https://example.org/report">report</a> is online.</h2>'
    rest = "".join(f"<p>{p}</p>" for p in PARAS[1:])
    html = f"""<html><body><div class="grid"><div class="row"><div class="cell text">{lead}</div></div>
      <div class="row"><div class="cell text">{rest}</div></div></div></body></html>"""
    body = body_of(html)
    assert body[0].startswith(PARAS[0] + " The report")


def test_a_scrap_beside_short_unscored_lines_widens_to_the_block_around_both():
    # A photo story: captions too short to score as paragraphs, one longer line the winner on its own.
    captions = "".join(
        f"<div class='note'>Kitchen corner {i}</div><div class='note'>Plants {i}</div>" for i in range(12)
    )
    html = f"""<html><body><div class="story"><div class="intro"><div>{PARAS[0]}</div></div>
      <div class="notes">{captions}</div></div><div class="footer-links"><a href="/a">Imprint</a></div></body></html>"""
    body = body_of(html)
    assert PARAS[0] in body
    assert "Kitchen corner 11" in body


def test_a_short_body_is_not_widened_into_a_block_of_links():
    links = "".join(f"<li><a href='/c{i}'>Recent comment number {i} by a reader</a></li>" for i in range(12))
    html = f"""<html><body><div class="page"><div class="post"><p>{PARAS[0]}</p></div>
      <ul class="recent">{links}</ul></div></body></html>"""
    body = body_of(html)
    assert body == [PARAS[0]]


def test_an_article_element_holding_only_the_headline_and_standfirst_does_not_keep_the_body_out():
    # The template closes its <article> after the page's head; the story's paragraphs follow outside it.
    lead = (
        "Which is cheaper for the town, repairing the old bridge or building a new one? The council weighed "
        "the costs, the years of work and the detours, and we explain what each choice means for residents."
    )
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    html = f"""<html><body><div class="page"><article><h1>Bridge closes</h1>
      <div class="stage"><p>{lead}</p></div></article>
      <div class="basis"><div class="text">{paras}</div></div>
      <footer><p>Contact us</p></footer></div></body></html>"""
    body = extract_body(parse(html), headline="Bridge closes")[0]
    assert [line for line in body if line in PARAS] == PARAS


def test_a_story_split_into_a_head_article_and_a_headless_body_article_is_read_whole():
    lead = (
        "Which is cheaper for the town, repairing the old bridge or building a new one? The council weighed "
        "the costs, the years of work and the detours, and we explain what each choice means for residents."
    )
    story = [f"{p} That was in part {i}." for i in (1, 2) for p in PARAS]
    paras = "".join(f"<p>{p}</p>" for p in story)
    html = f"""<html><body><article><h1>Bridge closes</h1><div class="stage"><p>{lead}</p></div></article>
      <article class="basis"><h2>What the repair costs</h2><div class="text">{paras}</div></article>
      </body></html>"""
    body = extract_body(parse(html), headline="Bridge closes")[0]
    assert [line for line in body if line in story] == story
