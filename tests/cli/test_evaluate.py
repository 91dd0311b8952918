"""`newsarchive eval` writes one prediction per dataset entry and never aborts on a bad page."""

import gzip
import json

from newsarchive.cli import main
from newsarchive.cli.evaluate import run_eval

PAGE = """<html lang="en"><head><title>Dam opens after decade of work | Example News</title>
<meta property="article:published_time" content="2025-01-18T07:25:00+09:00"></head>
<body><article><h1>Dam opens after decade of work</h1>
<p>The new dam on the river opened on Saturday after ten years of construction and years of dispute.</p>
<p>Engineers said it would supply power to two hundred thousand homes once all turbines are running.</p>
</article></body></html>"""


def make_dataset(tmp_path):
    (tmp_path / "html").mkdir(parents=True)
    (tmp_path / "html" / "a.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "html" / "b.html").write_bytes(PAGE.encode())
    (tmp_path / "html" / "empty.html").write_bytes(b"")
    truth = {
        "x/a": {"file": "html/a.html.gz", "url": "https://news.example/a"},
        "x/b": {"file": "html/b.html", "url": "https://news.example/b"},
        "x/empty": {"file": "html/empty.html", "url": "https://news.example/c"},
    }
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    return tmp_path


def test_eval_writes_a_line_per_entry_gzip_or_plain_and_counts_failures(tmp_path):
    dataset = make_dataset(tmp_path / "set")
    out_file = tmp_path / "pred.jsonl"
    with open(out_file, "w", encoding="utf-8") as out:
        summary = run_eval(dataset, out)
    lines = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["x/a", "x/b", "x/empty"]
    assert summary.pages == 3 and summary.failed == 1
    assert lines[0]["headline"] == "Dam opens after decade of work"
    assert lines[0]["published"] == "2025-01-18T07:25:00+09:00"
    assert "two hundred thousand homes" in lines[1]["body"]
    assert lines[2]["body"] == "" and lines[2]["error"]


def test_eval_command_refuses_a_folder_without_ground_truth(tmp_path, capsys):
    assert main(["eval", str(tmp_path), "-o", str(tmp_path / "p.jsonl")]) == 2
    assert "no ground-truth.json" in capsys.readouterr().err
