"""``summarizer run``: inputs in, results out, resumable, counted, on the engine the options name.

``default`` is asyncio in this process (``default``); ``ray`` is Ray Data
(``ray_engine``), imported only when asked for; ``--batch-api`` sends the asks
through the provider's Batch API (``batch_api``). All three write the same
records through the same ``ResultsFile``s; the first two stop on the same
``Breaker`` (``job``), and all three at a refused key or an unknown model.
"""

from __future__ import annotations

from typing import IO

from ..model.settings import Settings
from .default import run_default
from .job import Counts, RunOptions, check_options, finish

__all__ = ["run"]


def run(options: RunOptions, settings: Settings, *, stdin=None, stderr: IO[str] | None = None,
        progress: bool | None = None, notice: str | None = None) -> Counts:
    """Run the batch; the counts say what happened (``stopped`` when it ended early). Raises ``UsageError``
    before writing anything when the options cannot work. ``notice`` (which model is used) is said once, when
    the first article goes to the model: not at all on a rerun with nothing left to do."""
    check_options(options)
    if options.batch is not None:
        from .batch_api import run_batch_api

        counts: Counts = run_batch_api(options, settings, stderr=stderr, progress=progress, notice=notice)
    elif options.engine == "ray":
        from .ray_engine import run_on_ray

        counts = run_on_ray(options, settings, stderr=stderr, progress=progress, notice=notice)
    else:
        counts = run_default(options, settings, stdin=stdin, stderr=stderr, progress=progress, notice=notice)
    return finish(options, counts)
