"""Alias rows: every URL an article was seen under is kept, up to a cap per article; the rest is recorded."""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, select

from newsarchive.store.models import AliasRow

from .articles import treaty_article

BASE = "https://www.newsweekjapan.jp/headlines/world/2025/01/530000.php"


def copies(start: int, stop: int):
    # A trap's URLs: an unknown parameter with a new value each time, so each is a key of its own and a copy
    # (same body) of the one article.
    return [
        dataclasses.replace(treaty_article(), url=f"{BASE}?view={n}", pages=[f"{BASE}?view={n}"])
        for n in range(start, stop)
    ]


def alias_count(archive, article_id: int) -> int:
    with archive.engine.connect() as connection:
        query = select(func.count()).select_from(AliasRow).where(AliasRow.article_id == article_id)
        return connection.execute(query).scalar_one()


def test_an_article_keeps_at_most_max_aliases_urls_and_one_problem_row_counts_the_rest(archive):
    archive.max_aliases = 5
    run = archive.start_run("newsweekjapan", "test")
    [first] = archive.save_articles([treaty_article()], run_id=run)
    results = archive.save_articles(copies(0, 6), run_id=run)  # the cap is reached inside this batch
    results += archive.save_articles(copies(6, 10), run_id=run)  # and the next batch adds to the same row
    assert {r.status for r in results} == {"duplicate"} and {r.id for r in results} == {first.id}
    assert alias_count(archive, first.id) == 5
    [problem] = archive.problems(run_id=run)
    assert (problem["url"], problem["kind"]) == (BASE, "dropped")
    assert problem["reason"] == (
        f"alias cap: article {first.id}: 6 more URLs not kept as its aliases (limit 5 URLs per article)"
    )
    # A URL that is already an alias is seen again without counting against the cap.
    archive.save_articles(copies(0, 1), run_id=run)
    assert alias_count(archive, first.id) == 5
    assert "6 more URLs" in archive.problems(run_id=run)[0]["reason"]


def test_without_a_cap_every_url_is_kept(archive):
    archive.max_aliases = None
    [first] = archive.save_articles([treaty_article()])
    archive.save_articles(copies(0, 8))
    assert alias_count(archive, first.id) == 9 and archive.problems() == []
