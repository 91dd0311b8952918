"""The demo: `newsarchive demo` serves the bundled mirror, crawls it and shows a search."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from newsarchive.crawler.demo import serve
from newsarchive.store import open_archive

REPO = Path(__file__).resolve().parents[2]


def test_serve_sends_php_pages_as_html_and_stops_cleanly(tmp_path):
    (tmp_path / "a.php").write_text("<html><body>条約</body></html>", encoding="utf-8")
    with serve(tmp_path) as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{base_url}/a.php") as response:
            assert response.headers["Content-Type"].startswith("text/html")
            assert "条約" in response.read().decode()
    port = int(base_url.rsplit(":", 1)[1])
    # Stopped: the port no longer answers.
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/a.php", timeout=2)
        still_up = True
    except OSError:
        still_up = False
    assert not still_up


def test_demo_crawls_the_bundled_mirror_into_the_archive(tmp_path):
    db = tmp_path / "demo.db"
    proc = subprocess.run(
        [sys.executable, "-m", "newsarchive", "demo", "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads(proc.stdout)
    # The expected outcome the mirror's README states: ten articles (the two-page column as one),
    # one duplicate, one page without a headline, one missing page.
    assert summary["status"] == "finished"
    assert (summary["articles_new"], summary["duplicates"], summary["dropped"], summary["errors"]) == (10, 1, 1, 1)
    assert summary["sample_query"] == "条約"
    assert [r["headline"] for r in summary["sample_results"]] == [
        "ロシア・イラン大統領、戦略条約締結 20年協定で防衛協力を強化"
    ]
    archive = open_archive(str(db))
    try:
        column = archive.get(summary["base_url"] + "/hayashi/2025/01/post-12.php")
        missing = [p for p in archive.problems() if p["url"].endswith("/548777.php")]
    finally:
        archive.close()
    assert column is not None and len(column["pages"]) == 2
    assert [(p["kind"], p["reason"]) for p in missing] == [("error", "HTTP 404 Not Found")]
