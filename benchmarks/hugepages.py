"""Benchmark: pathological pages (tens of megabytes, deep nesting), ours against trafilatura 2.3.1, one core.

    python benchmarks/hugepages.py [--skip-reference] [--reference-limit 60]

Each synthetic page is extracted once by each side, pinned to one CPU, after one small warm-up. The
reference runs in a forked child that is stopped after --reference-limit seconds (trafilatura needs
minutes for the largest pages); its time then shows as "> limit". The table gives seconds per page,
whether the article's text came back, and the ratio of the times. No timing here is asserted
anywhere; tests only check that the article comes back.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsarchive.extract import ExtractionError, extract_article  # noqa: E402

SENTENCE = "The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers."
PARAGRAPH = f"<p>{SENTENCE}</p>"
ARTICLE = f"<article><h1>Bridge closes</h1>{PARAGRAPH * 5}</article>"


def pages() -> list[tuple[str, str]]:
    """(label, html) of each pathological page; the article is always in it."""
    filler = "<div class='x'><span>filler text</span></div>"
    return [
        ("52 MB of paragraphs", f"<html><body><article><h1>Long</h1>{PARAGRAPH * 500_000}</article></body></html>"),
        ("9 MB of markup, article first", f"<html><body>{ARTICLE}{filler * 200_000}</body></html>"),
        ("1.8 MB of markup, article last", f"<html><body>{filler * 40_000}{ARTICLE}</body></html>"),
        (
            "12 MB of scripts and styles",
            "<html><head>"
            + ("<script>var s = '" + "x" * 1_000_000 + "';</script>") * 6
            + "<style>"
            + ".a{color:red}" * 450_000
            + "</style></head><body>"
            + ARTICLE
            + "</body></html>",
        ),
        (
            "6 MB data: image attribute",
            '<html><body><img src="data:image/png;base64,' + "A" * 6_000_000 + '">' + ARTICLE + "</body></html>",
        ),
        (
            "5,000 levels of nesting",
            "<html><body><article><h1>Deep</h1>"
            + "<div>" * 5000
            + PARAGRAPH * 5
            + "</div>" * 5000
            + "</article></body></html>",
        ),
        ("500,000 tiny elements", "<html><body>" + ARTICLE + "<b>a</b>" * 500_000 + "</body></html>"),
    ]


def ours(html: str) -> str:
    try:
        return extract_article("https://p.example/a", html).body
    except ExtractionError:
        return ""


def theirs(html: str) -> str:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url="https://p.example/a", with_metadata=True)
    except Exception:  # a reference failure is a page it gets wrong, not a benchmark crash
        return ""
    if doc is None:
        return ""
    return (doc.get("text") if isinstance(doc, dict) else getattr(doc, "text", "")) or ""


def timed(extractor, html: str) -> tuple[float, bool]:
    start = time.perf_counter()
    body = extractor(html)
    return time.perf_counter() - start, SENTENCE in body


def timed_in_child(extractor, html: str, limit: float) -> tuple[float, bool] | None:
    """`timed` in a forked child, or None when it takes longer than `limit` seconds."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=lambda: send.send(timed(extractor, html)))
    child.start()
    result = receive.recv() if receive.poll(limit) else None
    if result is None:
        child.kill()
    child.join()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-reference", action="store_true", help="time only our extractor")
    parser.add_argument("--reference-limit", type=float, default=60.0, help="seconds the reference may take")
    args = parser.parse_args()
    reference = None
    if not args.skip_reference:
        try:
            import trafilatura as reference
        except ImportError:
            print("trafilatura is not installed (pip install -e '.[bench]'): timing ours only")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    warm = f"<html><body>{ARTICLE}</body></html>"
    ours(warm)
    if reference:
        theirs(warm)
    version = f"trafilatura {reference.__version__}" if reference else "no reference"
    print(f"pathological pages, one core, one run each, {version}")
    print(f"{'page':<32}{'ours s':>8}{'found':>7}{'ref s':>8}{'found':>7}{'ratio':>8}")
    for label, html in pages():
        mine, found = timed(ours, html)
        result = timed_in_child(theirs, html, args.reference_limit) if reference else None
        if result is not None:
            ref, ref_found = result
            cells = f"{ref:>8.2f}{'yes' if ref_found else 'no':>7}{ref / mine if mine else 0:>8.1f}"
        elif reference:
            limit = f"> {args.reference_limit:.0f}"
            cells = f"{limit:>8}{'-':>7}{'> ' + format(args.reference_limit / mine, '.0f'):>8}"
        else:
            cells = f"{'-':>8}{'-':>7}{'-':>8}"
        print(f"{label:<32}{mine:>8.2f}{'yes' if found else 'no':>7}{cells}")
    print("(ratio: reference seconds / ours; 'found': the article's sentence is in the extracted body)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
