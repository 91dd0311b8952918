"""Worker processes that leave the signals to their parent and leave as soon as it is gone (even after SIGKILL)."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import resource_tracker
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any

# What a terminal's Ctrl-C, `timeout` and systemd send to the whole process group: only the crawl acts on them.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def times(n: int) -> str:
    """'once', 'twice', '3 times': how often a worker died, for a message."""
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def exit_with(parent: int) -> None:
    """Called in a worker: watch `parent` and end this process once it has died.

    A multiprocessing worker holds both ends of its task pipe, so it never sees the parent go and would
    live on, holding the crawl's output pipes open, after the crawl was killed.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(0)

    threading.Thread(target=watch, name="newsarchive-parent-watch", daemon=True).start()


def ignore_stop_signals() -> None:
    """Called in a worker: ignore SIGINT and SIGTERM, then let through what was held back while it started.

    A worker that took Ctrl-C as KeyboardInterrupt would die mid-page or mid-batch (or hand the
    exception back as its result); the crawl's own process stops gracefully and ends its workers.
    """
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # a signal held back while ignored is discarded


class _QuietProcess(SpawnProcess):
    """A spawned process that starts with SIGINT and SIGTERM blocked, until ignore_stop_signals runs in it.

    Without this, a signal to the group that lands while a worker is still starting (a restart after a
    crash, mid-crawl) would kill it with the default action before it could ignore the signal.
    """

    def start(self) -> None:
        # Starting the resource tracker (on the first spawn) unblocks these signals: start it first.
        resource_tracker.ensure_running()
        held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)  # a child inherits the signal mask
        try:
            super().start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)


class _QuietContext(SpawnContext):
    Process = _QuietProcess


def _start(parent: int, initializer: Callable[..., None] | None, args: tuple) -> None:
    ignore_stop_signals()
    exit_with(parent)
    if initializer is not None:
        initializer(*args)


def worker_pool(workers: int, initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> Any:
    """A pool of `workers` processes that end with this one, each set up by `initializer(*initargs)`.

    Spawned, not forked: forking a process that runs a reactor and threads copies their locks mid-use.
    """
    return ProcessPoolExecutor(
        workers,
        mp_context=_QuietContext(),
        initializer=_start,
        initargs=(os.getpid(), initializer, initargs),
    )
