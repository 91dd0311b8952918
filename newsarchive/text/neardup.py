"""Near-duplicate detection for article bodies: normalised shingles, MinHash signatures and LSH band keys.

Text is cut into words as newsarchive.text.words does for search (folded; each Chinese/Japanese/Korean
character a word of its own, any other run of letters and digits one word). A shingle is SHINGLE
consecutive words, so Japanese gets character 3-grams and English or German word 3-grams from one
rule, and mixed text works too.

The signature is a one-permutation MinHash (each shingle hash falls into one of PERMUTATIONS bins, the
bin keeps its smallest value; empty bins borrow from the next full one), which costs one pass over the
shingles instead of one per permutation. The fraction of equal bins estimates the Jaccard similarity
of two shingle sets. LSH: the signature is cut into BANDS bands of ROWS bins; two articles whose
similarity is s share at least one band key with probability 1 - (1 - s**ROWS)**BANDS (0.87 at s=0.5,
0.99 at s=0.6, 0.05 at s=0.2, 0.0002 at s=0.05), so only articles sharing a band key are ever compared.
"""

from __future__ import annotations

import operator
import struct
from zlib import crc32

from newsarchive.text.words import words as tokens

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SHINGLE = 3
# Below this many shingles a text is too short to call anything a near copy of it.
MIN_SHINGLES = 8

_MASK64 = (1 << 64) - 1
_BIN_SHIFT = 64 - (PERMUTATIONS.bit_length() - 1)  # the top 7 bits choose the bin
_VALUE_MASK = (1 << _BIN_SHIFT) - 1
_BIN_MASK = PERMUTATIONS - 1
_EMPTY = 1 << 64
_PACK = struct.Struct(f"<{PERMUTATIONS}Q")
_BAND_MASK = (1 << 63) - 1

# Stored signatures are only comparable when made the same way. The tuple hash below is Python's own
# (deterministic for ints, but an implementation detail), so its value on a fixed input is part of the
# stamp: a Python whose hash differs gets its index rebuilt instead of silently finding nothing.
VERSION = f"t3-oph{PERMUTATIONS}-b{BANDS}-s{SHINGLE}-{hash((1, 2, 3)) & _MASK64:x}"


class _TokenIds(dict):
    """Token -> id, remembered: a one-character token is its code point, a longer word a CRC (stable across
    processes, unlike str hash). Lookups of known tokens stay in C, which makes signatures ~10% cheaper."""

    LIMIT = 500_000  # tokens remembered (~60 MB at most); later ones are computed each time

    def __missing__(self, token: str) -> int:
        value = ord(token) if len(token) == 1 else crc32(token.encode()) | 1 << 32
        if len(self) < self.LIMIT:
            self[token] = value
        return value


_IDS = _TokenIds()


def _token_ids(words: list[str]) -> list[int]:
    return list(map(_IDS.__getitem__, words))


def shingle_hashes(text: str) -> set[int]:
    """64-bit hashes of the text's shingles (SHINGLE consecutive tokens), each once."""
    ids = _token_ids(tokens(text))
    if len(ids) < SHINGLE:
        return {hash(tuple(ids)) & _MASK64} if ids else set()
    # The shifted copies are one and two ids shorter: zip stops at the last full shingle.
    return {h & _MASK64 for h in map(hash, zip(ids, ids[1:], ids[2:], strict=False))}


def signature(text: str) -> list[int] | None:
    """The MinHash signature of a text (PERMUTATIONS ints), or None when it is too short to compare."""
    return signature_of_words(tokens(text))


def signature_of_words(words: list[str]) -> list[int] | None:
    """signature() of the text these are the words.words of (a caller that has them saves cutting twice)."""
    ids = _token_ids(words)
    # The shingle hashes as Python gives them (signed); the shift and masks below read their 64 bits as
    # unsigned, exactly as shingle_hashes() does, without building a second set. zip stops at the last full
    # shingle of the shorter, shifted copies.
    hashes = set(map(hash, zip(ids, ids[1:], ids[2:], strict=False)))
    if len(hashes) < MIN_SHINGLES:
        return None
    bins = [_EMPTY] * PERMUTATIONS
    for h in hashes:
        b = h >> _BIN_SHIFT & _BIN_MASK
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
    return [hash((band, *sig[band * ROWS : (band + 1) * ROWS])) & _BAND_MASK for band in range(BANDS)]


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
