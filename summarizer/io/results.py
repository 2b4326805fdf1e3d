"""The results file and the dead-letter file: append-only JSON Lines that a kill cannot corrupt.

Each line is one ``write`` to a file opened for appending, so a ``kill -9``
can leave at most one partial last line; ``recover`` cuts it off before a
rerun appends, so it never breaks the file or the rerun. Blank lines are
passed over; any other line that is not ours stops the run before anything is
written, naming the line to remove.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from pydantic import BaseModel, ValidationError

from ..contract.errors import UsageError
from ..contract.record import DeadLetter, RecordKey
from ..trust.article.textkey import clip

__all__ = ["ResultsFile", "temporary", "write_atomically", "written_whole"]


class ResultsFile:
    """An append-only JSON Lines file of records (``ResultRecord`` or ``DeadLetter``)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def recover(self) -> set[tuple[str, str, str]]:
        """Cut off a partial last line; return the (id, hash, settings) keys already done."""
        return self._recover(lambda raw: RecordKey.model_validate_json(raw).key(), "a result of summarizer run",
                             "--out")

    def recover_dead_letters(self) -> set[tuple[str, ...]]:
        """Cut off a partial last line; return the failures already recorded (``DeadLetter.key()``)."""
        return self._recover(lambda raw: DeadLetter.model_validate_json(raw).key(), "a failure of summarizer run",
                             "--dead-letter")

    def _recover(self, key: Callable[[bytes], Any], what: str, flag: str) -> set[Any]:
        keys: set[Any] = set()
        if not self.path.exists():
            return keys
        good = 0
        with open(self.path, "rb") as f:
            for n, raw in enumerate(f, 1):
                if not raw.endswith(b"\n"):
                    break  # a line a kill cut short
                good += len(raw)
                if not raw.strip():
                    continue  # a blank line (an editor's, say) holds nothing and harms nothing
                try:
                    keys.add(key(raw))
                except ValidationError:
                    start = clip(raw.decode("utf-8", errors="replace"), 40)
                    raise UsageError(f"{self.path}: line {n} is not {what} ({start!r}); remove that line, "
                                     f"or give {flag} a new file") from None
        if good < self.path.stat().st_size:
            os.truncate(self.path, good)
        return keys

    def append(self, record: BaseModel) -> None:
        self.append_json(record.model_dump_json())

    def append_json(self, line: str) -> None:
        """Append a record already serialized (one line of JSON, as ``model_dump_json`` makes it)."""
        if self._fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        data = line.encode("utf-8") + b"\n"
        written = os.write(self._fd, data)
        while written < len(data):  # a short write: finish the line before anything else
            written += os.write(self._fd, data[written:])

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def temporary(target: Path) -> Path:
    """Where a file written whole goes first (``NAME.tmp`` beside it); ``paths.check_paths`` checks it too."""
    return target.with_name(target.name + ".tmp")


@contextmanager
def written_whole(target: Path) -> Iterator[TextIO]:
    """A text file to write ``target`` into: it is written to ``temporary(target)`` and renamed into place when
    the block ends, so a failure never leaves a half-written file over a good one (nor a temporary file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary(target)
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            yield f
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(target)


def write_atomically(target: Path, text: str) -> None:
    """``text`` written to ``target`` as ``written_whole`` writes it."""
    with written_whole(target) as f:
        f.write(text)
