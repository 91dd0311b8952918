"""What an export chooses: articles by site, age and story cluster, each with every capture behind it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from .articles import simple_article
from .test_captures import capture


def revisit(n: int, url: str, refers_to: dict) -> dict:
    return {**capture(n, url), "kind": "revisit", "refers_to": refers_to["record_id"], "status": 304}


def test_an_export_chooses_by_site_and_age_and_otherwise_takes_every_article_in_id_order(archive):
    archive.save_articles([simple_article(1), simple_article(2), replace(simple_article(3), site="other")])
    assert [a["id"] for a in archive.export_articles()] == [1, 2, 3]
    assert [a["site"] for a in archive.export_articles(site="other")] == ["other"]
    assert list(archive.export_articles(since=datetime.now(UTC) + timedelta(days=1))) == []
    assert len(list(archive.export_articles(since=datetime.now(UTC) - timedelta(days=1)))) == 3
    assert "captures" not in next(archive.export_articles())


def test_an_export_chooses_a_story_cluster(archive):
    body = "The two governments signed the strategic treaty after long talks in the capital. " * 4
    near = [replace(simple_article(n), body=body + f"Update {n}.", language="en") for n in (1, 2)]
    archive.save_articles([*near, simple_article(3)])
    cluster = archive.get(1)["story_cluster"]
    assert cluster is not None
    assert [a["id"] for a in archive.export_articles(cluster=cluster)] == [1, 2]
    assert list(archive.export_articles(cluster=3)) == []


def test_an_exported_article_brings_every_revisions_captures_and_each_revisits_original_first(archive):
    other = simple_article(2)
    original = capture(1, other.url)
    other.captures = [original]
    first = simple_article(1)
    first.captures = [capture(2, first.url)]
    archive.save_articles([other, first])
    # The article's later text read from a revisit of another article's capture (a stale copy, say).
    edited = replace(first, body=first.body + "\nA correction.", captures=[revisit(3, first.url, original)])
    archive.save_articles([edited])
    [exported] = [a for a in archive.export_articles(captures=True) if a["url"] == first.url]
    assert [(row["record_id"][-3:-1], row["kind"]) for row in exported["captures"]] == [
        ("02", "response"),
        ("01", "response"),
        ("03", "revisit"),
    ]
