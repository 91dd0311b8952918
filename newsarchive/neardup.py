"""Near-duplicate detection for article bodies: normalised shingles, MinHash signatures and LSH band keys.

Text is normalised (NFKC, case folded, punctuation and spacing dropped) and cut into tokens: each
Chinese/Japanese/Korean character is a token of its own, any other run of letters and digits is one
word. A shingle is SHINGLE consecutive tokens, so Japanese gets character 3-grams and English or German
word 3-grams from one rule, and mixed text works too.

The signature is a one-permutation MinHash (each shingle hash falls into one of PERMUTATIONS bins, the
bin keeps its smallest value; empty bins borrow from the next full one), which costs one pass over the
shingles instead of one per permutation. The fraction of equal bins estimates the Jaccard similarity
of two shingle sets. LSH: the signature is cut into BANDS bands of ROWS bins; two articles whose
similarity is s share at least one band key with probability 1 - (1 - s**ROWS)**BANDS (0.87 at s=0.5,
0.99 at s=0.6, 0.05 at s=0.2, 0.0002 at s=0.05), so only articles sharing a band key are ever compared.
"""

from __future__ import annotations

import operator
import re
import struct
import unicodedata
from zlib import crc32

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SHINGLE = 3
# Below this many shingles a text is too short to call anything a near copy of it.
MIN_SHINGLES = 8

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f"
_TOKEN = re.compile(f"[{_CJK}]|[^\\W_{_CJK}]+")
_MASK64 = (1 << 64) - 1
_BIN_SHIFT = 64 - (PERMUTATIONS.bit_length() - 1)   # the top 7 bits choose the bin
_VALUE_MASK = (1 << _BIN_SHIFT) - 1
_EMPTY = 1 << 64
_PACK = struct.Struct(f"<{PERMUTATIONS}Q")
_BAND_MASK = (1 << 63) - 1

# Stored signatures are only comparable when made the same way. The tuple hash below is Python's own
# (deterministic for ints, but an implementation detail), so its value on a fixed input is part of the
# stamp: a Python whose hash differs gets its index rebuilt instead of silently finding nothing.
VERSION = f"t2-oph{PERMUTATIONS}-b{BANDS}-s{SHINGLE}-{hash((1, 2, 3)) & _MASK64:x}"


def tokens(text: str) -> list[str]:
    """The text's tokens: CJK characters one by one, other words whole; case and width folded."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def _token_ids(text: str) -> list[int]:
    # A one-character token is its code point; longer words a CRC (stable across processes, unlike str hash).
    return [ord(t) if len(t) == 1 else crc32(t.encode()) | 1 << 32 for t in tokens(text)]


def shingle_hashes(text: str) -> set[int]:
    """64-bit hashes of the text's shingles (SHINGLE consecutive tokens), each once."""
    ids = _token_ids(text)
    if len(ids) < SHINGLE:
        return {hash(tuple(ids)) & _MASK64} if ids else set()
    return {h & _MASK64 for h in map(hash, zip(ids, ids[1:], ids[2:]))}


def signature(text: str) -> list[int] | None:
    """The MinHash signature of a text (PERMUTATIONS ints), or None when it is too short to compare."""
    hashes = shingle_hashes(text)
    if len(hashes) < MIN_SHINGLES:
        return None
    bins = [_EMPTY] * PERMUTATIONS
    for h in hashes:
        b = h >> _BIN_SHIFT
        v = h & _VALUE_MASK
        if v < bins[b]:
            bins[b] = v
    if _EMPTY in bins:
        _densify(bins)
    return bins


def _densify(bins: list[int]) -> None:
    """Fill each empty bin from the next full one to its right, offset by the distance (so bins stay distinct)."""
    size = len(bins)
    for i in range(size):
        if bins[i] == _EMPTY:
            for distance in range(1, size):
                value = bins[(i + distance) % size]
                if value != _EMPTY and value <= _VALUE_MASK:
                    bins[i] = value + (distance << _BIN_SHIFT)
                    break


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return sum(map(operator.eq, a, b)) / PERMUTATIONS


def band_keys(sig: list[int]) -> list[int]:
    """One key per band (63-bit, so it fits a signed BIGINT); two signatures share a key when a band is equal."""
    return [hash((band, *sig[band * ROWS:(band + 1) * ROWS])) & _BAND_MASK for band in range(BANDS)]


def pack(sig: list[int]) -> bytes:
    return _PACK.pack(*sig)


def unpack(data: bytes) -> list[int]:
    return list(_PACK.unpack(data))


def jaccard(a: str, b: str) -> float:
    """The exact Jaccard similarity of two texts' shingle sets (the reference the signature estimates)."""
    x, y = shingle_hashes(a), shingle_hashes(b)
    if not x and not y:
        return 1.0
    return len(x & y) / len(x | y)
