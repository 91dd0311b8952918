"""Crawl runs, problems and the archive's stats."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from newsarchive.store import StoreError
from newsarchive.store.models import ArticleRow

from .articles import simple_article, treaty_article


def test_a_started_run_is_listed_as_running(archive):
    run_id = archive.start_run("newsweekjapan", "site", {"max_pages": 50})
    [run] = archive.runs()
    assert run["id"] == run_id
    assert run["site"] == "newsweekjapan"
    assert run["spider"] == "site"
    assert run["args"] == {"max_pages": 50}
    assert run["status"] == "running"
    assert run["finished_at"] is None
    assert run["articles_new"] == 0


def test_finish_run_keeps_the_counts_and_the_whole_stats(archive):
    run_id = archive.start_run("newsweekjapan", "site")
    started = datetime(2025, 1, 20, 3, 0, tzinfo=UTC)
    stats = {
        "pages_fetched": 14,
        "articles_new": 9,
        "articles_updated": 1,
        "articles_unchanged": 2,
        "duplicates": 1,
        "dropped": 1,
        "errors": 1,
        "bytes": 812345,
        "downloader/response_status_count/404": 1,
        "start_time": started,
    }
    archive.finish_run(run_id, "finished", stats)
    [run] = archive.runs()
    assert run["status"] == "finished"
    assert run["finished_at"] is not None
    assert (
        run["pages_fetched"],
        run["articles_new"],
        run["articles_updated"],
        run["articles_unchanged"],
        run["duplicates"],
        run["dropped"],
        run["errors"],
        run["bytes"],
    ) == (14, 9, 1, 2, 1, 1, 1, 812345)
    assert run["stats"]["downloader/response_status_count/404"] == 1
    assert run["stats"]["start_time"] == "2025-01-20T03:00:00+00:00"


def test_runs_are_listed_newest_first_up_to_the_limit(archive):
    first = archive.start_run("newsweekjapan", "site")
    second = archive.start_run("newsweekjapan", "feed")
    third = archive.start_run("reuters", "site")
    assert [run["id"] for run in archive.runs()] == [third, second, first]
    assert [run["id"] for run in archive.runs(limit=2)] == [third, second]


def test_run_reads_one_run_by_id(archive):
    first = archive.start_run("newsweekjapan", "site")
    archive.start_run("reuters", "feed")
    assert archive.run(first)["spider"] == "site"
    assert archive.run(first)["site"] == "newsweekjapan"
    assert archive.run(999) is None


def test_finish_run_refuses_an_unknown_status(archive):
    run_id = archive.start_run("newsweekjapan", "site")
    with pytest.raises(ValueError, match="finished, failed, interrupted"):
        archive.finish_run(run_id, "done", {})


def test_finish_run_of_an_unknown_run_is_a_store_error(archive):
    with pytest.raises(StoreError, match="no crawl run 77"):
        archive.finish_run(77, "failed", {})


def test_saved_articles_remember_the_runs_that_saw_them(archive):
    first_run = archive.start_run("newsweekjapan", "site")
    archive.save_articles([treaty_article()], run_id=first_run)
    second_run = archive.start_run("newsweekjapan", "site")
    archive.save_articles([treaty_article()], run_id=second_run)
    with archive.engine.connect() as connection:
        row = connection.execute(select(ArticleRow.first_run_id, ArticleRow.last_run_id)).one()
    assert tuple(row) == (first_run, second_run)


def test_problems_are_kept_per_run_newest_first(archive):
    run_id = archive.start_run("newsweekjapan", "site")
    other_run = archive.start_run("newsweekjapan", "feed")
    archive.record_problems(
        [
            {"url": "https://www.newsweekjapan.jp/broken.php", "kind": "dropped", "reason": "no headline"},
            {"url": "https://www.newsweekjapan.jp/missing.php", "kind": "error", "reason": "HTTP 404"},
        ],
        run_id=run_id,
    )
    archive.record_problems(
        [{"url": "https://www.newsweekjapan.jp/x.php", "kind": "error", "reason": "timeout"}], run_id=other_run
    )
    problems = archive.problems(run_id=run_id)
    assert [(p["url"], p["kind"], p["reason"]) for p in problems] == [
        ("https://www.newsweekjapan.jp/missing.php", "error", "HTTP 404"),
        ("https://www.newsweekjapan.jp/broken.php", "dropped", "no headline"),
    ]
    assert all(p["run_id"] == run_id and p["at"] for p in problems)
    assert len(archive.problems()) == 3
    assert len(archive.problems(limit=1)) == 1


def test_a_problem_of_an_unknown_kind_is_refused_and_nothing_is_recorded(archive):
    with pytest.raises(ValueError, match="'dropped' or 'error'"):
        archive.record_problems(
            [
                {"url": "https://www.newsweekjapan.jp/a.php", "kind": "dropped", "reason": "empty body"},
                {"url": "https://www.newsweekjapan.jp/b.php", "kind": "warning", "reason": "?"},
            ]
        )
    assert archive.problems() == []


def test_stats_count_articles_per_site_runs_and_problems(archive):
    archive.start_run("newsweekjapan", "site")
    archive.save_articles([treaty_article(), simple_article(1), simple_article(2)])
    archive.save_articles([simple_article(3, site="reuters", url="https://jp.reuters.example/3")])
    archive.record_problems(
        [{"url": "https://www.newsweekjapan.jp/broken.php", "kind": "dropped", "reason": "no headline"}]
    )
    stats = archive.stats()
    assert stats["articles"] == 4
    assert stats["sites"] == {"newsweekjapan": 3, "reuters": 1}
    assert stats["runs"] == 1
    assert stats["problems"] == {"dropped": 1, "error": 0}
    # simple_article(1) is 2025-01-01 10:00 JST; the treaty story 2025-01-18 07:25 JST (both in UTC here).
    assert stats["oldest_published"] == "2025-01-01T01:00:00+00:00"
    assert stats["newest_published"] == "2025-01-17T22:25:00+00:00"


def test_stats_of_an_empty_archive(archive):
    assert archive.stats() == {
        "articles": 0,
        "sites": {},
        "oldest_published": None,
        "newest_published": None,
        "runs": 0,
        "problems": {"dropped": 0, "error": 0},
        "captures": {},
    }


def test_problem_urls_and_reasons_are_stored_without_control_characters(archive):
    run_id = archive.start_run("newsweekjapan", "site")
    archive.record_problems(
        [{"url": "http://example.com/\x1b[8mx", "kind": "error", "reason": "not html: text/\x1b[2J\x1b[H\x9bplain"}],
        run_id=run_id,
    )
    [problem] = archive.problems(run_id)
    assert (problem["url"], problem["reason"]) == ("http://example.com/[8mx", "not html: text/[2J[Hplain")
