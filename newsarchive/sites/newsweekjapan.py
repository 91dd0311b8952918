"""Newsweek Japan (www.newsweekjapan.jp): where its articles live and how its pages are laid out."""

from __future__ import annotations

from newsarchive.extract.rules import Rules
from newsarchive.sites.base import Site

# A Movable Type slug: letters, digits and hyphens. The underscore is left out on purpose: `<slug>_2.php`
# is page 2 of a multi-page article, which extraction joins into page 1 by following its next link, and
# the site's pager also prints a broken `<slug>_$i.php` link that must never be fetched.
_SLUG = r"[A-Za-z0-9][A-Za-z0-9-]*"
_MONTH = r"\d{4}/\d{2}"
_SECTION = r"[a-z][a-z0-9_]*"
# A listing's own pagination: `index_2.php` or `?page=2`, or nothing.
_PAGED = r"(?:index(?:_\d+)?\.php)?(?:\?page=\d+)?"

RULES = Rules(
    timezone="Asia/Tokyo",
    language="ja",
    headline="div.entryDetailHeadline > h1",
    published="div.entryDetailData > div.date",
    # Wire stories print one span per reporter; a feature's author block is a bare <p>. A column's author
    # block also prints the blog's name in a span inside that <p>, so the column's name is taken from its
    # author profile panel instead (selectors here match elements, not text nodes).
    authors="div.entryAuthor span.author, div.entryAuthor > p:not(:has(*)), div#authorProfile h3",
    section="ol#breadCrumbs > li",
    # The article's own tags ("関連ワード"), not the site-wide keyword bar (dl#keyWord).
    tags="div#related-words li a",
    body="div.entryDetailBodyCopy",
    body_remove=(
        "div.ad-teads-nw-box",
        "ins.adsbygoogle",
        "div[id^='div-gpt-ad']",
        "div.entryPagenate",
        "ul.indexNavi",
        "div.nextPageTitle",  # the in-body pager
        "div.related-link-elm",
        "div.related",  # related reading, read separately
        "div#shareTool",
        "div.tackBlock",
        "div.bookmark",  # share tools
        "div.entryImage",
        "p.cap",  # photos and their captions
        "div.entryAuthor",
        "p.byline",
        "script",
        "style",
        "noscript",
        "iframe",
    ),
    # 【関連記事】 inside a column's body, and the 「あわせて読みたい」 block under a wire story. The site's
    # own analytics script counts views of `.related`, which is what the latter is called.
    related="div.related-link-elm, div.related",
    next_page="ul.indexNavi li.next a",
    image="div.entryImage img",
    drop_lines=(
        # The wire credit, alone on its line at the end of a Reuters/AFP/Bloomberg story.
        r"^\s*(?:ロイター|REUTERS|Reuters|AFP(?:=時事)?|ブルームバーグ|Bloomberg)\s*$",
        # "Copyright (C) 2025 トムソンロイター・ジャパン(株) 記事の無断転用を禁じます。" and its kin.
        r"^\s*(?:Copyright|\(C\)|©).{0,120}(?:無断(?:転用|転載|複製)を禁じます|All [Rr]ights [Rr]eserved)\.?。?\s*$",
    ),
)

SITE = Site(
    name="newsweekjapan",
    title="Newsweek Japan",
    base_url="https://www.newsweekjapan.jp",
    feeds=("/headlines.rss",),
    # Not confirmed to exist on the live site; the spiders treat a missing sitemap as an empty one.
    sitemaps=("/sitemap.xml",),
    listings=("/headlines/", "/headlines/world/", "/headlines/business/", "/stories/", "/column/"),
    article_patterns=(
        rf"^/headlines/{_SECTION}/{_MONTH}/\d+\.php$",  # wire stories: numeric ids
        rf"^/stories/{_SECTION}/{_MONTH}/{_SLUG}\.php$",  # features
        rf"^/worldvoice/{_SECTION}/{_MONTH}/{_SLUG}\.php$",  # contributors' blogs
        rf"^/(?!headlines/|stories/|worldvoice/){_SECTION}/{_MONTH}/{_SLUG}\.php$",  # columns
    ),
    listing_patterns=(
        rf"^/(?:headlines|stories)/(?:{_SECTION}/)?{_PAGED}$",  # news and feature sections
        rf"^/{_SECTION}/{_PAGED}$",  # /column/ and each column's index
    ),
    ignore_patterns=(
        r"^/(?:search|tagsearch|keyword)/",  # site search and tag pages
        r"^/(?:magazine|mailmagazine|subscription|nwbooks|mook)/",  # promotions of the print edition
        r"^/(?:ranking|info)/",  # rankings; company pages
        r"^/(?:login|logout|mypage|member|register|paywall)\b",
        r"^/(?:mt|cgi-bin)/",  # the CMS's scripts
        r"^/(?:css|js|images|img|oo)/",  # page assets
        r"\.(?:jpe?g|png|gif|webp|svg|css|js|pdf|zip)$",
        r"[?&](?:q|fulltext)=",  # search queries on any path
    ),
    rules=RULES,
)
