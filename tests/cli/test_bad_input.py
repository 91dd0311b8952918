"""Bad input on the command line is one line on stderr and exit status 2, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsarchive.cli import main
from newsarchive.items import Article
from newsarchive.store import open_archive

from .readonly import unwritable

REPO = Path(__file__).resolve().parents[2]
HUGE = "1" + "0" * 30  # 10**30: past every database integer


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("archive") / "news.db"
    with open_archive(str(path)) as archive:
        archive.save_articles(
            [
                Article(
                    url=f"https://news.example/{i}.html",
                    site="example",
                    headline=f"Treaty talks, day {i}",
                    published=datetime(2025, 1, i, tzinfo=UTC),
                    body=f"Day {i}: the two governments signed the strategic treaty after long talks. " * 3,
                    language="en",
                )
                for i in range(1, 4)
            ]
        )
    return str(path)


def one_line_error(capsys, *argv: str) -> str:
    """Run the command; check it failed with status 2 and exactly one stderr line; return that line."""
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 2, captured
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err, captured.err
    assert captured.out == ""
    return captured.err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["latest", "--limit", "100000000000000000000"], "--limit: must be from 1 to"),
        (["latest", "--limit", "-1"], "--limit: must be from 1 to"),
        (["search", "treaty", "--limit", "0"], "--limit: must be from 1 to"),
        (["problems", "--run", HUGE], "--run: must be from 1 to"),
        (["latest", "--limit", "lots"], "--limit: must be a whole number, not 'lots'"),
        (["show", HUGE], f"no article with id or URL '{HUGE}'"),
        (["history", HUGE], "no article with id or URL"),
        (["related", HUGE], "no article with id or URL"),
        (["show", "http://www.example.com:8o8o/about"], "no article with id or URL"),
        (["changed", "--since", "1000000000000d"], "--since 1000000000000d reaches back before the year 1"),
        (["changed", "--since", HUGE + "m"], "reaches back before the year 1"),
        (["search", "条" * 100_000], "search too long: 100,000 characters, at most 1,000"),
        (["search", " ".join(f"w{i}" for i in range(65))], "65 different terms, at most 64"),
    ],
    ids=lambda value: value[0] if isinstance(value, list) else None,
)
def test_bad_input_is_one_line_with_status_2(db, capsys, argv, message):
    assert message in one_line_error(capsys, *argv, "--db", db)


def test_a_search_at_its_caps_answers(db, capsys):
    # 64 different terms OR-ed, padded with a repeated word to the 1,000-character cap: the biggest query taken.
    terms = ["treaty"] + [f"word{i}" for i in range(63)]
    query = " OR ".join(terms)
    query += " treaty" * ((1000 - len(query)) // 7)
    assert len(query) > 990
    assert main(["search", query, "--db", db, "--json"]) == 0
    assert sorted(row["id"] for row in json.loads(capsys.readouterr().out)) == [1, 2, 3]


def test_export_to_a_folder_is_one_line_error(db, tmp_path, capsys):
    assert "Is a directory" in one_line_error(capsys, "export", "-o", str(tmp_path), "--db", db)


def test_export_into_a_missing_folder_is_one_line_error(db, tmp_path, capsys):
    target = tmp_path / "no" / "such" / "out.jsonl"
    assert "No such file or directory" in one_line_error(capsys, "export", "-o", str(target), "--db", db)


def test_export_onto_a_read_only_file_system_is_one_line_error(db, tmp_path, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    with unwritable(folder) as readonly:
        err = one_line_error(capsys, "export", "-o", str(readonly / "articles.jsonl"), "--db", db)
    assert "cannot write the export to" in err


def test_a_bad_archive_does_not_cost_an_existing_export_its_content(tmp_path, capsys):
    target = tmp_path / "articles.jsonl"
    target.write_text("earlier export\n", encoding="utf-8")
    (tmp_path / "junk.db").write_bytes(os.urandom(10_000))
    one_line_error(capsys, "export", "-o", str(target), "--db", str(tmp_path / "junk.db"))
    assert target.read_text(encoding="utf-8") == "earlier export\n"


@pytest.mark.parametrize("value", ["2", "-0.5", "many"])
def test_a_similarity_setting_outside_0_to_1_stops_the_crawl_before_it_starts(tmp_path, capsys, value):
    err = one_line_error(
        capsys,
        "crawl",
        "--url",
        "http://127.0.0.1:9/",
        "-s",
        f"NEWSARCHIVE_SIMILARITY={value}",
        "--db",
        str(tmp_path / "a.db"),
    )
    assert "NEWSARCHIVE_SIMILARITY must be a number above 0 and at most 1" in err


def test_a_setting_that_is_not_a_number_stops_the_crawl_before_it_starts(tmp_path, capsys):
    err = one_line_error(
        capsys,
        "crawl",
        "--url",
        "http://127.0.0.1:9/",
        "-s",
        "CLOSESPIDER_TIMEOUT=1e400",
        "--db",
        str(tmp_path / "a.db"),
    )
    assert "CLOSESPIDER_TIMEOUT must be a number, not '1e400'" in err


@pytest.mark.parametrize(
    "content",
    [b"", os.urandom(50_000), b"SQLite format 3\x00" + bytes(84) + os.urandom(4000)],
    ids=["empty", "random", "cut"],
)
def test_a_corrupted_archive_read_by_the_real_command_is_one_line(tmp_path, content):
    path = tmp_path / "news.db"
    path.write_bytes(content)
    proc = subprocess.run(
        [sys.executable, "-m", "newsarchive", "stats", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert path.read_bytes() == content


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full (a device whose every write fails: disk full)")
def test_export_onto_a_full_disk_is_one_line_error(db, capsys):
    assert "No space left on device" in one_line_error(capsys, "export", "-o", "/dev/full", "--db", db)
