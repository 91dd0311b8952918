"""The commands about an article's versions: its revisions, their diff, recent changes, its story cluster."""

from __future__ import annotations

import argparse
import re
from datetime import datetime, timedelta, timezone

from newsarchive.cli.base import CliError, command, open_for, print_json, print_rows


def _article_id(archive, id_or_url: str) -> int:
    found = archive.resolve(id_or_url)
    if found is None:
        raise CliError(f"no article with id or URL {id_or_url!r}")
    return found


@command
def cmd_history(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        rows = archive.history(_article_id(archive, args.article))
    for row in rows:
        row["changed"] = "current" if row["current"] else ", ".join(
            name for name in ("headline", "body") if row[f"{name}_changed"]) or "-"
    print_rows(args, rows, [("revision", "rev", 4), ("seen_from", "seen from", 25), ("seen_until", "seen until", 25),
                             ("changed", "then changed", 14), ("headline", "headline", 60)])
    return 0


@command
def cmd_diff(args: argparse.Namespace) -> int:
    from newsarchive.text.textdiff import diff, render

    with open_for(args) as archive:
        versions = archive.history(_article_id(archive, args.article), bodies=True)
    numbers = [v["revision"] for v in versions]
    if len(args.revisions) not in (0, 2):
        raise CliError("give two revision numbers (see `newsarchive history`), or none for the last change")
    if not args.revisions and len(versions) < 2:
        raise CliError(f"article {args.article} has one revision only: nothing to compare")
    old_no, new_no = args.revisions or numbers[-2:]
    by_number = {v["revision"]: v for v in versions}
    for number in (old_no, new_no):
        if number not in by_number:
            raise CliError(f"no revision {number}; the article has revisions {', '.join(map(str, numbers))}")
    old, new = by_number[old_no], by_number[new_no]
    headline, body = diff(old["headline"], new["headline"]), diff(old["body"], new["body"])
    if args.json:
        print_json({"from": old_no, "to": new_no, "headline": [list(r) for r in headline],
                     "body": [list(r) for r in body]})
    else:
        print(f"revision {old_no} ({old['seen_from']}) -> revision {new_no} ({new['seen_from']})")
        print(f"\nheadline: {render(headline)}\n\n{render(body)}")
    return 0


@command
def cmd_changed(args: argparse.Namespace) -> int:
    since = _since(args.since)
    with open_for(args) as archive:
        rows = archive.changed(since, args.field, site=args.site, limit=args.limit)
    for row in rows:
        row["what"] = ", ".join(row["changed"])
    print_rows(args, rows, [("id", "id", 6), ("changed_at", "changed at", 25), ("what", "changed", 14),
                             ("old_headline", "before", 40), ("headline", "now", 40)])
    return 0


def _since(text: str):
    found = re.fullmatch(r"\s*(\d+)\s*([dhm])\s*", text)
    if found:
        unit = {"d": "days", "h": "hours", "m": "minutes"}[found.group(2)]
        return datetime.now(timezone.utc) - timedelta(**{unit: int(found.group(1))})
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"--since takes an age like 7d, 12h, 30m or an ISO date like 2025-01-18, not {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


@command
def cmd_related(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        rows = archive.related(_article_id(archive, args.article))
    print_rows(args, rows, [("id", "id", 6), ("similarity", "similarity", 10), ("site", "site", 14),
                             ("published", "published", 25), ("headline", "headline", 60)])
    return 0
