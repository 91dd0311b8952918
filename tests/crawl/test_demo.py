"""The demo: `newsarchive demo` serves the bundled mirror, crawls it and shows a search."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from newsarchive.crawler.demo import DEMO_PORT, serve
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


def _demo(db: Path, cwd: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "newsarchive", "demo", "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "likely layout change" not in proc.stderr
    return json.loads(proc.stdout)


def test_demo_crawls_the_bundled_mirror_into_the_archive(tmp_path):
    db = tmp_path / "demo.db"
    summary = _demo(db, tmp_path)
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


def test_a_second_demo_into_the_same_archive_fetches_nothing_it_holds_again(tmp_path):
    # Served on another port each run, the demo's URLs changed and every article was archived again as a
    # copy under its new URL ("duplicate: same body as ..."), with one more alias row each time.
    db = tmp_path / "demo.db"
    first = _demo(db, tmp_path)
    if not first["base_url"].endswith(f":{DEMO_PORT}"):
        pytest.skip(f"port {DEMO_PORT} is taken on this machine: the demo served on {first['base_url']}")
    second = _demo(db, tmp_path)
    assert second["base_url"] == first["base_url"]
    # The ten articles and the duplicate's URL are archived and not due; the page without a headline
    # and the missing page are fetched again and fail again, and no warning is raised for them.
    assert (second["articles_new"], second["duplicates"], second["not_due"]) == (0, 0, 11)
    assert (second["dropped"], second["errors"], second["warning"]) == (1, 1, None)
