"""End to end: crawl a local Newsweek Japan mirror with the real CLI, then read the archive row by row."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive.store import open_archive

from .mirror import serve_mirror

REPO = Path(__file__).resolve().parents[2]
WORLD = "/headlines/world/2025/01"

# The same story under two URLs: whichever the crawl reaches first is stored, the other is a duplicate.
TWINS = (f"{WORLD}/483520.php", f"{WORLD}/483560.php")
TREATY = ("ロシア・イラン大統領、戦略条約締結 20年協定で防衛協力を強化", "2025-01-18T07:25:00+09:00")

# Written from the mirror's pages: the URL path, headline and publication time of each other article
# that must reach the archive.
GOOD = {
    "/headlines/business/2025/01/483530.php": ("日銀、追加利上げを決定 政策金利0.5%に", "2025-01-24T12:45:00+09:00"),
    "/stories/world/2025/01/treaty-analysis.php": ("ロシア・イラン条約は何を変えるのか", "2025-01-20T12:00:00+09:00"),
    "/reizei/2024/01/no-thank-you.php": ("「ノーサンキュー」が言えない日本", "2024-01-31T15:00:00+09:00"),
    "/reizei/2024/02/broken-sequel.php": ("続編のあるコラム、二つ目のページが消えた", "2024-02-07T15:00:00+09:00"),
    f"{WORLD}/483540.php": ("円相場、一時1ドル=155円台に下落", "2025-01-24T16:10:00+09:00"),
    f"{WORLD}/483550.php": ("FRB、政策金利を据え置き", "2025-01-30T04:30:00+09:00"),
    "/stories/world/2025/11/tokyo-economy.php": (
        "東京がニューヨークを上回り「世界最大の経済都市」に",
        "2025-11-20T18:00:00+09:00",
    ),
}

# Every URL that must be recorded as a problem, with its kind and the start of its reason.
PROBLEMS = {
    f"{WORLD}/404404.php": ("error", "HTTP 404 Not Found"),
    f"{WORLD}/500500.php": ("error", "HTTP 500 Internal Server Error"),
    f"{WORLD}/483570.php": ("error", "not html: image/png"),
    f"{WORLD}/483571.php": ("error", "not html"),  # binary bytes served as text/html
    f"{WORLD}/483551.php": ("error", "connection lost: response truncated"),
    f"{WORLD}/483590.php": ("error", "timeout after 2 s"),
    f"{WORLD}/483595.php": ("error", "too large: "),
    "/reizei/2024/02/broken-sequel_2.php": ("error", "HTTP 404 Not Found"),
    f"{WORLD}/483580.php": ("dropped", "missing headline"),
    f"{WORLD}/483581.php": ("dropped", "body too short"),
    f"{WORLD}/483599.php": ("dropped", "disallowed by robots.txt"),  # not fetched, but not without a trace
}

# Responses the crawl receives, counted by hand: robots.txt; the 7 start URLs (feed, sitemap index,
# 5 listings); the news sitemap; 14 article pages that answer 200 (8 good, the column's second page,
# duplicate, png, binary, no headline, short body); 2 pages that answer 404; and the last of the two
# 500s (a retried response is not handed to the spider).
PAGES_FETCHED = 1 + 7 + 1 + 14 + 2 + 1


def crawl(base_url: str, db: Path, cwd: Path, *extra: str) -> dict:
    cmd = [
        sys.executable,
        "-m",
        "newsarchive",
        "crawl",
        "newsweekjapan",
        "--base-url",
        base_url,
        "--db",
        str(db),
        "--json",
        *extra,
        "-s",
        "NEWSARCHIVE_RETRY_BACKOFF=0.1",
        "-s",
        "DOWNLOAD_TIMEOUT=2",
        "-s",
        "RETRY_TIMES=1",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "LOG_LEVEL=WARNING",
        "-s",
        "DOWNLOAD_MAXSIZE=200000",
        "-s",
        "DOWNLOAD_WARNSIZE=100000",
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=90, cwd=cwd, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def snapshot(db: Path) -> dict:
    archive = open_archive(str(db))
    try:
        runs = archive.runs(limit=10)
        return {
            "articles": list(archive.iter_articles()),
            "runs": runs,
            "problems": {run["id"]: archive.problems(run_id=run["id"], limit=1000) for run in runs},
        }
    finally:
        archive.close()


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    db = tmp / "archive.db"
    with serve_mirror() as (base_url, log):
        first = crawl(base_url, db, tmp)
        after_first = snapshot(db)
        first_log = list(log)
        # Every article is archived and past its last re-check: only --force fetches them again.
        second = crawl(base_url, db, tmp, "--force")
        after_second = snapshot(db)
    return {
        "base": base_url,
        "first": first,
        "after_first": after_first,
        "log": first_log,
        "second": second,
        "after_second": after_second,
    }


def by_path(articles: list[dict], base: str) -> dict[str, dict]:
    return {a["url"].removeprefix(base): a for a in articles}


def stored_twin(crawls) -> str:
    stored = [path for path in by_path(crawls["after_first"]["articles"], crawls["base"]) if path in TWINS]
    assert len(stored) == 1, stored
    return stored[0]


def test_each_good_article_is_stored_once_with_its_headline_and_time(crawls):
    articles = crawls["after_first"]["articles"]
    stored = by_path(articles, crawls["base"])
    assert len(articles) == len(stored) == len(GOOD) + 1
    assert {path: (a["headline"], a["published"]) for path, a in stored.items()} == {
        **GOOD,
        stored_twin(crawls): TREATY,
    }
    assert all(a["site"] == "newsweekjapan" for a in articles)


def test_the_same_story_under_a_second_url_is_stored_once_and_the_other_url_recorded(crawls):
    kept = stored_twin(crawls)
    other = next(path for path in TWINS if path != kept)
    problems = crawls["after_first"]["problems"][crawls["first"]["id"]]
    [problem] = [p for p in problems if p["url"] == crawls["base"] + other]
    assert (problem["kind"], problem["reason"]) == ("dropped", f"duplicate: same body as {crawls['base']}{kept}")


def test_two_page_column_is_one_article_with_both_pages_in_order(crawls):
    column = by_path(crawls["after_first"]["articles"], crawls["base"])["/reizei/2024/01/no-thank-you.php"]
    body = column["body"]
    assert "断ることが失礼だと考える人は多い" in body
    assert "二つ目のページでは、海外の職場の例と比べて" in body
    assert body.index("断ることが失礼") < body.index("二つ目のページでは")


def test_page_one_is_kept_when_page_two_is_missing(crawls):
    sequel = by_path(crawls["after_first"]["articles"], crawls["base"])["/reizei/2024/02/broken-sequel.php"]
    assert "長時間労働の一因になっている" in sequel["body"]


def test_shift_jis_page_served_as_utf8_is_readable(crawls):
    article = by_path(crawls["after_first"]["articles"], crawls["base"])[f"{WORLD}/483540.php"]
    assert "日米の金利差が意識され、円を売ってドルを買う動きが強まった。" in article["body"]
    assert "\ufffd" not in article["headline"] + article["body"]


def test_truncated_page_keeps_the_paragraphs_that_arrived(crawls):
    article = by_path(crawls["after_first"]["articles"], crawls["base"])[f"{WORLD}/483550.php"]
    assert "パウエル議長は記者会見で、インフレ率の動向を慎重に見極める考えを示した。" in article["body"]


def test_page_furniture_never_reaches_the_body_nor_the_related_links(crawls):
    base = crawls["base"]
    for article in crawls["after_first"]["articles"]:
        for furniture in ("人気ランキング", "世界最大の経済都市", "老害", "あわせて読みたい", "次のページ"):
            assert furniture not in article["body"], (article["url"], furniture)
        assert all("tokyo-economy" not in link["url"] for link in article["related_links"]), article["url"]
    treaty = by_path(crawls["after_first"]["articles"], base)[stored_twin(crawls)]
    assert [link["url"] for link in treaty["related_links"]] == [
        f"{base}/headlines/business/2025/01/483530.php",
        f"{base}{WORLD}/404404.php",
    ]


def test_every_bad_url_is_recorded_with_its_reason_and_nothing_else_is(crawls):
    run_id = crawls["first"]["id"]
    problems = crawls["after_first"]["problems"][run_id]
    recorded = {p["url"].removeprefix(crawls["base"]): (p["kind"], p["reason"]) for p in problems}
    duplicate = next(path for path in TWINS if path != stored_twin(crawls))
    assert set(recorded) == set(PROBLEMS) | {duplicate}
    assert len(problems) == len(PROBLEMS) + 1
    for path, (kind, reason) in PROBLEMS.items():
        assert recorded[path][0] == kind, path
        assert recorded[path][1].startswith(reason), (path, recorded[path])


def test_robots_txt_is_obeyed(crawls):
    requested = [path for path, _ in crawls["log"]]
    assert requested[0] == "/robots.txt"
    assert f"{WORLD}/483599.php" not in requested


def test_each_page_is_fetched_once_except_for_retries(crawls):
    requested = [path for path, _ in crawls["log"]]
    retried = {f"{WORLD}/500500.php", f"{WORLD}/483551.php", f"{WORLD}/483590.php"}
    # The oversized page is cut off (not retried): the server may see it once.
    assert all(requested.count(path) == 2 for path in retried)
    assert all(requested.count(path) == 1 for path in set(requested) - retried)


def test_run_row_counts_what_happened(crawls):
    run = crawls["first"]
    assert run["status"] == "finished"
    assert run["pages_fetched"] == PAGES_FETCHED
    assert (run["articles_new"], run["articles_updated"], run["articles_unchanged"]) == (8, 0, 0)
    assert (run["duplicates"], run["dropped"], run["errors"]) == (1, 3, 8)
    assert run["bytes"] > 8 * 2000
    stored_run = next(r for r in crawls["after_first"]["runs"] if r["id"] == run["id"])
    assert stored_run["status"] == "finished"


def test_second_crawl_stores_nothing_twice(crawls):
    run = crawls["second"]
    assert run["id"] != crawls["first"]["id"]
    assert (run["articles_new"], run["articles_updated"], run["articles_unchanged"]) == (0, 0, 8)
    assert run["duplicates"] == 1
    articles = crawls["after_second"]["articles"]
    assert len(articles) == len({a["url"] for a in articles}) == len(GOOD) + 1
    before = {a["url"]: a["id"] for a in crawls["after_first"]["articles"]}
    assert {a["url"]: a["id"] for a in articles} == before
