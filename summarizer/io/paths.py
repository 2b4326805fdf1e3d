"""The paths of a run, checked before anything is written: no output may destroy an input or another output.

Refused, each with a message that names both paths:

- two outputs (``--out``, ``--dead-letter``, ``--report``) that are one file
  (the same path, a symlink or a hard link to it);
- an output and the temporary file another is written through first
  (``results.temporary``: ``--report X.html`` is written to ``X.html.tmp``);
- an output, or its temporary file, that is an input file (it would be
  overwritten or appended to);
- an output inside an input folder with a suffix that is read as articles
  (the next run would read it back as input);
- an output that is a folder.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from pathlib import Path

from ..contract.errors import UsageError
from .inputs import SUFFIXES
from .results import temporary

__all__ = ["check_paths"]


def _same(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False  # one of them does not exist yet


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def check_paths(inputs: Sequence[str], outputs: Sequence[tuple[str, Path]], *,
                written_whole: Collection[str] = ()) -> None:
    """A ``UsageError`` for the first collision among ``outputs`` (flag, path) and ``inputs``; the outputs whose
    flags are in ``written_whole`` are written through a temporary file first, which is checked as an output."""
    for flag, path in outputs:
        if path.is_dir():
            raise UsageError(f"{flag} {path} is a folder; give a file path, e.g. {path / 'results.jsonl'}")
    outputs = [*outputs, *((f"{flag}'s temporary file", temporary(path)) for flag, path in outputs
                           if flag in written_whole)]
    for i, (flag, path) in enumerate(outputs):
        for other_flag, other in outputs[i + 1:]:
            if _same(path, other):
                raise UsageError(f"{flag} {path} and {other_flag} {other} are the same file; "
                                 "give each output its own path")
    for raw in inputs:
        if raw == "-":
            continue
        source = Path(raw)
        for flag, path in outputs:
            if source.is_dir():
                if _inside(path, source) and path.suffix.lower() in SUFFIXES:
                    raise UsageError(f"{flag} {path} is inside the input folder {raw}, so the next run would read it "
                                     "as articles; write it outside that folder")
            elif _same(path, source):
                raise UsageError(f"{flag} {path} is the input {raw}; writing it would destroy that input; "
                                 "give another path")
