"""Write archived articles out as JSON Lines or CSV, streaming so an archive of any size fits."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from newsarchive.items import JSON_KEYS

FORMATS = ("jsonl", "csv")
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
