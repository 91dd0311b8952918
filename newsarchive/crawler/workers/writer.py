"""The crawl's archive writer in a process of its own, so saving never competes with the crawl for the GIL."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from newsarchive.crawler.workers.pool import times, worker_pool
from newsarchive.items import Article
from newsarchive.store import Archive, open_archive
from newsarchive.text.urls import url_key

_archive: Archive | None = None  # the writer process's own connection to the archive


def _open(db: str, similarity: float | None, clusters: bool, max_aliases: int | None) -> None:
    global _archive
    _archive = open_archive(db, similarity=similarity, clusters=clusters, max_aliases=max_aliases)


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


def writer(
    db: str, similarity: float | None, clusters: bool, in_process: bool, max_aliases: int | None = None
) -> Executor:
    """One writer: a separate process with its own connection to the archive, or a thread of this process
    when `in_process` (then `save` must be given the crawl's own archive)."""
    if in_process:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsarchive-store")
    return worker_pool(1, _open, (db, similarity, clusters, max_aliases))


def submit(executor: Executor, batch: list[Article], run_id: int | None, archive: Archive) -> Any:
    """Hand `batch` to the writer; a thread writer uses the crawl's archive, a process its own."""
    if isinstance(executor, ThreadPoolExecutor):
        return executor.submit(save, batch, run_id, archive)
    return executor.submit(save, batch, run_id)


class WriterDied(Exception):
    """The writer process died with batches in it, and they were not handed to another; says how often."""


@dataclass
class _Held:
    batch: list[Article]
    run_id: int | None
    archive: Archive
    future: Future = field(default_factory=Future)
    deaths: int = 0  # writers that died while this was the batch they were saving


class BatchWriter:
    """Batches saved in order by one writer; a writer process that dies is started again and given back
    every batch it held, which is safe because the archive's unique keys decide what a save does.

    A batch that was being saved when two writers died is not handed over a third time: it fails, so
    one article that kills the writer costs its batch only. Past `restarts` deaths the writer is not
    started again and every batch fails with WriterDied.
    """

    def __init__(self, start: Callable[[], Executor], restarts: int) -> None:
        self._start = start
        self.restarts = restarts
        self.deaths = 0
        self.executor: Executor | None = start()
        self.held: deque[_Held] = deque()

    def submit(self, batch: list[Article], run_id: int | None, archive: Archive) -> None:
        entry = _Held(batch, run_id, archive)
        self.held.append(entry)
        self._send(entry)

    def __len__(self) -> int:
        return len(self.held)

    def done(self, wait: bool = False) -> Iterator[tuple[list[Article], Any, BaseException | None]]:
        """(batch, what save returned, None) or (batch, None, the error) for each batch the writer is done
        with, oldest first; with `wait`, waits until there is at least one."""
        while self.held and (wait or self.held[0].future.done()):
            entry = self.held[0]
            try:
                outcome = entry.future.result()
            except BrokenProcessPool:
                yield from self._died()
                continue
            except BaseException as exc:  # even KeyboardInterrupt: the worker's, handed back as its result
                self.held.popleft()
                wait = False
                yield entry.batch, None, exc
            else:
                self.held.popleft()
                wait = False
                yield entry.batch, outcome, None

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True)

    def _send(self, entry: _Held) -> None:
        entry.future = Future()
        if self.executor is None:
            entry.future.set_exception(WriterDied(f"the archive writer died {times(self.deaths)}"))
            return
        try:
            entry.future = submit(self.executor, entry.batch, entry.run_id, entry.archive)
        except BrokenProcessPool as exc:  # it died before this could be handed to it
            entry.future.set_exception(exc)

    def _died(self) -> Iterator[tuple[list[Article], Any, BaseException | None]]:
        """The writer died: start another and resend what it held, or fail the batches it cannot take."""
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
        self.deaths += 1
        head = self.held[0]
        head.deaths += 1
        if self.deaths > self.restarts:
            self.executor = None
            died = WriterDied(f"the archive writer died {times(self.deaths)}")
            while self.held:
                yield self.held.popleft().batch, None, died
            return
        if head.deaths >= 2:
            self.held.popleft()
            yield head.batch, None, WriterDied(f"the archive writer died {times(head.deaths)} while saving it")
        self.executor = self._start()
        for entry in self.held:
            self._send(entry)
