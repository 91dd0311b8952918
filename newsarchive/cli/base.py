"""What every `newsarchive` command shares: one-line errors, the archive, printing."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from newsarchive.cli.render import as_json, table


class CliError(Exception):
    """A problem the user can fix; printed as one line `error: ...`, exit status 2."""


def open_for(args: argparse.Namespace, *, must_exist: bool = True, settings: dict[str, Any] | None = None):
    """The archive named by --db (or the default), opened; a missing file or a bad URL is a CliError.

    `must_exist` (every reading command): the archive is opened read-only, so a reading command never
    creates, migrates or changes what --db names; otherwise (crawls) it is created or upgraded.
    `settings`: a crawl's Scrapy settings, checked first (crawler.config.check_settings) so that a bad
    value is a one-line error before Scrapy starts.
    """
    from newsarchive.crawler.config import check_settings
    from newsarchive.crawler.environment import default_db, open_user_archive
    from newsarchive.store import StoreError

    try:
        check_settings(settings or {})
    except ValueError as exc:
        raise CliError(f"setting {exc}") from exc

    db = args.db or default_db()
    if must_exist and "://" not in db and not Path(db).exists():
        raise CliError(f"no archive at {db}: run `newsarchive demo` or `newsarchive crawl` first, or pass --db")
    try:
        return open_user_archive(db, read_only=must_exist)
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def print_json(value) -> None:
    print(as_json(value))


def print_rows(args: argparse.Namespace, rows: list[dict], columns: list[tuple[str, str, int]]) -> None:
    print(as_json(rows) if args.json else table(rows, columns))
