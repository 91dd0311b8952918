"""Which link targets are related reading of a page: another page of the same site, not its home or sections."""

from __future__ import annotations

from urllib.parse import urlsplit

from newsarchive.text.urls import same_domain, site_host, url_key

# Related links kept per article; a block with more than twice as many is a link list, not related reading.
MAX_LINKS = 30


def _same_page(url: str, page_url: str) -> bool:
    # Tracking parameters ("?iref=...", "#ref=rss") do not make another page of a page that has no query.
    link, page = urlsplit(url), urlsplit(page_url)
    if url_key(url) == url_key(page_url):
        return True
    return not page.query and url_key(link._replace(query="").geturl()) == url_key(page._replace(query="").geturl())


def _section_of(url: str, page_url: str) -> bool:
    """Whether `url` is a section index above the page ("/politik/deutschland/" above its article)."""
    link, page = urlsplit(url), urlsplit(page_url)
    path = link.path.rstrip("/")
    return (
        not link.query
        and site_host(url) == site_host(page_url)
        and page.path.startswith(path + "/")
        and len(page.path) > len(path) + 1
    )


def _page_key(url: str) -> str:
    """url_key, without the query when the path names the page by itself (has an id: a digit in it).

    "/articles/AST1F44.html?iref=top" and "?iref=rellink" are one page; "/article.php?id=5" and
    "?id=6" are two.
    """
    parts = urlsplit(url)
    if parts.query and any(ch.isdigit() for ch in parts.path):
        return url_key(parts._replace(query="").geturl())
    return url_key(url)


def filter_targets(links, page_url: str) -> list[dict]:
    """The links to another page of the page's site, not its home or sections: each page once, at most MAX_LINKS."""
    result, seen = [], set()
    for link in links:
        key = _page_key(link["url"])
        if key in seen or _same_page(link["url"], page_url) or not same_domain(link["url"], page_url):
            continue
        if urlsplit(link["url"]).path in ("", "/") or _section_of(link["url"], page_url):
            continue  # the site's home page and the article's sections are navigation, not reading
        seen.add(key)
        result.append(link)
    return result[:MAX_LINKS]
