"""The commands about past crawls: `runs` and the `problems` (dropped pages, errors) they recorded."""

from __future__ import annotations

import argparse

from newsarchive.cli.base import open_for, print_rows
from newsarchive.cli.command import Command
from newsarchive.cli.options import MAX_ID, db_option, json_option, limit_option, whole_number


def _runs_arguments(p: argparse.ArgumentParser) -> None:
    limit_option(p)
    db_option(p)
    json_option(p)


def _runs(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        rows = archive.runs(limit=args.limit)
    print_rows(
        args,
        rows,
        [
            ("id", "id", 5),
            ("spider", "spider", 14),
            ("started_at", "started", 25),
            ("status", "status", 11),
            ("pages_fetched", "pages", 6),
            ("articles_new", "new", 5),
            ("duplicates", "dup", 5),
            ("dropped", "dropped", 7),
            ("errors", "errors", 6),
            ("warning", "warning", 40),
        ],
    )
    return 0


RUNS = Command(
    "runs",
    "list crawl runs with their status and counts",
    ("newsarchive runs --limit 5",),
    _runs_arguments,
    _runs,
)


def _problems_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--run",
        type=whole_number(1, MAX_ID),
        metavar="ID",
        help="only the problems of this crawl run (see `newsarchive runs`)",
    )
    limit_option(p, 100)
    db_option(p)
    json_option(p)


def _problems(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        rows = archive.problems(run_id=args.run, limit=args.limit)
    print_rows(args, rows, [("run_id", "run", 4), ("kind", "kind", 7), ("url", "url", 60), ("reason", "reason", 70)])
    return 0


PROBLEMS = Command(
    "problems",
    "list dropped pages and errors with their URL and reason, newest first",
    ("newsarchive problems --run 3", "newsarchive problems --json"),
    _problems_arguments,
    _problems,
)
