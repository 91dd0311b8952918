"""Worker processes leave SIGINT and SIGTERM to the crawl's process: a signal to the group does not stop their work."""

import os
import signal
import time

from newsarchive.crawler.workers.pool import worker_pool


def _pid() -> int:
    return os.getpid()


def _work(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def test_a_worker_sent_sigint_and_sigterm_mid_task_finishes_the_task():
    pool = worker_pool(1)
    try:
        pid = pool.submit(_pid).result()
        task = pool.submit(_work, 1.0)
        time.sleep(0.2)  # the worker is inside the task, as it is when Ctrl-C reaches the group
        os.kill(pid, signal.SIGINT)
        os.kill(pid, signal.SIGTERM)
        assert task.result() == "done"
        assert pool.submit(_pid).result() == pid  # the same worker, still alive
    finally:
        pool.shutdown()


def _handlers() -> tuple:
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    return signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM), blocked


def test_every_worker_ignores_the_stop_signals_with_none_left_blocked():
    # The first worker of a process also starts multiprocessing's resource tracker; check a second pool too.
    for _ in range(2):
        pool = worker_pool(1)
        try:
            assert pool.submit(_handlers).result() == (signal.SIG_IGN, signal.SIG_IGN, set())
        finally:
            pool.shutdown()


def test_starting_a_worker_leaves_the_parent_s_signal_mask_as_it_was():
    before = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    pool = worker_pool(1)
    try:
        pool.submit(_pid).result()
    finally:
        pool.shutdown()
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == before
