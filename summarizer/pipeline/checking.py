"""Running the checks on one answer so that nothing they do can crash or stall a batch.

``run_check`` turns any exception into that article's ``internal_error``
Failure; ``run_check_in_thread`` runs it in a daemon thread, so that the
event loop carrying every other article's requests goes on meanwhile, and
gives up on a check that outlasts its timeout.

Why a thread and not a process: a process pool would need the caller's main
module to be import-safe (``if __name__ == "__main__"``), which a user of
``summarize_batch`` cannot be expected to know, and would copy every article
and report across a pipe. A thread costs about 0.2 ms a check
(``benchmarks.batch_throughput``); with the GIL the loop still gets its
turns every few milliseconds while a long check runs.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

from ..contract.report import Report
from ..contract.summary import ArticleSummary
from ..model.failures import Failure
from ..trust.textkey import clip

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


async def run_check_in_thread(check: Check, text: str, summary: ArticleSummary, timeout: float) -> Report | Failure:
    """``run_check`` in a daemon thread, so the event loop (and every request on it) goes on meanwhile.

    A check that outlasts ``timeout`` fails the article; its thread is left to
    finish on its own and cannot keep the process from exiting.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Report | Failure] = loop.create_future()

    def settle(outcome: Report | Failure) -> None:
        if not future.done():
            future.set_result(outcome)

    def work() -> None:
        outcome = run_check(check, text, summary)
        try:
            loop.call_soon_threadsafe(settle, outcome)
        except RuntimeError:
            pass  # the loop is gone: nobody is waiting for this any more

    threading.Thread(target=work, name="summarizer-check", daemon=True).start()
    try:
        return await asyncio.wait_for(future, timeout)
    except TimeoutError:
        return Failure("internal_error", f"the checks did not finish in {timeout:g} s on this answer; this is a bug "
                                         "in summarizer: please report it with the article")
