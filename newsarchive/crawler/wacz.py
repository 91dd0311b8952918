"""An export as a WACZ 1.1.1 file: the WARC stored unzipped, its CDXJ index, the pages list and the datapackage.

Written here with zipfile rather than py-wacz: py-wacz re-reads and re-indexes the WARC and brings a dozen
packages (frictionless, pydantic, ...) to a crawler that needs none of them; the few files below are small.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from newsarchive import __version__
from newsarchive.crawler.cdxj import Entry, sorted_lines
from newsarchive.crawler.warcexport import WarcExport

WACZ_VERSION = "1.1.1"
WARC_PATH = "archive/data.warc.gz"
# CDXJ inside, as the spec asks; named .cdx because pywb's `wb-manager add --unpack-wacz` (2.10) finds a
# WACZ's index only under a name ending .cdx or .cdx.gz, and drops the whole WACZ without one.
INDEX_PATH = "indexes/index.cdx"
PAGES_PATH = "pages/pages.jsonl"


class _Hashing:
    """A zip member being written, with the sha256 and size of what went in (for the datapackage)."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.sha256 = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.out.write(data)
        self.sha256.update(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        self.out.flush()


def page_line(article: dict[str, Any], copied: list[tuple[dict[str, Any], Entry]]) -> dict[str, Any] | None:
    """The article's entry in pages.jsonl: the URL and time of the newest copied capture of its first page
    that holds the text it has now (else of any first-page capture); None when none was copied."""
    first = [(row, entry) for row, entry in copied if row.get("page") == 1]  # a revisit's original has no page
    current = [(row, entry) for row, entry in first if row.get("current")]
    chosen = current or first or copied
    if not chosen:
        return None
    entry = chosen[-1][1]
    ts = entry.timestamp
    return {
        "id": f"article-{article['id']}",
        "url": entry.url,
        "ts": f"{ts[0:4]}-{ts[4:6]}-{ts[6:8]}T{ts[8:10]}:{ts[10:12]}:{ts[12:14]}Z",
        "title": article.get("headline") or "",
    }


def pages_jsonl(pages: list[dict[str, Any]], title: str) -> bytes:
    """pages.jsonl: the header line, then one page per line."""
    header = {"format": "json-pages-1.0", "id": "pages", "title": title}
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in [header, *pages]).encode("utf-8")


def datapackage(resources: list[dict[str, Any]], title: str, created: str) -> bytes:
    """datapackage.json: every file of the WACZ with its sha256 and size, and what made it when."""
    package = {
        "profile": "data-package",
        "title": title,
        "resources": resources,
        "created": created,
        "wacz_version": WACZ_VERSION,
        "software": f"newsarchive {__version__}",
    }
    return json.dumps(package, indent=2, ensure_ascii=False).encode("utf-8")


def resource(path: str, sha256: str, size: int) -> dict[str, Any]:
    return {"name": Path(path).name.lower(), "path": path, "hash": f"sha256:{sha256}", "bytes": size}


class WaczExport:
    """Writes a WACZ to `out` (a seekable file): records go into archive/data.warc.gz as they are added;
    close() (or the end of a `with` block) adds the index, pages, datapackage and its digest."""

    def __init__(
        self, out: IO[bytes], root: Path, *, title: str, info: dict[str, Any], on_skip: Callable[[str], None]
    ) -> None:
        self.title = title
        self.created = datetime.now(UTC)
        self.zip = zipfile.ZipFile(out, "w", allowZip64=True)
        self._member = self.zip.open(self._info(WARC_PATH, zipfile.ZIP_STORED), "w", force_zip64=True)
        self._warc = _Hashing(self._member)
        self.warc = WarcExport(self._warc, root, filename=Path(WARC_PATH).name, info=info, on_skip=on_skip)
        self.pages: list[dict[str, Any]] = []
        self.resources: list[dict[str, Any]] = []

    def add_article(self, article: dict[str, Any]) -> bool:
        """Copy the article's captures and list it as a page; whether any of its records is in the file."""
        copied = self.warc.add_all(article["captures"])
        page = page_line(article, copied)
        if page is not None:
            self.pages.append(page)
        return bool(copied)

    def __enter__(self) -> WaczExport:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.close()
            return
        # Failed (a full disk): the zip is given up, not finished, so nothing writes to its file again later.
        for step in (self._member.close, self.zip.close):
            with contextlib.suppress(Exception):
                step()

    def close(self) -> None:
        self._member.close()
        self.resources.append(resource(WARC_PATH, self._warc.sha256.hexdigest(), self._warc.size))
        self._add(INDEX_PATH, "".join(sorted_lines(self.warc.entries)).encode("utf-8"))
        self._add(PAGES_PATH, pages_jsonl(self.pages, self.title))
        package = datapackage(self.resources, self.title, self.created.strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.zip.writestr(self._info("datapackage.json"), package)
        digest = {"path": "datapackage.json", "hash": "sha256:" + hashlib.sha256(package).hexdigest()}
        self.zip.writestr(self._info("datapackage-digest.json"), json.dumps(digest, indent=2).encode("utf-8"))
        self.zip.close()

    def _add(self, path: str, data: bytes) -> None:
        self.zip.writestr(self._info(path), data)
        self.resources.append(resource(path, hashlib.sha256(data).hexdigest(), len(data)))

    def _info(self, path: str, compression: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(path, self.created.timetuple()[:6])
        info.compress_type = compression
        return info
