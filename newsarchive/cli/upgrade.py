"""The `upgrade` command: bring an archive made by an older newsarchive to this version's schema."""

from __future__ import annotations

import argparse

from newsarchive.cli.base import CliError
from newsarchive.cli.command import Command
from newsarchive.cli.options import db_option


def _upgrade_arguments(p: argparse.ArgumentParser) -> None:
    db_option(p)


def _upgrade(args: argparse.Namespace) -> int:
    from newsarchive.crawler.environment import default_db
    from newsarchive.store import StoreError, upgrade_archive

    db = args.db or default_db()
    try:
        before, after = upgrade_archive(db)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    print(f"{db}: schema {after}" + (f" (upgraded from {before})" if before != after else ", already current"))
    return 0


UPGRADE = Command(
    "upgrade",
    "upgrade an archive made by an older newsarchive to this version's schema (read commands never do)",
    ("newsarchive upgrade --db news.db",),
    _upgrade_arguments,
    _upgrade,
)
