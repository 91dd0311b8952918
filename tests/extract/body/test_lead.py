from newsarchive.extract.body.lead import find_lead, headline_element
from newsarchive.extract.document.tree import parse

LEAD = "Stine Eilertzen is always curious about the unfamiliar; it shapes the menu of her new restaurant."


def lead_of(html: str, headline: str = "Bridge closes") -> str:
    body = parse(html).find("body")
    return find_lead(headline_element(body, headline))


def test_standfirst_after_the_headline_in_the_article_header():
    html = f"""<html><body><article><header><h1>Bridge closes</h1>
      <p class="article-top-info__description">{LEAD}</p></header><div><p>Body.</p></div></article></body></html>"""
    assert lead_of(html) == LEAD


def test_captions_and_media_are_never_the_lead():
    html = f"""<html><body><article><h1>Bridge closes</h1>
      <div class="lead-media"><img src="a.jpg"><div class="description">{LEAD}</div></div></article></body></html>"""
    assert lead_of(html) == ""


def test_teasers_far_below_the_headline_are_not_the_lead():
    filler = "".join(f"<p>Paragraph {i}</p>" for i in range(60))
    html = (
        f"<html><body><article><h1>Bridge closes</h1>{filler}<div class='teaser'>{LEAD}</div></article></body></html>"
    )
    assert lead_of(html) == ""


def test_no_headline_element_no_lead():
    assert lead_of("<html><body><p class='lead'>x</p></body></html>", "Missing") == ""


def test_a_heading_with_a_kicker_is_the_headline_element():
    html = f"""<html><body><article><header><h1>Kultur : Bridge closes for two years</h1>
      <p class="intro">{LEAD}</p></header></article></body></html>"""
    assert lead_of(html, "Bridge closes for two years") == LEAD


def test_a_heading_the_headline_was_built_around_is_the_headline_element():
    html = f"""<html><body><article><h1>Bridge closes for two years</h1>
      <div class="story-lead">{LEAD}</div></article></body></html>"""
    assert lead_of(html, "Old town: Bridge closes for two years") == LEAD


def test_a_short_heading_inside_a_longer_headline_is_not_taken_for_it():
    html = f"<html><body><nav><h1>News</h1><p class='intro'>{LEAD}</p></nav></body></html>"
    assert lead_of(html, "Council news: bridge closes for two years after a long debate") == ""


def test_preamble_and_ingress_are_lead_words():
    for word in ("article__preamble", "ingress"):
        html = f"<html><body><article><h1>Bridge closes</h1><div class='{word}'>{LEAD}</div></article></body></html>"
        assert lead_of(html) == LEAD, word


def test_a_standfirst_followed_by_its_video_is_the_lead_without_it():
    html = f"""<html><body><main class="video-player-container"><article><h1>Bridge closes</h1>
      <div class="preamble"><p>{LEAD}</p><figure><video src="v.mp4"></video><figcaption>Film credit</figcaption>
      </figure></div></article></main></body></html>"""
    assert lead_of(html) == LEAD


def test_a_teaser_card_that_opens_with_a_picture_or_is_mostly_a_link_is_not_the_lead():
    card = f"<div class='teaser'><picture><img src='a.jpg'></picture><p>{LEAD}</p></div>"
    linked = f"<div class='teaser'><a href='/other'>{LEAD}</a></div>"
    for block in (card, linked):
        html = f"<html><body><article><h1>Bridge closes</h1>{block}</article></body></html>"
        assert lead_of(html) == "", block


def test_a_breadcrumb_item_repeating_the_headline_gives_way_to_the_article_heading():
    html = f"""<html><body><nav class="breadcrumb"><ol><li><a href="/">Home</a></li>
      <li><h1>Bridge closes for two years</h1></li></ol></nav>
      <article><header><h2>Bridge closes for two years</h2><p class="intro">{LEAD}</p></header>
      <p>Body.</p></article></body></html>"""
    body = parse(html).find("body")
    assert headline_element(body, "Bridge closes for two years").tag == "h2"
    assert lead_of(html, "Bridge closes for two years") == LEAD


def test_past_a_breadcrumb_the_article_heading_may_differ_by_a_kicker_or_a_word():
    html = f"""<html><body><div class="c-breadcrumb"><h1>Old town: Bridge closes for two years now</h1></div>
      <header><h2>Bridge now closes for two years</h2><div class="summary">{LEAD}</div></header></body></html>"""
    body = parse(html).find("body")
    assert headline_element(body, "Old town: Bridge closes for two years now").tag == "h2"
    assert lead_of(html, "Old town: Bridge closes for two years now") == LEAD


def test_only_a_breadcrumb_heading_is_still_the_headline_element():
    html = "<html><body><nav><ul><li><h1>Bridge closes for two years</h1></li></ul></nav><p>x</p></body></html>"
    body = parse(html).find("body")
    assert headline_element(body, "Bridge closes for two years").tag == "h1"


def test_a_pictures_sources_do_not_use_up_the_look_ahead_to_the_lead():
    sources = "".join(f"<source srcset='a{i}.jpg'>" for i in range(50))
    html = f"""<html><body><article><h1>Bridge closes</h1><figure><picture>{sources}<img src="a.jpg"></picture>
      </figure><div class="summary">{LEAD}</div></article></body></html>"""
    assert lead_of(html) == LEAD


def test_a_teaser_after_another_storys_linked_heading_is_not_the_lead():
    html = f"""<html><body><article><h1>Bridge closes</h1><p>Body text.</p>
      <div class="box"><a href="/other"><h3>Ferry returns</h3></a><p class="teaser-text">{LEAD}</p></div>
      </article></body></html>"""
    assert lead_of(html) == ""


def test_a_call_to_subscribe_is_not_the_lead():
    appeal = "Just a little for the first month. Support independent journalism by subscribing to our news package."
    html = f"<html><body><article><h1>Bridge closes</h1><p class='intro'>{appeal}</p></article></body></html>"
    assert lead_of(html) == ""


def test_headline_set_in_an_h3_is_found_by_its_exact_text():
    html = f"""<html><body><div class="news-single"><h3 itemprop="headline">Bridge closes</h3>
      <div class="teaser-text"><p>{LEAD}</p></div><div class="news-text"><p>Body.</p></div></div></body></html>"""
    heading = headline_element(parse(html).find("body"), "Bridge closes")
    assert heading is not None and heading.tag == "h3"
    assert lead_of(html) == LEAD


def test_an_h3_that_only_resembles_the_headline_is_not_it():
    html = "<html><body><h3>Bridge closes for two years</h3><h3>Bridge</h3></body></html>"
    assert headline_element(parse(html).find("body"), "Bridge closes") is None


def test_plain_paragraph_right_after_the_headline_in_the_article_header_is_the_lead():
    html = f"""<html><body><article><header><h1>Bridge closes</h1><p>{LEAD} It will reopen in two years.</p>
      <span class="byline">von Jane Doe</span></header><div><p>Body.</p></div></article></body></html>"""
    assert lead_of(html) == f"{LEAD} It will reopen in two years."


def test_plain_paragraph_outside_a_header_or_not_a_sentence_is_not_the_lead():
    outside = f"<html><body><article><h1>Bridge closes</h1><p>{LEAD} It will reopen soon.</p></article></body></html>"
    assert lead_of(outside) == ""
    byline = """<html><body><article><header><h1>Bridge closes</h1>
      <p>By Jane Doe and John Roe, Senior Correspondents for Regional Affairs, 12 May 2020</p></header>
      </article></body></html>"""
    assert lead_of(byline) == ""


def test_the_articles_shown_microdata_description_is_the_lead_but_not_an_authors():
    html = f"""<html><body><article itemscope itemtype="https://schema.org/NewsArticle"><h1>Bridge closes</h1>
      <div itemprop="description"><p>{LEAD}</p></div><div><p>Body.</p></div></article></body></html>"""
    assert lead_of(html) == LEAD
    author = f"""<html><body><article><h1>Bridge closes</h1><div itemscope itemtype="https://schema.org/Person">
      <div itemprop="description">{LEAD}</div></div><div><p>Body.</p></div></article></body></html>"""
    assert lead_of(author) == ""
