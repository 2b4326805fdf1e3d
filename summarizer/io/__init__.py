"""Input and output: articles from files and dumps, the results and dead-letter
files, the HTML and terminal views of results, progress, and ``run`` (what
``summarizer run`` does: files in, the pipeline, files out)."""

from .inputs import Unreadable, read_article, read_inputs
from .results import ResultsFile
from .run import Counts, RunOptions, run

__all__ = ["Counts", "ResultsFile", "RunOptions", "Unreadable", "read_article", "read_inputs", "run"]
