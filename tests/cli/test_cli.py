"""Every `newsarchive` command, run as a user would, against a real SQLite archive."""

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsarchive.cli import main
from newsarchive.extract.version import EXTRACTOR_VERSION
from newsarchive.items import Article
from newsarchive.store import open_archive

JST = timezone(timedelta(hours=9))
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "newsweekjapan"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "archive.db"
    archive = open_archive(str(path))
    archive.save_articles(
        [
            Article(
                url="https://www.newsweekjapan.jp/headlines/world/2025/01/1.php",
                site="newsweekjapan",
                headline="ロシア・イラン大統領、戦略条約締結",
                published=datetime(2025, 1, 18, 7, 25, tzinfo=JST),
                body="ロシアとイランは包括的戦略パートナーシップ条約に署名した。\n有効期間は20年。",
                authors=["Vladimir Soldatkin"],
                language="ja",
                section="ワールド",
                related_links=[{"url": "https://www.newsweekjapan.jp/headlines/world/2025/01/2.php", "title": "関連"}],
            ),
            Article(
                url="https://www.newsweekjapan.jp/headlines/business/2025/01/2.php",
                site="newsweekjapan",
                headline="Bank of Japan weighs a rate rise",
                published=datetime(2025, 1, 17, 18, 40, tzinfo=JST),
                body="The Bank of Japan will debate raising interest rates next week.\nWages are rising.",
                language="en",
            ),
        ]
    )
    archive.close()
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_search_finds_a_two_character_japanese_word(db, capsys):
    code, out, _ = run(capsys, "search", "条約", "--db", db, "--json")
    assert code == 0
    assert [r["headline"] for r in json.loads(out)] == ["ロシア・イラン大統領、戦略条約締結"]


def test_search_table_lists_the_matching_headline(db, capsys):
    code, out, _ = run(capsys, "search", "rate", "--db", db)
    assert code == 0 and "Bank of Japan weighs a rate rise" in out and "条約" not in out


def test_malformed_search_query_is_one_line_error_with_status_2(db, capsys):
    code, out, err = run(capsys, "search", '"条約', "--db", db)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("newsarchive: error:")


def test_show_by_id_and_by_url_give_the_same_article_json(db, capsys):
    _, by_id, _ = run(capsys, "show", "1", "--db", db, "--json")
    code, by_url, _ = run(
        capsys, "show", "https://www.newsweekjapan.jp/headlines/world/2025/01/1.php", "--db", db, "--json"
    )
    assert code == 0
    article = json.loads(by_url)
    assert json.loads(by_id)["id"] == article["id"] == 1
    assert article["published"] == "2025-01-18T07:25:00+09:00"
    assert article["related_links"] == [
        {"url": "https://www.newsweekjapan.jp/headlines/world/2025/01/2.php", "title": "関連"}
    ]


def test_show_text_starts_with_the_headline(db, capsys):
    code, out, _ = run(capsys, "show", "1", "--db", db)
    assert code == 0 and out.splitlines()[0] == "ロシア・イラン大統領、戦略条約締結"


def test_show_unknown_article_is_an_error(db, capsys):
    code, _, err = run(capsys, "show", "999", "--db", db)
    assert code == 2 and "no article" in err


def test_latest_lists_newest_publication_first(db, capsys):
    code, out, _ = run(capsys, "latest", "--db", db, "--json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == [1, 2]


def test_export_jsonl_writes_every_article_with_documented_keys(db, tmp_path, capsys):
    target = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "export", "--format", "jsonl", "-o", str(target), "--db", db)
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert code == 0 and "exported 2 articles" in err
    assert [r["url"] for r in rows] == [
        "https://www.newsweekjapan.jp/headlines/world/2025/01/1.php",
        "https://www.newsweekjapan.jp/headlines/business/2025/01/2.php",
    ]
    assert set(rows[0]) >= {
        "id",
        "url",
        "site",
        "headline",
        "published",
        "modified",
        "authors",
        "section",
        "tags",
        "language",
        "body",
        "related_links",
        "image_url",
        "fetched_at",
    }


def test_export_csv_to_stdout(db, capsys):
    code, out, _ = run(capsys, "export", "--format", "csv", "--db", db)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["headline"] for r in rows][1] == "Bank of Japan weighs a rate rise"


def test_stats_counts_articles_per_site(db, capsys):
    code, out, _ = run(capsys, "stats", "--db", db, "--json")
    stats = json.loads(out)
    assert code == 0 and stats["articles"] == 2 and stats["sites"] == {"newsweekjapan": 2}


def test_runs_is_empty_before_any_crawl(db, capsys):
    code, out, _ = run(capsys, "runs", "--db", db, "--json")
    assert code == 0 and json.loads(out) == []


def test_sites_lists_newsweek_japan(capsys):
    code, out, _ = run(capsys, "sites", "--json")
    rows = {row["name"]: row for row in json.loads(out)}
    assert code == 0 and rows["newsweekjapan"]["title"] == "Newsweek Japan"
    assert rows["newsweekjapan"]["base_url"] == "https://www.newsweekjapan.jp"


def test_read_commands_refuse_a_missing_archive_instead_of_creating_one(tmp_path, capsys):
    missing = tmp_path / "nothing.db"
    code, _, err = run(capsys, "latest", "--db", str(missing))
    assert code == 2 and "no archive at" in err and not missing.exists()


def test_bad_db_url_is_one_line_error(capsys):
    code, _, err = run(capsys, "stats", "--db", "nosuchdialect://x/y")
    assert code == 2 and err.count("\n") == 1 and "cannot open archive" in err


def test_db_comes_from_the_environment_when_not_given(db, capsys, monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_DB", db)
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)["articles"] == 2


def test_extract_prints_the_article_of_a_saved_page_as_json(capsys):
    page = FIXTURES / "headlines-world-2025-01-548000.html"
    code, out, _ = run(
        capsys,
        "extract",
        str(page),
        "--url",
        "https://www.newsweekjapan.jp/headlines/world/2025/01/548000.php",
        "--site",
        "newsweekjapan",
    )
    article = json.loads(out)
    assert code == 0
    assert article["headline"] == "ロシア・イラン大統領、戦略条約締結 20年協定で防衛協力を強化"
    assert article["published"] == "2025-01-18T07:25:00+09:00"
    assert article["id"] is None
    assert article["extractor_version"] == EXTRACTOR_VERSION


def test_extract_of_a_missing_file_is_an_error(tmp_path, capsys):
    code, _, err = run(capsys, "extract", str(tmp_path / "none.html"), "--url", "https://x.example/")
    assert code == 2 and "no such file" in err


def test_crawl_of_an_unknown_site_names_the_known_ones(capsys):
    code, _, err = run(capsys, "crawl", "nosuchsite")
    assert code == 2 and "newsweekjapan" in err


def test_demo_crawls_the_bundled_site_in_a_real_process(tmp_path):
    db = tmp_path / "demo.db"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "newsarchive", "demo", "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    # the bundled site has 10 articles, one exact duplicate, one page without a headline and one dead link
    assert (summary["articles_new"], summary["duplicates"], summary["dropped"], summary["errors"]) == (10, 1, 1, 1)
    assert any("条約" in r["headline"] for r in summary["sample_results"])
    archive = open_archive(str(db))
    try:
        assert archive.stats()["articles"] == 10
    finally:
        archive.close()


def test_crawl_with_a_malformed_start_url_is_one_line_error(tmp_path, capsys):
    code, _, err = run(capsys, "crawl", "--url", "not a url", "--db", str(tmp_path / "a.db"))
    assert code == 2 and err.count("\n") == 1 and "start URL" in err


def test_crawl_needs_a_site_or_a_url_but_not_both(capsys):
    code, _, err = run(capsys, "crawl", "newsweekjapan", "--url", "https://example.com/")
    assert code == 2 and "not both" in err


def test_problems_lists_each_recorded_url_with_its_reason(db, capsys):
    archive = open_archive(db)
    run_id = archive.start_run("newsweekjapan", "newsweekjapan")
    archive.record_problems(
        [
            {"url": "https://www.newsweekjapan.jp/x/404.php", "kind": "error", "reason": "HTTP 404 Not Found"},
            {"url": "https://www.newsweekjapan.jp/x/empty.php", "kind": "dropped", "reason": "missing headline"},
        ],
        run_id=run_id,
    )
    archive.close()
    code, out, _ = run(capsys, "problems", "--run", str(run_id), "--db", db, "--json")
    rows = {r["url"]: r["reason"] for r in json.loads(out)}
    assert code == 0 and rows == {
        "https://www.newsweekjapan.jp/x/404.php": "HTTP 404 Not Found",
        "https://www.newsweekjapan.jp/x/empty.php": "missing headline",
    }
    code, out, _ = run(capsys, "problems", "--db", db)
    assert code == 0 and "HTTP 404 Not Found" in out
