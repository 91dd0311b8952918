"""Crawl benchmark: pages/s of the full pipeline against a bare link-following crawl of the same local site.

    python benchmarks/crawl.py [--pages 2000] [--concurrency 16] [--rounds 1]

A server process serves a generated site of ~100 KB Newsweek Japan-like article pages on 127.0.0.1
(in its own process, so that it does not take the crawl's GIL). Each crawl runs in a fresh interpreter
(one Twisted reactor per process) with the same settings: AutoThrottle and robots.txt off, the same
concurrency, the same pages fetched through the same links:

- reference: the bare crawl (benchmarks/bare.py): fetch, parse the page's links with parsel, follow the
  ones the site spider follows, asking for each URL once as the site spider does, keep nothing;
- newsarchive: the newsweekjapan spider with extraction, clean, validate, dedupe and batched storing
  into a fresh SQLite archive;
- newsarchive, captures off: the same with NEWSARCHIVE_WARC off (no WARC files), what the WARC captures cost;
- second reference (benchmarks/reference.py): the same spider with trafilatura as extractor and one
  commit per article, the usual way of building this.

Target: newsarchive / bare >= 0.60. A fourth run, the bare crawl leaving repeated links to Scrapy's
duplicate filter as most spiders do, relates the figures to ones measured against such a spider ("vs
typical"). "CPU ms/page" is the crawl process's CPU time per page (all its threads), which is steadier
than the rates when other work shares the machine.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = 0.60


def _site(n_pages: int, base_url: str) -> dict:
    import sitegen

    return sitegen.site(n_pages, base_url)


def _serve(n_pages: int, ready: multiprocessing.Queue) -> None:
    sys.path.insert(0, str(HERE))
    from functools import partial

    from localsite import serve_forever

    serve_forever(partial(_site, n_pages), ready)


def common_settings(concurrency: int) -> dict:
    return {
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "DOWNLOAD_DELAY": 0,
        "CONCURRENT_REQUESTS": concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "LOG_LEVEL": "ERROR",
        "NEWSARCHIVE_PROGRESS_INTERVAL": 0,
    }


def _child(kind: str, base_url: str, db: str, concurrency: int, profile: str | None) -> dict:
    """One crawl in this (fresh) process; its page count and the seconds between spider open and close."""
    from scrapy.crawler import CrawlerProcess

    from newsarchive.crawler.run import crawl_settings
    from newsarchive.crawler.spiders.sites import NewsweekjapanSpider

    # The bare spider follows links from every page; so must the site spider (by default it follows them
    # one hop from the articles that feeds, sitemaps and listings lead to).
    overrides = {**common_settings(concurrency), "NEWSARCHIVE_ARTICLE_HOPS": 10**6}
    spidercls = NewsweekjapanSpider
    if kind != "full":  # only the full pipeline keeps WARC captures (on by default)
        overrides["NEWSARCHIVE_WARC"] = False
    if kind in ("bare", "typical"):
        from bare import BareSpider, TypicalBareSpider

        overrides.update(ITEM_PIPELINES={}, NEWSARCHIVE_RECORD_RUN=False)
        spidercls = BareSpider if kind == "bare" else TypicalBareSpider
    elif kind == "trafilatura":
        from reference import TrafilaturaSpider

        overrides.update(ITEM_PIPELINES={"reference.PerRowStorePipeline": 400}, NEWSARCHIVE_RECORD_RUN=False)
        spidercls = TrafilaturaSpider
    process = CrawlerProcess(crawl_settings(db, overrides))
    crawler = process.create_crawler(spidercls)
    process.crawl(crawler, base_url=base_url)
    cpu = time.process_time()
    if profile:
        import cProfile

        cProfile.runctx("process.start()", globals(), {"process": process}, profile)
    else:
        process.start()
    cpu = time.process_time() - cpu
    stats = crawler.stats.get_stats()
    warc = Path(db).with_name(Path(db).stem + "-warc")
    return {
        "warc_bytes": sum(path.stat().st_size for path in warc.rglob("*.warc.gz")),
        "response_bytes": stats.get("downloader/response_bytes", 0),
        "pages": stats.get("response_received_count", 0),
        "seconds": stats["elapsed_time_seconds"],
        "cpu": cpu,
        "items": stats.get("item_scraped_count", 0),
        "stored": stats.get("newsarchive/articles_new", 0),
        "dropped": stats.get("item_dropped_count", 0),
        "errors": stats.get("newsarchive/errors", 0),
    }


def run(kind: str, base_url: str, db: str, concurrency: int, profile: str | None = None) -> dict:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        kind,
        "--base-url",
        base_url,
        "--db",
        db,
        "--concurrency",
        str(concurrency),
    ] + (["--profile", profile] if profile else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{kind} crawl failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["rate"] = result["pages"] / result["seconds"]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument(
        "--rounds", type=int, default=1, help="alternate the crawls this many times and report each one's median run"
    )
    parser.add_argument("--profile", metavar="FILE", help="cProfile the full-pipeline crawl into FILE")
    parser.add_argument(
        "--no-trafilatura",
        action="store_true",
        help="skip the second reference (trafilatura, one commit per article), which is slow",
    )
    parser.add_argument("--child", choices=("bare", "typical", "full", "nowarc", "trafilatura"), help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(HERE))
        print(json.dumps(_child(args.child, args.base_url, args.db, args.concurrency, args.profile)))
        return 0

    ready: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=_serve, args=(args.pages, ready), daemon=True)
    server.start()
    base_url = ready.get(timeout=120)
    runs: dict[str, list[dict]] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            kinds = ("bare", "full", "nowarc", "typical") + (() if args.no_trafilatura else ("trafilatura",))
            for round_no in range(args.rounds):
                for kind in kinds:
                    db = str(Path(tmp) / f"{kind}-{round_no}.db")
                    result = run(kind, base_url, db, args.concurrency, args.profile if kind == "full" else None)
                    runs.setdefault(kind, []).append(result)
    finally:
        server.terminate()
    median = {kind: sorted(results, key=lambda r: r["rate"])[len(results) // 2] for kind, results in runs.items()}
    bare, full, typical = median["bare"], median["full"], median["typical"]
    rows = [("bare crawl, each URL once (reference)", bare), ("newsarchive: extract+clean+validate+dedupe+store", full)]
    rows.append(("newsarchive, WARC captures off", median["nowarc"]))
    if "trafilatura" in median:
        rows.append(("trafilatura + one commit per article", median["trafilatura"]))
    rows.append(("bare crawl, repeats left to the dupefilter", typical))
    print(
        f"crawl benchmark: {args.pages} generated article pages (~100 KB) from 127.0.0.1; "
        f"concurrency {args.concurrency}; AutoThrottle and robots.txt off; median of {args.rounds}"
    )
    print(
        f"{'run':<50}{'pages':>7}{'items':>7}{'seconds':>9}{'CPU ms/page':>13}{'pages/s':>9}"
        f"{'ratio':>7}{'vs typical':>12}"
    )
    for label, result in rows:
        print(
            f"{label:<50}{result['pages']:>7}{result['items']:>7}{result['seconds']:>9.1f}"
            f"{result['cpu'] / result['pages'] * 1000:>13.2f}{result['rate']:>9.1f}"
            f"{result['rate'] / bare['rate']:>7.2f}{result['rate'] / typical['rate']:>12.2f}"
        )
    ratio = full["rate"] / bare["rate"]
    print(
        f"WARC: {full['warc_bytes'] / full['pages'] / 1024:.1f} KB per page (gzip per record, request records "
        f"included) against {full['response_bytes'] / full['pages'] / 1024:.1f} KB received per page"
    )
    print(
        f"newsarchive stored {full['stored']} new articles ({full['dropped']} dropped, {full['errors']} errors); "
        f"target ratio >= {TARGET:.2f}: {'met' if ratio >= TARGET else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
