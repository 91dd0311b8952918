"""`newsarchive export --format warc|wacz` after real crawls of a local site, read back by tools nobody here wrote:
warcio, pywb (wb-manager and wayback), cdxj-indexer and py-wacz, run as the installed commands (pywb's from a
venv of its own: installed beside Scrapy, its brotlipy would break Scrapy's br decoding)."""

from __future__ import annotations

import json
import shlex
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from .capturesite import ARTICLES, GZIPPED, PAGE_TWO, CaptureSite
from .capturesite import serve as serve_captures
from .pagesite import article
from .runner import ENV, crawl
from .test_full_disk import in_small_filesystem

BIN = Path(sys.executable).parent
PYWB = "pywb>=2.9,<3"  # in a venv of its own (the `pywb` fixture)
EDITED = ARTICLES[0]
NEW_TEXT = "The harbour board changed its mind overnight. " * 6


def tool(name: str) -> str:
    return str(BIN / name)


def export(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsarchive", "export", *args, "--db", str(db)],
        capture_output=True,
        env=ENV,
        timeout=120,
    )


def warc_files(db: Path) -> list[Path]:
    return sorted((db.parent / f"{db.stem}-warc").rglob("*.warc.gz"))


def rows(db: Path, query: str) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(query)]


def records(path: Path) -> list[dict]:
    with open(path, "rb") as stream:
        return [
            {"type": r.rec_type, "warc": dict(r.rec_headers.headers), "payload": r.content_stream().read()}
            for r in ArchiveIterator(stream)
        ]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Three crawls: the site as first served, the same again (revisits), then one article edited (a revision)."""
    folder = tmp_path_factory.mktemp("export")
    db = folder / "archive.db"
    site = CaptureSite()
    served = {path: site.body(path) for path in site.pages}
    with serve_captures(site) as base:
        crawl(base, db)
        crawl(base, db, "--force")
        site.pages[EDITED] = ("text/html; charset=utf-8", article("Harbour story number 0", [NEW_TEXT]))
        crawl(base, db, "--force")
    warc, wacz = folder / "export.warc.gz", folder / "export.wacz"
    for fmt, target in (("warc", warc), ("wacz", wacz)):
        proc = export(db, "--format", fmt, "-o", str(target))
        assert proc.returncode == 0 and b"exported 4 articles" in proc.stderr, proc.stderr
    return {"db": db, "base": base, "served": served, "edited": site.body(EDITED), "warc": warc, "wacz": wacz}


def test_warcio_check_and_index_accept_every_crawl_file_and_the_export(crawled):
    files = [*warc_files(crawled["db"]), crawled["warc"]]
    assert len(files) == 4
    for path in files:
        check = subprocess.run([tool("warcio"), "check", "-v", str(path)], capture_output=True, text=True)
        assert check.returncode == 0 and "digest pass" in check.stdout, check.stdout + check.stderr
        assert "digest fail" not in check.stdout
        index = subprocess.run([tool("warcio"), "index", str(path)], capture_output=True, text=True)
        assert index.returncode == 0 and index.stdout.count("\n") >= 3, index.stderr


def test_the_export_copies_every_capture_of_every_revision_byte_for_byte_after_a_warcinfo_of_its_own(crawled):
    db, exported = crawled["db"], crawled["warc"].read_bytes()
    linked = rows(db, "SELECT c.* FROM captures c JOIN article_captures l ON l.record_id = c.record_id")
    assert {row["kind"] for row in linked} == {"response", "revisit"}
    root = db.parent / f"{db.stem}-warc"
    for row in linked:
        with open(root / row["warc_file"], "rb") as stream:
            stream.seek(row["offset"])
            assert stream.read(row["length"]) in exported, row["url"]
    found = records(crawled["warc"])
    assert found[0]["type"] == "warcinfo" and b"newsarchive export" in found[0]["payload"]
    assert "warcinfo" not in [record["type"] for record in found[1:]]
    ids = [record["warc"]["WARC-Record-ID"] for record in found]
    assert len(ids) == len(set(ids))  # a record many articles name is copied once
    # Each response and revisit has its request record, and every revisit its original, in the file.
    concurrent = {r["warc"].get("WARC-Concurrent-To") for r in found if r["type"] == "request"}
    assert {row["record_id"] for row in linked} <= concurrent
    assert {r["warc"]["WARC-Refers-To"] for r in found if r["type"] == "revisit"} <= set(ids)
    edited = [r for r in found if r["type"] == "response" and r["warc"]["WARC-Target-URI"].endswith(EDITED)]
    assert [r["payload"] for r in edited] == [crawled["served"][EDITED], crawled["edited"]]  # both revisions


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def pywb(tmp_path_factory) -> Path:
    """The bin folder of a venv with pywb installed (about 10 s): not the project's, see pyproject's test extra."""
    venv = tmp_path_factory.mktemp("pywb-venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", PYWB]
    installed = subprocess.run(pip, capture_output=True, text=True, timeout=600)
    assert installed.returncode == 0, f"cannot install {PYWB} in a venv of its own: {installed.stderr[-2000:]}"
    return venv / "bin"


@pytest.fixture(scope="module")
def wayback(crawled, pywb, tmp_path_factory):
    """pywb collections made with wb-manager: the crawls' WARC files, the export, the export's WACZ; wayback
    serving them on a free 127.0.0.1 port."""
    home = tmp_path_factory.mktemp("pywb")
    for collection, added in (
        ("crawls", [str(path) for path in warc_files(crawled["db"])]),
        ("export", [str(crawled["warc"])]),
        ("wacz", ["--unpack-wacz", str(crawled["wacz"])]),
    ):
        for step in (["init", collection], ["add", collection, *added]):
            manager = [str(pywb / "wb-manager"), *step]
            proc = subprocess.run(manager, cwd=home, capture_output=True, text=True, timeout=120)
            assert proc.returncode == 0, proc.stderr
    port = free_port()
    log = open(home / "wayback.log", "wb")  # noqa: SIM115 (open while the server runs; a pipe unread would fill)
    command = [str(pywb / "wayback"), "-p", str(port), "-b", "127.0.0.1"]
    server = subprocess.Popen(command, cwd=home, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/", timeout=2).read()
            break
        except OSError:
            assert server.poll() is None, (home / "wayback.log").read_text()
            time.sleep(0.3)
    yield base
    server.terminate()
    server.wait(timeout=10)
    log.close()


def replayed(wayback: str, collection: str, when: str, url: str) -> bytes:
    with urllib.request.urlopen(f"{wayback}/{collection}/{when}id_/{url}", timeout=20) as answer:
        assert answer.status == 200
        return answer.read()


def stamp(fetched_at: str) -> str:
    return "".join(ch for ch in fetched_at if ch.isdigit())[:14]


@pytest.mark.parametrize("collection", ["crawls", "export", "wacz"])
def test_pywb_replays_each_article_as_the_local_site_served_it_then(crawled, wayback, collection):
    base = crawled["base"]
    for path in [*ARTICLES, PAGE_TWO]:
        url = base + path
        [first, *_] = rows(crawled["db"], f"SELECT fetched_at FROM captures WHERE url = '{url}' ORDER BY id")
        # The first capture's time: the page as first served (the gzip-sent one decoded, as the spider read it).
        assert replayed(wayback, collection, stamp(first["fetched_at"]), url) == crawled["served"][path], path
    # Now: the edited article's second revision; a page kept as a revisit is replayed from its original.
    assert replayed(wayback, collection, "2999", base + EDITED) == crawled["edited"]
    assert replayed(wayback, collection, "2999", base + GZIPPED) == crawled["served"][GZIPPED]


def test_cdxj_indexer_indexes_the_export_like_the_wacz_index_and_lists_every_article_url(crawled, tmp_path):
    proc = subprocess.run([tool("cdxj-indexer"), str(crawled["warc"])], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    theirs = [line.split(" ", 2) for line in proc.stdout.splitlines()]
    urls = {json.loads(fields)["url"] for _key, _ts, fields in theirs}
    assert {crawled["base"] + path for path in [*ARTICLES, PAGE_TWO]} <= urls
    with zipfile.ZipFile(crawled["wacz"]) as wacz:
        ours = wacz.read("indexes/index.cdx").decode().splitlines()
        (tmp_path / "data.warc.gz").write_bytes(wacz.read("archive/data.warc.gz"))
    proc = subprocess.run([tool("cdxj-indexer"), "--sort", str(tmp_path / "data.warc.gz")], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    wanted = ("url", "mime", "status", "digest", "length", "offset", "filename")
    indexed = []
    for line in proc.stdout.decode().splitlines():
        key, ts, fields = line.split(" ", 2)
        data = json.loads(fields)
        if data["mime"] != "warc/request" and "warc-type" not in data:  # responses and revisits
            indexed.append(f"{key} {ts} " + json.dumps({name: data.get(name) for name in wanted}))
    assert ours == indexed  # the same keys, fields and order as cdxj-indexer's, sorted


def test_py_wacz_validates_the_exported_wacz(crawled):
    proc = subprocess.run([tool("wacz"), "validate", "-f", str(crawled["wacz"])], capture_output=True, text=True)
    assert proc.returncode == 0 and "Validation succeeded" in proc.stdout, proc.stdout + proc.stderr


def test_the_wacz_lists_every_article_as_a_page_and_stores_its_warc_uncompressed(crawled):
    with zipfile.ZipFile(crawled["wacz"]) as wacz:
        assert wacz.getinfo("archive/data.warc.gz").compress_type == zipfile.ZIP_STORED
        lines = [json.loads(line) for line in wacz.read("pages/pages.jsonl").splitlines()]
        package = json.loads(wacz.read("datapackage.json"))
        listed = {resource["path"] for resource in package["resources"]}
        assert listed == set(wacz.namelist()) - {"datapackage.json", "datapackage-digest.json"}
    assert lines[0]["format"] == "json-pages-1.0"
    assert sorted(page["url"] for page in lines[1:]) == sorted(crawled["base"] + path for path in ARTICLES)
    assert {page["title"] for page in lines[1:]} == {f"Harbour story number {n}" for n in range(4)}
    assert package["wacz_version"] == "1.1.1"


def test_a_wacz_needs_an_output_file_and_a_warc_goes_to_standard_output(crawled):
    refused = export(crawled["db"], "--format", "wacz")
    assert refused.returncode == 2 and b"needs -o FILE" in refused.stderr
    streamed = export(crawled["db"], "--format", "warc")
    assert streamed.returncode == 0 and streamed.stderr == b""
    ids = [record["warc"]["WARC-Record-ID"] for record in records(crawled["warc"])]
    assert record_ids(streamed.stdout)[1:] == ids[1:]  # all but the fresh warcinfo record


def record_ids(data: bytes) -> list[str]:
    return [record.rec_headers.get_header("WARC-Record-ID") for record in ArchiveIterator(BytesIO(data))]


def records_of(data: bytes) -> list[str]:
    return [record.rec_type for record in ArchiveIterator(BytesIO(data))]


def test_since_and_cluster_choose_the_articles_of_every_format(crawled):
    db = crawled["db"]
    for fmt in ("jsonl", "warc"):
        none = export(db, "--format", fmt, "--since", "2999-01-01")
        assert none.returncode == 0
        every = export(db, "--format", fmt, "--since", "1d")
        assert every.returncode == 0
        if fmt == "jsonl":
            assert none.stdout == b"" and every.stdout.count(b"\n") == 4
        else:
            assert records_of(none.stdout) == ["warcinfo"] and len(records_of(every.stdout)) > 20
    clusters = rows(db, "SELECT id, cluster_id FROM articles")
    chosen = next((row["cluster_id"] for row in clusters if row["cluster_id"]), 999)
    proc = export(db, "--format", "jsonl", "--cluster", str(chosen))
    ids = sorted(json.loads(line)["id"] for line in proc.stdout.splitlines())
    assert ids == sorted(row["id"] for row in clusters if row["cluster_id"] == chosen)
    bad = export(db, "--format", "jsonl", "--since", "yesterday")
    assert bad.returncode == 2 and b"--since takes an age" in bad.stderr


def test_a_moved_truncated_or_corrupted_warc_file_is_named_skipped_and_the_rest_exported(crawled, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(crawled["db"], db)
    shutil.copytree(crawled["db"].parent / "archive-warc", tmp_path / "archive-warc")
    first, second, third = warc_files(db)
    response = rows(db, f"SELECT * FROM captures WHERE kind = 'response' AND warc_file LIKE '%{first.name}' LIMIT 1")[0]
    data = bytearray(first.read_bytes())
    data[response["offset"] + response["length"] // 2] ^= 0xFF  # a byte of one record's compressed data flipped
    first.write_bytes(bytes(data))
    second.rename(tmp_path / "elsewhere.warc.gz")
    third.write_bytes(third.read_bytes()[: third.stat().st_size // 2])
    target = tmp_path / "export.warc.gz"
    proc = export(db, "--format", "warc", "-o", str(target))
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 1, proc.stderr
    skipped = [line for line in lines if line.startswith("newsarchive: skipped: ")]
    assert any(first.name in line and response["record_id"] in line for line in skipped), lines
    assert any(second.name in line and "missing" in line for line in skipped), lines
    assert any(third.name in line and "truncated" in line for line in skipped), lines
    assert lines[-1] == f"newsarchive: exported {lines[-1].split()[2]} articles, skipped {len(skipped)} captures"
    assert "Traceback" not in proc.stderr.decode()
    check = subprocess.run([tool("warcio"), "check", str(target)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout  # what could be read is in it, whole
    assert not list(tmp_path.glob(".export.warc.gz.*"))  # no temporary file left behind


def test_articles_crawled_with_captures_off_are_counted_and_said_to_have_none(tmp_path):
    db = tmp_path / "archive.db"
    with serve_captures(CaptureSite()) as base:
        crawl(base, db, "-s", "NEWSARCHIVE_WARC=False")
    target = tmp_path / "export.warc.gz"
    proc = export(db, "--format", "warc", "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.decode().strip() == (
        f"exported 0 articles to {target} (4 of the chosen articles have no captures: crawled with captures off)"
    )
    assert records_of(target.read_bytes()) == ["warcinfo"]


@pytest.mark.parametrize("fmt", ["warc", "wacz"])
def test_an_export_the_disk_cannot_hold_leaves_the_earlier_file_as_it_was_and_no_part_file(crawled, tmp_path, fmt):
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare(1) to mount a small filesystem")
    small = tmp_path / "disk"
    small.mkdir()
    target = small / f"export.{fmt}"
    command = [sys.executable, "-m", "newsarchive", "export", "--format", fmt, "-o", str(target)]
    script = (
        f"echo 'earlier export' > {target}\n"
        f"cat /dev/zero > {small}/fill 2>/dev/null; truncate -s -4k {small}/fill\n"  # room for 4 KB of the 15
        f"{shlex.join([*command, '--db', str(crawled['db'])])} 2> {tmp_path}/err; echo $? > {tmp_path}/rc\n"
        f"cat {target} > {tmp_path}/after; ls -a {small} > {tmp_path}/listing\n"
    )
    probe = in_small_filesystem(small, script)
    if probe.returncode == 99:
        pytest.skip("cannot mount a tmpfs in a user and mount namespace here")
    err = (tmp_path / "err").read_text()
    assert (tmp_path / "rc").read_text().strip() == "2", err
    assert (
        err.startswith(f"newsarchive: error: cannot write the export to {target}: No space left")
        and err.count("\n") == 1
    ), err
    assert (tmp_path / "after").read_text() == "earlier export\n"
    assert set((tmp_path / "listing").read_text().split()) == {".", "..", "fill", target.name}
