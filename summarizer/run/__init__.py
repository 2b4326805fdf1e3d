"""Run engines: ``summarizer run``'s loop over many articles, files in and files out.

``engines.run`` picks the engine; ``job`` holds what every engine shares (options, counts, the breaker, the
checks before writing, the end of a run); ``default`` is the asyncio engine, ``ray_engine`` and ``ray_inputs``
the Ray Data one; ``progress`` is the line on stderr.
"""

from .engines import run
from .job import ENGINES, Breaker, Counts, RunOptions, default_dead_letter

__all__ = ["ENGINES", "Breaker", "Counts", "RunOptions", "default_dead_letter", "run"]
