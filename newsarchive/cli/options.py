"""The options several commands share, each worded once so every command's --help says the same."""

from __future__ import annotations

import argparse


def db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="DB",
        help="archive file path or SQLAlchemy URL (default: $NEWSARCHIVE_DB, else ./newsarchive.db)",
    )


def config_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--config",
        metavar="FILE",
        help="crawl config (TOML; default: $NEWSARCHIVE_CONFIG, else ./newsarchive.toml if present)",
    )


def json_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def limit_option(p: argparse.ArgumentParser, default: int = 20) -> None:
    p.add_argument("--limit", type=int, default=default, metavar="N", help=f"at most N rows (default {default})")


def site_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", metavar="NAME", help="only articles of this site")
