"""Tests for newsarchive.crawler.downloadermiddlewares.captures: where the capture middlewares sit in the
response's path, and the Content-Encoding a retry's request must not inherit."""

from __future__ import annotations

from scrapy.http import Request, Response
from scrapy.settings import Settings
from scrapy.utils.conf import build_component_list

from newsarchive.crawler import settings
from newsarchive.crawler.downloadermiddlewares.captures import ORIGINAL_ENCODING, OriginalEncoding

SCRAPY = "scrapy.downloadermiddlewares."
OURS = "newsarchive.crawler.downloadermiddlewares."


def response_path() -> list[str]:
    """The downloader middlewares in the order a response passes them: the downloader's side first."""
    project = Settings()
    project.setmodule(settings)
    return list(reversed(build_component_list(project.getwithbase("DOWNLOADER_MIDDLEWARES"))))


def test_a_redirect_is_captured_before_anything_follows_or_stops_it():
    path = response_path()
    capture = path.index(OURS + "captures.RedirectCaptureMiddleware")
    assert capture < path.index(OURS + "redirects.RedirectLoopMiddleware")
    assert capture < path.index(SCRAPY + "redirect.RedirectMiddleware")


def test_other_responses_are_captured_decoded_and_before_a_retry_or_a_meta_refresh_replaces_them():
    path = response_path()
    capture = path.index(OURS + "captures.WarcCaptureMiddleware")
    assert path.index(SCRAPY + "httpcompression.HttpCompressionMiddleware") < capture
    assert path.index(OURS + "captures.OriginalEncoding") < capture
    assert capture < path.index(OURS + "retry.BackoffRetryMiddleware")
    assert capture < path.index(SCRAPY + "redirect.MetaRefreshMiddleware")


def test_a_retry_of_a_gzip_encoded_error_does_not_keep_its_content_encoding():
    request = Request("http://a.test/x")
    OriginalEncoding().process_response(request, Response(request.url, headers={"Content-Encoding": "gzip"}))
    assert request.meta[ORIGINAL_ENCODING] == ["gzip"]
    retry = request.copy()  # what RetryMiddleware sends again: the meta copied
    OriginalEncoding().process_response(retry, Response(retry.url, body=b"<html></html>"))
    assert ORIGINAL_ENCODING not in retry.meta
