"""Exports write every article with the documented keys, in JSON Lines or CSV."""

import csv
import io
import json

import pytest

from newsarchive.cli.export import write_export
from newsarchive.items import JSON_KEYS

ARTICLES = [
    {
        "id": 1,
        "url": "https://x.jp/1.php",
        "headline": "条約に署名",
        "authors": ["A", "B"],
        "tags": [],
        "related_links": [{"url": "https://x.jp/2.php", "title": "関連"}],
        "body": "一行目\n二行目",
    },
    {
        "id": 2,
        "url": "https://x.jp/2.php",
        "headline": "Second, with comma",
        "authors": [],
        "tags": ["x"],
        "related_links": [],
        "body": "b",
    },
]


def test_jsonl_has_one_object_per_line_with_all_documented_keys():
    out = io.StringIO()
    assert write_export(ARTICLES, "jsonl", out) == 2
    lines = out.getvalue().splitlines()
    first = json.loads(lines[0])
    assert list(first) == list(JSON_KEYS)
    assert first["headline"] == "条約に署名"
    assert first["related_links"] == [{"url": "https://x.jp/2.php", "title": "関連"}]


def test_csv_has_a_header_and_round_trips_multiline_bodies_and_commas():
    out = io.StringIO()
    write_export(ARTICLES, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["body"] == "一行目\n二行目"
    assert rows[0]["authors"] == "A; B"
    assert json.loads(rows[0]["related_links"]) == [{"url": "https://x.jp/2.php", "title": "関連"}]
    assert rows[1]["headline"] == "Second, with comma"


def test_unknown_format_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="jsonl, csv"):
        write_export(ARTICLES, "xml", io.StringIO())


def test_csv_cells_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe_and_jsonl_stays_exact():
    hostile = {
        "id": 3,
        "url": "https://x.jp/3.php",
        "headline": '=HYPERLINK("http://evil.example/","click")',
        "section": "=cmd|' /C calc'!A0",
        "tags": ["+tag", "ok"],
        "authors": ["@SUM(1+1)"],
        "body": "-2+3\nsecond line",
        "language": "\tja",
    }
    out = io.StringIO()
    write_export([hostile], "csv", out)
    row = dict(zip(*list(csv.reader(io.StringIO(out.getvalue()))), strict=True))
    assert row["headline"] == '\'=HYPERLINK("http://evil.example/","click")'
    assert row["section"] == "'=cmd|' /C calc'!A0"
    assert row["tags"] == "'+tag; ok"
    assert row["authors"] == "'@SUM(1+1)"
    assert row["body"] == "'-2+3\nsecond line"
    assert row["language"] == "'\tja"
    assert row["url"] == "https://x.jp/3.php" and row["id"] == "3"
    out = io.StringIO()
    write_export([hostile], "jsonl", out)
    assert json.loads(out.getvalue())["headline"] == hostile["headline"]
