"""The options several commands share, each worded once so every command's --help says the same."""

from __future__ import annotations

import argparse

# The most rows a listing takes: any real archive, yet a number every database can bind.
MAX_ROWS = 1_000_000_000
# Ids are the database's 64-bit integers.
MAX_ID = 2**63 - 1


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line (`newsarchive CMD: error: ...`), exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]  # argparse declares NoReturn
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:39] + "…")


def whole_number(low: int, high: int):
    """An argparse type: an integer from `low` to `high`, else a one-line error saying so."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, not {_shown(text)}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high:,}, not {_shown(text)}")
        return value

    return parse


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
    p.add_argument(
        "--limit",
        type=whole_number(1, MAX_ROWS),
        default=default,
        metavar="N",
        help=f"at most N rows (default {default})",
    )


def site_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", metavar="NAME", help="only articles of this site")
