"""The `newsarchive` command line: parse options, call one library function, print the result."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

from newsarchive import __version__
from newsarchive.render import article_text, as_json, key_values, table

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


class CliError(Exception):
    """A problem the user can fix; printed as one line `error: ...`, exit status 2."""


def command(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    COMMANDS[func.__name__.removeprefix("cmd_")] = func
    return func


def _archive(args: argparse.Namespace, *, must_exist: bool = True):
    from newsarchive.store import StoreError, default_db, open_archive

    db = args.db or default_db()
    if must_exist and "://" not in db and not Path(db).exists():
        raise CliError(f"no archive at {db}: run `newsarchive demo` or `newsarchive crawl` first, or pass --db")
    try:
        return open_archive(db)
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def _print_json(value) -> None:
    print(as_json(value))


def _print_rows(args: argparse.Namespace, rows: list[dict], columns: list[tuple[str, str, int]]) -> None:
    print(as_json(rows) if args.json else table(rows, columns))


@command
def cmd_demo(args: argparse.Namespace) -> int:
    from newsarchive.demo import run_demo
    summary = run_demo(args.db)
    if args.json:
        _print_json(summary)
        return 0 if summary.get("status") == "finished" else 1
    print(key_values(
        (k, summary.get(k)) for k in ("db", "status", "pages_fetched", "articles_new", "articles_updated",
                                      "articles_unchanged", "duplicates", "revisions", "near_duplicates",
                                      "dropped", "errors")
    ))
    print(f"\nnewsarchive search {summary['sample_query']}")
    print(table(summary["sample_results"], [("id", "id", 6), ("published", "published", 25), ("headline", "headline", 60)]))
    return 0 if summary.get("status") == "finished" else 1


@command
def cmd_crawl(args: argparse.Namespace) -> int:
    from newsarchive.crawl import CrawlError, run_crawl
    from newsarchive.sites import UnknownSite, get_site

    if bool(args.site) == bool(args.url):
        raise CliError("give a site name (see `newsarchive sites`) or --url URL, not both")
    if args.site:
        try:
            get_site(args.site)
        except UnknownSite as exc:
            raise CliError(exc.args[0]) from exc
    settings = dict(_setting(s) for s in args.set)
    _archive(args, must_exist=False).close()  # a bad --db fails here, in one line, before Scrapy starts
    try:
        summary = run_crawl(args.site or "generic", args.db, base_url=args.base_url, url=args.url, settings=settings)
    except CrawlError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        _print_json(summary)
    else:
        print(key_values((k, v) for k, v in summary.items() if not isinstance(v, (dict, list))))
    return 0 if summary.get("status") == "finished" and summary.get("pages_fetched") else 1


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise CliError(f"-s takes NAME=VALUE, got {text!r}")
    return name, value


@command
def cmd_extract(args: argparse.Namespace) -> int:
    from newsarchive.extract import ExtractionError, extract_article
    from newsarchive.sites import UnknownSite, get_site

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"no such file: {path}")
    rules, site = None, ""
    if args.site:
        try:
            profile = get_site(args.site)
        except UnknownSite as exc:
            raise CliError(exc.args[0]) from exc
        rules, site = profile.rules, profile.name
    try:
        article = extract_article(args.url, path.read_bytes(), content_type=args.content_type, rules=rules, site=site)
    except ExtractionError as exc:
        raise CliError(f"cannot extract {path}: {exc}") from exc
    _print_json(article.to_json())
    return 0


@command
def cmd_search(args: argparse.Namespace) -> int:
    from newsarchive.store import SearchQueryError

    with _archive(args) as archive:
        try:
            rows = archive.search(args.query, limit=args.limit, site=args.site)
        except SearchQueryError as exc:
            raise CliError(str(exc)) from exc
    _print_rows(args, rows, [("id", "id", 6), ("published", "published", 25), ("headline", "headline", 50),
                             ("snippet", "snippet", 60)])
    return 0


@command
def cmd_show(args: argparse.Namespace) -> int:
    with _archive(args) as archive:
        article = archive.get(args.article)
    if article is None:
        raise CliError(f"no article with id or URL {args.article!r}")
    if args.json:
        _print_json(article)
    else:
        print(article_text(article))
    return 0


def _article_id(archive, id_or_url: str) -> int:
    found = archive.resolve(id_or_url)
    if found is None:
        raise CliError(f"no article with id or URL {id_or_url!r}")
    return found


@command
def cmd_history(args: argparse.Namespace) -> int:
    with _archive(args) as archive:
        rows = archive.history(_article_id(archive, args.article))
    for row in rows:
        row["changed"] = "current" if row["current"] else ", ".join(
            name for name in ("headline", "body") if row[f"{name}_changed"]) or "-"
    _print_rows(args, rows, [("revision", "rev", 4), ("seen_from", "seen from", 25), ("seen_until", "seen until", 25),
                             ("changed", "then changed", 14), ("headline", "headline", 60)])
    return 0


@command
def cmd_diff(args: argparse.Namespace) -> int:
    from newsarchive.textdiff import diff, render

    with _archive(args) as archive:
        versions = archive.history(_article_id(archive, args.article), bodies=True)
    numbers = [v["revision"] for v in versions]
    if len(args.revisions) not in (0, 2):
        raise CliError("give two revision numbers (see `newsarchive history`), or none for the last change")
    if not args.revisions and len(versions) < 2:
        raise CliError(f"article {args.article} has one revision only: nothing to compare")
    old_no, new_no = args.revisions or numbers[-2:]
    by_number = {v["revision"]: v for v in versions}
    for number in (old_no, new_no):
        if number not in by_number:
            raise CliError(f"no revision {number}; the article has revisions {', '.join(map(str, numbers))}")
    old, new = by_number[old_no], by_number[new_no]
    headline, body = diff(old["headline"], new["headline"]), diff(old["body"], new["body"])
    if args.json:
        _print_json({"from": old_no, "to": new_no, "headline": [list(r) for r in headline],
                     "body": [list(r) for r in body]})
    else:
        print(f"revision {old_no} ({old['seen_from']}) -> revision {new_no} ({new['seen_from']})")
        print(f"\nheadline: {render(headline)}\n\n{render(body)}")
    return 0


@command
def cmd_changed(args: argparse.Namespace) -> int:
    since = _since(args.since)
    with _archive(args) as archive:
        rows = archive.changed(since, args.field, site=args.site, limit=args.limit)
    for row in rows:
        row["what"] = ", ".join(row["changed"])
    _print_rows(args, rows, [("id", "id", 6), ("changed_at", "changed at", 25), ("what", "changed", 14),
                             ("old_headline", "before", 40), ("headline", "now", 40)])
    return 0


def _since(text: str):
    import re
    from datetime import datetime, timedelta, timezone

    found = re.fullmatch(r"\s*(\d+)\s*([dhm])\s*", text)
    if found:
        unit = {"d": "days", "h": "hours", "m": "minutes"}[found.group(2)]
        return datetime.now(timezone.utc) - timedelta(**{unit: int(found.group(1))})
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"--since takes an age like 7d, 12h, 30m or an ISO date like 2025-01-18, not {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


@command
def cmd_related(args: argparse.Namespace) -> int:
    with _archive(args) as archive:
        rows = archive.related(_article_id(archive, args.article))
    _print_rows(args, rows, [("id", "id", 6), ("similarity", "similarity", 10), ("site", "site", 14),
                             ("published", "published", 25), ("headline", "headline", 60)])
    return 0


@command
def cmd_latest(args: argparse.Namespace) -> int:
    with _archive(args) as archive:
        rows = archive.latest(limit=args.limit, site=args.site)
    _print_rows(args, rows, [("id", "id", 6), ("published", "published", 25), ("site", "site", 14),
                             ("headline", "headline", 70)])
    return 0


@command
def cmd_export(args: argparse.Namespace) -> int:
    from newsarchive.export import write_export

    with _archive(args) as archive:
        if args.output and args.output != "-":
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                count = write_export(archive.iter_articles(site=args.site), args.format, out)
            print(f"exported {count} articles to {args.output}", file=sys.stderr)
        else:
            write_export(archive.iter_articles(site=args.site), args.format, sys.stdout)
    return 0


@command
def cmd_stats(args: argparse.Namespace) -> int:
    with _archive(args) as archive:
        stats = archive.stats()
    if args.json:
        _print_json(stats)
        return 0
    flat = []
    for key, value in stats.items():
        if isinstance(value, dict):
            flat += [(f"{key}.{k}", v) for k, v in value.items()]
        else:
            flat.append((key, value))
    print(key_values(flat))
    return 0


@command
def cmd_runs(args: argparse.Namespace) -> int:
    with _archive(args) as archive:
        rows = archive.runs(limit=args.limit)
    _print_rows(args, rows, [("id", "id", 5), ("spider", "spider", 14), ("started_at", "started", 25),
                             ("status", "status", 11), ("pages_fetched", "pages", 6), ("articles_new", "new", 5),
                             ("duplicates", "dup", 5), ("dropped", "dropped", 7), ("errors", "errors", 6)])
    return 0


@command
def cmd_problems(args: argparse.Namespace) -> int:
    with _archive(args) as archive:
        rows = archive.problems(run_id=args.run, limit=args.limit)
    _print_rows(args, rows, [("run_id", "run", 4), ("kind", "kind", 7), ("url", "url", 60), ("reason", "reason", 70)])
    return 0


@command
def cmd_sites(args: argparse.Namespace) -> int:
    from newsarchive.sites import all_sites

    rows = [{"name": s.name, "title": s.title, "base_url": s.base_url} for s in all_sites()]
    _print_rows(args, rows, [("name", "name", 20), ("title", "title", 30), ("base_url", "base url", 50)])
    return 0


@command
def cmd_eval(args: argparse.Namespace) -> int:
    from newsarchive.evaluate import run_eval

    dataset = Path(args.dataset)
    if not (dataset / "ground-truth.json").is_file():
        raise CliError(f"no ground-truth.json in {dataset}")
    with open(args.output, "w", encoding="utf-8") as out:
        summary = run_eval(dataset, out)
    print(f"{summary.pages} pages, {summary.failed} failed, {summary.pages_per_second:.1f} pages/s "
          f"(extraction only) -> {args.output}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    from newsarchive.cli_spec import add_commands

    parser = argparse.ArgumentParser(
        prog="newsarchive",
        description="Crawl news sites into an archive, then search, list and export it.",
        epilog="example:\n  newsarchive demo",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    add_commands(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"newsarchive: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsarchive: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `newsarchive export | head` closes the pipe early: not an error of ours.
        sys.stderr.close()
        return 0
