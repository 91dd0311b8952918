"""The `newsarchive` command line: parse options, call one library function, print the result."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsarchive import __version__
from newsarchive.cli import crawl as cli_crawl, history as cli_history  # noqa: F401  (they register their commands)
from newsarchive.cli.base import (
    COMMANDS,
    CliError,
    command,
    open_for,
    print_json,
    print_rows,
)
from newsarchive.cli.render import article_text, key_values, table


@command
def cmd_demo(args: argparse.Namespace) -> int:
    from newsarchive.crawler.demo import run_demo
    summary = run_demo(args.db)
    if args.json:
        print_json(summary)
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
    print_json(article.to_json())
    return 0


@command
def cmd_search(args: argparse.Namespace) -> int:
    from newsarchive.store import SearchQueryError

    with open_for(args) as archive:
        try:
            rows = archive.search(args.query, limit=args.limit, site=args.site)
        except SearchQueryError as exc:
            raise CliError(str(exc)) from exc
    print_rows(args, rows, [("id", "id", 6), ("published", "published", 25), ("headline", "headline", 50),
                             ("snippet", "snippet", 60)])
    return 0


@command
def cmd_show(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        article = archive.get(args.article)
    if article is None:
        raise CliError(f"no article with id or URL {args.article!r}")
    if args.json:
        print_json(article)
    else:
        print(article_text(article))
    return 0


@command
def cmd_latest(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        rows = archive.latest(limit=args.limit, site=args.site)
    print_rows(args, rows, [("id", "id", 6), ("published", "published", 25), ("site", "site", 14),
                             ("headline", "headline", 70)])
    return 0


@command
def cmd_export(args: argparse.Namespace) -> int:
    from newsarchive.cli.export import write_export

    with open_for(args) as archive:
        if args.output and args.output != "-":
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                count = write_export(archive.iter_articles(site=args.site), args.format, out)
            print(f"exported {count} articles to {args.output}", file=sys.stderr)
        else:
            write_export(archive.iter_articles(site=args.site), args.format, sys.stdout)
    return 0


@command
def cmd_stats(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        stats = archive.stats()
    if args.json:
        print_json(stats)
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
    with open_for(args) as archive:
        rows = archive.runs(limit=args.limit)
    print_rows(args, rows, [("id", "id", 5), ("spider", "spider", 14), ("started_at", "started", 25),
                             ("status", "status", 11), ("pages_fetched", "pages", 6), ("articles_new", "new", 5),
                             ("duplicates", "dup", 5), ("dropped", "dropped", 7), ("errors", "errors", 6),
                             ("warning", "warning", 40)])
    return 0


@command
def cmd_problems(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        rows = archive.problems(run_id=args.run, limit=args.limit)
    print_rows(args, rows, [("run_id", "run", 4), ("kind", "kind", 7), ("url", "url", 60), ("reason", "reason", 70)])
    return 0


@command
def cmd_eval(args: argparse.Namespace) -> int:
    from newsarchive.cli.evaluate import run_eval

    dataset = Path(args.dataset)
    if not (dataset / "ground-truth.json").is_file():
        raise CliError(f"no ground-truth.json in {dataset}")
    with open(args.output, "w", encoding="utf-8") as out:
        summary = run_eval(dataset, out)
    print(f"{summary.pages} pages, {summary.failed} failed, {summary.pages_per_second:.1f} pages/s "
          f"(extraction only) -> {args.output}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    from newsarchive.cli.spec import add_commands

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
