"""The commands that read the archive: `search`, `show`, `latest`, `export` (its body: export.py) and `stats`."""

from __future__ import annotations

import argparse

from newsarchive.cli import export
from newsarchive.cli.base import CliError, open_for, print_json, print_rows
from newsarchive.cli.command import Command
from newsarchive.cli.options import db_option, json_option, limit_option, site_option
from newsarchive.cli.render import article_text, key_values


def _search_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", help='words (all must match), "a phrase", OR between alternatives, -word to exclude')
    limit_option(p)
    site_option(p)
    db_option(p)
    json_option(p)


def _search(args: argparse.Namespace) -> int:
    from newsarchive.crawler import settings as defaults
    from newsarchive.store import SearchQueryError

    with open_for(args) as archive:
        try:
            rows = archive.search(
                args.query,
                limit=args.limit,
                site=args.site,
                max_chars=defaults.NEWSARCHIVE_QUERY_MAX_CHARS,
                max_terms=defaults.NEWSARCHIVE_QUERY_MAX_TERMS,
            )
        except SearchQueryError as exc:
            raise CliError(str(exc)) from exc
    print_rows(
        args,
        rows,
        [("id", "id", 6), ("published", "published", 25), ("headline", "headline", 50), ("snippet", "snippet", 60)],
    )
    return 0


SEARCH = Command(
    "search",
    'full-text search of the archive (Japanese and English; "phrases", OR, -exclude)',
    ("newsarchive search 条約", "newsarchive search '\"strategic treaty\" OR 条約 -北朝鮮' --json"),
    _search_arguments,
    _search,
)


def _show_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", metavar="ID_OR_URL", help="the article's id or any URL it was stored under")
    db_option(p)
    json_option(p)


def _show(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        article = archive.get(args.article)
    if article is None:
        raise CliError(f"no article with id or URL {args.article!r}")
    if args.json:
        print_json(article)
    else:
        print(article_text(article))
    return 0


SHOW = Command(
    "show",
    "print one article by id or URL",
    ("newsarchive show 12", "newsarchive show https://www.newsweekjapan.jp/stories/world/2025/01/1.php --json"),
    _show_arguments,
    _show,
)


def _latest_arguments(p: argparse.ArgumentParser) -> None:
    limit_option(p)
    site_option(p)
    db_option(p)
    json_option(p)


def _latest(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        rows = archive.latest(limit=args.limit, site=args.site)
    print_rows(
        args,
        rows,
        [("id", "id", 6), ("published", "published", 25), ("site", "site", 14), ("headline", "headline", 70)],
    )
    return 0


LATEST = Command(
    "latest",
    "list the most recently published articles",
    ("newsarchive latest --limit 20 --site newsweekjapan",),
    _latest_arguments,
    _latest,
)


EXPORT = Command(
    "export",
    "export articles as JSON Lines or CSV, or the captures they were read from as a WARC or WACZ file",
    (
        "newsarchive export --format jsonl -o articles.jsonl",
        "newsarchive export --format csv --since 7d > articles.csv",
        "newsarchive export --format wacz --site newsweekjapan --since 30d -o newsweekjapan.wacz",
    ),
    export.arguments,
    export.run,
)


def _stats_arguments(p: argparse.ArgumentParser) -> None:
    db_option(p)
    json_option(p)


def _stats(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        stats = archive.stats()
    if args.json:
        print_json(stats)
        return 0
    flat = []
    for key, value in stats.items():
        if isinstance(value, dict):
            for k, v in value.items():
                # captures: per site, its captures and WARC bytes
                flat += [(f"{key}.{k}.{n}", m) for n, m in v.items()] if isinstance(v, dict) else [(f"{key}.{k}", v)]
        else:
            flat.append((key, value))
    print(key_values(flat))
    return 0


STATS = Command(
    "stats",
    "counts of articles, sites, runs and problems in the archive, and captures and WARC bytes per site",
    ("newsarchive stats --json",),
    _stats_arguments,
    _stats,
)
