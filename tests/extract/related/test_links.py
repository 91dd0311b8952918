from newsarchive.extract.document.tree import parse
from newsarchive.extract.related.links import find_related

URL = "https://www.example.jp/news/2025/01/100.php"


def related(body: str, **kwargs):
    return find_related(parse(f"<html><body>{body}</body></html>"), URL, **kwargs)


def test_label_in_brackets_followed_by_links():
    links, source = related("""<article><p>本文。</p>
      <div class="box"><p>【関連記事】<br><a href="/news/2025/01/101.php">一つ目</a><br>
      <a href="https://www.example.jp/news/2025/01/102.php#top">二つ目</a></p></div></article>""")
    assert source == "heuristic"
    assert links == [
        {"url": "https://www.example.jp/news/2025/01/101.php", "title": "一つ目"},
        {"url": "https://www.example.jp/news/2025/01/102.php", "title": "二つ目"},
    ]


def test_heading_label_with_list():
    links, _ = related("""<section><h3>あわせて読みたい</h3><ul>
      <li><a href="/news/2025/01/103.php">三つ目</a></li><li><a href="/news/2025/01/103.php">三つ目(重複)</a></li>
      <li><a href="/news/2025/01/100.php">この記事自身</a></li></ul></section>""")
    assert links == [{"url": "https://www.example.jp/news/2025/01/103.php", "title": "三つ目"}]


def test_english_and_german_labels_and_class_word():
    links, _ = related("""<div><h2>More on this story</h2><a href="/a.html">A story</a></div>
      <div><h4>Mehr zum Thema</h4><a href="/b.html">B Geschichte</a></div>
      <ul class="relatedArticles"><li><a href="/c.html">C item</a></li></ul>""")
    assert [link["url"] for link in links] == [
        "https://www.example.jp/a.html",
        "https://www.example.jp/b.html",
        "https://www.example.jp/c.html",
    ]


def test_rankings_tags_navigation_ads_and_offsite_links_are_never_related():
    links, source = related("""
      <nav><h3>Related</h3><a href="/nav.html">Nav item</a></nav>
      <div class="ranking"><h3>関連記事ランキング</h3><a href="/rank.html">ランキング1位</a></div>
      <div><h3>人気ランキング</h3><a href="/popular.html">人気の記事</a></div>
      <div id="related-words"><i>関連ワード</i><a href="/tagsearch/英語" rel="tag">英語</a></div>
      <div class="related"><a href="https://ads.example.com/click">Sponsored</a><a href="/">Home</a></div>""")
    assert links == []
    assert source is None


def test_site_selector_reads_its_container():
    links, source = related(
        """<div class="rel"><a href="/x.php">X</a><a href="javascript:void(0)">JS</a></div>
      <div class="related"><a href="/y.php">Y</a></div>""",
        selector="div.rel",
    )
    assert source == "site"
    assert links == [{"url": "https://www.example.jp/x.php", "title": "X"}]


def test_read_more_button_is_a_control_not_a_label():
    links, source = related("""<div class="slide"><p>Caption of a photo.</p>
      <button><span>Read More</span></button><a href="/photo/2.php">Next photo</a></div>""")
    assert links == [] and source is None


def test_more_on_a_topic_heading_collects_its_stories_but_more_from_an_author_does_not():
    links, _ = related("""<section><h2>Mehr zu Iran</h2><a href="/iran/oelmarkt.html">Ölmarkt verunsichert</a></section>
      <section><h2>Mehr von Christin Jordan</h2><a href="/inland/klaeranlagen.html">Kläranlagen</a></section>""")
    assert links == [{"url": "https://www.example.jp/iran/oelmarkt.html", "title": "Ölmarkt verunsichert"}]


def test_a_latest_news_list_named_related_in_its_class_is_not_related_reading():
    links, _ = related("""<div class="latestlist related"><a href="/politics/">Politics Latest Articles</a>
      <a href="/politics/2025/01/7.php">Another story</a></div>""")
    assert links == []


def test_recommendation_widgets_are_never_related_even_under_a_read_also_label():
    links, _ = related("""<aside><h3>Leggi anche</h3><gdwc-recommendations>
      <a href="/cronaca/2025/01/04/news/other-1.html">Altra notizia</a></gdwc-recommendations></aside>
      <div><h3>Related</h3><ul class="recommendations-list"><li><a href="/news/x-2.php">X</a></li></ul></div>""")
    assert links == []


def test_section_pages_above_the_article_and_tag_pages_are_navigation():
    links, _ = related("""<div><p>Lesen Sie auch</p><a href="/news/">Ressort: News</a>
      <a href="/news/2025/">2025</a><a href="/emne/ol-2024">OL 2024</a>
      <a href="/sport/2025/01/99.php">Ein anderer Artikel</a></div>""")
    assert links == [{"url": "https://www.example.jp/sport/2025/01/99.php", "title": "Ein anderer Artikel"}]


def test_tracking_parameters_do_not_make_another_page():
    links, _ = related("""<div><h3>関連記事</h3>
      <a href="/news/2025/01/100.php?iref=rel_01">この記事自身</a>
      <a href="/news/2025/01/105.php?iref=rel_02">五つ目</a><a
        href="/news/2025/01/105.php?iref=top_07">五つ目(別の入口)</a>
      <a href="/list.php?id=5">一覧5</a><a href="/list.php?id=6">一覧6</a></div>""")
    assert [link["url"] for link in links] == [
        "https://www.example.jp/news/2025/01/105.php?iref=rel_02",
        "https://www.example.jp/list.php?id=5",
        "https://www.example.jp/list.php?id=6",
    ]


def test_amp_mobile_and_tracking_variants_of_the_page_are_the_page_itself():
    links, _ = related("""<div><h3>関連記事</h3>
      <a href="https://m.example.jp/news/2025/01/100.php">この記事(モバイル)</a>
      <a href="/amp/news/2025/01/100.php">この記事(AMP)</a>
      <a href="http://example.jp/news/2025/01/100.php?utm_source=rss#top">この記事(RSS)</a>
      <a href="/news/2025/01/106.php">六つ目</a></div>""")
    assert links == [{"url": "https://www.example.jp/news/2025/01/106.php", "title": "六つ目"}]


def test_links_on_another_owner_under_a_shared_suffix_are_off_site():
    links, _ = find_related(
        parse("""<html><body><div><h3>Related</h3>
      <a href="https://alice.github.io/posts/two.html">Alice's second post</a>
      <a href="https://bob.github.io/posts/one.html">Bob's post</a></div></body></html>"""),
        "https://alice.github.io/posts/one.html",
    )
    assert links == [{"url": "https://alice.github.io/posts/two.html", "title": "Alice's second post"}]


def test_a_label_inside_its_link_makes_that_link_the_reading_without_the_label_words():
    links, _ = related("""<article><h1>Tårene rant</h1><p>Tekst.</p>
      <a href="/ol/nordas-1.169"><h2><small>Les også</small> Nordås innrømmer megablemme</h2></a>
      <a href="/mer"><small>Les også</small></a></article>""")
    assert links == [{"url": "https://www.example.jp/ol/nordas-1.169", "title": "Nordås innrømmer megablemme"}]


def test_layout_words_on_the_page_wrappers_do_not_hide_a_related_block():
    page = parse("""<html><body><div class="l-wrapper gate-ad"><main class="main--with-contextual-nav">
      <h1>見出し</h1><p>本文。</p></main>
      <div class="box"><div>関連ニュース</div><ul><li><a href="/news/2025/01/110.php">地震の備え</a></li></ul></div>
      </div></body></html>""")
    links, _ = find_related(page, URL)
    assert links == [{"url": "https://www.example.jp/news/2025/01/110.php", "title": "地震の備え"}]


def test_an_articles_own_footer_counts_but_the_page_footer_does_not():
    links, _ = related("""<main><h1>Titel</h1><p>Text.</p><footer><h4>Auch interessant</h4>
      <a href="/politik/artikel-1.html">Eins</a></footer></main>
      <footer><h4>Mehr zum Thema</h4><a href="/impressum/seite-2.html">Impressum</a></footer>""")
    assert [link["title"] for link in links] == ["Eins"]


def test_a_block_of_mostly_topic_links_is_a_tag_list():
    links, _ = related("""<div class="article-topics"><div>Mehr zum Thema</div>
      <a href="/thema/Phishing">Phishing</a><a href="/thema/Cybercrime">Cybercrime</a>
      <a href="/news/story-9543592.html">Neu: ein Angebot</a></div>""")
    assert links == []


def test_calls_to_action_are_not_titles_of_reading():
    links, _ = related("""<div><h3>Related</h3><a href="/news/a-1.html">Real headline of a story</a>
      <a href="/news/b-2.html">Read more</a><a href="/news/c-3.html">Mehr erfahren.</a></div>""")
    assert [link["title"] for link in links] == ["Real headline of a story"]


def test_a_link_holding_a_section_label_and_a_title_gives_the_title_alone():
    links, _ = related("""<div class="related"><h3>あわせて読みたい</h3><ul>
      <li><a href="/news/2025/01/101.php"><span class="label">ビジネス</span>
        <span class="title">BofA、生産性や収益向上へAIに巨額投資計画</span></a></li>
      <li><a href="/news/2025/01/102.php"><span class="category">ワールド</span>欧州投資銀、豪政府と協力へ</a></li>
      </ul></div>""")
    assert [link["title"] for link in links] == [
        "BofA、生産性や収益向上へAIに巨額投資計画",
        "欧州投資銀、豪政府と協力へ",
    ]


def test_a_kicker_heading_a_date_or_the_blocks_own_label_inside_a_link_is_not_its_title():
    links, _ = related("""<div class="related"><h3>Related stories</h3>
      <a href="/a.html"><h4 class="catchline">Bayern</h4><h3 class="teaser-title">Drone crashes near Erding</h3></a>
      <a href="/b.html"><h2>The hard retreat from Russia <span class="date">26.04.2023</span></h2><p>Teaser.</p></a>
      <a href="/c.html"><div class="link-title">Read more</div><h2 class="link-headline">Heating with wood</h2></a>
      <a href="/d.html"><span class="pre-headline">After 15 years</span><span class="headline">Bayer must pay</span></a>
      </div>""")
    assert [link["title"] for link in links] == [
        "Drone crashes near Erding",
        "The hard retreat from Russia",
        "Heating with wood",
        "Bayer must pay",
    ]


def test_a_link_of_text_alone_keeps_its_whole_text():
    links, _ = related("""<div class="related"><h3>Related</h3><a href="/a.html">Plain <b>bold</b> title</a></div>""")
    assert [link["title"] for link in links] == ["Plain bold title"]
