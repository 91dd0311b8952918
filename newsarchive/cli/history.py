"""The commands about an article's versions: its revisions, their diff, recent changes, its story cluster."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime, timedelta

from newsarchive.cli.base import CliError, open_for, print_json, print_rows
from newsarchive.cli.command import Command
from newsarchive.cli.options import db_option, json_option, limit_option, site_option
from newsarchive.cli.render import printable


def _article_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", metavar="ID_OR_URL", help="the article's id or any URL it was seen under")


def _article_id(archive, id_or_url: str) -> int:
    found = archive.resolve(id_or_url)
    if found is None:
        raise CliError(f"no article with id or URL {id_or_url!r}")
    return found


def _history_arguments(p: argparse.ArgumentParser) -> None:
    _article_argument(p)
    db_option(p)
    json_option(p)


def _history(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        rows = archive.history(_article_id(archive, args.article))
    for row in rows:
        row["changed"] = (
            "current"
            if row["current"]
            else ", ".join(name for name in ("headline", "body") if row[f"{name}_changed"]) or "-"
        )
        if not args.json:  # JSON has them as they are: cause null for the first, extractor_version null unknown
            row["made_by"] = row["cause"] or "first"
            row["extractor"] = row["extractor_version"] or "unknown"
    print_rows(
        args,
        rows,
        [
            ("revision", "rev", 4),
            ("made_by", "cause", 12),
            ("extractor", "extractor", 9),
            ("seen_from", "seen from", 25),
            ("seen_until", "seen until", 25),
            ("changed", "then changed", 14),
            ("headline", "headline", 60),
        ],
    )
    return 0


HISTORY = Command(
    "history",
    "list the revisions of an article (by id or any of its URLs): when each was seen, what changed, and its cause"
    " (a publisher's edit, or re-extracted) and extractor version",
    ("newsarchive history 12", "newsarchive history https://www.newsweekjapan.jp/stories/world/2025/01/1.php --json"),
    _history_arguments,
    _history,
)


def _diff_arguments(p: argparse.ArgumentParser) -> None:
    _article_argument(p)
    p.add_argument(
        "revisions",
        nargs="*",
        type=int,
        metavar="REV",
        help="two revision numbers to compare (default: the previous revision and the current one)",
    )
    db_option(p)
    json_option(p)


def _diff(args: argparse.Namespace) -> int:
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
    low, high = sorted((old_no, new_no))
    # What made the versions between the two: publisher edits, re-extractions, or both.
    causes = sorted({v["cause"] for v in versions if low < v["revision"] <= high and v["cause"]})
    if args.json:
        print_json(
            {
                "from": old_no,
                "to": new_no,
                "causes": causes,
                "from_extractor_version": old["extractor_version"],
                "to_extractor_version": new["extractor_version"],
                "headline": [list(r) for r in headline],
                "body": [list(r) for r in body],
            }
        )
    else:
        ends = [
            f"revision {v['revision']} ({v['seen_from']}, extractor {v['extractor_version'] or 'unknown'})"
            for v in (old, new)
        ]
        print(f"{ends[0]} -> {ends[1]}: {', '.join(causes) or 'no change'}")
        print(printable(f"\nheadline: {render(headline)}\n\n{render(body)}"))
    return 0


DIFF = Command(
    "diff",
    "show what changed between two revisions of an article, word by word (character by character in Japanese)",
    ("newsarchive diff 12", "newsarchive diff 12 1 3 --json"),
    _diff_arguments,
    _diff,
)


def _changed_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--since",
        default="7d",
        metavar="AGE",
        help="how far back: 7d, 12h, 30m, or an ISO date/time like 2025-01-18 (default 7d)",
    )
    p.add_argument(
        "--field",
        choices=("headline", "body", "any"),
        default="headline",
        help="what must have changed (default headline)",
    )
    p.add_argument(
        "--all-causes",
        action="store_true",
        help="list changes re-extraction made too, not only the publishers' edits",
    )
    limit_option(p, 50)
    site_option(p)
    db_option(p)
    json_option(p)


def _changed(args: argparse.Namespace) -> int:
    since = since_time(args.since)
    with open_for(args) as archive:
        rows = archive.changed(since, args.field, site=args.site, limit=args.limit, all_causes=args.all_causes)
    for row in rows:
        row["what"] = ", ".join(row["changed"])
    print_rows(
        args,
        rows,
        [
            ("id", "id", 6),
            ("changed_at", "changed at", 25),
            ("what", "changed", 14),
            ("cause", "cause", 12),
            ("old_headline", "before", 40),
            ("headline", "now", 40),
        ],
    )
    return 0


def since_time(text: str):
    found = re.fullmatch(r"\s*(\d+)\s*([dhm])\s*", text)
    if found:
        unit = {"d": "days", "h": "hours", "m": "minutes"}[found.group(2)]
        try:
            return datetime.now(UTC) - timedelta(**{unit: int(found.group(1))})
        except (OverflowError, ValueError):  # past year 1, or more digits than int() takes
            raise CliError(f"--since {text.strip()[:40]} reaches back before the year 1: give a smaller age") from None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"--since takes an age like 7d, 12h, 30m or an ISO date like 2025-01-18, not {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


CHANGED = Command(
    "changed",
    "list articles whose headline (or body) a publisher changed recently, newest change first",
    ("newsarchive changed --since 7d --field headline", "newsarchive changed --since 30d --all-causes --json"),
    _changed_arguments,
    _changed,
)


def _related_arguments(p: argparse.ArgumentParser) -> None:
    _article_argument(p)
    db_option(p)
    json_option(p)


def _related(args: argparse.Namespace) -> int:
    with open_for(args) as archive:
        rows = archive.related(_article_id(archive, args.article))
    print_rows(
        args,
        rows,
        [
            ("id", "id", 6),
            ("similarity", "similarity", 10),
            ("site", "site", 14),
            ("published", "published", 25),
            ("headline", "headline", 60),
        ],
    )
    return 0


RELATED = Command(
    "related",
    "list the other versions of an article's story (near duplicates on this and other sites)",
    ("newsarchive related 12", "newsarchive related https://www.newsweekjapan.jp/headlines/world/2025/01/1.php --json"),
    _related_arguments,
    _related,
)
