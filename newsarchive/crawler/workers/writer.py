"""The crawl's archive writer in a process of its own, so saving never competes with the crawl for the GIL."""

from __future__ import annotations

from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from newsarchive.crawler.workers.pool import worker_pool
from newsarchive.items import Article
from newsarchive.store import Archive, open_archive
from newsarchive.text.urls import url_key

_archive: Archive | None = None  # the writer process's own connection to the archive


def _open(db: str, similarity: float | None, clusters: bool) -> None:
    global _archive
    _archive = open_archive(db, similarity=similarity, clusters=clusters)


def save(batch: list[Article], run_id: int | None, archive: Archive | None = None) -> tuple[list, list]:
    """Save a batch; with each result, for a duplicate, the URL of the article it repeats when that is
    another article (another URL key), else None (another URL of the same article, page 2 on its own)."""
    archive = archive or _archive
    if archive is None:
        raise RuntimeError("writer.save needs the crawl's archive, or a writer process that opened its own")
    results = archive.save_articles(batch, run_id=run_id)
    notes = []
    for article, result in zip(batch, results, strict=True):  # save_articles: one result per article, in order
        owner = None
        if result.status == "duplicate":
            owner = (archive.get(result.id) or {}).get("url") or str(result.id)
            if url_key(owner) == url_key(article.url):
                owner = None
        notes.append(owner)
    return results, notes


def writer(db: str, similarity: float | None, clusters: bool, in_process: bool) -> Executor:
    """One writer: a separate process with its own connection to the archive, or a thread of this process
    when `in_process` (then `save` must be given the crawl's own archive)."""
    if in_process:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsarchive-store")
    return worker_pool(1, _open, (db, similarity, clusters))


def submit(executor: Executor, batch: list[Article], run_id: int | None, archive: Archive) -> Any:
    """Hand `batch` to the writer; a thread writer uses the crawl's archive, a process its own."""
    if isinstance(executor, ThreadPoolExecutor):
        return executor.submit(save, batch, run_id, archive)
    return executor.submit(save, batch, run_id)
