"""An export's WARC file: a warcinfo record of its own, then the captures' records copied as their gzip members."""

from __future__ import annotations

import socket
import zlib
from collections.abc import Callable, Iterable
from io import BytesIO
from pathlib import Path
from typing import IO, Any, Protocol

from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from newsarchive import __version__
from newsarchive.crawler.cdxj import Entry, timestamp
from newsarchive.crawler.warcfiles import WARC_VERSION
from newsarchive.crawler.warcread import CaptureUnreadable, read_capture

CHUNK = 1 << 16


class Writable(Protocol):
    """Where an export goes: a file, standard output, a zip member."""

    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...


class _Counting:
    """The output stream, counting the bytes written: standard output cannot say where it is."""

    def __init__(self, out: Writable) -> None:
        self.out = out
        self.written = 0

    def write(self, data: bytes) -> int:
        self.out.write(data)
        self.written += len(data)
        return len(data)

    def flush(self) -> None:
        self.out.flush()


def export_info(selection: str) -> dict[str, Any]:
    """The export's warcinfo fields: what wrote it, from what, and that the records are copies."""
    return {
        "software": f"newsarchive/{__version__} (warcio)",
        "format": "WARC File Format 1.1",
        "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
        "description": "newsarchive export: the crawls' records copied unchanged, each in its own gzip member",
        "selection": selection,
        "hostname": socket.gethostname(),
    }


def gzip_member(stream: IO[bytes], offset: int) -> bytes:
    """The raw bytes of the gzip member starting at `offset` (b"" at the end of the file)."""
    stream.seek(offset)
    inflate = zlib.decompressobj(zlib.MAX_WBITS + 16)
    raw = bytearray()
    while not inflate.eof:
        chunk = stream.read(CHUNK)
        if not chunk:
            if raw:
                raise EOFError("the file ends inside a gzip member")
            return b""
        raw += chunk
        inflate.decompress(chunk, 0)
    return bytes(raw[: len(raw) - len(inflate.unused_data)])


def _record(member: bytes) -> Any:
    record = next(iter(ArchiveIterator(BytesIO(member))), None)
    if record is None:
        raise ValueError("no WARC record in it")
    return record


class WarcExport:
    """Writes one WARC file: a fresh warcinfo record, then each capture's record and the request record
    concurrent to it, copied byte for byte (their digests stay valid), each once however many articles name it.

    A record that cannot be read (a moved, truncated or corrupted file) is named to `on_skip` and left out;
    `entries` are the index lines of the responses and revisits written, with their offsets in this file."""

    def __init__(
        self, out: Writable, root: Path, *, filename: str, info: dict[str, Any], on_skip: Callable[[str], None]
    ) -> None:
        self.out = _Counting(out)
        self.root = root
        self.filename = filename
        self.on_skip = on_skip
        self.entries: list[Entry] = []
        self.skipped = 0
        self._done: dict[str, Entry | None] = {}
        writer = WARCWriter(self.out, gzip=True, warc_version=WARC_VERSION)
        writer.write_record(writer.create_warcinfo_record(filename, info))

    def add_all(self, captures: Iterable[dict[str, Any]]) -> list[tuple[dict[str, Any], Entry]]:
        """Copy these captures (rows as the archive lists them); those written (now or before), with their lines."""
        copied = []
        for row in captures:
            entry = self.add(row)
            if entry is not None:
                copied.append((row, entry))
        return copied

    def add(self, row: dict[str, Any]) -> Entry | None:
        """Copy one capture's records; its index entry, or None when it could not be read (and was skipped)."""
        record_id = row["record_id"]
        if record_id in self._done:
            return self._done[record_id]
        where = (row["warc_file"], row["offset"], record_id, row["length"], row["payload_digest"])
        entry = None
        try:
            read_capture(self.root, *where)  # every check `capture` makes: there, whole, this record, its digest
            with open(self.root / row["warc_file"], "rb") as stream:
                stream.seek(row["offset"])
                member = stream.read(row["length"])
                request = self._request(stream, row)
            entry = self._entry(_record(member), self.out.written, len(member))
        except CaptureUnreadable as exc:
            self._skip(str(exc))
        except (OSError, EOFError, zlib.error, ValueError) as exc:
            self._skip(f"{self.root / row['warc_file']}: record {record_id} at offset {row['offset']}: {exc}")
        if entry is not None:
            self.out.write(member)
            if request:
                self.out.write(request)
            self.entries.append(entry)
        self._done[record_id] = entry
        return entry

    def _request(self, stream: IO[bytes], row: dict[str, Any]) -> bytes:
        # The crawl writes the request record right after its response: the member there, if it is that one.
        offset = row["offset"] + row["length"]
        try:
            member = gzip_member(stream, offset)
            if not member:
                return b""
            record = _record(member)
        except (OSError, EOFError, zlib.error, ValueError) as exc:
            self._skip(f"{self.root / row['warc_file']}: the request record at offset {offset}: unreadable ({exc})")
            return b""
        headers = record.rec_headers
        if record.rec_type == "request" and headers.get_header("WARC-Concurrent-To") == row["record_id"]:
            return member
        return b""

    def _entry(self, record: Any, offset: int, length: int) -> Entry:
        headers = record.rec_headers
        http = record.http_headers
        status = http.get_statuscode() if http else "-"
        if record.rec_type == "revisit":
            mime = "warc/revisit"
        else:
            mime = ((http.get_header("Content-Type") if http else None) or "unk").split(";")[0].strip().lower()
        return Entry(
            url=headers.get_header("WARC-Target-URI"),
            timestamp=timestamp(headers.get_header("WARC-Date") or ""),
            mime=mime,
            status=status or "-",
            digest=headers.get_header("WARC-Payload-Digest") or "-",
            length=length,
            offset=offset,
            filename=self.filename,
        )

    def _skip(self, message: str) -> None:
        self.skipped += 1
        self.on_skip(message)
