"""Read an article body that a page ships only inside a script, as a JSON string of HTML (client-rendered pages)."""

from __future__ import annotations

import json
import re

from newsarchive.extract.document.tree import parse

# A JSON string literal of some length; the body is the longest one that holds paragraph markup.
_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.){300,})"')
_PARAGRAPH = re.compile(r"\\u003cp[\s>\\]|<p[\s>]|\\u003Cp[\s>\\]")
_MIN_SCRIPT = 2000


def script_texts(root) -> list[str]:
    """Texts of the page's larger inline scripts (taken before furniture removal drops them)."""
    return [el.text for el in root.iter("script") if el.text and len(el.text) >= _MIN_SCRIPT and not el.get("src")]


def scripted_body(scripts: list[str]):
    """The <body> of the HTML in the longest JSON string with paragraphs in `scripts`, or None."""
    best = ""
    for text in scripts:
        if not _PARAGRAPH.search(text):
            continue
        for match in _JSON_STRING.finditer(text):
            value = match.group(1)
            if len(value) > len(best) and _PARAGRAPH.search(value):
                best = value
    if not best:
        return None
    try:
        html = json.loads(f'"{best}"')
    except ValueError:
        return None
    fragment = parse(f"<html><body>{html}</body></html>")
    return fragment.find("body") if fragment is not None else None
