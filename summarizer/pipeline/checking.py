"""Running the checks on one answer so that nothing they do can crash or stall a batch.

``run_check`` turns any exception into that article's ``internal_error``
Failure; ``run_check_in_thread`` runs it in one of a few daemon worker
threads, so that the event loop carrying every other article's requests goes
on meanwhile, and gives up on a check that outlasts its timeout.

Why a thread and not a process: a process pool would need the caller's main
module to be import-safe (``if __name__ == "__main__"``), which a user of
``summarize_batch`` cannot be expected to know, and would copy every article
and report across a pipe. With the GIL the loop still gets its turns every
few milliseconds while a long check runs.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable

from ..contract.report import Report
from ..contract.summary import ArticleSummary
from ..model.failures import Failure
from ..trust.article.textkey import clip

__all__ = ["Check", "run_check", "run_check_in_thread"]

Check = Callable[[str, ArticleSummary], Report]
"""What checks a summary against its article: ``validate`` unless another is given."""


def run_check(check: Check, text: str, summary: ArticleSummary) -> Report | Failure:
    """``check(text, summary)``, or the ``internal_error`` Failure it raised: one answer never crashes a run."""
    try:
        return check(text, summary)
    except Exception as e:  # noqa: BLE001 - any bug in the checks is this article's failure
        return Failure("internal_error", f"the checks failed on this answer ({type(e).__name__}: {clip(str(e), 200)}); "
                                         "this is a bug in summarizer: please report it with the article")


class _CheckThreads:
    """Daemon threads that take checks from one queue, started once and reused.

    Starting a thread per check blocks the event loop until the new thread
    runs, which under load costs milliseconds; these are started once. Two
    serve the queue, so one check stuck in a loop holds up no other; each
    check that outlasts its timeout adds a thread in place of the one it holds.
    Daemon threads never keep the process from exiting.
    """

    def __init__(self, size: int = 2) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._size = size
        self._started = 0

    def _serve(self) -> None:
        while True:
            self._jobs.get()()

    def _start(self) -> None:
        threading.Thread(target=self._serve, name=f"summarizer-check-{self._started}", daemon=True).start()
        self._started += 1

    def submit(self, job: Callable[[], None]) -> None:
        if self._started < self._size:
            with self._lock:
                while self._started < self._size:
                    self._start()
        self._jobs.put(job)

    def replace_one(self) -> None:
        """A check holds a thread past its timeout: add one, so that as many serve the queue as before."""
        with self._lock:
            self._size += 1
            self._start()


_THREADS = _CheckThreads()


async def run_check_in_thread(check: Check, text: str, summary: ArticleSummary, timeout: float) -> Report | Failure:
    """``run_check`` in a worker thread, so the event loop (and every request on it) goes on meanwhile.

    A check that outlasts ``timeout`` (counted from when it was handed over)
    fails the article; its thread is left to finish on its own, and another
    takes its place.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Report | Failure] = loop.create_future()

    def settle(outcome: Report | Failure) -> None:
        if not future.done():
            future.set_result(outcome)

    def job() -> None:
        outcome = run_check(check, text, summary)
        try:
            loop.call_soon_threadsafe(settle, outcome)
        except RuntimeError:
            pass  # the loop is gone: nobody is waiting for this any more

    _THREADS.submit(job)
    try:
        return await asyncio.wait_for(future, timeout)
    except TimeoutError:
        _THREADS.replace_one()
        return Failure("internal_error", f"the checks did not finish in {timeout:g} s on this answer; this is a bug "
                                         "in summarizer: please report it with the article")
