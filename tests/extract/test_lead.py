from newsarchive.extract.lead import find_lead, headline_element
from newsarchive.extract.tree import parse

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
    html = f"<html><body><article><h1>Bridge closes</h1>{filler}<div class='teaser'>{LEAD}</div></article></body></html>"
    assert lead_of(html) == ""


def test_no_headline_element_no_lead():
    assert lead_of("<html><body><p class='lead'>x</p></body></html>", "Missing") == ""
