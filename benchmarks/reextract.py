"""Re-extraction benchmark: `newsarchive reextract` pages/s against `newsarchive eval` on the same pages, same run,
and the WARC bytes a page costs, on the shared eval sets.

    python benchmarks/reextract.py [--sets fundus,aeb,htmldate,trafilatura-eval] [--rounds 3]

A server process serves every page of the sets (raw bytes, as saved) on 127.0.0.1 with a feed listing them;
one real `newsarchive crawl` of that feed, WARC captures on, builds an archive. Then, alternating in rounds:

- reference: `newsarchive eval` (extraction only, no I/O counted, one core) over the pages the archive holds,
  saved as a dataset with the URL each was crawled from, the pages/s it reports;
- `newsarchive reextract --workers 0` (one core too) with every stored text made different first (as if an
  older extractor had made them): each article is read from its WARC record, extracted, compared and written
  back as a revision with the search index and story clusters in step; the whole command's wall time counts;
- the same with nothing to change (the usual run after a fix that touches a few articles);
- `--workers 2`, every text changed: extraction spread over this machine's two cores.

Target: reextract (one core, every text changed) >= 0.80 of eval's pages/s. Beside the rates, each command's pages
per CPU second (the whole command, start-up included, worker processes too): steadier than rates when other work
shares the machine. Also printed: WARC bytes per article
page (all files of the crawl, warcinfo, feed and request records included) against the raw HTML size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from newsarchive.cli.evaluate import load_pages  # noqa: E402

EVAL = ROOT / ".." / "shared" / "eval"
SETS = ("fundus", "aeb", "htmldate", "trafilatura-eval")
TARGET = 0.80


def _eval_site(sets: list[str], base: str) -> dict[str, tuple[str, bytes]]:
    """Every page of `sets` at a path of its own, and a feed listing them all."""
    pages: dict[str, tuple[str, bytes]] = {}
    for name in sets:
        for n, (_id, _url, raw) in enumerate(load_pages(EVAL / name)):
            pages[f"/{name}/2024/05/{n:05d}-story.html"] = ("text/html", raw)
    items = "".join(f"<item><title>x</title><link>{base}{path}</link></item>" for path in pages)
    pages["/feed.xml"] = ("application/rss+xml", f'<?xml version="1.0"?><rss><channel>{items}</channel></rss>'.encode())
    return pages


def _serve(sets: list[str], ready: multiprocessing.Queue) -> None:
    sys.path.insert(0, str(HERE))
    from functools import partial

    from localsite import serve_forever

    serve_forever(partial(_eval_site, sets), ready)


def newsarchive(*args: str) -> subprocess.CompletedProcess:
    """The command run to its end; `.cpu` is the CPU seconds it used, its worker processes included."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "newsarchive", *args], capture_output=True, text=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    done.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)  # type: ignore[attr-defined]
    return done


def stored_pages(db: Path, warc: Path) -> list[tuple[str, bytes]]:
    """(URL, page bytes) of every page a re-extraction reads (the store's choice), read back from its record."""
    from newsarchive.crawler.warcread import read_capture
    from newsarchive.store import open_archive
    from newsarchive.store.reextraction import Filter

    with open_archive(str(db), read_only=True) as archive:
        stored = archive.reextract_batch(Filter(), 0, 10**9)
    pages = [page for article in stored for page in article.pages]
    return [(p.url, read_capture(warc, p.warc_file, p.offset, p.payload_record)[1]) for p in pages]


def as_dataset(pages: list[tuple[str, bytes]], folder: Path) -> Path:
    """The pages as an eval dataset (ground-truth.json naming each saved page and its URL)."""
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    truth = {}
    for n, (url, raw) in enumerate(pages):
        (folder / "pages" / f"{n}.html").write_bytes(raw)
        truth[str(n)] = {"file": f"pages/{n}.html", "url": url}
    (folder / "ground-truth.json").write_text(json.dumps(truth))
    return folder


def eval_rate(dataset: Path, pages: int) -> tuple[float, float]:
    """The pages/s `newsarchive eval` itself reports (extraction only, in a fresh process as a user runs it), and
    pages per CPU second of the whole command."""
    done = newsarchive("eval", str(dataset), "-o", str(dataset / "predictions.jsonl"))
    if done.returncode != 0:
        raise SystemExit(f"eval failed:\n{done.stderr[-3000:]}")
    found = re.search(r"([\d.]+) pages/s", done.stderr)
    if not found:
        raise SystemExit(f"eval printed no rate:\n{done.stderr[-3000:]}")
    return float(found.group(1)), pages / done.cpu


def make_all_different(db: Path) -> None:
    """Every stored text replaced by one an older extractor might have made, its captures linked to it."""
    with sqlite3.connect(db) as conn:
        for id_, old in conn.execute("SELECT id, content_hash FROM articles").fetchall():
            body = f"An older extractor's text of article {id_}."
            digest = hashlib.sha256(body.encode()).hexdigest()
            conn.execute("UPDATE articles SET body = ?, content_hash = ? WHERE id = ?", (body, digest, id_))
            conn.execute("UPDATE article_captures SET content_hash = ? WHERE content_hash = ?", (digest, old))
        conn.execute("DELETE FROM store_meta WHERE key = 'fts_segmentation'")  # rebuilt at the next open to write


def reextract_rate(base: Path, work: Path, workers: int, changed: bool) -> tuple[float, dict]:
    """Wall-clock pages/s of one `newsarchive reextract` on a fresh copy of the crawled archive."""
    db = work / "copy.db"
    for path in work.glob("copy*"):
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    shutil.copy(base, db)
    shutil.copytree(base.with_name(base.stem + "-warc"), work / "copy-warc")
    if changed:
        make_all_different(db)
        # The search index is rebuilt by the first open to write: not part of re-extraction, so done before.
        from newsarchive.store import open_archive

        with open_archive(str(db)):
            pass
    start = time.perf_counter()
    done = newsarchive("reextract", "--db", str(db), "--workers", str(workers), "--json")
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"reextract failed:\n{done.stderr[-3000:]}")
    summary = json.loads(done.stdout)
    summary["wall"] = summary["pages"] / seconds  # the command's own start-up (imports, spawning workers) included
    summary["per_cpu"] = summary["pages"] / done.cpu
    return summary["pages_per_second"], summary


def crawl_sets(sets: list[str], work: Path) -> None:
    """One real crawl of every page of `sets`, served from 127.0.0.1, into WORK/crawled.db with its WARC files."""
    for path in work.glob("crawled*"):
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    ready: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=_serve, args=(sets, ready), daemon=True)
    server.start()
    base_url = ready.get(timeout=300)
    db = work / "crawled.db"
    try:
        crawl = newsarchive(
            "crawl", "--url", base_url + "/feed.xml", "--db", str(db), "--json",
            "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "ROBOTSTXT_OBEY=False",
            "-s", "NEWSARCHIVE_ARTICLE_HOPS=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
            "-s", "NEWSARCHIVE_FEED_ENTRIES=100000", "-s", "LOG_LEVEL=ERROR",
        )  # fmt: skip
    finally:
        server.terminate()
    if crawl.returncode not in (0, 1) or not db.exists():  # 1: some pages were refused, as on any site
        raise SystemExit(f"crawl failed:\n{crawl.stderr[-3000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated eval sets (default: all four)")
    parser.add_argument("--rounds", type=int, default=3, help="alternate the runs this many times; medians shown")
    parser.add_argument(
        "--workdir", metavar="DIR", help="keep the crawled archive here and reuse it (default: a temp dir)"
    )
    args = parser.parse_args()
    sets = [name for name in args.sets.split(",") if name]
    missing = [name for name in sets if not (EVAL / name / "ground-truth.json").is_file()]
    if missing:
        print(f"no eval set at {EVAL}: {', '.join(missing)} (the benchmark needs ../shared/eval)", file=sys.stderr)
        return 2
    rates: dict[str, list[float]] = {}
    walls: dict[str, list[float]] = {}
    cpus: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.workdir or tmp)
        work.mkdir(parents=True, exist_ok=True)
        db = work / "crawled.db"
        marker = work / "crawled-sets.txt"
        if not (db.exists() and marker.exists() and marker.read_text() == ",".join(sets)):
            crawl_sets(sets, work)
            marker.write_text(",".join(sets))
        warc = work / "crawled-warc"
        pages = stored_pages(db, warc)
        with sqlite3.connect(db) as conn:
            (articles,) = conn.execute("SELECT count(*) FROM articles").fetchone()
        warc_bytes = sum(path.stat().st_size for path in warc.rglob("*.warc.gz"))
        html_bytes = sum(len(raw) for _url, raw in pages)
        runs = {
            "reextract, 1 process, every text changed": (0, True),
            "reextract, 1 process, nothing changed": (0, False),
            "reextract, 2 workers, every text changed": (2, True),
        }
        dataset = as_dataset(pages, work / "dataset")
        for _round in range(args.rounds):
            rate, per_cpu = eval_rate(dataset, len(pages))
            rates.setdefault("eval", []).append(rate)
            cpus.setdefault("eval", []).append(per_cpu)
            for name, (workers, changed) in runs.items():
                rate, summary = reextract_rate(db, work, workers, changed)
                expected = articles if changed else 0
                if summary["changed"] != expected:
                    print(f"note: {name}: {summary['changed']} changed, {expected} expected", file=sys.stderr)
                rates.setdefault(name, []).append(rate)
                walls.setdefault(name, []).append(summary["wall"])
                cpus.setdefault(name, []).append(summary["per_cpu"])
    median = {name: sorted(values)[len(values) // 2] for name, values in rates.items()}
    wall = {name: sorted(values)[len(values) // 2] for name, values in walls.items()}
    cpu = {name: sorted(values)[len(values) // 2] for name, values in cpus.items()}
    print(
        f"re-extraction benchmark: {len(pages)} pages of {articles} articles from {', '.join(sets)}, crawled from "
        f"127.0.0.1 with WARC captures; median of {args.rounds}"
    )
    print(f"{'run':<48}{'pages/s':>9}{'ratio':>7}{'with start-up':>15}{'pages/CPU s':>13}{'ratio':>7}")
    reference, per_cpu = median["eval"], cpu["eval"]
    label = "newsarchive eval, extraction only (reference)"
    print(f"{label:<48}{reference:>9.1f}{1.0:>7.2f}{'':>15}{per_cpu:>13.1f}{1.0:>7.2f}")
    for name in runs:
        print(
            f"{name:<48}{median[name]:>9.1f}{median[name] / reference:>7.2f}{wall[name]:>15.1f}"
            f"{cpu[name]:>13.1f}{cpu[name] / per_cpu:>7.2f}"
        )
    first = median["reextract, 1 process, every text changed"] / reference
    verdict = "met" if first >= TARGET else "NOT met"
    print(f"target: reextract (1 process, every text changed) >= {TARGET:.2f} of eval: {verdict}")
    per_page, html = warc_bytes / len(pages) / 1024, html_bytes / len(pages) / 1024
    print(
        f"WARC bytes per article page: {per_page:.1f} KB against {html:.1f} KB of HTML ({warc_bytes / html_bytes:.2f};"
        " gzip per record; request records, the feed and warcinfo included)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
