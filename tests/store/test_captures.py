"""Capture rows and the links from articles to them: written with the article, once per record id."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from .articles import simple_article


def capture(n: int, url: str) -> dict:
    return {
        "record_id": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>",
        "url": url,
        "url_key": url,
        "site": "example",
        "fetched_at": datetime(2025, 1, 20, 9, n, tzinfo=UTC),
        "status": 200,
        "payload_digest": f"sha1:{n:032d}",
        "warc_file": "example/example-2025-01-x-1-00001.warc.gz",
        "offset": 1000 * n,
        "length": 900,
        "kind": "response",
        "refers_to": None,
    }


def test_an_article_links_the_captures_of_its_pages_in_order(archive):
    article = simple_article(1)
    article.captures = [capture(1, article.url), capture(2, article.url + "?page=2")]
    [result] = archive.save_articles([article])
    listed = archive.captures(result.id)
    assert [(row["page"], row["record_id"], row["current"]) for row in listed] == [
        (1, article.captures[0]["record_id"], True),
        (2, article.captures[1]["record_id"], True),
    ]
    assert listed[0]["offset"] == 1000 and listed[0]["warc_file"].startswith("example/")


def test_saving_or_recording_a_capture_again_adds_no_row(archive):
    article = simple_article(1)
    article.captures = [capture(1, article.url)]
    archive.record_captures(article.captures)
    archive.save_articles([article])
    archive.save_articles([article])
    archive.record_captures(article.captures)
    assert archive.stats()["captures"] == {"example": {"captures": 1, "warc_bytes": 900}}
    assert len(archive.captures(article.url)) == 1


def test_a_revision_keeps_its_captures_and_they_are_no_longer_current(archive):
    first = simple_article(1)
    first.captures = [capture(1, first.url)]
    archive.save_articles([first])
    edited = replace(first, body=first.body + "\nA correction was added.", captures=[capture(2, first.url)])
    archive.save_articles([edited])
    listed = archive.captures(first.url)
    assert [(row["record_id"][-3:-1], row["current"]) for row in listed] == [("01", False), ("02", True)]


def test_the_last_capture_of_a_url_is_its_newest_response(archive):
    url = "https://example.com/news/1"
    archive.record_captures([capture(1, url), capture(3, url), {**capture(4, url), "kind": "revisit"}])
    assert archive.last_capture(url)["record_id"].endswith("003>")
    assert archive.last_capture("https://example.com/none") is None
