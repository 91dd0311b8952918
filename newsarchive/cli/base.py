"""What every `newsarchive` command shares: the command registry, one-line errors, the archive, printing."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

from newsarchive.cli.render import as_json, table

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


class CliError(Exception):
    """A problem the user can fix; printed as one line `error: ...`, exit status 2."""


def command(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Register `cmd_NAME` as the handler of `newsarchive NAME`."""
    COMMANDS[func.__name__.removeprefix("cmd_")] = func
    return func


def open_for(args: argparse.Namespace, *, must_exist: bool = True):
    """The archive named by --db (or the default), opened; a missing file or a bad URL is a CliError."""
    from newsarchive.crawler.environment import default_db, open_user_archive
    from newsarchive.store import StoreError

    db = args.db or default_db()
    if must_exist and "://" not in db and not Path(db).exists():
        raise CliError(f"no archive at {db}: run `newsarchive demo` or `newsarchive crawl` first, or pass --db")
    try:
        return open_user_archive(db)
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def print_json(value) -> None:
    print(as_json(value))


def print_rows(args: argparse.Namespace, rows: list[dict], columns: list[tuple[str, str, int]]) -> None:
    print(as_json(rows) if args.json else table(rows, columns))
