"""The crawling commands: `crawl` (one site, or every configured site with --all) and `demo`."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import subprocess
import sys
from collections.abc import Iterator

from newsarchive.cli.base import CliError, open_for, print_json, read_config
from newsarchive.cli.command import Command
from newsarchive.cli.options import config_option, db_option, json_option
from newsarchive.cli.render import key_values, table

SUMMARY_COLUMNS = [
    ("site", "site", 16),
    ("status", "status", 11),
    ("pages_fetched", "pages", 6),
    ("articles_new", "new", 5),
    ("articles_updated", "updated", 7),
    ("articles_unchanged", "unchanged", 9),
    ("not_modified", "304", 5),
    ("not_due", "not due", 7),
    ("dropped", "dropped", 7),
    ("errors", "errors", 6),
    ("warning", "warning", 40),
]


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise CliError(f"-s takes NAME=VALUE, got {text!r}")
    return name, value


def _crawl_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("site", nargs="?", help="site name (see `newsarchive sites`)")
    p.add_argument("--url", help="crawl any news site from its home page, an RSS/Atom feed or a sitemap")
    p.add_argument("--base-url", metavar="URL", help="point the site's spider at a mirror, e.g. http://127.0.0.1:8000")
    p.add_argument("--all", action="store_true", help="crawl every site of the config file, one after another")
    p.add_argument(
        "--force",
        action="store_true",
        help="fetch every archived URL of the site again, whether or not a re-check is due",
    )
    config_option(p)
    p.add_argument(
        "--warc-dir",
        metavar="DIR",
        help="write WARC captures here (default: $NEWSARCHIVE_WARC_DIR, the config's warc_dir, else beside the db)",
    )
    p.add_argument(
        "-s",
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy setting for this crawl, e.g. -s CLOSESPIDER_PAGECOUNT=100 (repeatable)",
    )
    db_option(p)
    json_option(p)


def _crawl(args: argparse.Namespace) -> int:
    if args.all:
        if args.site or args.url or args.base_url:
            raise CliError("--all crawls every configured site: give no site, --url or --base-url with it")
        return _crawl_all(args, read_config(args, required=True))
    from newsarchive.crawler.run import CrawlError, run_crawl
    from newsarchive.sites import UnknownSite, get_site

    if bool(args.site) == bool(args.url):
        raise CliError("give a site name (see `newsarchive sites`) or --url URL, not both; or --all")
    config = read_config(args)
    configured = config.site(args.site) if config and args.site else None
    if args.site and configured is None:
        try:
            get_site(args.site)
        except UnknownSite as exc:
            raise CliError(exc.args[0]) from exc
    settings = configured.scrapy_settings() if configured else {}
    settings.update(_setting(s) for s in args.set)
    if args.force:
        settings["NEWSARCHIVE_FORCE"] = True
    if getattr(args, "warc_dir", None):
        settings["NEWSARCHIVE_WARC_DIR"] = args.warc_dir
    spider = configured.spider if configured else (args.site or "generic")
    url = args.url or (configured.url if configured else None)
    base_url = args.base_url or (configured.base_url if configured else None)
    open_for(args, must_exist=False, settings=settings).close()  # a bad --db or -s fails here, before Scrapy starts
    try:
        summary = run_crawl(spider, args.db, base_url=base_url, url=url, settings=settings)
    except CrawlError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json(summary)
    else:
        print(key_values((k, v) for k, v in summary.items() if not isinstance(v, (dict, list))))
    _report(summary, summary.get("site") or args.site or url or spider)
    return 0 if summary.get("status") == "finished" and summary.get("pages_fetched") else 1


def _report(summary: dict, site: str) -> None:
    """The run's failure and warning on stderr, one line each: what cron mails and journalctl shows."""
    if summary.get("failure"):
        print(f"newsarchive: error: {site}: {summary['failure']}", file=sys.stderr)
    if summary.get("warning"):
        print(f"newsarchive: warning: {site}: {summary['warning']}", file=sys.stderr)


def _crawl_all(args: argparse.Namespace, config) -> int:
    """Each configured site in its own `newsarchive crawl` process, one after another.

    A process per site: Twisted's reactor runs once per process, a crash, hang or kill stays with its
    site, and memory goes back to the system after each site. One after another: politeness is per
    site anyway, and SQLite takes one writer at a time.
    """
    results, failed = [], 0
    with _stop_after_this_site() as stopped:
        for site in config.sites:
            if stopped:
                break
            cmd = [sys.executable, "-m", "newsarchive", "crawl", site.name, "--config", config.path, "--json"]
            cmd += ["--db", args.db] if args.db else []
            cmd += ["--force"] if args.force else []
            cmd += ["--warc-dir", args.warc_dir] if getattr(args, "warc_dir", None) else []
            for setting in args.set:
                cmd += ["-s", setting]
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
            try:
                summary = json.loads(proc.stdout)
            except ValueError:
                summary = {"status": "failed", "warning": f"crawl exited with status {proc.returncode}"}
            summary["site"] = site.name
            failed += proc.returncode != 0
            results.append(summary)
    if stopped:
        skipped = [site.name for site in config.sites[len(results) :]]
        print(f"newsarchive: interrupted; not crawled: {', '.join(skipped) or 'none'}", file=sys.stderr)
    if args.json:
        print_json(results)
    else:
        print(table(results, SUMMARY_COLUMNS))
    return 1 if failed or stopped else 0


@contextlib.contextmanager
def _stop_after_this_site() -> Iterator[list[int]]:
    """While the sites are crawled, SIGINT and SIGTERM only end the loop after the current site (the list
    it yields gets the signals). A terminal's Ctrl-C, `timeout` and systemd signal the whole process
    group, so the site's own crawl has the signal too and stops gracefully; without this, subprocess.run
    would answer Ctrl-C by killing that crawl (SIGKILL), losing what it had fetched."""
    stopped: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, _: stopped.append(signum)) for signum in _STOPS}
    try:
        yield stopped
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


_STOPS = (signal.SIGINT, signal.SIGTERM)


CRAWL = Command(
    "crawl",
    "crawl a supported site (or any site with --url, or every configured site with --all) into the archive",
    (
        "newsarchive crawl newsweekjapan",
        "newsarchive crawl --all --config newsarchive.toml",
        "newsarchive crawl newsweekjapan --base-url http://127.0.0.1:8000 --db mirror.db",
        "newsarchive crawl --url https://example.com/feed.xml",
    ),
    _crawl_arguments,
    _crawl,
)


def _demo_arguments(p: argparse.ArgumentParser) -> None:
    db_option(p)
    json_option(p)


def _demo(args: argparse.Namespace) -> int:
    from newsarchive.crawler.demo import run_demo

    summary = run_demo(args.db)
    if args.json:
        print_json(summary)
        return 0 if summary.get("status") == "finished" else 1
    print(
        key_values(
            (k, summary.get(k))
            for k in (
                "db",
                "status",
                "pages_fetched",
                "articles_new",
                "articles_updated",
                "articles_unchanged",
                "duplicates",
                "revisions",
                "near_duplicates",
                "dropped",
                "errors",
            )
        )
    )
    print(f"\nnewsarchive search {summary['sample_query']}")
    print(
        table(
            summary["sample_results"], [("id", "id", 6), ("published", "published", 25), ("headline", "headline", 60)]
        )
    )
    return 0 if summary.get("status") == "finished" else 1


DEMO = Command(
    "demo",
    "serve the bundled sample site on 127.0.0.1, crawl it into an archive, print a summary",
    ("newsarchive demo", "newsarchive demo --db /tmp/demo.db"),
    _demo_arguments,
    _demo,
)
