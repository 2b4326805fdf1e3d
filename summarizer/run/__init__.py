"""Run engines: ``summarizer run``'s loop over many articles, files in and files out.

``engines.run`` picks the engine; ``job`` holds what every engine shares (options, counts, the breaker, the
checks before writing, the end of a run); ``default`` is the asyncio engine, ``ray_engine`` and ``ray_inputs``
the Ray Data one; ``batch_api`` sends the asks through a provider's Batch API, ``batch_files`` writes and reads
batch files (and the pass over the articles both make), ``batch_state`` keeps what a batch run needs to resume;
``progress`` is the line on stderr.
"""

from .batch_files import BatchCounts
from .engines import run
from .job import ENGINES, BatchOptions, Breaker, Counts, RunOptions, default_dead_letter

__all__ = ["ENGINES", "BatchCounts", "BatchOptions", "Breaker", "Counts", "RunOptions", "default_dead_letter", "run"]
