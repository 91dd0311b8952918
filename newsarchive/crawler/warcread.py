"""Reading one capture back from its WARC file: the record at the row's offset, checked to be the one named."""

from __future__ import annotations

import hashlib
import zlib
from base64 import b32encode
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed


def payload_digest(body: bytes) -> str:
    """The WARC-Payload-Digest warcio writes: sha1, base32."""
    return "sha1:" + b32encode(hashlib.sha1(body).digest()).decode("ascii")


class CaptureUnreadable(Exception):
    """A capture's record is not where its row says (a moved, truncated or corrupted WARC file): one line."""


def _member(stream: BinaryIO, length: int, where: str) -> BinaryIO:
    """The record's gzip member inflated in one call: warcio inflates a stream in small chunks from Python,
    which costs a re-extraction more than reading the bytes does."""
    inflater = zlib.decompressobj(wbits=31)
    data = inflater.decompress(stream.read(length))
    if not inflater.eof:
        raise CaptureUnreadable(f"{where}: the record's gzip member ends early (truncated)")
    return BytesIO(data)


def read_capture(
    root: Path, warc_file: str, offset: int, record_id: str, length: int | None = None, digest: str | None = None
) -> tuple[str, bytes]:
    """The HTTP status line and headers (as text) and the payload of the record `record_id` at `offset`.

    `length` (the record's bytes in the file) and `digest` (a response's payload digest) are checked when given:
    a cut or damaged record does not always fail to decompress, but it cannot end where it did or hash the same."""
    path = root / warc_file
    where = f"{path}: record {record_id} at offset {offset}"
    try:
        if length is not None and path.stat().st_size < offset + length:
            raise CaptureUnreadable(f"{where}: the file ends inside the record (truncated)")
        with open(path, "rb") as stream:
            stream.seek(offset)
            source = _member(stream, length, where) if length else stream
            record = next(iter(ArchiveIterator(source)), None)
            if record is None:
                raise CaptureUnreadable(f"{where}: no record there (the file is shorter: truncated?)")
            found = record.rec_headers.get_header("WARC-Record-ID")
            if found != record_id:
                raise CaptureUnreadable(f"{where}: another record is there ({found})")
            head = record.http_headers.to_str() if record.http_headers else ""
            payload = record.content_stream().read()
            if digest and record.rec_type == "response" and payload_digest(payload) != digest:
                raise CaptureUnreadable(f"{where}: its payload does not match its digest (corrupted)")
    except FileNotFoundError:
        raise CaptureUnreadable(f"{where}: the file is missing (moved or deleted?)") from None
    except (OSError, EOFError, zlib.error, ArchiveLoadFailed, ValueError) as exc:
        raise CaptureUnreadable(f"{where}: unreadable ({type(exc).__name__}: {exc})") from None
    return head, payload
