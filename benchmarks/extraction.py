"""Benchmark: our extractor against trafilatura 2.3.1 on the shared eval pages, same process, one core.

    python benchmarks/extraction.py [--dataset ../shared/eval/fundus] [--rounds 3]

Both extractors get the same decompressed pages, pinned to one CPU (os.sched_setaffinity), warmed up
on every page first, then timed in alternating rounds (ours, theirs, ours, ...) so that a busy
machine slows both alike. Quality comes from the set's own scorer (score.py --json) on each side's
predictions. trafilatura runs with default settings (bare_extraction with metadata, as the eval
README's reference row was made).
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

DEFAULT_SET = ROOT / ".." / "shared" / "eval" / "fundus"


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


def figure(scores: dict, group: str, metric: str, key: str):
    value = scores.get(group, {}).get(metric, {}).get(key)
    return f"{value:.3f}" if isinstance(value, (int, float)) else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_SET)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not (args.dataset / "ground-truth.json").is_file():
        print(f"skipped: no evaluation set at {args.dataset} (ground-truth.json not found)")
        return 0
    try:
        import trafilatura
    except ImportError:
        print("skipped: trafilatura is not installed (pip install -e '.[bench]')")
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    pages = list(load_pages(args.dataset))
    _, mine = timed(ours, pages)  # warm-up rounds, also the predictions scored below
    _, ref = timed(theirs, pages)
    seconds = {"ours": 0.0, "trafilatura": 0.0}
    for _ in range(args.rounds):
        seconds["ours"] += timed(ours, pages)[0]
        seconds["trafilatura"] += timed(theirs, pages)[0]
    rate = {name: len(pages) * args.rounds / s for name, s in seconds.items()}
    with tempfile.TemporaryDirectory() as tmp:
        scores = {
            "ours": score(args.dataset, mine, Path(tmp) / "ours.jsonl"),
            "trafilatura": score(args.dataset, ref, Path(tmp) / "trafilatura.jsonl"),
        }
    rows = [
        ("pages/s (1 core)", lambda n: f"{rate[n]:.1f}"),
        ("body F1, all", lambda n: figure(scores[n], "all", "body", "f1")),
        ("body_cjk F1, ja", lambda n: figure(scores[n], "ja", "body_cjk", "f1")),
        ("headline exact, all", lambda n: figure(scores[n], "all", "headline", "exact")),
        ("published day, all", lambda n: figure(scores[n], "all", "published", "day")),
        ("published instant, all", lambda n: figure(scores[n], "all", "published", "instant")),
    ]
    print(f"{len(pages)} pages, {args.rounds} timed rounds each, trafilatura {trafilatura.__version__}")
    print(f"{'figure':<26}{'ours':>10}{'trafilatura':>14}{'ratio':>8}")
    for label, value in rows:
        a, b = value("ours"), value("trafilatura")
        try:
            ratio = f"{float(a) / float(b):.2f}"
        except (ValueError, ZeroDivisionError):
            ratio = "-"
        print(f"{label:<26}{a:>10}{b:>14}{ratio:>8}")
    print("(trafilatura gives publication days without a UTC offset, so it scores no exact instants)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
