"""Benchmark: our extractor against trafilatura 2.3.1 on the four shared eval sets, same process, one core.

    python benchmarks/extraction.py [--eval ../shared/eval] [--sets fundus,aeb,htmldate,trafilatura-eval] [--rounds 1]

Both extractors get the same decompressed pages, pinned to one CPU (os.sched_setaffinity), warmed up on every
page first, then timed in alternating rounds (ours, theirs, ours, ...) so that a busy machine slows both alike;
the speed row is pages/s over all the sets' pages together. Quality comes from the sets' own scorer
(score.py --json) on each side's predictions. trafilatura runs with default settings (bare_extraction with
metadata, which includes htmldate's extensive date search), as the eval README's reference rows were made.
Printed: issue 12's table, each figure for both extractors, its target and our figure over trafilatura's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsarchive.cli.evaluate import load_pages, predict  # noqa: E402

DEFAULT_EVAL = ROOT / ".." / "shared" / "eval"
SETS = ("fundus", "aeb", "htmldate", "trafilatura-eval")
# (set, label, group, metric, key, target): issue 12's table, in its order.
FIGURES = (
    ("aeb", "aeb body F1", "all", "body", "f1", 0.970),
    ("htmldate", "htmldate day accuracy", "all", "published", "day", 0.940),
    ("htmldate", "htmldate coverage", "all", "published", "coverage", 0.985),
    ("trafilatura-eval", "trafilatura-eval snippet F1", "all", "snippets", "f1", 0.935),
    ("trafilatura-eval", "trafilatura-eval title exact", "all", "headline", "exact", 0.830),
    ("trafilatura-eval", "trafilatura-eval day accuracy", "all", "published", "day", 0.910),
    ("fundus", "fundus body F1", "all", "body", "f1", 0.970),
    ("fundus", "fundus ja body_cjk F1", "ja", "body_cjk", "f1", 0.960),
    ("fundus", "fundus headline exact", "all", "headline", "exact", 0.910),
    ("fundus", "fundus headline relaxed", "all", "headline", "relaxed", 0.950),
    ("fundus", "fundus day", "all", "published", "day", 0.985),
    ("fundus", "fundus instant", "all", "published", "instant", 0.990),
)
SPEED_TARGET = 2.0


def ours(page_id: str, url: str, raw: bytes) -> dict:
    return predict(page_id, url, raw)[0]


def theirs(page_id: str, url: str, raw: bytes) -> dict:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(raw, url=url, with_metadata=True)
    except Exception as exc:  # a reference failure is a page it gets wrong, not a benchmark crash
        return {"id": page_id, "headline": "", "published": None, "body": "", "error": repr(exc)}
    if doc is None:
        return {"id": page_id, "headline": "", "published": None, "body": ""}
    get = doc.get if isinstance(doc, dict) else (lambda key: getattr(doc, key, None))
    return {"id": page_id, "headline": get("title") or "", "published": get("date"), "body": get("text") or ""}


def timed(extractor, pages) -> tuple[float, list[dict]]:
    start = time.perf_counter()
    out = [extractor(*page) for page in pages]
    return time.perf_counter() - start, out


def score(dataset: Path, predictions: list[dict], path: Path) -> dict:
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions), encoding="utf-8")
    scorer = dataset / ".." / "score.py"
    result = subprocess.run(
        [sys.executable, str(scorer), str(dataset), str(path), "--json"], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def figure(scores: dict, group: str, metric: str, key: str) -> float | None:
    value = scores.get(group, {}).get(metric, {}).get(key)
    return float(value) if isinstance(value, (int, float)) else None


def shown(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the folder holding the sets")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated sets (default: all four)")
    parser.add_argument("--rounds", type=int, default=1, help="timed rounds of each extractor after the warm-up")
    args = parser.parse_args()
    sets = [name for name in args.sets.split(",") if name]
    missing = [name for name in sets if not (args.eval / name / "ground-truth.json").is_file()]
    if missing:
        print(f"skipped: no evaluation set {', '.join(missing)} in {args.eval} (ground-truth.json not found)")
        return 0
    try:
        import trafilatura
    except ImportError:
        print("skipped: trafilatura is not installed (pip install -e '.[bench]')")
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    pages = {name: list(load_pages(args.eval / name)) for name in sets}
    everything = [page for name in sets for page in pages[name]]
    # Warm-up rounds over every page; their predictions are the ones scored.
    mine = {name: timed(ours, pages[name])[1] for name in sets}
    ref = {name: timed(theirs, pages[name])[1] for name in sets}
    seconds = {"ours": 0.0, "trafilatura": 0.0}
    for _ in range(args.rounds):
        seconds["ours"] += timed(ours, everything)[0]
        seconds["trafilatura"] += timed(theirs, everything)[0]
    rate = {name: len(everything) * args.rounds / s for name, s in seconds.items()}
    with tempfile.TemporaryDirectory() as tmp:
        scores = {
            name: {
                "ours": score(args.eval / name, mine[name], Path(tmp) / f"{name}-ours.jsonl"),
                "trafilatura": score(args.eval / name, ref[name], Path(tmp) / f"{name}-trafilatura.jsonl"),
            }
            for name in sets
        }
    counts = ", ".join(f"{name} {len(pages[name])}" for name in sets)
    print(f"{len(everything)} pages ({counts}), {args.rounds} timed round(s), trafilatura {trafilatura.__version__}")
    print(f"{'figure':<32}{'trafilatura':>12}{'newsarchive':>12}{'target':>9}{'ratio':>8}  met")
    for name, label, group, metric, key, target in FIGURES:
        if name not in scores:
            continue
        theirs_value = figure(scores[name]["trafilatura"], group, metric, key)
        ours_value = figure(scores[name]["ours"], group, metric, key)
        ratio = f"{ours_value / theirs_value:.2f}" if ours_value is not None and theirs_value else "-"
        met = "yes" if ours_value is not None and ours_value >= target else "no"
        print(f"{label:<32}{shown(theirs_value):>12}{shown(ours_value):>12}{target:>9.3f}{ratio:>8}  {met}")
    speed = rate["ours"] / rate["trafilatura"]
    met = "yes" if speed >= SPEED_TARGET else "no"
    print(
        f"{'pages/s, one core, all sets':<32}{rate['trafilatura']:>12.1f}{rate['ours']:>12.1f}"
        f"{SPEED_TARGET:>8.1f}x{speed:>8.2f}  {met}"
    )
    print("(trafilatura gives publication days without a UTC offset, so it scores no exact instants)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
