"""Gzip bodies (sitemap.xml.gz served without Content-Encoding) inflated a chunk at a time, up to a bound."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

_CHUNK = 64 * 1024  # decompressed bytes at a time


def inflate(body: bytes, max_size: int) -> Iterator[bytes]:
    """The body in chunks, decompressed when it is a gzip file (sitemap.xml.gz served without Content-Encoding).

    Every gzip member is read, and what precedes a damaged end is kept. At most `max_size` decompressed bytes
    come out (a gzip bomb costs a chunk at a time, never the whole); `InflateLimit` is raised after them when
    there was more.
    """
    if body[:2] != b"\x1f\x8b":
        for at in range(0, len(body), _CHUNK):
            yield body[at : at + _CHUNK]
        return
    data, total = memoryview(body), 0
    while (start := _gzip_body_start(data)) is not None:
        # Raw deflate, the gzip header and trailer read here: a damaged checksum costs nothing that was read.
        unpacker = zlib.decompressobj(-zlib.MAX_WBITS)
        at = start
        while at < len(data) and not unpacker.eof:
            pending = bytes(data[at : at + _CHUNK])  # compressed input a slice at a time: no long copies
            at += len(pending)
            while pending and not unpacker.eof:
                try:
                    chunk = unpacker.decompress(pending, _CHUNK)
                except zlib.error:  # damaged: keep what came before
                    return
                pending = unpacker.unconsumed_tail
                if total + len(chunk) > max_size:
                    yield chunk[: max_size - total]
                    raise InflateLimit(max_size)
                total += len(chunk)
                if chunk:
                    yield chunk
        if not unpacker.eof:
            return  # cut short: what there was is kept
        # Past this member's CRC and size: the next member, if any.
        data = memoryview(unpacker.unused_data + bytes(data[at:]))[8:]


def _gzip_body_start(data: memoryview) -> int | None:
    """Where the deflate data of the gzip member at the start of `data` begins (RFC 1952); None if it is not one."""
    if len(data) < 10 or bytes(data[:3]) != b"\x1f\x8b\x08":
        return None
    flags, pos = data[3], 10
    if flags & 4:  # FEXTRA
        pos += 2 + int.from_bytes(bytes(data[pos : pos + 2]), "little")
    for flag in (8, 16):  # FNAME, FCOMMENT: zero-terminated
        if flags & flag:
            end = bytes(data[pos : pos + 4096]).find(b"\0")
            if end < 0:
                return None
            pos += end + 1
    if flags & 2:  # FHCRC
        pos += 2
    return pos if pos < len(data) else None


class InflateLimit(Exception):
    """A gzip body inflates past the bound."""

    def __init__(self, max_size: int):
        super().__init__(f"over the {max_size:,} byte limit when decompressed")


def inflated_head(body: bytes, size: int = 4096) -> bytes:
    """The first `size` bytes of the body, decompressed when it is a gzip file: enough to sniff."""
    return maybe_gunzip(body, size)


def maybe_gunzip(body: bytes, max_size: int = 50 * 1024 * 1024) -> bytes:
    """The body, decompressed when it is a gzip file; the first `max_size` bytes of what a bomb inflates to."""
    chunks: list[bytes] = []
    try:
        for chunk in inflate(body, max_size):
            chunks.append(chunk)
    except InflateLimit:
        pass  # the first max_size bytes are what the caller asked for
    return b"".join(chunks)
