"""A writer process that dies is started again with the batches it held; one that stays dead fails them, saying so."""

import os
import signal

from newsarchive.crawler.workers import writer as storeproc
from newsarchive.store import open_archive
from tests.crawler.test_pipelines import article


def _writer_pid() -> int:
    return os.getpid()


def _batch_writer(db, restarts: int) -> storeproc.BatchWriter:
    return storeproc.BatchWriter(lambda: storeproc.writer(str(db), None, False, in_process=False), restarts)


def _pid(writer: storeproc.BatchWriter) -> int:
    assert writer.executor is not None
    return writer.executor.submit(_writer_pid).result()


def _urls(db) -> list[str]:
    with open_archive(str(db)) as archive:
        return sorted(a["url"] for a in archive.iter_articles())


def _drain(writer) -> list:
    """Every (batch, result, error) the writer hands back, waiting until it holds none."""
    outcomes = []
    while len(writer):
        outcomes += list(writer.done(wait=True))
    return outcomes


def test_a_killed_writer_is_started_again_and_saves_every_batch_it_held(tmp_path):
    db = tmp_path / "archive.db"
    archive = open_archive(str(db))
    writer = _batch_writer(db, restarts=1)
    try:
        pid = _pid(writer)
        writer.submit([article(1), article(2)], None, archive)
        writer.submit([article(3)], None, archive)
        os.kill(pid, signal.SIGKILL)  # mid-batch: what it had saved stays saved, the next writer saves the rest
        writer.submit([article(4), article(5)], None, archive)
        outcomes = _drain(writer)
    finally:
        writer.close()
        archive.close()
    assert [error for _, _, error in outcomes] == [None, None, None]
    assert [len(batch) for batch, _, _ in outcomes] == [2, 1, 2]  # in the order they were handed over
    assert writer.deaths == 1
    assert _urls(db) == sorted(article(n).url for n in range(1, 6))


def test_a_writer_that_stays_dead_fails_every_batch_it_held_and_every_later_one_with_the_reason(tmp_path):
    db = tmp_path / "archive.db"
    archive = open_archive(str(db))
    writer = _batch_writer(db, restarts=0)
    try:
        writer.submit([article(1)], None, archive)
        list(writer.done(wait=True))
        os.kill(_pid(writer), signal.SIGKILL)
        writer.submit([article(2), article(3)], None, archive)
        held = list(writer.done(wait=True))
        writer.submit([article(4)], None, archive)  # handed over after the writer was given up
        later = list(writer.done(wait=True))
    finally:
        writer.close()
        archive.close()
    assert [(len(batch), str(error)) for batch, _, error in held + later] == [
        (2, "the archive writer died once"),
        (1, "the archive writer died once"),
    ]
    assert all(isinstance(error, storeproc.WriterDied) for _, _, error in held + later)
    assert _urls(db) == [article(1).url]


class KillsTheWriter:
    """An item that ends the process that unpickles it: a batch that kills every writer given it."""

    def __reduce__(self):
        return os._exit, (1,)


def test_a_batch_that_kills_two_writers_fails_alone_and_the_batches_after_it_are_saved(tmp_path):
    db = tmp_path / "archive.db"
    archive = open_archive(str(db))
    writer = _batch_writer(db, restarts=5)
    try:
        writer.submit([article(1)], None, archive)
        writer.submit([KillsTheWriter()], None, archive)  # type: ignore[list-item]
        writer.submit([article(2)], None, archive)
        outcomes = _drain(writer)
    finally:
        writer.close()
        archive.close()
    errors = [str(error) if error else None for _, _, error in outcomes]
    assert errors == [None, "the archive writer died twice while saving it", None]
    assert writer.deaths >= 2
    assert _urls(db) == sorted(article(n).url for n in (1, 2))
