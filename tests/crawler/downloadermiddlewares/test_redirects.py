"""Tests for newsarchive.crawler.downloadermiddlewares.redirects.

A redirect chain that comes back to where it was ends with a reason.
"""

import pytest
from scrapy.http import Request, Response

from newsarchive.crawler.downloadermiddlewares.redirects import RedirectLoop, RedirectLoopMiddleware


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
