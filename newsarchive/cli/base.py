"""What every `newsarchive` command shares: one-line errors, the archive, printing."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from newsarchive.cli.render import as_json, table


class CliError(Exception):
    """A problem the user can fix; printed as one line `error: ...`, exit status 2."""


def open_for(
    args: argparse.Namespace,
    *,
    must_exist: bool = True,
    settings: dict[str, Any] | None = None,
    write: bool = False,
):
    """The archive named by --db (or the default), opened; a missing file or a bad URL is a CliError.

    `must_exist` (every reading command): the archive is opened read-only, so a reading command never
    creates, migrates or changes what --db names, unless `write` (a command that changes an existing archive,
    such as `reextract`: upgraded, never created); otherwise (crawls) it is created or upgraded.
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
        return open_user_archive(db, read_only=must_exist and not write)
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def print_json(value) -> None:
    print(as_json(value))


def print_rows(args: argparse.Namespace, rows: list[dict], columns: list[tuple[str, str, int]]) -> None:
    print(as_json(rows) if args.json else table(rows, columns))


def read_config(args: argparse.Namespace, *, required: bool = False):
    """The config file named by --config, $NEWSARCHIVE_CONFIG or ./newsarchive.toml, or None."""
    from newsarchive.crawler.config import ConfigError, config_path, load_config

    path = config_path(getattr(args, "config", None))
    if path is None:
        if required:
            raise CliError("no config file: pass --config FILE, set $NEWSARCHIVE_CONFIG or create ./newsarchive.toml")
        return None
    try:
        config = load_config(path)
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    if config.db and not args.db and not os.environ.get("NEWSARCHIVE_DB"):
        args.db = config.db  # --db and $NEWSARCHIVE_DB win over the file
    if config.warc_dir and not getattr(args, "warc_dir", None) and not os.environ.get("NEWSARCHIVE_WARC_DIR"):
        args.warc_dir = config.warc_dir  # so do --warc-dir and $NEWSARCHIVE_WARC_DIR
    return config
