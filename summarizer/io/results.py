"""The results file and the dead-letter file: append-only JSON Lines that a kill cannot corrupt.

Each line is one ``write`` to a file opened for appending, so a ``kill -9``
can leave at most one partial last line; ``recover`` cuts it off before a
rerun appends, so it never breaks the file or the rerun. Blank lines are
passed over; any other line that is not ours stops the run before anything is
written, naming the line to remove.

A run holds the results file locked from ``recover`` to ``close`` (``flock``,
which the system lets go of when the process ends, however it ends), so a
second run on the same ``--out`` is refused before it reads or cuts anything:
two runs appending to one file wrote every result twice, and a recover that
read while another run appended cut whole lines off. The lock is on the file
itself, so no lock file is left behind; a file the run made and left empty is
removed at the end, as if it had never been made.
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

try:
    import fcntl
except ImportError:  # Windows has no flock: there, two runs on one --out are not told apart
    fcntl = None  # type: ignore[assignment]

__all__ = ["ResultsFile", "temporary", "write_atomically", "written_whole"]


class ResultsFile:
    """An append-only JSON Lines file of records (``ResultRecord`` or ``DeadLetter``)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        self._made = False

    def recover(self) -> set[tuple[str, str, str]]:
        """Lock the file for this run (a ``UsageError`` if another run holds it); cut off a partial last line;
        return the (id, hash, settings) keys already done."""
        self._hold("--out")
        try:
            return self._recover(lambda raw: RecordKey.model_validate_json(raw).key(), "a result of summarizer run",
                                 "--out")
        except BaseException:
            self.close()
            raise

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

    def _hold(self, flag: str) -> None:
        """Open the file (made if missing) and lock it until ``close``."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            try:
                fd, made = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_EXCL, 0o644), True
            except FileExistsError:
                try:
                    fd, made = os.open(self.path, os.O_RDWR | os.O_APPEND), False
                except FileNotFoundError:
                    continue  # removed in between: make it
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    raise UsageError(f"another run holds {self.path} ({flag}); wait for it to end, or give {flag} "
                                     "another file") from None
            if self._same_file(fd):
                self._fd, self._made = fd, made
                return
            os.close(fd)  # the run that held it removed it, empty, between our open and our lock: open it again

    def _same_file(self, fd: int) -> bool:
        try:
            return os.path.samestat(os.fstat(fd), os.stat(self.path))
        except FileNotFoundError:
            return False

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
        """Let go of the file (and its lock); a file this run made and left empty is removed first."""
        if self._fd is not None:
            if self._made and os.fstat(self._fd).st_size == 0:
                self.path.unlink(missing_ok=True)
            os.close(self._fd)
            self._fd, self._made = None, False


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
