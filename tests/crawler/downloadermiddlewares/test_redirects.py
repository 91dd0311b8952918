"""Tests for newsarchive.crawler.downloadermiddlewares.redirects.

A redirect chain that comes back to where it was, or leaves the site, ends with a reason.
"""

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response

from newsarchive.crawler.downloadermiddlewares.redirects import OffsiteRedirect, RedirectLoop, RedirectLoopMiddleware


def redirect(url: str, location: str, chain: list[str] | None = None):
    request = Request(url, meta={"redirect_urls": chain} if chain else {})
    return request, Response(url, status=302, headers={"Location": location})


def test_a_redirect_back_to_a_url_of_the_chain_is_a_loop():
    request, response = redirect("http://a.test/2", "/1", chain=["http://a.test/1"])
    with pytest.raises(RedirectLoop, match=r"redirect loop: http://a.test/1 -> http://a.test/2 -> http://a.test/1"):
        RedirectLoopMiddleware().process_response(request, response)


def test_a_page_redirecting_to_itself_is_a_loop():
    request, response = redirect("http://a.test/x", "http://a.test/x")
    with pytest.raises(RedirectLoop):
        RedirectLoopMiddleware().process_response(request, response)


def test_an_ordinary_redirect_and_other_responses_pass_through():
    request, response = redirect("http://a.test/old", "/new", chain=["http://a.test/older"])
    assert RedirectLoopMiddleware().process_response(request, response) is response
    ok = Response("http://a.test/x", status=200)
    assert RedirectLoopMiddleware().process_response(Request("http://a.test/x"), ok) is ok


class Spider:
    home = "https://www.example.jp/"


@pytest.mark.parametrize(
    "url, location",
    [
        ("http://127.0.0.1:8001/a", "http://127.0.0.1:8002/b"),  # another port is another service
        ("https://www.example.jp/a", "https://evil.example.net/b"),
        ("https://www.example.jp/a", "https://news.example.jp/b"),  # another host of the same domain
    ],
)
def test_a_redirect_off_the_site_is_not_followed_and_names_both_urls(url, location):
    request, response = redirect(url, location)
    with pytest.raises(OffsiteRedirect, match=f"^redirect off-site: {url} -> {location}$"):
        RedirectLoopMiddleware().process_response(request, response, Spider())


@pytest.mark.parametrize(
    "url, location",
    [
        ("http://www.example.jp/a", "https://example.jp/a"),  # scheme and www. aside, the same site
        ("https://m.example.jp/a", "https://www.example.jp/b"),
        ("http://127.0.0.1:8001/a", "/b"),
        ("https://feeds.example.jp/rss", "https://www.example.jp/rss.xml"),  # to the spider's home host
    ],
)
def test_a_redirect_within_the_site_is_followed(url, location):
    request, response = redirect(url, location)
    assert RedirectLoopMiddleware().process_response(request, response, Spider()) is response


def test_robots_txt_is_read_wherever_it_redirects():
    request = Request("https://www.example.jp/robots.txt", meta={"dont_obey_robotstxt": True})
    response = Response(request.url, status=301, headers={"Location": "https://cdn.example.net/robots.txt"})
    assert RedirectLoopMiddleware().process_response(request, response, Spider()) is response


def test_a_redirect_to_a_malformed_url_ends_with_a_reason():
    request, response = redirect("https://www.example.jp/a", "http://[oops/")
    with pytest.raises(IgnoreRequest, match=r"^bad redirect: https://www.example.jp/a -> 'http://\[oops/'"):
        RedirectLoopMiddleware().process_response(request, response, Spider())
