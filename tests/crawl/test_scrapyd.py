"""Deploy the project to a real scrapyd on 127.0.0.1 (scrapyd-deploy), schedule the demo crawl, read the archive."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from newsarchive.crawler.demo import serve
from newsarchive.store import open_archive

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

pytest.importorskip("scrapyd", reason="scrapyd is not installed (pip install -e '.[test]' installs it)")
pytest.importorskip("scrapyd_client", reason="scrapyd-client is not installed (pip install -e '.[test]')")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def api(base: str, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{endpoint}", data=body, timeout=10) as response:
        return json.loads(response.read())


def wait_until(check, timeout: float, step: float = 0.2):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        result = check()
        if result:
            return result
        time.sleep(step)
    raise AssertionError(f"gave up after {timeout} s")


@pytest.fixture
def scrapyd(tmp_path):
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\neggs_dir = {home}/eggs\nlogs_dir = {home}/logs\ndbs_dir = {home}/dbs\n"
        "items_dir =\nmax_proc = 1\npoll_interval = 0.2\n",
        encoding="utf-8",
    )
    # No PYTHONPATH: the crawl scrapyd launches must run the deployed egg, not this tree.
    env = {k: v for k, v in __import__("os").environ.items() if k != "PYTHONPATH"}
    proc = subprocess.Popen(
        [str(BIN / "scrapyd")], cwd=home, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    base = f"http://127.0.0.1:{port}"

    def up():
        try:
            return api(base, "daemonstatus.json")["status"] == "ok"
        except OSError:
            assert proc.poll() is None, proc.stdout.read()
            return False

    try:
        wait_until(up, 20)
        yield base, home
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def project_copy(tmp_path: Path, target: str) -> Path:
    """The project as it would be checked out, with scrapy.cfg's deploy URL pointing at the test's scrapyd."""
    project = tmp_path / "project"
    shutil.copytree(REPO / "newsarchive", project / "newsarchive", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(REPO / name, project / name)
    cfg = (REPO / "scrapy.cfg").read_text(encoding="utf-8").replace("http://127.0.0.1:6800/", target + "/")
    (project / "scrapy.cfg").write_text(cfg, encoding="utf-8")
    return project


def test_deploy_to_scrapyd_and_schedule_the_demo_crawl(scrapyd, tmp_path):
    base, home = scrapyd
    project = project_copy(tmp_path, base)
    deploy = subprocess.run([str(BIN / "scrapyd-deploy")], cwd=project, capture_output=True, text=True, timeout=120)
    assert deploy.returncode == 0 and '"status": "ok"' in deploy.stdout, deploy.stdout + deploy.stderr
    assert "newsweekjapan" in api(base, "listspiders.json?project=newsarchive")["spiders"]

    db = tmp_path / "archive.db"
    with serve(REPO / "newsarchive" / "demo_site") as site:
        job = api(
            base,
            "schedule.json",
            [
                ("project", "newsarchive"),
                ("spider", "newsweekjapan"),
                ("base_url", site),
                ("setting", f"NEWSARCHIVE_DB={db}"),
                ("setting", "AUTOTHROTTLE_ENABLED=False"),
                ("setting", "DOWNLOAD_DELAY=0"),
                ("setting", "NEWSARCHIVE_PROGRESS_INTERVAL=0"),
            ],
        )
        assert job["status"] == "ok", job

        def finished():
            jobs = api(base, "listjobs.json?project=newsarchive")
            return any(j["id"] == job["jobid"] for j in jobs["finished"])

        wait_until(finished, 90)
    log = next((home / "logs").rglob("*.log")).read_text(encoding="utf-8", errors="replace")
    with open_archive(str(db)) as archive:
        [run] = archive.runs()
        headlines = [a["headline"] for a in archive.iter_articles()]
    assert run["status"] == "finished", log[-3000:]
    assert "ロシア・イラン大統領、戦略条約締結 20年協定で防衛協力を強化" in headlines
    assert len(headlines) >= 8
