"""What incremental crawls ask the archive: archived URLs with their fetch state, feed dates, last runs."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from .articles import simple_article, treaty_article

NOW = datetime(2025, 1, 20, 0, 0, tzinfo=UTC)


def test_known_urls_are_every_url_an_article_of_the_site_is_stored_under(archive):
    article = treaty_article()
    page_2 = article.url.replace(".php", "_2.php")
    article.pages = [article.url, page_2]
    archive.save_articles([article, simple_article(1)])
    known = {k.url: k for k in archive.known_urls("newsweekjapan")}
    assert set(known) == {article.url, page_2, simple_article(1).url}
    assert known[page_2].article_url == article.url
    # Scheduled from the publication time; last fetched when the article was saved.
    assert known[article.url].published == article.published
    assert known[article.url].last_fetch >= known[article.url].published
    assert archive.known_urls("othersite") == []


def test_fetches_keep_validators_add_up_304s_and_keep_feed_dates(archive):
    url = treaty_article().url
    archive.save_articles([treaty_article()])
    archive.record_fetches(
        [
            {
                "url": url,
                "status": 200,
                "etag": '"v1"',
                "last_modified": "Sat, 18 Jan 2025 00:00:00 GMT",
                "listed_published": NOW,
                "fetched_at": NOW,
            }
        ]
    )
    later = NOW.replace(hour=6)
    # A 304 that sends no validators keeps the old ones; two in one batch count twice.
    archive.record_fetches(
        [
            {"url": url, "status": 304, "not_modified": 1, "fetched_at": later},
            {"url": url, "status": 304, "not_modified": 1, "fetched_at": later},
        ]
    )
    [known] = archive.known_urls("newsweekjapan")
    assert (known.etag, known.last_modified) == ('"v1"', "Sat, 18 Jan 2025 00:00:00 GMT")
    assert known.last_fetch >= later
    assert archive.get(url)["listed"] == {"published": "2025-01-20T00:00:00+00:00", "modified": None}


def test_last_runs_give_each_sites_newest_run_with_its_warning(archive):
    first = archive.start_run("newsweekjapan", "newsweekjapan")
    archive.finish_run(first, "finished", {"articles_new": 3})
    second = archive.start_run("newsweekjapan", "newsweekjapan")
    archive.finish_run(second, "finished", {"warning": "likely layout change: no article links found"})
    other = archive.start_run("gazette", "generic")
    last = archive.last_runs()
    assert (last["newsweekjapan"]["id"], last["newsweekjapan"]["warning"]) == (
        second,
        "likely layout change: no article links found",
    )
    assert (last["gazette"]["id"], last["gazette"]["status"]) == (other, "running")


def test_a_run_left_running_by_a_dead_process_is_closed_as_interrupted(archive):
    dead = archive.start_run("newsweekjapan", "newsweekjapan", {"pid": 999_999_999, "host": "box"})
    live = archive.start_run("newsweekjapan", "newsweekjapan", {"pid": os.getpid(), "host": "box"})
    elsewhere = archive.start_run("newsweekjapan", "newsweekjapan", {"pid": 999_999_999, "host": "other"})
    closed = archive.close_abandoned_runs("newsweekjapan", "box", alive=lambda pid: pid == os.getpid())
    assert closed == [dead]
    status = {run["id"]: (run["status"], run["warning"]) for run in archive.runs()}
    assert status[dead][0] == "interrupted" and "killed" in status[dead][1]
    # A process still alive, or on another machine (whose processes this one cannot see), is left alone.
    assert status[live] == ("running", None) and status[elsewhere] == ("running", None)


def test_article_count_is_per_site(archive):
    archive.save_articles([simple_article(1), simple_article(2)])
    assert archive.article_count("newsweekjapan") == 2 and archive.article_count("gazette") == 0


def test_never_articles_are_the_sites_problem_urls_no_article_is_archived_under(archive):
    stored = simple_article(1)
    archive.save_articles([stored])
    first = archive.start_run(stored.site, "site")
    problems = [
        {"url": "http://example.com/broken.html", "kind": "dropped", "reason": "missing headline"},
        {"url": "http://example.com/broken.html", "kind": "dropped", "reason": "missing headline"},
        {"url": "http://example.com/gone.html", "kind": "error", "reason": "HTTP 404 Not Found"},
        # Failed once, archived since: it has given an article.
        {"url": stored.url, "kind": "error", "reason": "timeout after 30 s"},
    ]
    archive.record_problems(problems, run_id=first)
    other = archive.start_run("othersite", "site")
    archive.record_problems([{"url": "http://other.com/x", "kind": "error", "reason": "HTTP 500"}], run_id=other)
    expected = {"http://example.com/broken.html", "http://example.com/gone.html"}
    assert archive.never_articles(stored.site) == expected
    later = archive.start_run(stored.site, "site")
    archive.record_problems([{"url": "http://example.com/new.html", "kind": "error", "reason": "x"}], run_id=later)
    assert archive.never_articles(stored.site, before_run=later) == expected
    assert archive.never_articles("nosuchsite") == set()
