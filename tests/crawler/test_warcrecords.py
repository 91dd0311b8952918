"""Tests for newsarchive.crawler.warcrecords: headers made consistent with the body kept, decoded or as sent."""

from __future__ import annotations

import gzip

from scrapy.http import Response

from newsarchive.crawler.warcrecords import http_headers

BODY = gzip.compress(b"<html><body>Moved</body></html>")


def moved(body: bytes = BODY) -> Response:
    headers = {"Location": "/b", "Content-Encoding": "gzip", "Transfer-Encoding": "chunked"}
    return Response("http://a.test/a", status=301, headers=headers, body=body)


def test_a_body_kept_as_sent_keeps_its_content_encoding_and_loses_only_the_chunking():
    http = http_headers(moved(), decoded=False)
    assert http.statusline == "301 Moved Permanently"
    assert http.get_header("Location") == "/b" and http.get_header("Content-Encoding") == "gzip"
    assert http.get_header("Transfer-Encoding") is None
    assert http.get_header("X-Archive-Orig-Transfer-Encoding") == "chunked"
    assert http.get_header("Content-Length") == str(len(BODY))


def test_a_decoded_body_loses_the_content_encoding_and_keeps_it_as_the_original():
    decoded = b"<html><body>Moved</body></html>"
    response = Response("http://a.test/a", status=200, body=decoded)  # as HttpCompressionMiddleware leaves it
    http = http_headers(response, ["gzip"])
    assert http.get_header("Content-Encoding") is None
    assert http.get_header("X-Archive-Orig-Content-Encoding") == "gzip"
    assert http.get_header("Content-Length") == str(len(decoded))
    still = http_headers(moved(decoded), ["gzip"])  # a header Scrapy left is moved aside, not repeated
    assert [v for k, v in still.headers if k == "X-Archive-Orig-Content-Encoding"] == ["gzip"]


def test_an_unknown_status_keeps_its_number_without_a_reason():
    assert http_headers(Response("http://a.test/", status=599)).statusline == "599"
