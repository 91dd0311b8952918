"""`crawl --all` crawls every site of a config file, `sites` shows their last runs, and the exit status tells cron."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

from .faultsite import FaultSite, serve
from .mirror import serve_mirror
from .runner import ENV, FAST

FAST_TOML = ", ".join(f'{name} = "{value}"' for name, value in (s.split("=", 1) for s in FAST[1::2]))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsarchive", *args], capture_output=True, text=True, timeout=120, env=ENV
    )


def write_config(path, gazette: str, mirror: str, down: str | None = None) -> None:
    text = f"""
db = "{path.parent / "archive.db"}"

[defaults]
delay = 0
concurrency = 4
recheck = ["2h", "1d"]
settings = {{ {FAST_TOML} }}

[sites.gazette]
url = "{gazette}/feed.xml"

[sites.newsweekjapan]
base_url = "{mirror}"
feeds = ["/headlines.rss"]
sitemaps = ["/no-sitemap.xml"]
settings = {{ DOWNLOAD_TIMEOUT = "0.5", RETRY_TIMES = "0" }}   # the mirror has a page that hangs
"""
    if down:
        text += f'\n[sites.down]\nurl = "{down}/feed.xml"\n'
    path.write_text(text, encoding="utf-8")


def test_crawl_all_crawls_each_configured_site_and_sites_shows_their_last_run(tmp_path):
    config = tmp_path / "newsarchive.toml"
    gazette_site = FaultSite(good=5, flaky=False, bad=False)
    with serve(gazette_site) as gazette, serve_mirror() as (mirror, log):
        write_config(config, gazette, mirror)
        proc = cli("crawl", "--all", "--config", str(config), "--json")
        requested = [path for path, _ in log]
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = {r["site"]: r for r in json.loads(proc.stdout)}
    assert results["gazette"]["status"] == "finished" and results["gazette"]["articles_new"] == 5
    assert results["newsweekjapan"]["status"] == "finished" and results["newsweekjapan"]["articles_new"] >= 2
    # The config's feeds and sitemaps replace the profile's.
    assert "/headlines.rss" in requested and "/no-sitemap.xml" in requested and "/sitemap.xml" not in requested

    proc = cli("sites", "--config", str(config), "--json")
    assert proc.returncode == 0, proc.stderr
    sites = {row["name"]: row for row in json.loads(proc.stdout)}
    assert set(sites) == {"gazette", "newsweekjapan"}
    assert sites["gazette"]["last_status"] == "finished" and sites["gazette"]["last_new"] == 5
    assert sites["gazette"]["recheck"] == "2h, 1d" and sites["gazette"]["delay"] == 0
    assert sites["newsweekjapan"]["start"] == mirror


def test_crawl_all_exits_1_when_a_site_failed_and_still_crawls_the_others(tmp_path):
    config = tmp_path / "newsarchive.toml"
    with serve(FaultSite(good=3, flaky=False, bad=False)) as gazette, serve_mirror() as (mirror, _):
        write_config(config, gazette, mirror, down=f"http://127.0.0.1:{free_port()}")
        proc = cli("crawl", "--all", "--config", str(config), "--json")
    results = {r["site"]: r for r in json.loads(proc.stdout)}
    assert proc.returncode == 1
    assert results["down"]["status"] == "failed"
    assert results["gazette"]["status"] == "finished" and results["newsweekjapan"]["status"] == "finished"


def test_a_site_that_stops_listing_articles_is_flagged_as_a_likely_layout_change(tmp_path):
    config = tmp_path / "newsarchive.toml"
    site = FaultSite(good=3, flaky=False, bad=False)
    with serve(site) as gazette:
        write_config(config, gazette, f"http://127.0.0.1:{free_port()}")  # only the gazette is crawled
        assert cli("crawl", "gazette", "--config", str(config)).returncode == 0
        site.good.clear()  # the feed now lists nothing the crawl recognises
        proc = cli("crawl", "gazette", "--config", str(config), "--json")
    summary = json.loads(proc.stdout)
    assert summary["warning"].startswith("likely layout change: no article links")
    assert "likely layout change" in proc.stderr
    runs = json.loads(cli("runs", "--db", str(tmp_path / "archive.db"), "--json").stdout)
    assert runs[0]["warning"] == summary["warning"] and runs[1]["warning"] is None
