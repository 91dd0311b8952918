from newsarchive.extract.boilerplate.junk import remove_junk
from newsarchive.extract.document.tree import parse, text_of

STORY = (
    "Nepal's aviation authority disputed on Tuesday whether the plane had been hit by a bird, "
    "calling the carrier's account of the incident misleading and barring two of its managers."
)
CONSENT = (
    "If you are a California consumer, you have the right, at any time, to direct a business that sells "
    "your personal information to third parties not to sell it. "
) * 3


def page_text(html: str) -> str:
    root = parse(html)
    body = root.find("body")
    remove_junk(body)
    return text_of(body)


def test_paywall_marked_article_container_is_kept():
    html = f"""<html><body><article>
      <div class="article-body__content paywall-article"><p>{STORY}</p></div>
    </article></body></html>"""
    assert STORY in page_text(html)


def test_paywall_marked_paragraph_is_kept():
    html = f"<html><body><div class='text-copy'><p>Intro line.</p><p class='paywall'>{STORY}</p></div></body></html>"
    assert STORY in page_text(html)


def test_paywall_prompt_without_article_text_is_removed():
    html = f"""<html><body><div class="story"><p>{STORY}</p><p>{STORY}</p></div>
      <div class="paywall-box"><span>Subscribe now to keep reading all our stories</span></div></body></html>"""
    assert "Subscribe now" not in page_text(html)


def test_consent_dialog_is_removed_even_when_it_outweighs_the_story():
    html = f"""<html><body><div id="onetrust-consent-sdk"><div class="policy">{CONSENT}</div></div>
      <div class="story"><p>{STORY}</p></div></body></html>"""
    text = page_text(html)
    assert "California consumer" not in text
    assert STORY in text


def test_block_hidden_by_inline_style_or_attribute_is_removed():
    html = f"""<html><body><div class="story"><p>{STORY}</p>
      <div style="color: red; display:none;"><span id="postId">6073731</span><span>2024/12/03 23:17:00</span></div>
      <p hidden>Hidden teaser of another story</p></div></body></html>"""
    text = page_text(html)
    assert "6073731" not in text
    assert "Hidden teaser" not in text
    assert STORY in text


def test_hidden_block_holding_most_of_the_page_is_kept():
    # Some pages ship the article hidden and reveal it with a script: the text is still the article.
    html = f"""<html><body><p>Short intro.</p>
      <div style="display: none"><p>{STORY}</p><p>{STORY}</p></div></body></html>"""
    assert STORY in page_text(html)


def test_author_box_named_author_container_is_removed_but_a_wordpress_author_label_is_not():
    html = f"""<html><body><article class="post author-jdoe"><div class="entry"><p>{STORY}</p></div>
      <div class="author-container column"><p>Jane Doe</p><div>Reporter since 2019, writes about aviation.</div></div>
    </article></body></html>"""
    text = page_text(html)
    assert "Reporter since 2019" not in text
    assert STORY in text


def test_person_box_in_microdata_is_removed_but_a_person_named_in_a_sentence_stays():
    html = f"""<html><body><div class="story"><p>{STORY} Said <span itemscope itemtype="https://schema.org/Person">
      <span itemprop="name">Ram Shrestha</span></span>, a pilot.</p>
      <div itemscope itemtype="http://schema.org/Person"><p itemprop="name">Thomas Jäger</p>
        <p itemprop="jobTitle">Political scientist</p><p>Professor of international politics in Cologne.</p></div>
    </div></body></html>"""
    text = page_text(html)
    assert "Professor of international politics" not in text
    assert "Said Ram Shrestha, a pilot." in text
