"""The generic spider end to end: any site from a feed or a sitemap URL, with no site profile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsarchive.store import open_archive

from .mirror import serve_mirror

REPO = Path(__file__).resolve().parents[2]


def crawl_url(url: str, db: Path) -> dict:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsarchive",
            "crawl",
            "--url",
            url,
            "--db",
            str(db),
            "--json",
            "-s",
            "AUTOTHROTTLE_ENABLED=False",
            "-s",
            "DOWNLOAD_DELAY=0",
            "-s",
            "LOG_LEVEL=ERROR",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=db.parent,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def stored(db: Path, base: str) -> dict[str, str]:
    archive = open_archive(str(db))
    try:
        return {a["url"].removeprefix(base): a["headline"] for a in archive.iter_articles()}
    finally:
        archive.close()


def test_generic_crawl_from_a_feed_follows_article_links_one_hop(tmp_path):
    db = tmp_path / "feed.db"
    with serve_mirror() as (base, _):
        run = crawl_url(f"{base}/headlines.rss", db)
    assert (run["status"], run["spider"], run["site"]) == ("finished", "generic", "127.0.0.1")
    # The feed's two stories (its links are relative), and the articles their pages link to: the
    # related business story and the ranking sidebar's story; the related link to a deleted page is
    # recorded as an error. Menus, listings and tag pages are not articles.
    assert stored(db, base) == {
        "/headlines/world/2025/01/483520.php": "ロシア・イラン大統領、戦略条約締結 20年協定で防衛協力を強化",
        "/headlines/business/2025/01/483530.php": "日銀、追加利上げを決定 政策金利0.5%に",
        "/stories/world/2025/11/tokyo-economy.php": "東京がニューヨークを上回り「世界最大の経済都市」に",
    }
    assert (run["articles_new"], run["errors"]) == (3, 1)


def test_generic_crawl_from_a_sitemap_index_takes_news_entries(tmp_path):
    db = tmp_path / "sitemap.db"
    with serve_mirror() as (base, _):
        run = crawl_url(f"{base}/sitemap.xml", db)
    assert run["status"] == "finished"
    assert stored(db, base)["/stories/world/2025/01/treaty-analysis.php"] == "ロシア・イラン条約は何を変えるのか"
