"""Run the extractor over a dataset of saved pages with ground truth and write one prediction per page."""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from newsarchive.extract import ExtractionError, extract_article


@dataclass
class EvalSummary:
    pages: int
    failed: int
    seconds: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def load_pages(dataset: Path) -> Iterator[tuple[str, str, bytes]]:
    """(id, url, raw bytes) for every entry of DATASET/ground-truth.json; pages may be gzip or plain."""
    truth_file = dataset / "ground-truth.json"
    if not truth_file.is_file():
        raise FileNotFoundError(f"{truth_file} not found: a dataset folder holds ground-truth.json")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    for page_id, entry in truth.items():
        raw = (dataset / entry["file"]).read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        yield page_id, entry.get("url") or "", raw


def predict(page_id: str, url: str, raw: bytes) -> tuple[dict, bool]:
    """One prediction line; a page that fails gives empty fields and ok=False, never an exception."""
    try:
        article = extract_article(url, raw)
    except (ExtractionError, RecursionError, MemoryError) as exc:
        return {
            "id": page_id,
            "headline": "",
            "published": None,
            "body": "",
            "related_links": [],
            "error": str(exc) or type(exc).__name__,
        }, False
    record = article.to_json()
    record.pop("id")
    record.pop("fetched_at")
    return {"id": page_id, **record, "sources": article.sources}, True


def run_eval(dataset: Path, out: TextIO) -> EvalSummary:
    """Extract every page of `dataset`, writing JSON lines to `out`; timing covers extraction only."""
    pages = failed = 0
    seconds = 0.0
    for page_id, url, raw in load_pages(dataset):
        start = time.perf_counter()
        line, ok = predict(page_id, url, raw)
        seconds += time.perf_counter() - start
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        pages += 1
        failed += not ok
    return EvalSummary(pages, failed, seconds)
