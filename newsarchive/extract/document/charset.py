"""Turn a page's bytes into text: BOM, declared charset (checked against the bytes), then detection."""

from __future__ import annotations

import re

import charset_normalizer
from w3lib.encoding import read_bom, resolve_encoding

# Declarations are read liberally (anywhere in the first 4 KB, spaces or single quotes allowed, before or after
# <body>) where w3lib's WHATWG prescan is strict: decode_html checks every declaration against the bytes, so a
# sloppy one costs nothing, while one not read sends the page to statistical detection.
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]{0,500}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_PRESCAN = 4096

# w3lib maps labels to the codec that decodes what such pages really contain, as the WHATWG encoding standard
# does (ISO-8859-1 and ASCII -> windows-1252, Shift_JIS -> cp932, GBK -> gb18030, and no UTF-7). What it lacks:
# EUC-JP pages also use the JIS X 0213 characters only euc_jis_2004 has, and labels Python does not know.
_SUPERSETS = {"euc_jp": "euc_jis_2004", "x-euc-jp": "euc_jis_2004", "x-gbk": "gb18030", "unicode": "utf-8"}
_KANA = re.compile(r"[\u3041-\u30ff]")


def codec_name(label: str | None) -> str | None:
    """The Python codec for a charset label (w3lib's mapping, then the supersets above), or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    name = resolve_encoding(label)
    return _SUPERSETS.get(name or label, name)


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset the HTTP header declares, else the one a <meta> in the first 4 KB declares."""
    if content_type:
        header = _HEADER_CHARSET.search(content_type)
        name = codec_name(header.group(1)) if header else None
        if name:
            return name
    meta = _META_CHARSET.search(data[:_PRESCAN])
    if meta:
        name = codec_name(meta.group(1).decode("ascii", "replace"))
        # A <meta> cannot truthfully declare UTF-16/32: the bytes it was read from were ASCII-compatible.
        if name and not name.startswith(("utf-16", "utf-32")):
            return name
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_japanese(text: str) -> bool:
    # A wrong legacy decode of Latin bytes yields scattered kanji; real Japanese text is full of kana.
    non_ascii = sum(1 for ch in text[:20000] if ord(ch) > 127)
    return non_ascii > 0 and len(_KANA.findall(text[:20000])) >= 0.15 * non_ascii


def detect(data: bytes) -> tuple[str, str]:
    """Guess the encoding of undeclared (or wrongly declared) bytes: UTF-8, the Japanese ones, then statistics."""
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    for encoding in ("cp932", "euc_jis_2004"):
        text = _strict(data, encoding)
        if text is not None and _looks_japanese(text):
            return text, encoding
    guessed: str | None
    try:
        best = charset_normalizer.from_bytes(data[:200_000]).best()
        guessed = codec_name(best.encoding) if best is not None else None
    except Exception:  # the detector is a heuristic; a failure in it must not lose the page
        guessed = None
    encoding = guessed or "cp1252"
    return data.decode(encoding, "replace"), encoding


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, encoding) of a page's bytes; never raises. Undecodable bytes become U+FFFD.

    Order: BOM, then the declared charset (HTTP header, then <meta> in the first 4 KB) if the bytes
    decode strictly under it, then detection. Bytes that are valid non-ASCII UTF-8 are read as UTF-8
    whatever the declaration says: legacy charsets (single-byte ones above all) accept almost any bytes,
    and valid multi-byte UTF-8 is never an accident, so such a page was re-encoded without its label.
    """
    if not data:
        return "", "utf-8"
    encoding, bom = read_bom(data)
    if encoding and bom:
        return data[len(bom) :].decode(encoding, "replace"), encoding
    declared = declared_charset(data, content_type)
    if declared:
        text = _strict(data, declared)
        if text is not None:
            if declared != "utf-8" and not data.isascii():
                utf8 = _strict(data, "utf-8")
                if utf8 is not None:
                    return utf8, "utf-8"
            return text, declared
    return detect(data)
