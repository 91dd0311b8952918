"""Worker processes that leave as soon as the process that started them is gone (even after SIGKILL)."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any


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


def _start(parent: int, initializer: Callable[..., None] | None, args: tuple) -> None:
    exit_with(parent)
    if initializer is not None:
        initializer(*args)


def worker_pool(workers: int, initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> Any:
    """A pool of `workers` processes that end with this one, each set up by `initializer(*initargs)`.

    Spawned, not forked: forking a process that runs a reactor and threads copies their locks mid-use.
    """
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start,
        initargs=(os.getpid(), initializer, initargs),
    )
