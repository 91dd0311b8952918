"""`newsarchive reextract`: run today's extractor over the archived captures and keep what changed as revisions."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from newsarchive.cli.base import open_for, print_json, read_config
from newsarchive.cli.captures import warc_dir_option
from newsarchive.cli.command import Command
from newsarchive.cli.history import since_time
from newsarchive.cli.options import db_option, json_option, site_option, whole_number
from newsarchive.cli.render import printable

SHOWN_SKIPS = 50  # lines naming articles left as they were; the rest are counted


def _arguments(p: argparse.ArgumentParser) -> None:
    site_option(p)
    p.add_argument("--since", metavar="AGE", help="only articles fetched since AGE (7d, 12h, 30m) or an ISO date")
    p.add_argument(
        "--outdated",
        action="store_true",
        help="only articles an older (or unknown) extractor version made; the default re-reads them all, since a"
        " fix can come from a site profile or a setting as well as a new version",
    )
    p.add_argument("--dry-run", action="store_true", help="change nothing: say how many would change, and how")
    p.add_argument("--restart", action="store_true", help="start over instead of carrying on an unfinished run")
    p.add_argument(
        "--workers",
        type=whole_number(0, 64),
        metavar="N",
        help="extraction processes (default: one per core, at most 4, from 1000 articles on; 0: in this process)",
    )
    warc_dir_option(p)
    db_option(p)
    json_option(p)


class _Bar:
    """A progress line with an ETA on a terminal, redrawn at most once a second; a plain line per tenth elsewhere."""

    def __init__(self, stream: Any) -> None:
        self.stream, self.live = stream, stream.isatty()
        self.shown, self.tenth = 0.0, -1

    def __call__(self, done: int, total: int, summary: Any) -> None:
        now = time.monotonic()
        share = done / total if total else 1.0
        if self.live and now - self.shown < 1.0 and done < total:
            return
        if not self.live and int(share * 10) == self.tenth:
            return
        self.shown, self.tenth = now, int(share * 10)
        rate = summary.considered / summary.seconds if summary.seconds else 0.0
        eta = (total - done) / rate if rate else 0.0
        line = (
            f"re-extracting: {done}/{total} articles ({share:.0%}), {summary.changed} changed, "
            f"{summary.pages_per_second:.1f} pages/s, ETA {int(eta) // 60}:{int(eta) % 60:02d}"
        )
        self.stream.write(f"\r\x1b[K{line}" if self.live else line + "\n")
        self.stream.flush()

    def end(self) -> None:
        if self.live and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _run(args: argparse.Namespace) -> int:
    from newsarchive.crawler.environment import default_db, warc_dir
    from newsarchive.crawler.reextract import Reextractor
    from newsarchive.extract.version import EXTRACTOR_VERSION
    from newsarchive.store.reextraction import Filter

    read_config(args)  # its db and warc_dir, when the command line and the environment name none
    chosen = Filter(
        site=args.site,
        since=since_time(args.since) if args.since else None,
        outdated_than=EXTRACTOR_VERSION if args.outdated else None,
        since_given=args.since.strip() if args.since else None,
    )
    root = warc_dir(args.db or default_db(), args.warc_dir)
    bar = _Bar(sys.stderr)
    archive = open_for(args, write=not args.dry_run)
    with archive:
        job = Reextractor(archive, root, chosen, dry_run=args.dry_run, workers=args.workers, restart=args.restart)
        try:
            summary = job.run(bar)
        finally:
            bar.end()
    for line in summary.skipped[:SHOWN_SKIPS]:
        print(f"newsarchive: {printable(line)}", file=sys.stderr)
    if len(summary.skipped) > SHOWN_SKIPS:
        print(f"newsarchive: ... and {len(summary.skipped) - SHOWN_SKIPS} more left as they were", file=sys.stderr)
    if args.json:
        print_json(
            {
                **summary.counts(),
                "fields": dict(summary.fields),
                "dry_run": args.dry_run,
                "resumed_after": summary.resumed_after,
                "pages_per_second": round(summary.pages_per_second, 1),
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
    else:
        print(_report(summary, args.dry_run, EXTRACTOR_VERSION))
    # Unreadable captures are data the archive has lost or damaged: the exit status says something was skipped.
    return 1 if summary.unreadable else 0


def _report(summary: Any, dry_run: bool, version: str) -> str:
    from newsarchive.text.textdiff import diff, render

    verb = "would change" if dry_run else "changed"
    fields = ", ".join(f"{name} {count}" for name, count in summary.fields.most_common())
    lines = []
    if summary.resumed_after:
        lines.append(f"carried on after article {summary.resumed_after} (an unfinished run with these options)")
    lines.append(
        f"{'dry run: ' if dry_run else ''}{summary.considered} articles read with extractor {version}, "
        f"{summary.pages} pages ({summary.pages_per_second:.1f} pages/s): {summary.changed} {verb}"
        + (f" ({fields})" if fields else "")
    )
    lines.append(
        f"  {summary.unchanged} unchanged, {summary.version_only} the same text "
        f"{'to be marked' if dry_run else 'now marked'} extractor {version}, "
        f"{summary.failed} not re-extracted (kept as they were), {summary.unreadable} with unreadable captures, "
        f"{summary.no_captures} without captures"
    )
    if summary.sample is not None:
        record, article, changed = summary.sample
        lines.append(f"\nfor example, article {record['id']} ({record['url']}): {', '.join(changed)}")
        new = article.to_json()
        for name in changed:
            if name in ("headline", "body"):
                lines.append(f"{name}: {render(_short(diff(record[name], new[name])))}")
            else:
                lines.append(f"{name}: {record[name]!r} -> {new[name]!r}")
    return printable("\n".join(lines))


def _short(runs: list[tuple[str, str]], context: int = 40) -> list[tuple[str, str]]:
    """The diff with long kept stretches cut to their ends: a sample shows what changed, not the whole body."""
    return [
        (op, text[:context] + " … " + text[-context:]) if op == "=" and len(text) > 3 * context else (op, text)
        for op, text in runs
    ]


REEXTRACT = Command(
    "reextract",
    "run today's extractor over the archived captures of articles; what changed becomes a revision whose cause"
    " is re-extracted",
    (
        "newsarchive reextract --dry-run",
        "newsarchive reextract --site newsweekjapan --since 30d",
        "newsarchive reextract --outdated --workers 2",
    ),
    _arguments,
    _run,
)
