"""Worker processes that leave as soon as the process that started them is gone (even after SIGKILL)."""

from __future__ import annotations

import os
import threading
import time


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
