"""The bundled demo site (newsarchive/demo_site/): a small mirror whose crawl outcome is known in advance.

These tests read the files directly and follow links the way the spider is specified to (start URLs; on listings
every article or listing link; on articles the related block and the next page), so a broken demo shows up here
and not as a puzzling crawl result.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib import robotparser
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html

import newsarchive
from newsarchive.sites.newsweekjapan import SITE

DEMO = Path(newsarchive.__file__).resolve().parent / "demo_site"
BASE = "http://127.0.0.1:8765"  # any host and port: the mirror's links are root-relative

ORIGINAL, DUPLICATE = "/headlines/world/2025/01/548000.php", "/headlines/world/2025/01/548099.php"
BROKEN = "/headlines/business/2025/01/548050.php"
MISSING = "/headlines/world/2025/01/548777.php"
COLUMN, COLUMN_PAGE_2 = "/hayashi/2025/01/post-12.php", "/hayashi/2025/01/post-12_2.php"
GOOD_ARTICLES = {
    ORIGINAL,
    "/headlines/business/2025/01/547990.php",
    "/headlines/world/2025/01/548010.php",
    "/headlines/world/2025/01/548120.php",
    "/headlines/business/2025/01/548230.php",
    "/headlines/world/2025/02/548600.php",
    "/stories/world/2025/01/post-107050.php",
    "/stories/business/2025/01/post-107120.php",
    "/stories/technology/2025/02/post-107300.php",
    COLUMN,
}
RSS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _file(path: str) -> Path | None:
    """The file the static server answers `path` with, or None for a 404."""
    path = unquote(urlsplit(path).path)
    target = DEMO / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def _path(url: str) -> str:
    return urlsplit(url).path


def _page(path: str):
    return lxml_html.fromstring(_file(path).read_bytes())


def _hrefs(root, page_url: str, selector: str = "a") -> list[str]:
    out = []
    for a in root.cssselect(selector):
        href = (a.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:")):
            out.append(urljoin(page_url, href).split("#")[0])
    return out


def _same_host(url: str) -> bool:
    return urlsplit(url).netloc == urlsplit(BASE).netloc


def _discovered_links(url: str, path: str) -> list[str]:
    """The absolute links of the feed, sitemap or listing page at `url` (the demo file at `path`)."""
    data = _file(path).read_bytes()
    if path.endswith((".rss", ".xml")):
        tree = etree.fromstring(data)
        locs = [el.text for el in tree.iter("link", f"{RSS}loc") if el.getparent().tag in ("item", f"{RSS}url")]
        return [urljoin(url, loc.strip()) for loc in locs]
    return _hrefs(lxml_html.fromstring(data), url)


def _discover() -> tuple[set[str], set[str]]:
    """(article paths, listing/discovery paths) the start URLs lead to, following listings two levels deep."""
    articles, listings = set(), set()
    queue = [(u, 0) for u in SITE.start_urls(BASE)]
    while queue:
        url, depth = queue.pop()
        path = _path(url)
        if path in listings:
            continue
        listings.add(path)
        for link in filter(_same_host, _discovered_links(url, path)):
            if SITE.is_article(link):
                articles.add(_path(link))
            elif depth < 2 and SITE.is_listing(link):
                queue.append((link, depth + 1))
    return articles, listings


def _later_pages(path: str) -> set[str]:
    """The paths the article at `path` continues on, next-page link after next-page link while the page exists."""
    pages = set()
    current = path
    while _file(current) is not None:
        nxt = _hrefs(_page(current), BASE + current, SITE.rules.next_page)
        if not nxt:
            break
        current = _path(nxt[0])
        pages.add(current)
    return pages


def _crawl() -> tuple[set[str], set[str], set[str]]:
    """(article paths requested, listing/discovery paths requested, next-page paths requested) from the start URLs."""
    articles, listings = _discover()
    next_pages = set()
    # Articles: one hop along related links (from the discovered ones only), and every next page.
    for path in list(articles):
        if _file(path) is None:
            continue
        for link in _hrefs(_page(path), BASE + path, f"{SITE.rules.related} a"):
            if _same_host(link) and SITE.is_article(link):
                articles.add(_path(link))
        next_pages |= _later_pages(path)
    return articles, listings, next_pages


def test_the_demo_site_is_small():
    total = sum(f.stat().st_size for f in DEMO.rglob("*") if f.is_file())
    assert total < 300_000, f"demo site is {total} bytes"


def test_every_start_url_exists():
    for url in SITE.start_urls(BASE):
        assert _file(_path(url)) is not None, url


def test_a_crawl_requests_the_ten_articles_the_duplicate_the_broken_page_and_the_missing_one():
    articles, _, _ = _crawl()
    assert articles == GOOD_ARTICLES | {DUPLICATE, BROKEN, MISSING}


def test_the_only_url_a_crawl_requests_in_vain_is_the_missing_article():
    articles, listings, next_pages = _crawl()
    missing = {p for p in articles | listings | next_pages if _file(p) is None}
    assert missing == {MISSING}


def test_the_column_is_reached_through_its_next_page_only():
    articles, _, next_pages = _crawl()
    assert next_pages == {COLUMN_PAGE_2}
    assert COLUMN_PAGE_2 not in articles
    assert not SITE.is_article(BASE + COLUMN_PAGE_2)


def test_no_link_points_at_the_live_site():
    live = re.compile(rb"""(?:href|src)=["']https?://www\.newsweekjapan\.jp""", re.I)
    for f in DEMO.rglob("*"):
        if f.is_file():
            assert not live.search(f.read_bytes()), f"{f.relative_to(DEMO)} links to the live site"


def test_feed_and_sitemap_entries_are_paths_of_existing_articles():
    feed = etree.fromstring((DEMO / "headlines.rss").read_bytes())
    assert feed.tag == "rss" and feed.get("version") == "2.0"
    links = [item.findtext("link") for item in feed.iter("item")]
    sitemap = etree.fromstring((DEMO / "sitemap.xml").read_bytes())
    assert sitemap.tag == f"{RSS}urlset"
    locs = [el.text for el in sitemap.iter(f"{RSS}loc")]
    assert links and locs
    for path in links + locs:
        assert path.startswith("/"), path
        assert SITE.is_article(BASE + path) and _file(path) is not None, path
    assert MISSING not in links + locs


def test_robots_txt_allows_every_article():
    parser = robotparser.RobotFileParser()
    parser.parse((DEMO / "robots.txt").read_text(encoding="utf-8").splitlines())
    for path in GOOD_ARTICLES | {DUPLICATE, BROKEN}:
        assert parser.can_fetch("newsarchive", BASE + path), path


def test_the_duplicate_is_the_same_page_under_another_url():
    assert _file(DUPLICATE).read_bytes() == _file(ORIGINAL).read_bytes()


def test_the_broken_page_names_no_headline_anywhere():
    text = _file(BROKEN).read_text(encoding="utf-8")
    assert "<title" not in text and "og:title" not in text and "<h1" not in text and "ld+json" not in text
    assert not text.rstrip().endswith("</html>")


@pytest.mark.parametrize("path", sorted(GOOD_ARTICLES))
def test_each_article_page_has_the_sites_headline_date_and_body_markup(path):
    root = _page(path)
    assert root.cssselect(SITE.rules.headline)[0].text_content().strip()
    date = root.cssselect(SITE.rules.published)[0].text_content().strip()
    assert re.fullmatch(r"\d{4}年\d{2}月\d{2}日[(（][月火水木金土日][)）]\d{2}時\d{2}分", date), date
    assert len(root.cssselect(f"{SITE.rules.body} p")) >= 3


@pytest.mark.parametrize("path", sorted(GOOD_ARTICLES))
def test_each_demo_article_extracts_with_headline_japan_time_and_body(path):
    from newsarchive.extract import extract_article

    article = extract_article(
        BASE + path, _file(path).read_bytes(), content_type="text/html", rules=SITE.rules, site=SITE.name
    )
    assert article.headline == _page(path).cssselect(SITE.rules.headline)[0].text_content().strip()
    assert article.published is not None and article.published.utcoffset().total_seconds() == 9 * 3600
    assert len(article.body.split("\n")) >= 3


def test_the_broken_page_extracts_without_a_headline():
    from newsarchive.extract import extract_article

    article = extract_article(
        BASE + BROKEN, _file(BROKEN).read_bytes(), content_type="text/html", rules=SITE.rules, site=SITE.name
    )
    assert article.headline == ""
