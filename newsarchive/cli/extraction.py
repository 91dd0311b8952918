"""The commands that run the extractor without a crawl: `extract` one saved page, `eval` a whole dataset."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsarchive.cli.base import CliError, print_json
from newsarchive.cli.command import Command


def _extract_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a saved HTML page (any charset)")
    p.add_argument("--url", required=True, help="the URL the page was fetched from")
    p.add_argument("--site", metavar="NAME", help="use this site profile's rules (default: generic extraction)")
    p.add_argument("--content-type", metavar="TYPE", help="the HTTP Content-Type it was served with, if known")


def _extract(args: argparse.Namespace) -> int:
    from newsarchive.extract import ExtractionError, extract_article
    from newsarchive.sites import UnknownSite, get_site

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"no such file: {path}")
    rules, site = None, ""
    if args.site:
        try:
            profile = get_site(args.site)
        except UnknownSite as exc:
            raise CliError(exc.args[0]) from exc
        rules, site = profile.rules, profile.name
    try:
        article = extract_article(args.url, path.read_bytes(), content_type=args.content_type, rules=rules, site=site)
    except ExtractionError as exc:
        raise CliError(f"cannot extract {path}: {exc}") from exc
    print_json({**article.to_json(), "extractor_version": article.extractor_version})
    return 0


EXTRACT = Command(
    "extract",
    "extract the article from a saved page and print it as JSON (no network, no database)",
    ("newsarchive extract page.html --url https://www.newsweekjapan.jp/headlines/world/2025/01/1.php",),
    _extract_arguments,
    _extract,
)


def _eval_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("dataset", metavar="DATASET_DIR", help="a folder with ground-truth.json and the saved pages")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the predictions (JSON Lines)")


def _eval(args: argparse.Namespace) -> int:
    from newsarchive.cli.evaluate import run_eval

    dataset = Path(args.dataset)
    if not (dataset / "ground-truth.json").is_file():
        raise CliError(f"no ground-truth.json in {dataset}")
    with open(args.output, "w", encoding="utf-8") as out:
        summary = run_eval(dataset, out)
    print(
        f"{summary.pages} pages, {summary.failed} failed, {summary.pages_per_second:.1f} pages/s "
        f"(extraction only) -> {args.output}",
        file=sys.stderr,
    )
    return 0


EVAL = Command(
    "eval",
    "extract every page of a dataset with ground truth and write predictions as JSON Lines",
    ("newsarchive eval ../shared/eval/fundus -o predictions.jsonl",),
    _eval_arguments,
    _eval,
)
