"""End to end: crawl two local sites with URL variants, copies and a wire story, twice; check the archive row by row."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive.store import open_archive

from . import variants as v

REPO = Path(__file__).resolve().parents[2]


def crawl(url: str, db: Path, cwd: Path, *extra: str) -> dict:
    cmd = [
        sys.executable,
        "-m",
        "newsarchive",
        "crawl",
        "--url",
        url,
        "--db",
        str(db),
        "--json",
        *extra,
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "LOG_LEVEL=WARNING",
        "-s",
        "NEWSARCHIVE_ARTICLE_HOPS=0",
        "-s",
        "ROBOTSTXT_OBEY=False",
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=90, cwd=cwd, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def cli(db: Path, *args: str) -> object:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "newsarchive", *args, "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("duplicates")
    db = tmp / "archive.db"
    with v.serve(v.site_a(1)) as (base, pages), v.serve(v.site_b()) as (base_b, _):
        first = crawl(base + "/feed.xml", db, tmp)
        with open_archive(str(db)) as archive:
            after_first = list(archive.iter_articles())
        pages.update(v.site_a(2))  # the live article is updated before the next crawl
        second = crawl(base + "/feed.xml", db, tmp, "--force")  # archived articles are not due otherwise
        # The second site: the same host name would make it the same site, so it is reached as localhost.
        wire = crawl(base_b.replace("127.0.0.1", "localhost") + "/feed.xml", db, tmp)
    return {
        "db": db,
        "base": base,
        "base_b": base_b.replace("127.0.0.1", "localhost"),
        "first": first,
        "second": second,
        "wire": wire,
        "after_first": after_first,
    }


def stored(crawled) -> dict[str, dict]:
    with open_archive(str(crawled["db"])) as archive:
        return {a["url"].removeprefix(crawled["base"]): a for a in archive.iter_articles()}


def test_each_story_is_one_row_under_its_canonical_or_first_url(crawled):
    rows = stored(crawled)
    site_a = {path: a for path, a in rows.items() if not path.startswith("http")}
    assert len(site_a) == 8
    assert {v.TREATY_URL, v.COLUMN_URL, v.HOME_URL, v.ELSEWHERE_URL, v.LIVE_URL} <= set(site_a)
    # Without a canonical, the variant fetched first names the article; there is exactly one of each.
    assert len(set(site_a) & set(v.BANK_URLS)) == 1
    assert len(set(site_a) & set(v.YEN_URLS)) == 1
    assert len(set(site_a) & set(v.COURT_URLS)) == 1
    assert rows[v.TREATY_URL]["headline"] == "ロシア・イラン大統領、戦略条約締結"
    assert rows[v.TREATY_URL]["published"] == "2025-01-18T07:25:00+09:00"


def test_every_url_the_crawl_saw_finds_its_article(crawled):
    base = crawled["base"]
    with open_archive(str(crawled["db"])) as archive:
        groups = [
            (
                v.TREATY_URL,
                [
                    v.TREATY_URL + "?utm_source=rss&utm_medium=feed&fbclid=abc",
                    v.TREATY_URL + "#comments",
                    v.TREATY_URL + "?ref=twitter",
                ],
            ),
            (v.BANK_URLS[0], list(v.BANK_URLS)),
            (v.YEN_URLS[0], list(v.YEN_URLS)),
            (v.COURT_URLS[0], list(v.COURT_URLS)),
            (v.COLUMN_URL, [v.COLUMN_2_URL]),
        ]
        for first, others in groups:
            want = archive.get(base + first)["id"]
            for other in others:
                assert archive.get(base + other)["id"] == want, other
        aliases = archive.get(base + v.TREATY_URL)["aliases"]
    # One fetch per article per run: the feed's other URLs of it were never asked for, so only the one fetched
    # is an alias (the others still find it, by their URL key).
    assert aliases == [base + v.TREATY_URL]
    # And from the command line, by a URL variant.
    shown = cli(crawled["db"], "show", base + v.YEN_URLS[2])
    assert shown["headline"] == "円相場、一時155円台に下落"


def test_page_two_is_part_of_page_one_and_no_article_of_its_own(crawled):
    column = stored(crawled)[v.COLUMN_URL]
    assert "断ることが失礼だと考える人は多い" in column["body"] and "海外の職場の例と比べて" in column["body"]
    with open_archive(str(crawled["db"])) as archive:
        assert archive.history(crawled["base"] + v.COLUMN_2_URL)[-1]["revision"] == 1


def test_canonicals_to_the_home_page_or_another_site_are_ignored(crawled):
    rows = stored(crawled)
    assert rows[v.HOME_URL]["headline"] == "東京が世界最大の経済都市に"
    assert rows[v.ELSEWHERE_URL]["headline"] == "FRB、政策金利を据え置き"
    assert "/" not in rows and not any("elsewhere.example" in url for url in rows)


def test_the_article_changed_between_crawls_has_two_revisions_and_a_diff(crawled):
    db, url = crawled["db"], crawled["base"] + v.LIVE_URL
    history = cli(db, "history", url)
    assert [(h["revision"], h["headline"], h["current"]) for h in history] == [
        (1, "能登で震度5強", False),
        (2, "能登で震度5強、住宅1棟全壊", True),
    ]
    assert history[0]["headline_changed"] and history[0]["body_changed"]
    diff = cli(db, "diff", url)
    assert (diff["from"], diff["to"]) == (1, 2)
    assert ["+", "、住宅1棟全壊"] in diff["headline"]
    assert any(op == "+" and "輪島市で住宅1棟が全壊" in text for op, text in diff["body"])
    [changed] = cli(db, "changed", "--since", "1d")
    assert (changed["url"], changed["old_headline"]) == (url, "能登で震度5強")


def test_the_wire_story_on_the_second_site_is_its_own_article_in_the_treaty_cluster(crawled):
    db = crawled["db"]
    wire_url = crawled["base_b"] + v.WIRE_B_URL
    [related] = cli(db, "related", wire_url)
    assert related["url"] == crawled["base"] + v.TREATY_URL
    assert related["site"] == "127.0.0.1" and 0.5 <= related["similarity"] < 1
    assert cli(db, "show", wire_url)["headline"] == "露イラン、包括的戦略条約に署名"
    assert crawled["wire"]["near_duplicates"] == 1


def test_run_summaries_count_duplicates_and_revisions(crawled):
    first, second = crawled["first"], crawled["second"]
    # 8 stories; the feed's 16 URLs are 10 pages (the variants of one page are one request: its tracking,
    # fragment, AMP, index.html and trailing-slash URLs), all saved or counted: the 2 others are a copy
    # (/print/) and page 2 on its own.
    assert first["articles_new"] == 8
    assert first["articles_new"] + first["articles_updated"] + first["articles_unchanged"] + first["duplicates"] == 10
    # Page 2 may arrive alone before page 1 brings it along: then the whole article replaces it (an
    # update, not a revision of the article).
    assert first["duplicates"] >= 1 and first["articles_updated"] <= 1 and first["revisions"] == 0
    assert (second["articles_new"], second["articles_updated"], second["revisions"]) == (0, 1, 1)
    assert second["articles_unchanged"] + second["duplicates"] == 9, second


def test_a_crawl_without_clusters_counts_none_and_related_builds_them_on_demand(tmp_path):
    db = tmp_path / "fast.db"
    with v.serve(v.site_a(1)) as (base, _), v.serve(v.site_b()) as (base_b, _):
        crawl(base + "/feed.xml", db, tmp_path, "-s", "NEWSARCHIVE_CLUSTERS=0")
        base_b = base_b.replace("127.0.0.1", "localhost")
        wire = crawl(base_b + "/feed.xml", db, tmp_path, "-s", "NEWSARCHIVE_CLUSTERS=0")
    assert wire["near_duplicates"] == 0
    [related] = cli(db, "related", base_b + v.WIRE_B_URL)
    assert related["url"] == base + v.TREATY_URL
