"""The `sites` command: the configured sites (else every profile), their crawl settings and last run."""

from __future__ import annotations

import argparse
import os

from newsarchive.cli.base import CliError, print_rows, read_config
from newsarchive.cli.command import Command
from newsarchive.cli.options import config_option, db_option, json_option


def _sites_arguments(p: argparse.ArgumentParser) -> None:
    config_option(p)
    db_option(p)
    json_option(p)


def _sites(args: argparse.Namespace) -> int:
    from newsarchive.crawler import settings as defaults
    from newsarchive.crawler.config import SiteConfig
    from newsarchive.crawler.environment import default_db, open_user_archive
    from newsarchive.sites import all_sites
    from newsarchive.store import StoreError

    config = read_config(args)
    profiles = {s.name: s for s in all_sites()}
    sites = list(config.sites) if config else [SiteConfig(name=name) for name in profiles]
    last: dict = {}
    db = args.db or default_db()
    if "://" in db or os.path.exists(db):
        try:
            with open_user_archive(db, read_only=True) as archive:
                last = archive.last_runs()
        except StoreError as exc:
            raise CliError(str(exc)) from exc
    rows = []
    for site in sites:
        profile = profiles.get(site.name)
        start = site.url or site.base_url or (profile.base_url if profile else "")
        run = last.get(site.name) or {}
        delay = defaults.DOWNLOAD_DELAY if site.delay is None else site.delay
        concurrency = defaults.CONCURRENT_REQUESTS_PER_DOMAIN if site.concurrency is None else site.concurrency
        rows.append(
            {
                "name": site.name,
                "title": profile.title if profile else site.name,
                "base_url": profile.base_url if profile else None,
                "spider": site.spider,
                "start": start,
                "delay": delay,
                "concurrency": concurrency,
                "recheck": ", ".join(site.recheck),
                "configured": config is not None,
                "last_run": run.get("started_at"),
                "last_status": run.get("status"),
                "last_new": run.get("articles_new"),
                "warning": run.get("warning"),
            }
        )
    print_rows(
        args,
        rows,
        [
            ("name", "name", 16),
            ("start", "start", 36),
            ("delay", "delay", 5),
            ("concurrency", "conc", 4),
            ("recheck", "re-check after", 16),
            ("last_run", "last run", 25),
            ("last_status", "status", 11),
            ("last_new", "new", 4),
            ("warning", "warning", 30),
        ],
    )
    return 0


SITES = Command(
    "sites",
    "list the configured sites (else every site with a profile), their schedule and last run",
    ("newsarchive sites", "newsarchive sites --config newsarchive.toml --db news.db"),
    _sites_arguments,
    _sites,
)
