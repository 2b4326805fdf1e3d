"""The results file and the dead-letter file: append-only JSON Lines that a kill cannot corrupt.

Each line is one ``write`` to a file opened for appending, so a ``kill -9``
can leave at most one partial last line; ``recover`` cuts it off before a
rerun appends, so it never breaks the file or the rerun.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..contract.errors import UsageError
from ..contract.record import RecordKey

__all__ = ["ResultsFile"]


class ResultsFile:
    """An append-only JSON Lines file of records (``ResultRecord`` or ``DeadLetter``)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def recover_tail(self) -> None:
        """Cut off a partial last line, the one a kill can leave."""
        if not self.path.exists():
            return
        with open(self.path, "rb") as f:
            data = f.read()
        end = data.rfind(b"\n") + 1
        if end < len(data):
            os.truncate(self.path, end)

    def recover(self) -> set[tuple[str, str, str]]:
        """Cut off a partial last line; return the (id, hash, settings) keys already done."""
        keys: set[tuple[str, str, str]] = set()
        if not self.path.exists():
            return keys
        good = 0
        with open(self.path, "rb") as f:
            for n, raw in enumerate(f, 1):
                if not raw.endswith(b"\n"):
                    break  # a line a kill cut short
                try:
                    keys.add(RecordKey.model_validate_json(raw).key())
                except ValidationError:
                    raise UsageError(f"{self.path}: line {n} is not a result of summarizer run; "
                                     "give --out a results file of ours, or a new file") from None
                good += len(raw)
        if good < self.path.stat().st_size:
            os.truncate(self.path, good)
        return keys

    def append(self, record: BaseModel) -> None:
        if self._fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        data = record.model_dump_json().encode("utf-8") + b"\n"
        written = os.write(self._fd, data)
        while written < len(data):  # a short write: finish the line before anything else
            written += os.write(self._fd, data[written:])

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
