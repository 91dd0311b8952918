"""A generated Newsweek Japan-like site for the crawl benchmark: ~100 KB article pages and their indexes."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone

JST = timezone(timedelta(hours=9))
WORDS = (
    "政府",
    "首相",
    "会談",
    "条約",
    "経済",
    "市場",
    "円相場",
    "株価",
    "日銀",
    "金利",
    "大統領",
    "選挙",
    "外交",
    "防衛",
    "協力",
    "合意",
    "発表",
    "専門家",
    "調査",
    "企業",
    "輸出",
    "関税",
    "エネルギー",
    "気候",
    "技術",
    "半導体",
    "人工知能",
    "中国",
    "米国",
    "ロシア",
    "欧州",
    "中東",
    "インド",
    "東京",
    "ワシントン",
    "北京",
)
PARTICLES = ("は", "が", "を", "に", "と", "で", "の", "も")
ENDINGS = ("と述べた。", "を明らかにした。", "とみられる。", "が焦点となる。", "を決めた。", "と発表した。")
SECTIONS = ("world", "business")
WEEKDAYS = "月火水木金土日"


def article_path(i: int) -> str:
    month = i % 12 + 1
    return f"/headlines/{SECTIONS[i % 2]}/2025/{month:02d}/{100000 + i}.php"


# Body prose draws on a vocabulary of a few thousand two- and three-kanji words, so that two unrelated
# generated articles share about as little text as two unrelated real ones (character-trigram Jaccard
# ~0.01 between the Japanese pages of ../shared/eval). With only the few dozen WORDS every article would
# look like a near copy of every other, which no real site does, and near-duplicate detection would
# compare each article with most of the archive.
_KANJI = [chr(c) for c in random.Random(1).sample(range(0x4E00, 0x9FA0), 1500)]
_VOCABULARY = ["".join(random.Random(n).choices(_KANJI, k=2 + n % 2)) for n in range(4000)] + list(WORDS)


def _sentence(rng: random.Random) -> str:
    parts = [rng.choice(_VOCABULARY) + rng.choice(PARTICLES) for _ in range(rng.randint(4, 9))]
    return "".join(parts) + rng.choice(_VOCABULARY) + rng.choice(ENDINGS)


def _headline(i: int) -> str:
    rng = random.Random(i * 7919)
    subject, particle, place, topic, deal = (
        rng.choice(WORDS),
        rng.choice(PARTICLES),
        rng.choice(WORDS),
        rng.choice(WORDS),
        rng.choice(WORDS),
    )
    return f"{subject}{particle}{place}、{topic}で{deal}合意 第{i}報"


def _published(i: int) -> datetime:
    return datetime(2025, i % 12 + 1, i % 28 + 1, i % 24, i % 60, tzinfo=JST)


def _script(rng: random.Random, kilobytes: int) -> str:
    # Minified-looking analytics and ad code: real pages carry tens of KB of it.
    chunks, size = [], 0
    while size < kilobytes * 1024:
        name = "".join(rng.choice("abcdefghijklmnop") for _ in range(8))
        chunk = (
            f"function {name}(t,e){{var n=document.createElement('script');n.async=!0;"
            f"n.src='//ads.example.jp/{name}.js?r='+Math.random();"
            f"t.push({{id:'{name}',v:{rng.randint(0, 10**6)}}});"
            f"if(e&&e.length>{rng.randint(1, 99)}){{return e.slice(0,{rng.randint(1, 50)})}}return null}}\n"
        )
        chunks.append(chunk)
        size += len(chunk)
    return "".join(chunks)


def _style(kilobytes: int) -> str:
    rules, size, i = [], 0, 0
    while size < kilobytes * 1024:
        rule = (
            f".block-{i} .item-{i % 17} > a{{color:#{i % 4096:03x};margin:{i % 9}px {i % 7}px;line-height:1.{i % 9}}}\n"
        )
        rules.append(rule)
        size += len(rule)
        i += 1
    return "".join(rules)


def _links(ids: list[int], n_total: int) -> str:
    return "".join(f'<li><a href="{article_path(j % n_total)}">{_headline(j % n_total)}</a></li>' for j in ids)


def article_page(i: int, n_total: int, base_url: str) -> bytes:
    """Article i of n_total: structured data in the head, menus, sidebars, 10-20 paragraphs, 10 related links."""
    rng = random.Random(i)
    url = base_url + article_path(i)
    headline = _headline(i)
    published = _published(i)
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(3, 6))) for _ in range(rng.randint(10, 20))]
    body = []
    for n, text in enumerate(paragraphs):
        body.append(f"<p>{text}</p>")
        if n == 3:
            body.append('<div class="ad-teads-nw-box"><div id="div-gpt-ad-1">広告</div></div>')
        if n == 7:
            body.append(f"<h4>{rng.choice(WORDS)}の{rng.choice(WORDS)}</h4>")
    related = [rng.randrange(n_total) for _ in range(10)]
    ranking = [rng.randrange(n_total) for _ in range(20)]
    latest = [(i + k) % n_total for k in range(1, 21)]
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "datePublished": published.isoformat(),
        "dateModified": (published + timedelta(hours=1)).isoformat(),
        "author": [{"@type": "Person", "name": "山田 太郎"}],
        "image": f"{base_url}/images/{i}.jpg",
        "publisher": {"@type": "Organization", "name": "ニューズウィーク日本版"},
        "mainEntityOfPage": url,
    }
    nav = "".join(f'<li><a href="/headlines/{s}/">{s}</a></li>' for s in SECTIONS * 10)
    date = f"{published:%Y年%m月%d日}({WEEKDAYS[published.weekday()]}){published:%H時%M分}"
    html = f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8">
<title>{headline} | ニュース速報 | ニューズウィーク日本版 オフィシャルサイト</title>
<meta name="description" content="{paragraphs[0][:100]}">
<meta property="og:title" content="{headline}"><meta property="og:type" content="article">
<meta property="og:url" content="{url}"><meta property="og:image" content="{base_url}/images/{i}.jpg">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<style>{_style(14)}</style><script>{_script(rng, 40)}</script></head>
<body><div id="header"><ul class="globalNavi">{nav}</ul></div>
<ol id="breadCrumbs"><li><a href="/">HOME</a></li><li><a href="/headlines/">ニュース速報</a></li>
<li><a href="/headlines/{SECTIONS[i % 2]}/">{SECTIONS[i % 2]}</a></li></ol>
<div id="contents"><div class="entryDetailHeadline"><h1>{headline}</h1></div>
<div class="entryDetailData"><div class="date">{date}</div></div>
<div class="entryImage"><img src="/images/{i}.jpg" alt=""><p class="cap">写真は資料(ロイター)</p></div>
<div class="entryAuthor"><span class="author">山田 太郎</span></div>
<div class="entryDetailBodyCopy">{"".join(body)}</div>
<div class="related"><p>あわせて読みたい</p><ul>{_links(related, n_total)}</ul></div>
<div id="related-words"><ul>{"".join(f'<li><a href="/tagsearch/{w}">{w}</a></li>' for w in WORDS[:8])}</ul></div></div>
<div id="sideBar"><div class="ranking"><p>人気ランキング</p><ol>{_links(ranking, n_total)}</ol></div>
<div id="latestheadlineslist"><p>ニュース速報</p><ul>{_links(latest, n_total)}</ul></div>
<div class="magazine">特集:世界の{rng.choice(WORDS)} 2025年11月25日号(11/18発売)</div></div>
<div id="footer"><ul>{nav}{nav}</ul><p>Copyright ニューズウィーク日本版</p></div>
<script>{_script(rng, 25)}</script></body></html>"""
    return html.encode("utf-8")


def site(n_total: int, base_url: str) -> dict[str, tuple[str, bytes]]:
    """Every path of the site: n_total articles, a sitemap listing them all, a feed, section listings."""
    html = "text/html; charset=utf-8"
    pages = {article_path(i): (html, article_page(i, n_total, base_url)) for i in range(n_total)}
    urls = "".join(f"<url><loc>{base_url}{article_path(i)}</loc></url>" for i in range(n_total))
    pages["/sitemap.xml"] = (
        "application/xml",
        (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>"
        ).encode(),
    )
    items = "".join(f"<item><link>{article_path(i)}</link></item>" for i in range(min(n_total, 20)))
    pages["/headlines.rss"] = ("application/rss+xml", f'<rss version="2.0"><channel>{items}</channel></rss>'.encode())
    listing = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>一覧</title></head><body><ul>'
        f"{_links(list(range(min(n_total, 50))), n_total)}</ul></body></html>"
    ).encode()
    for path in ("/headlines/", "/headlines/world/", "/headlines/business/", "/stories/", "/column/"):
        pages[path] = (html, listing)
    return pages
