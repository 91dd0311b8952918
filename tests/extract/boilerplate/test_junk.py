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


def test_article_swallowed_by_an_unclosed_nav_is_kept():
    # An unclosed <div> inside a <form> in the menu: the parser nests the rest of the page inside the <nav>.
    html = f"""<html><body><header><nav><a href="/">Home</a><a href="/news">News</a><form><div></nav></header>
      <main><article><p>{STORY}</p><p>{STORY}</p></article></main></body></html>"""
    assert STORY in page_text(html)


def test_navigation_menu_is_removed():
    html = f"""<html><body><nav><ul><li>Home and garden</li><li>World news today</li></ul></nav>
      <article><p>{STORY}</p></article></body></html>"""
    text = page_text(html)
    assert "World news today" not in text
    assert STORY in text


def test_noscript_holding_the_article_is_kept():
    # A blog that renders its post from a script template ships the same text in <noscript> for other readers.
    html = f"""<html><body><div class="post-body"><script type="text/template"><p>{STORY}</p></script>
      <noscript><p>{STORY}</p><p>{STORY}</p></noscript></div>
      <div class="footer-links"><p>Give us feedback in our forums.</p></div></body></html>"""
    assert STORY in page_text(html)


def test_noscript_notice_beside_the_article_is_removed():
    html = f"""<html><body><article><p>{STORY}</p><p>{STORY}</p>
      <noscript><p>Please enable JavaScript to view the comments.</p></noscript></article></body></html>"""
    text = page_text(html)
    assert "enable JavaScript" not in text
    assert STORY in text


def test_sidebar_of_content_named_teaser_cards_is_removed():
    # Teaser cards call themselves "row-content": that does not make the sidebar holding them the article.
    cards = "".join(
        f'<div class="row-content"><h5>Teaser headline number {i}</h5><p class="row-info">Some date {i}</p></div>'
        for i in range(6)
    )
    html = f"""<html><body><div class="layout"><div class="cell sidebar">{cards}</div>
      <div class="cell article"><p>{STORY}</p><p>{STORY}</p><p>{STORY}</p></div></div></body></html>"""
    text = page_text(html)
    assert "Teaser headline" not in text
    assert STORY in text


def test_sidebar_wrapping_the_article_content_is_kept():
    html = f"""<html><body><div class="sidebar-layout"><div class="article-content"><p>{STORY}</p></div>
      <div class="related-box"><a href="/x">Other story</a></div></div></body></html>"""
    assert STORY in page_text(html)


def test_block_whose_id_is_a_layout_word_is_removed_though_named_content():
    html = f"""<html><body><div class="story"><p>{STORY}</p><p>{STORY}</p><p>{STORY}</p></div>
      <div id="footer" class="footer-content"><p>About us, our team and the terms of use of this site.</p></div>
      </body></html>"""
    text = page_text(html)
    assert "terms of use" not in text
    assert STORY in text


def test_embedded_post_quoted_in_the_text_is_kept():
    html = f"""<html><body><article><p>{STORY}</p>
      <blockquote class="twitter-tweet"><p>Yes this is real and the state spent half a million on it.</p>
      &mdash; Some Reader (@reader) <a href="https://twitter.com/x/status/1">November 18, 2019</a></blockquote>
      <p>{STORY}</p></article></body></html>"""
    assert "Yes this is real" in page_text(html)


def test_table_rows_named_after_what_they_hold_are_kept():
    rows = "".join(f'<tr class="oddrow player-2020-{i}"><td>{i}</td><td>Driver {i}</td></tr>' for i in range(3))
    html = f"<html><body><article><p>{STORY}</p><table>{rows}</table></article></body></html>"
    assert "Driver 2" in page_text(html)


def test_call_to_action_box_is_removed_though_its_card_has_a_body():
    html = f"""<html><body><div class="content"><p>{STORY}</p><p>{STORY}</p>
      <div class="zone-widget custom-cta-letter"><div class="card-body"><h5>A Word to Our Loyal Readers</h5>
      <p>Support us and make a difference for readers everywhere.</p></div></div></div></body></html>"""
    text = page_text(html)
    assert "Loyal Readers" not in text
    assert STORY in text


def test_hover_card_on_a_name_inside_a_sentence_is_removed():
    card = """<span class="rollover-people"><a href="/people/omar">Ilhan Omar</a><span class="rollover-block">
      <img src="omar.jpg"><a href="/people/omar">Ilhan Omar</a><a href="/a">Other story one</a>
      <a href="/b">Other story two</a></span></span>"""
    sentence = f"<p>A man threatened Rep. {card} (D-Minn.), prosecutors said.</p>"
    html = f"<html><body><article>{sentence}</article></body></html>"
    text = page_text(html)
    assert "Other story" not in text
    assert "Rep. Ilhan Omar (D-Minn.)" in text


def test_linked_word_with_an_icon_inside_a_sentence_stays():
    html = f"""<html><body><article><p>{STORY} See the <span class="doc"><img src="pdf.png">
      <a href="/report.pdf">report</a></span> for details.</p></article></body></html>"""
    assert "See the report for details." in page_text(html)


def test_a_field_whose_label_is_hidden_is_not_hidden_text():
    # Drupal marks every body field "field--label-hidden": the field's label is hidden, its text is shown.
    html = f"""<html><body><article><div class="field field--name-body field--label-hidden"><p>{STORY}</p></div>
      <div class="field field--label-hidden field__item"><p>The concept paper is available here.</p></div>
      </article></body></html>"""
    assert "The concept paper is available here." in page_text(html)


def test_a_small_visually_hidden_block_is_still_removed():
    html = f"""<html><body><article><p>{STORY}</p><span class="visually-hidden">Skip to comments</span>
      </article></body></html>"""
    assert "Skip to comments" not in page_text(html)
