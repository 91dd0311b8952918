"""Two processes writing one archive at once, on SQLite and on PostgreSQL: no "database is locked", no second row."""

import json
import subprocess
import sys
import time
from pathlib import Path

from newsarchive.store import open_archive

# Each writer opens the (not yet existing) archive itself, waits for the go signal, then saves its
# articles in batches and prints what became of each URL.
WRITER = r"""
import json, sys, time
from pathlib import Path
from newsarchive.items import Article
from newsarchive.store import open_archive

db, go, first, last, mirror = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
archive = open_archive(db)
articles = []
for n in range(first, last):
    body = f"記事 {n} の本文。両国は条約に署名した。"
    articles.append(Article(url=f"https://www.newsweekjapan.jp/a/{n}.php", site="newsweekjapan",
                            headline=f"記事 {n}", body=body))
    if mirror == "yes" and n % 3 == 0:
        # The same story under another URL: only one of the two may be stored.
        articles.append(Article(url=f"https://www.newsweekjapan.jp/mirror/{n}.php", site="newsweekjapan",
                                headline=f"記事 {n}", body=body))
while not go.exists():
    time.sleep(0.005)
results = []
for start in range(0, len(articles), 20):
    results += [[r.url, r.status] for r in archive.save_articles(articles[start:start + 20])]
archive.close()
print(json.dumps(results))
"""


# Like WRITER, but each process saves its own URL variant of the same articles (no rel=canonical).
VARIANT_WRITER = r"""
import json, sys, time
from pathlib import Path
from newsarchive.items import Article
from newsarchive.store import open_archive

db, go, host, query = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4]
archive = open_archive(db)
articles = []
for n in range(60):
    url = f"https://{host}/v/{n}.php{query}"
    articles.append(Article(url=url, site="newsweekjapan", headline=f"記事 {n}", pages=[url],
                            body=f"記事 {n} の本文。両国は条約に署名した。" * 3))
while not go.exists():
    time.sleep(0.005)
results = []
for start in range(0, len(articles), 10):
    results += [[r.url, r.status] for r in archive.save_articles(articles[start:start + 10])]
archive.close()
print(json.dumps(results))
"""


def run_variant_writers(tmp_path: Path, db: str) -> list[list[list[str]]]:
    """Two processes saving the same 60 articles, one under www. URLs, one under m. URLs with utm_source."""
    go = tmp_path / "go-variants"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", VARIANT_WRITER, str(db), str(go), host, query],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for host, query in (("www.newsweekjapan.jp", ""), ("m.newsweekjapan.jp", "?utm_source=x"))
    ]
    time.sleep(0.5)
    go.touch()
    outputs = []
    for writer in writers:
        stdout, stderr = writer.communicate(timeout=120)
        assert writer.returncode == 0, stderr
        outputs.append(json.loads(stdout))
    return outputs


def test_two_processes_saving_url_variants_of_the_same_articles_store_each_once(db, tmp_path):
    first, second = run_variant_writers(tmp_path, db)
    with open_archive(db) as archive:
        assert archive.stats()["articles"] == 60
        # Whichever process won, both URLs of each article find it.
        for n in range(60):
            www = archive.get(f"https://www.newsweekjapan.jp/v/{n}.php")
            assert www["id"] == archive.get(f"https://m.newsweekjapan.jp/v/{n}.php?utm_source=x")["id"]
    assert [status for _url, status in first + second].count("new") == 60


def run_writers(tmp_path: Path, db: str, *ranges: tuple[int, int, str]) -> list[list[list[str]]]:
    """Start one writer per (first, last, mirror) range on `db`, let them go at once, return their results."""
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), str(go), str(first), str(last), mirror],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for first, last, mirror in ranges
    ]
    time.sleep(0.5)  # both have opened (and migrated) the archive, or are doing so right now
    go.touch()
    outputs = []
    for writer in writers:
        stdout, stderr = writer.communicate(timeout=120)
        assert writer.returncode == 0, stderr
        assert "database is locked" not in stderr
        outputs.append(json.loads(stdout))
    return outputs


def test_two_processes_saving_overlapping_batches_store_each_article_once(db, tmp_path):
    first, second = run_writers(tmp_path, db, (0, 200, "no"), (100, 300, "yes"))
    # Writers of articles 0-199 and 100-299: 300 rows, and each shared URL new for one, unchanged for the other.
    with open_archive(db) as archive:
        stored = [item["url"] for item in archive.iter_articles()]
    assert len(stored) == len(set(stored)) == 300
    statuses: dict[str, list[str]] = {}
    for url, status in first + second:
        statuses.setdefault(url, []).append(status)
    for n in range(100, 200):
        assert sorted(statuses[f"https://www.newsweekjapan.jp/a/{n}.php"]) == ["new", "unchanged"]

    # A mirrored story is stored under one URL only, whichever process got there first.
    for n in range(100, 300, 3):
        pair = {f"https://www.newsweekjapan.jp/a/{n}.php", f"https://www.newsweekjapan.jp/mirror/{n}.php"}
        assert len(pair & set(stored)) == 1


def test_two_processes_creating_the_same_archive_at_once_both_succeed(db, tmp_path):
    first, second = run_writers(tmp_path, db, (0, 40, "no"), (40, 80, "no"))
    assert {status for _url, status in first + second} == {"new"}
    with open_archive(db) as archive:
        assert archive.stats()["articles"] == 80
