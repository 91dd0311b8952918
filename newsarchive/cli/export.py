"""The `export` command: articles as JSON Lines or CSV, streamed, or their captures as a WARC or WACZ file."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TextIO

from newsarchive.cli.base import CliError, open_for, read_config
from newsarchive.cli.captures import warc_dir_option
from newsarchive.cli.history import since_time as since_option_value
from newsarchive.cli.options import MAX_ID, db_option, site_option, whole_number
from newsarchive.items import JSON_KEYS

FORMATS = ("jsonl", "csv")
ARCHIVE_FORMATS = ("warc", "wacz")
# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), =cmd|..., @SUM(...)):
# text from a page never should, so such a cell gets a leading apostrophe, which spreadsheets show as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    # Lists of strings read best joined; anything structured (related links) stays JSON so it round-trips.
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "; ".join(value)
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_export(articles: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write each article (a dict with the JSON keys) to `out` in `fmt`; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    count = 0
    if fmt == "jsonl":
        for article in articles:
            out.write(json.dumps({k: article.get(k) for k in JSON_KEYS}, ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.writer(out)
    writer.writerow(JSON_KEYS)
    for article in articles:
        writer.writerow([_csv_cell(article.get(k)) for k in JSON_KEYS])
        count += 1
    return count


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=FORMATS + ARCHIVE_FORMATS,
        default="jsonl",
        help="jsonl or csv: the articles; warc or wacz: the captures they were read from (default jsonl)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output (wacz: required)")
    p.add_argument(
        "--since",
        metavar="AGE",
        help="only articles a crawl saw since AGE: 7d, 12h, 30m, or an ISO date/time like 2025-01-18",
    )
    p.add_argument(
        "--cluster",
        metavar="ID",
        type=whole_number(1, MAX_ID),
        help="only the articles of story cluster ID (`show --json` gives an article's story_cluster)",
    )
    site_option(p)
    warc_dir_option(p)
    db_option(p)


def run(args: argparse.Namespace) -> int:
    to_file = bool(args.output and args.output != "-")
    _refuse_standard_output(args.format, to_file)
    since = since_option_value(args.since) if args.since else None
    if args.format in ARCHIVE_FORMATS:
        read_config(args)  # its db and warc_dir, when the command line and the environment name none
    where = args.output if to_file else "standard output"
    with open_for(args) as archive:  # first: a bad archive must not cost an existing output file its content
        articles = archive.export_articles(
            site=args.site, since=since, cluster=args.cluster, captures=args.format in ARCHIVE_FORMATS
        )
        try:
            if args.format in FORMATS:
                if not to_file:
                    write_export(articles, args.format, sys.stdout)
                    return 0
                with _replacing(Path(args.output), "w", encoding="utf-8", newline="") as out:
                    count = write_export(articles, args.format, out)
                print(f"exported {count} articles to {args.output}", file=sys.stderr)
                return 0
            if not to_file:
                count, skipped, bare = _archive_export(args, articles, sys.stdout.buffer)
                sys.stdout.flush()
            else:
                with _replacing(Path(args.output), "wb") as binary:
                    count, skipped, bare = _archive_export(args, articles, binary)
        except BrokenPipeError:
            raise  # `export | head`: main() ends quietly
        except OSError as exc:  # a folder, a missing folder, a read-only file system, a full disk ...
            raise CliError(f"cannot write the export to {where}: {exc.strerror or exc}") from exc
    return _reported(count, skipped, bare, where if to_file else None)


def _refuse_standard_output(fmt: str, to_file: bool) -> None:
    if fmt == "wacz" and not to_file:
        raise CliError("--format wacz needs -o FILE: a zip file cannot be written to standard output")
    if fmt == "warc" and not to_file and sys.stdout.isatty():
        raise CliError("--format warc writes binary data: give -o FILE or redirect standard output")


def _reported(count: int, skipped: int, bare: int, output: str | None) -> int:
    """The last line of a WARC or WACZ export, and its exit status: 1 when records were skipped."""
    # Articles crawled with captures off (NEWSARCHIVE_WARC=0, or before captures) have nothing to export.
    bare_note = f" ({bare} of the chosen articles have no captures: crawled with captures off)" if bare else ""
    if skipped:
        print(f"newsarchive: exported {count} articles, skipped {skipped} captures{bare_note}", file=sys.stderr)
        return 1
    if output or bare:
        print(f"exported {count} articles to {output or 'standard output'}{bare_note}", file=sys.stderr)
    return 0


def _archive_export(
    args: argparse.Namespace, articles: Iterator[dict[str, Any]], out: IO[bytes]
) -> tuple[int, int, int]:
    """Write the WARC or WACZ; how many articles have records in it, how many records were skipped, and how
    many of the chosen articles have no capture at all."""
    from newsarchive.crawler.environment import default_db, warc_dir
    from newsarchive.crawler.wacz import WaczExport
    from newsarchive.crawler.warcexport import WarcExport, export_info

    root = warc_dir(args.db or default_db(), args.warc_dir)
    chosen = [f"--{name} {value}" for name, value in (("site", args.site), ("since", args.since)) if value]
    chosen += [f"--cluster {args.cluster}"] if args.cluster else []
    selection = " ".join(chosen) or "every article"
    info = export_info(selection)
    count = bare = 0
    if args.format == "wacz":
        with WaczExport(out, root, title=f"newsarchive export: {selection}", info=info, on_skip=_skipped) as wacz:
            for article in articles:
                bare += not article["captures"]
                count += wacz.add_article(article)
        return count, wacz.warc.skipped, bare
    name = Path(args.output).name if args.output and args.output != "-" else "newsarchive-export.warc.gz"
    warc = WarcExport(out, root, filename=name, info=info, on_skip=_skipped)
    for article in articles:
        bare += not article["captures"]
        count += bool(warc.add_all(article["captures"]))
    return count, warc.skipped, bare


def _skipped(message: str) -> None:
    print(f"newsarchive: skipped: {message}", file=sys.stderr)


@contextlib.contextmanager
def _replacing(path: Path, mode: str, **options: Any) -> Iterator[Any]:
    """A file that becomes `path` only once it is wholly written: a temporary file beside it, renamed at the end,
    removed on any error. A device or pipe (/dev/full, a FIFO) is written to as it is: it cannot be replaced."""
    if path.exists() and not path.is_file():
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(path))
        with open(path, mode, **options) as out:
            yield out
        return
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as open() would have made it, not mkstemp's 0600
        with open(handle, mode, **options) as out:
            yield out
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
