from newsarchive.extract.body.container import extract_body
from newsarchive.extract.document.tree import parse

P1 = "The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers."
P2 = "Repairs will take at least two years, and traffic will be diverted through the northern district."
P3 = "Residents said they were worried about longer commutes, while shop owners feared fewer customers."
P4 = "The bridge opened in 1923 and carries about twelve thousand cars a day across the river."
JA1 = "ロシアのプーチン大統領とイランのペゼシュキアン大統領は17日、モスクワで会談を行い、条約に署名した。"
JA2 = "合意に基づき、ロシアとイランは治安部隊や軍事演習、軍艦の寄港など、多くの分野で協力を強化する。"
JA3 = "ただ、相互防衛条項は含まれていなかった。武器移転についても具体的な言及はなかった。"


def body_of(html: str, **kwargs) -> list[str]:
    return extract_body(parse(html), **kwargs)[0]


def test_paragraphs_and_subheads_in_reading_order_without_furniture():
    html = f"""<html><body>
      <header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
      <div class="layout has-sidebar">
        <article>
          <h1>Bridge closes</h1>
          <div class="share-bar"><a href="#">Share on X</a> Share this story with your friends please</div>
          <p>{P1}</p>
          <div class="ad-slot">Advertisement: buy the best insurance today at low prices</div>
          <h2>Two years of work</h2>
          <p>{P2}</p>
          <figure><img src="a.jpg">
            <figcaption>The bridge in 1990, photographed from the river bank.</figcaption></figure>
          <ul><li>Detour via Ring Road</li><li>Buses every 10 minutes</li></ul>
          <p>{P3}</p>
          <div class="newsletter-box"><p>Sign up for our newsletter to get the morning briefing every day.</p></div>
        </article>
        <aside><p>Most read: a completely different story about football and other things.</p></aside>
      </div>
      <footer><p>Copyright 2025 The Paper. All rights reserved, no reproduction without permission.</p></footer>
    </body></html>"""
    assert body_of(html) == [P1, "Two years of work", P2, "Detour via Ring Road", "Buses every 10 minutes", P3]


def test_japanese_body_is_found_and_ranking_is_excluded():
    html = f"""<html><body>
      <div id="main"><div class="entryBody"><p>{JA1}</p><p>{JA2}</p><h4>条約の中身</h4><p>{JA3}</p></div></div>
      <div class="rankingList"><ol><li><a href="/1">東京がニューヨークを上回り「世界最大の経済都市」に</a></li>
        <li><a href="/2">悪化する日中関係 悪いのは高市首相か、それとも中国か</a></li></ol></div>
    </body></html>"""
    assert body_of(html) == [JA1, JA2, "条約の中身", JA3]


def test_br_separated_text_in_a_div_becomes_lines():
    html = f"<html><body><div class='text'>{JA1}<br><br>{JA2}<br>{JA3}</div><div>短い</div></body></html>"
    assert body_of(html) == [JA1, JA2, JA3]


def test_split_body_containers_of_the_same_kind_are_joined():
    html = f"""<html><body><div class="story">
      <div class="story-text"><p>{P1}</p><p>{P2}</p></div>
      <div class="ad"><p>Advertisement text that should not be part of the story at all.</p></div>
      <div class="story-text"><p>{P3}</p><p>{P4}</p></div>
    </div></body></html>"""
    assert body_of(html) == [P1, P2, P3, P4]


def test_link_lists_lose_to_real_paragraphs():
    links = "".join(
        f"<li><a href='/s/{i}'>Another headline about a different topic number {i}</a></li>" for i in range(30)
    )
    html = f"<html><body><ul class='list'>{links}</ul><div><p>{P1}</p><p>{P2}</p></div></body></html>"
    assert body_of(html) == [P1, P2]


def test_selector_reads_that_container_and_removes_what_rules_say():
    html = f"""<html><body>
      <div class="entryDetailBodyCopy"><p>{JA1}</p><div class="ad-teads-nw-box"><div>広告</div></div>
        <p>{JA2}</p><p class="credit">ロイター</p>
        <div class="related-link-elm"><p>【関連記事】<br><a href="/x.php">別の記事</a></p></div></div>
      <div class="other"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>
    </body></html>"""
    lines, source = extract_body(parse(html), selector="div.entryDetailBodyCopy", remove=("p.credit",))
    assert source == "site"
    assert lines == [JA1, JA2]


def test_selector_matching_nothing_falls_back_to_scoring():
    html = f"<html><body><article><p>{P1}</p><p>{P2}</p></article></body></html>"
    lines, source = extract_body(parse(html), selector="div.missing")
    assert source == "heuristic"
    assert lines == [P1, P2]


def test_class_word_on_the_article_container_does_not_remove_the_article():
    html = f"<html><body><main class='content sidebar-layout'><p>{P1}</p><p>{P2}</p><p>{P3}</p></main></body></html>"
    assert body_of(html) == [P1, P2, P3]


def test_headline_inside_the_container_is_not_body():
    html = f"<html><body><article><h1>Bridge closes</h1><p>{P1}</p><p>{P2}</p></article></body></html>"
    assert body_of(html) == [P1, P2]


def test_the_headline_as_shown_with_its_kicker_is_not_body():
    html = f"""<html><body><nav><ol><li><h1>Old town: Bridge closes</h1></li></ol></nav>
      <article><h2><span>Old town</span> <span>Bridge closes</span></h2><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
      </body></html>"""
    assert body_of(html, headline="Old town: Bridge closes") == [P1, P2, P3]


def test_empty_page_gives_no_lines():
    assert body_of("<html><body></body></html>") == []


def test_layout_word_beside_a_content_word_keeps_the_block():
    html = f"""<html><body><div class="sidebar-grid"><div class="sidebar-grid__container">
      <div class="sidebar-grid__content article__content"><p>{P1}</p></div></div>
      <div class="sidebar-grid__container"><div class="sidebar-grid__content article__content"><p>{P2}</p></div></div>
      </div>
      <div class="sidebar"><p>Weather: sunny with a few clouds later in the afternoon today.</p></div></body></html>"""
    assert body_of(html) == [P1, P2]


def test_article_wrapped_in_an_aside_is_still_found():
    html = (
        f"<html><body><aside id='secondary'><section><p>{P1}</p><p>{P2}</p><p>{P3}</p></section></aside></body></html>"
    )
    assert body_of(html) == [P1, P2, P3]


def test_wordpress_content_labels_do_not_mark_the_article_as_furniture():
    html = (
        "<html><body><article class='post tag-social-media category-ads'>"
        f"<p>{P1}</p><p>{P2}</p></article></body></html>"
    )
    assert body_of(html) == [P1, P2]


def test_next_story_below_the_article_is_not_taken_even_when_longer():
    more = "".join(f"<p>{P3} Paragraph {i} of the next story goes on, and on.</p>" for i in range(8))
    html = f"""<html><body><article><h1>Bridge closes</h1><div class="text"><p>{P1}</p><p>{P2}</p></div></article>
      <article><h1>Other story</h1><div class="text">{more}</div></article></body></html>"""
    assert extract_body(parse(html), headline="Bridge closes")[0] == [P1, P2]


def test_related_reading_inside_the_article_container_is_not_body():
    from newsarchive.extract import extract_article

    html = f"""<html><body><article><h1>見出し</h1><div class="text"><p>{JA1}</p><p>{JA2}</p>
      <h3>あわせて読みたい</h3><ul><li><a href="/news/1.php">別の記事の見出しがここに入ります</a></li>
      <li><a href="/news/2.php">もう一つの別の記事の見出しです</a></li></ul>
      <p>{JA3}</p></div></article></body></html>"""
    article = extract_article("https://example.jp/news/0.php", html)
    assert article.body.splitlines() == [JA1, JA2, JA3]
    assert [link["url"] for link in article.related_links] == [
        "https://example.jp/news/1.php",
        "https://example.jp/news/2.php",
    ]


def test_a_linked_word_inside_a_sentence_stays_even_with_a_furniture_class():
    html = f"""<html><body><article><p>Hlavní obviněný velké <a class="atm-tag-link" href="/tag/x">kauzy Dozimetr</a>,
      v níž vyšetřovatelé prověřují rozsáhlou korupci, před soudem řekl, že se dostal do komplikací.</p>
      <p>{P1}</p></article></body></html>"""
    assert body_of(html)[0].startswith("Hlavní obviněný velké kauzy Dozimetr, v níž")


def test_lead_outside_the_body_container_comes_first():
    lead = "The city's oldest bridge will close for two years from March, the council decided on Tuesday."
    html = f"""<html><body><article><header><h1>Bridge closes</h1><p class="standfirst">{lead}</p></header>
      <div class="story-body"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></article></body></html>"""
    assert extract_body(parse(html), headline="Bridge closes")[0] == [lead, P1, P2, P3]


def test_the_lead_is_found_after_a_heading_showing_another_declared_title():
    lead = "The city's oldest bridge will close for two years from March, the council decided on Tuesday."
    links = "".join(f"<li><a href='/n{i}'>Other story number {i} about the town</a></li>" for i in range(12))
    html = f"""<html><body><div class="top"><h1>Bridge closes</h1><div class="summary">{lead}</div></div>
      <div class="page"><ul class="list">{links}</ul><div class="story-body"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>
      </div></body></html>"""
    seo_title = "Council closes the old town bridge for repairs"
    assert extract_body(parse(html), headline=seo_title)[0] == [P1, P2, P3]
    assert extract_body(parse(html), headline=seo_title, titles=["Bridge closes"])[0] == [lead, P1, P2, P3]


def test_unnamed_text_blocks_are_joined_through_their_named_wrappers():
    block = "<div class='c-text-width'><div class='c-text-container'><div>{}</div></div></div>"
    html = (
        "<html><body><article><h1>H</h1>"
        + block.format(f"<p>{P1}</p>")
        + "<div class='c-text-width'><figure><figcaption>A photo</figcaption></figure></div>"
        + block.format(f"<p>{P2}</p><p>{P3}</p><p>{P4}</p>")
        + "</article></body></html>"
    )
    assert body_of(html) == [P1, P2, P3, P4]


def _story(n: int = 3) -> str:
    return "".join(
        f"<p>Paragraph {i} of the story: the council voted to close the old bridge, citing safety concerns.</p>"
        for i in range(n)
    )


def test_a_table_row_is_one_line_with_its_cells_in_order():
    table = """<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>
      <tr><td>1</td><td><a href="/kyle">Kyle Busch</a></td><td>5040</td></tr>
      <tr><td>2</td><td><a href="/martin">Martin Truex Jr.</a></td><td>5035</td></tr></table>"""
    body = body_of(f"<html><body><article>{_story()}{table}</article></body></html>")
    assert body[-3:] == ["Pos. Driver Points", "1 Kyle Busch 5040", "2 Martin Truex Jr. 5035"]


def test_short_lines_the_author_set_in_a_table_or_broken_paragraph_close_the_body():
    # Without a sentence end, short closing lines look like credits; in a table or a <br> paragraph they are text.
    specs = "<p><strong>Colour:</strong> green<br><strong>Thickener:</strong> lithium soap<br>Range: -40 to 120</p>"
    table = "<table><tr><th>Minimum ageing</th><td>24 months</td><td>36 months</td></tr></table>"
    body = body_of(f"<html><body><article>{_story()}{specs}{table}</article></body></html>")
    assert body[-4:] == [
        "Colour: green",
        "Thickener: lithium soap",
        "Range: -40 to 120",
        "Minimum ageing 24 months 36 months",
    ]


def test_short_closing_lines_of_their_own_are_still_dropped():
    body = body_of(
        f"<html><body><article>{_story()}<p>Photo: Jane Doe</p><p>Source: agencies</p></article></body></html>"
    )
    assert not any(line.startswith(("Photo", "Source")) for line in body)


def test_a_declared_body_split_into_sections_is_read_whole_but_not_a_cards_excerpt():
    html = f"""<html><body><article itemscope itemtype="https://schema.org/NewsArticle">
      <div class="wrap"><section itemprop="articleBody"><p>{P1}</p><p>{P2}</p></section></div>
      <aside class="rail">Advertisement</aside>
      <div class="wrap"><section itemprop="articleBody"><p>{P3}</p></section></div>
      <div itemscope itemtype="https://schema.org/Article"><section itemprop="articleBody">
        <p>{P4}</p></section></div></article></body></html>"""
    root = parse(html)
    keep = root.find(".//section")
    lines, source = extract_body(root, keep=keep)
    assert source == "microdata"
    assert lines == [P1, P2, P3]


def test_the_article_around_the_headline_stays_whatever_its_class_says():
    # WordPress marks a gallery post "post_format-post-format-gallery"; the sidebar outweighs the short post.
    sidebar = "".join(
        f"<p>Sidebar note {i}: the club meets every Thursday evening at the old school.</p>" for i in range(6)
    )
    html = f"""<html><body><article class="post post_format-post-format-gallery"><header><h1>Bridge closes</h1></header>
      <div class="entry-content"><p>{P1}</p><p>{P2}</p></div></article>
      <div class="notes">{sidebar}</div></body></html>"""
    body = body_of(html, headline="Bridge closes")
    assert body[:2] == [P1, P2]


def test_a_dialog_is_never_the_body():
    # A consent or policy dialog of many short, punctuated clauses can outscore a story of few long paragraphs.
    policy = "".join(
        f"<p>Clause {i}: we collect, store, use, and share data, as needed, for ads.</p>" for i in range(6)
    )
    long = " ".join([P1, P2, P3, P4])
    html = f"""<html><body><div class="dialog"><div class="dialog__scroll">{policy}</div></div>
      <div class="the-content"><p>{long}</p><p>{long}</p></div></body></html>"""
    body = body_of(html)
    assert long in body
    assert not any("Clause" in line for line in body)
