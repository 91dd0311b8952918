from newsarchive.extract.links import find_related
from newsarchive.extract.tree import parse

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
        "https://www.example.jp/a.html", "https://www.example.jp/b.html", "https://www.example.jp/c.html"]


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
    links, source = related("""<div class="rel"><a href="/x.php">X</a><a href="javascript:void(0)">JS</a></div>
      <div class="related"><a href="/y.php">Y</a></div>""", selector="div.rel")
    assert source == "site"
    assert links == [{"url": "https://www.example.jp/x.php", "title": "X"}]
