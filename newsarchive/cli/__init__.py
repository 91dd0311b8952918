"""The `newsarchive` command line: parse options, call one library function, print the result."""

from __future__ import annotations

import argparse
import sys

from newsarchive import __version__
from newsarchive.cli import captures, crawl, extraction, history, reading, reextract, runs, sites, upgrade
from newsarchive.cli.base import CliError
from newsarchive.cli.command import Command
from newsarchive.cli.options import OneLineParser

# Each module holds one group of commands, their options, help and handlers side by side; this list names every
# command in the order `newsarchive --help` shows them, which mixes the groups (demo and crawl first, sites last).
COMMANDS: tuple[Command, ...] = (
    crawl.DEMO,
    crawl.CRAWL,
    extraction.EXTRACT,
    reading.SEARCH,
    reading.SHOW,
    history.HISTORY,
    history.DIFF,
    history.CHANGED,
    history.RELATED,
    captures.CAPTURES,
    captures.CAPTURE,
    reextract.REEXTRACT,
    reading.LATEST,
    reading.EXPORT,
    reading.STATS,
    runs.RUNS,
    runs.PROBLEMS,
    sites.SITES,
    upgrade.UPGRADE,
    extraction.EVAL,
)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="newsarchive",
        description="Crawl news sites into an archive, then search, list and export it.",
        epilog="example:\n  newsarchive demo",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_to(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed in one line
        return stop.code if isinstance(stop.code, int) else 2
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    run = next(command.run for command in COMMANDS if command.name == args.command)
    try:
        return run(args)
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
    except Exception as exc:
        from newsarchive.store import StoreError  # imported late: `newsarchive --help` needs no database code

        if not isinstance(exc, StoreError):
            raise
        # The archive failed under a command that had opened it (a corrupted page, a server gone): one line.
        print(f"newsarchive: error: {exc}", file=sys.stderr)
        return 2
