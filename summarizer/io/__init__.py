"""Files: articles in (decoded, streamed, with stable ids), the results and dead-letter files out (appended a
line at a time, recovered after a crash), and the output paths checked before anything is written."""

from .inputs import Unreadable, read_article, read_inputs
from .results import ResultsFile

__all__ = ["ResultsFile", "Unreadable", "read_article", "read_inputs"]
