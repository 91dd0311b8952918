"""Tests for newsarchive.crawler.problems: the one-line reasons recorded for failed URLs."""

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadTimeoutError,
    ResponseDataLossError,
)
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from newsarchive.crawler.problems import describe_exception, http_reason, traceback_summary


def test_http_errors_give_status_and_phrase():
    response = Response("http://127.0.0.1/x", status=404, request=Request("http://127.0.0.1/x"))
    assert describe_exception(HttpError(response, "Ignoring non-200 response")) == "HTTP 404 Not Found"
    assert http_reason(500) == "HTTP 500 Internal Server Error"
    assert http_reason(599) == "HTTP 599"


def test_download_failures_are_named_plainly():
    assert describe_exception(DownloadTimeoutError("took longer than 2 seconds"), 2) == "timeout after 2 s"
    assert describe_exception(CannotResolveHostError("no such host")) == "DNS lookup failed"
    assert describe_exception(ResponseDataLossError()) == "connection lost: response truncated"
    too_big = DownloadCancelledError(
        "Received 30000000 bytes which is larger than download max size (20971520) in request <GET x>."
    )
    assert describe_exception(too_big) == "too large: 30000000 bytes over the 20971520 byte limit"


def test_traceback_summary_names_the_exception_and_where_it_happened():
    def parse_article():
        raise KeyError("headline")

    try:
        parse_article()
    except KeyError as exc:
        caught = exc
        failure = Failure()
    for error in (caught, failure):
        summary = traceback_summary(error)
        assert summary.startswith("KeyError: 'headline' (at ")
        assert "in parse_article" in summary


def test_a_body_cut_off_at_the_size_limit_without_a_message_is_too_large():
    assert (
        describe_exception(DownloadCancelledError(), maxsize=2_000_000)
        == "too large: cut off at the 2000000 byte limit"
    )
    assert describe_exception(DownloadCancelledError()) == "download cancelled"


def test_requests_given_up_on_have_a_kind_and_a_reason_and_deliberate_skips_none():
    from scrapy.exceptions import IgnoreRequest

    from newsarchive.crawler.problems import ignored_problem

    loop = IgnoreRequest("redirect loop: http://a/1 -> http://a/2 -> http://a/1")
    assert ignored_problem(loop) == ("error", "redirect loop: http://a/1 -> http://a/2 -> http://a/1")
    assert ignored_problem(IgnoreRequest("max redirections reached")) == ("error", "too many redirects")
    bomb = IgnoreRequest(
        "Ignored response <200 http://a/b> because its body (101941 B compressed, 2031616 B "
        "decompressed so far) exceeded DOWNLOAD_MAXSIZE (2000000 B) during decompression."
    )
    assert ignored_problem(bomb) == (
        "error",
        "too large when decompressed: over the 2000000 byte limit from 101941 bytes",
    )
    # Silent drops no more: what robots.txt disallows and where a redirect would leave the site are recorded.
    assert ignored_problem(IgnoreRequest("Forbidden by robots.txt")) == ("dropped", "disallowed by robots.txt")
    offsite = IgnoreRequest("redirect off-site: http://a/1 -> http://b/2")
    assert ignored_problem(offsite) == ("dropped", "redirect off-site: http://a/1 -> http://b/2")
    unavailable = IgnoreRequest("robots.txt unavailable: timeout")
    assert ignored_problem(unavailable) == ("error", "robots.txt unavailable: timeout")
    assert ignored_problem(IgnoreRequest("not due for a re-check")) is None
