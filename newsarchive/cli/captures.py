"""The commands that read WARC captures: `captures` (an article's list) and `capture` (one page as fetched)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from newsarchive.cli.base import CliError, open_for, print_rows, read_config
from newsarchive.cli.command import Command
from newsarchive.cli.options import config_option, db_option, json_option


def warc_dir_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--warc-dir",
        metavar="DIR",
        help="the WARC folder (default: $NEWSARCHIVE_WARC_DIR, the config's warc_dir, else beside the archive)",
    )
    config_option(p)


def _captures_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", metavar="ID_OR_URL", help="the article's id or any URL it was stored under")
    db_option(p)
    json_option(p)


def _listed(args: argparse.Namespace) -> list[dict]:
    with open_for(args) as archive:
        rows = archive.captures(args.article)
    if rows is None:
        raise CliError(f"no article with id or URL {args.article!r}")
    return rows


def _captures(args: argparse.Namespace) -> int:
    rows = _listed(args)
    for row in rows:
        row["text"] = "current" if row["current"] else "earlier revision"
    columns = [("id", "id", 6), ("fetched_at", "fetched at", 25), ("status", "status", 6), ("kind", "kind", 8)]
    columns += [("page", "page", 4), ("text", "text", 16), ("url", "url", 60), ("warc_file", "WARC file", 80)]
    print_rows(args, rows, columns)
    return 0


CAPTURES = Command(
    "captures",
    "list the WARC captures an article and its revisions were extracted from",
    ("newsarchive captures 12", "newsarchive captures https://www.newsweekjapan.jp/stories/world/2025/01/1.php --json"),
    _captures_arguments,
    _captures,
)


def _capture_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", metavar="ID_OR_URL", help="the article's id or any URL it was stored under")
    p.add_argument("--at", metavar="WHEN", help="the capture fetched last at or before WHEN (ISO date or time, UTC)")
    p.add_argument("--page", type=int, default=1, help="which page of a multi-page article (default 1)")
    p.add_argument("--raw", action="store_true", help="only the payload as fetched (the page's bytes)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    warc_dir_option(p)
    db_option(p)


def _when(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise CliError(f"--at takes an ISO date or time (2025-01-20, 2025-01-20T09:30), not {text!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _capture(args: argparse.Namespace) -> int:
    from newsarchive.crawler.environment import default_db, warc_dir
    from newsarchive.crawler.warcread import CaptureUnreadable, read_capture

    read_config(args)  # its db and warc_dir, when the command line and the environment name none
    rows = [row for row in _listed(args) if row["page"] == args.page]
    if args.at:
        until = _when(args.at)
        rows = [row for row in rows if datetime.fromisoformat(row["fetched_at"]) <= until]
    if not rows:
        raise CliError(f"no capture of page {args.page} of {args.article!r}" + (f" at {args.at}" if args.at else ""))
    chosen = rows[-1]
    original = chosen
    with open_for(args) as archive:
        # A revisit holds no payload: the capture it refers to does (the same bytes, or what a 304 confirmed).
        while original["kind"] == "revisit" and original.get("refers_to"):
            found = archive.capture(original["refers_to"])
            if found is None:
                break
            original = found
    root = warc_dir(args.db or default_db(), args.warc_dir)
    try:
        head, payload = read_capture(root, *_where(original))
        if original is not chosen:
            head, _ = read_capture(root, *_where(chosen))
    except CaptureUnreadable as exc:
        print(f"newsarchive: error: cannot read the capture: {exc}", file=sys.stderr)
        return 1
    data = payload if args.raw else _described(chosen, head).encode("utf-8") + payload
    if args.output and args.output != "-":
        with open(args.output, "wb") as out:
            out.write(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _where(row: dict) -> tuple:
    return row["warc_file"], row["offset"], row["record_id"], row["length"], row["payload_digest"]


def _described(row: dict, head: str) -> str:
    lines = [f"{key}: {row[key]}" for key in ("url", "fetched_at", "kind", "record_id", "warc_file", "offset")]
    return "\n".join(lines) + "\n\n" + head


CAPTURE = Command(
    "capture",
    "write an article's page as it was fetched, read back from its WARC record",
    ("newsarchive capture 12 --raw > page.html", "newsarchive capture 12 --at 2025-01-20 --raw -o old.html"),
    _capture_arguments,
    _capture,
)
