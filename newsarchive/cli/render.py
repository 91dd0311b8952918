"""Plain-text renderings of archive records for the terminal: tables, one article, a run summary."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

# C0 and C1 control characters but line feed and tab. Text from a page must never move the cursor, clear the
# screen or hide what follows in the user's terminal (ESC [2J, ESC [8m, a C1 CSI): it is shown escaped instead.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` for a terminal: every control character but newline and tab written as its escape (`\\x1b`)."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def _cell(value: Any) -> str:
    return printable(" ".join(str(value).split()))


def width(text: str) -> int:
    """Columns a string takes in a terminal: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, columns: int) -> str:
    """Cut `text` to at most `columns` terminal columns, marking a cut with '…', and pad it to exactly that."""
    text = _cell(text)
    if width(text) > columns:
        out, used = [], 0
        for ch in text:
            w = width(ch)
            if used + w > columns - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
    return text + " " * (columns - width(text))


def table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str, int]]) -> str:
    """A fixed-width table; `columns` are (key, header, max width), the last column is not padded."""
    if not rows:
        return "(no rows)"
    widths = []
    for key, header, limit in columns:
        longest = max([width(header)] + [width(_cell(r.get(key) or "")) for r in rows])
        widths.append(min(limit, longest))
    sized = list(zip(columns, widths, strict=True))  # one width per column, by construction
    lines = ["  ".join(fit(h, w) for (_, h, _), w in sized).rstrip()]
    for row in rows:
        cells = [fit("" if row.get(k) is None else str(row.get(k)), w) for (k, _, _), w in sized]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def as_json(value: Any) -> str:
    """JSON as users read it: UTF-8 text kept (日本語 stays readable), keys in the record's own order."""
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def article_text(article: dict[str, Any]) -> str:
    """One article as a reader's page: headline, facts, body, related links."""
    facts = [
        ("id", article.get("id")),
        ("url", article.get("url")),
        ("site", article.get("site")),
        ("published", article.get("published")),
        ("modified", article.get("modified")),
        ("authors", ", ".join(article.get("authors") or [])),
        ("section", article.get("section")),
        ("tags", ", ".join(article.get("tags") or [])),
        ("language", article.get("language")),
        ("image", article.get("image_url")),
    ]
    if "revision" in article:  # a stored article (show), not one just extracted
        cause = article.get("cause")
        facts.append(("revision", f"{article['revision']} ({cause})" if cause else article["revision"]))
        facts.append(("extractor", article.get("extractor_version") or "unknown"))
    lines = [article.get("headline") or "(no headline)", ""]
    lines += [f"{name:>10}: {value}" for name, value in facts if value not in (None, "")]
    lines += ["", article.get("body") or ""]
    links = article.get("related_links") or []
    if links:
        lines += ["", "Related:"] + [f"  - {link.get('title') or ''} <{link['url']}>" for link in links]
    return printable("\n".join(lines))


def key_values(pairs: Iterable[tuple[str, Any]]) -> str:
    """Aligned `name: value` lines."""
    pairs = list(pairs)
    pad = max((len(k) for k, _ in pairs), default=0)
    return printable("\n".join(f"{k:<{pad}}  {v}" for k, v in pairs))
