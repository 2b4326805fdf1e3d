"""What a batch run keeps beside its results, so that a kill at any point costs nothing already paid for.

- ``RESULTS.batches.json`` (``BatchState``): the run's id and settings, and each batch it submitted: the part's
  name, its custom_ids, the batch id, status, request counts, file ids, and whether its answers were collected.
  Written whole through a temporary file (``io.results.write_atomically``): before a batch is created, and after.
  The run id is a hash of the results file's path and the settings, and each batch carries it in its metadata,
  so a batch created just before a kill, or a state file lost, is found on the server again, never paid twice.
- ``RESULTS.answers.jsonl`` (``Answers``): every output line collected (a batch's output and error files, the
  answers of online re-asks), appended as it came, with the key taken out; indexed by custom_id, the first final
  line winning. A kill can cut its last line short; it is cut off on the next open. ``Answers`` also reads the
  responses files ``summarizer batch import`` is given, without writing to them.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Literal

from pydantic import BaseModel, ValidationError

from ..contract.errors import UsageError
from ..io.results import write_atomically
from ..model.batches import TERMINAL, BatchInfo, Output, scrub
from ..model.redact import safe_url
from ..model.settings import Settings
from ..trust.article.textkey import clip

__all__ = ["RUN_TAG", "Answers", "BatchState", "Part", "answers_path", "state_path"]

RUN_TAG = "summarizer_run"
"""The metadata key that marks a batch as one of a run's (its value: the run id)."""


def state_path(out: Path) -> Path:
    return out.with_name(out.name + ".batches.json")


def answers_path(out: Path) -> Path:
    return out.with_name(out.name + ".answers.jsonl")


class Part(BaseModel):
    """One batch of a run: the requests of one file, and where the provider is with them."""

    name: str
    """``rROUND-N``: the round of asks and the file's place in it (also in the batch's metadata)."""
    custom_ids: list[str]
    batch_id: str | None = None
    """None until the batch is created (a part killed before that is dropped, and its requests sent again)."""
    status: str = "submitting"
    total: int = 0
    completed: int = 0
    failed: int = 0
    output_file_id: str | None = None
    error_file_id: str | None = None
    errors: list[str] = []
    collected: bool = False
    """Whether its output and error files are in the answers file."""

    def update(self, info: BatchInfo) -> bool:
        """Take what the provider says; whether anything changed."""
        before = self.model_dump()
        self.batch_id, self.status = info.id, info.status
        self.total, self.completed, self.failed = info.total, info.completed, info.failed
        self.output_file_id, self.error_file_id = info.output_file_id, info.error_file_id
        self.errors = list(info.errors)
        return self.model_dump() != before

    @property
    def live(self) -> bool:
        """Submitted and not yet at its end: its requests may still be answered."""
        return self.batch_id is not None and self.status not in TERMINAL


class _Saved(BaseModel):
    version: Literal[1] = 1
    run: str
    settings: str
    """The fingerprint of the settings whose asks these are."""
    model: str
    base_url: str | None
    created_at: float
    parts: list[Part] = []


class BatchState:
    """The state file of one results file, for one set of settings."""

    def __init__(self, out: Path, settings: Settings) -> None:
        self.path = state_path(out)
        fingerprint = settings.fingerprint()
        saved = self.read(out)
        if saved is not None and saved.settings != fingerprint and any(p.live for p in saved.parts):
            live = ", ".join(p.batch_id or "" for p in saved.parts if p.live)
            raise UsageError(f"{self.path}: batches of a run with other settings (model {saved.model}) are still "
                             f"running at the provider ({clip(live, 120)}); rerun with those settings to collect "
                             f"them, or cancel them first: summarizer batch cancel {out}")
        self.existed = saved is not None and saved.settings == fingerprint
        if not self.existed:
            run = hashlib.sha256(f"{os.path.abspath(out)}\0{fingerprint}".encode()).hexdigest()[:16]
            saved = _Saved(run=run, settings=fingerprint, model=settings.model_name,
                           base_url=safe_url(settings.base_url), created_at=time.time())
        assert saved is not None
        self.saved = saved

    @staticmethod
    def read(out: Path) -> _Saved | None:
        """The state file of ``out`` as it is, or None when there is none."""
        path = state_path(out)
        if not path.exists():
            return None
        try:
            return _Saved.model_validate_json(path.read_bytes())
        except ValidationError:
            raise UsageError(f"{path} is not the state of a summarizer batch run; remove it (or give --out a new "
                             "file) to start over") from None

    @property
    def run(self) -> str:
        return self.saved.run

    @property
    def parts(self) -> list[Part]:
        return self.saved.parts

    def save(self) -> None:
        write_atomically(self.path, self.saved.model_dump_json(indent=1) + "\n")

    def live(self) -> list[Part]:
        return [p for p in self.parts if p.live]

    def waiting(self) -> set[str]:
        """The custom_ids in batches that may still answer them."""
        return {c for p in self.live() for c in p.custom_ids}

    def next_round(self) -> int:
        return 1 + max((int(p.name[1:].split("-")[0]) for p in self.parts if p.name.startswith("r")), default=0)

    def metadata(self, part: Part, results: str) -> dict[str, str]:
        """What the batch of ``part`` carries, to be found again: the run, the part, and (for a person looking at
        the provider's dashboard) the results file's name and the model."""
        return {RUN_TAG: self.run, "summarizer_part": part.name, "summarizer_results": results[:512],
                "summarizer_model": self.saved.model[:512]}


class Answers:
    """Output lines by custom_id: from the answers file of a run (which it appends to), or read-only files."""

    def __init__(self, sources: Iterable[Path] = (), *, journal: Path | None = None,
                 secrets: Iterable[str | None] = ()) -> None:
        self._files: list[Path] = []
        self._final: dict[str, tuple[int, int]] = {}
        self.reasons: dict[str, str] = {}
        """Why the last line of a custom_id that has no final one is no answer (a 500, an expired batch...)."""
        self.later: dict[str, int] = {}
        """For each custom_id's stem, the highest ask number that has a final answer."""
        self._secrets = tuple(secrets)
        self._journal: IO[bytes] | None = None
        for path in sources:
            self._index(path, self._add_file(path))
        if journal is not None:
            n = self._add_file(journal)
            if journal.exists():
                self._index(journal, n, cut=True)
            journal.parent.mkdir(parents=True, exist_ok=True)
            self._journal = open(journal, "ab")

    def _add_file(self, path: Path) -> int:
        self._files.append(path)
        return len(self._files) - 1

    def _index(self, path: Path, n: int, *, cut: bool = False) -> None:
        good = 0
        with open(path, "rb") as f:
            for number, raw in enumerate(f, 1):
                if not raw.endswith(b"\n") and cut:
                    break  # a line a kill cut short
                if raw.strip():
                    try:
                        self._note(Output.parse(raw), n, good)
                    except ValueError as e:
                        raise UsageError(f"{path}: line {number} is not an output line of a batch ({e}); remove it, or "
                                         "give the output file the batch (or vllm run-batch) wrote") from None
                good += len(raw)
        if cut and good < path.stat().st_size:
            os.truncate(path, good)

    def _note(self, line: Output, n: int, offset: int) -> None:
        if line.custom_id in self._final:
            return  # the first answer wins; a second is never used
        if line.final:
            self._final[line.custom_id] = (n, offset)
            self.reasons.pop(line.custom_id, None)
            stem, _, asked = line.custom_id.rpartition("-")
            if asked.isdigit():
                self.later[stem] = max(self.later.get(stem, -1), int(asked))
        else:
            self.reasons[line.custom_id] = line.reason()

    def __len__(self) -> int:
        return len(self._final)

    def get(self, custom_id: str) -> Output | None:
        """The final output line of ``custom_id``, if one came."""
        where = self._final.get(custom_id)
        if where is None:
            return None
        with open(self._files[where[0]], "rb") as f:
            f.seek(where[1])
            return Output.parse(f.readline())

    def append(self, lines: Iterable[bytes]) -> int:
        """Keep output lines (the key taken out) and index them; how many were kept."""
        assert self._journal is not None, "these answers are read-only"
        n = len(self._files) - 1
        kept = 0
        for raw in lines:
            if not raw.strip():
                continue
            line = Output.parse(raw)
            data = scrub(raw if raw.endswith(b"\n") else raw + b"\n", self._secrets, answer=line.status == 200)
            offset = self._journal.tell()
            self._journal.write(data)
            self._note(line, n, offset)
            kept += 1
        self._journal.flush()
        return kept

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
