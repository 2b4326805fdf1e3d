"""Batch files: ``summarizer batch export`` and ``import``, and the pass over the articles every batch path makes.

- ``export_batch_requests`` writes the first ask of every article as a request line (``custom_id``, ``method``,
  ``url``, ``body``: the request the online path would send), for vLLM's ``run-batch`` or any tool that speaks
  OpenAI's batch format.
- ``import_batch_responses`` reads that tool's output lines, joins them on custom_id, checks every answer exactly as
  the online path does and writes the same results and dead letters. The asks still unanswered (re-asks, and
  requests that failed) go to a further requests file; run it, then import again with every responses file.
- ``Ledger`` and ``pass_over`` are what ``batch_api`` (``--batch-api``) shares with them: one pass over the
  inputs, each article not yet done driven as far as its answers go (``pipeline.deferred``), its result written
  as the default engine writes it, or its next ask handed on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..contract.article import Article, Unreadable
from ..contract.errors import UsageError
from ..contract.record import DeadLetter, ResultRecord
from ..contract.result import Result, Usage
from ..io.inputs import read_inputs
from ..io.paths import check_paths
from ..io.results import ResultsFile
from ..model.batches import Price, request_line
from ..model.failures import STOPS_THE_RUN
from ..model.settings import Settings
from ..pipeline.deferred import Deferred, Lookup, Request
from .batch_state import Answers
from .job import Counts, default_dead_letter

__all__ = ["BatchCounts", "Ledger", "export_batch_requests", "import_batch_responses", "pass_over", "requests_path"]


@dataclass
class BatchCounts(Counts):
    """``Counts``, and what a batch path adds: tokens by kind, asks waiting, requests sent, batches, the price."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    waiting: int = 0
    """Articles whose next ask has no answer yet (import: its request is in the further requests file)."""
    requests: int = 0
    """Request lines sent (``--batch-api``) or written (export, import)."""
    batches: list[str] = field(default_factory=list)
    """The ids of the batches this run created."""
    price: Price | None = None

    @property
    def cost(self) -> float | None:
        """US dollars for the tokens of the articles written by this run, where the price is known or given."""
        if self.price is None:
            return None
        return self.price.cost(Usage(prompt_tokens=self.prompt_tokens, completion_tokens=self.completion_tokens))


def requests_path(out: Path) -> Path:
    """Where ``import`` writes the asks still unanswered, when no path is given: ``RESULTS.requests.jsonl``."""
    return out.with_name(out.stem + ".requests.jsonl")


class Ledger:
    """The results and dead letters of a batch path, written and counted as the default engine writes them."""

    def __init__(self, out: Path, dead_letter: Path, fingerprint: str) -> None:
        self.out, self.dead = ResultsFile(out), ResultsFile(dead_letter)
        self.before = frozenset(self.out.recover())
        """What the results file held before this run: skipped."""
        self.ended: set[tuple[str, str, str]] = set()
        """The articles this run wrote a result or a failure for: not driven again."""
        self.recorded = self.dead.recover_dead_letters()
        self.fingerprint = fingerprint
        self.counts = BatchCounts()

    def _record(self, letter: DeadLetter) -> None:
        if letter.key() not in self.recorded:
            self.recorded.add(letter.key())
            self.dead.append(letter)

    def unreadable(self, item: Unreadable) -> None:
        self.counts.add("failed")
        self._record(DeadLetter(id=item.id, origin=item.origin, reason=item.reason, failure_kind="input",
                                settings=self.fingerprint))

    def result(self, article: Article, result: Result) -> None:
        counts = self.counts
        counts.add(result.status)
        counts.tokens += result.usage.total_tokens
        counts.prompt_tokens += result.usage.prompt_tokens
        counts.completion_tokens += result.usage.completion_tokens
        if result.status == "failed":
            self._record(DeadLetter(id=article.id, origin=article.origin, reason=result.failure or "failed",
                                    failure_kind=result.failure_kind or "invalid_response", settings=self.fingerprint,
                                    hash=article.hash))
        else:
            self.out.append(ResultRecord.of(article, result, self.fingerprint))
        self.ended.add((article.id, article.hash, self.fingerprint))
        if result.failure_kind in STOPS_THE_RUN:
            counts.stopped = result.failure

    def close(self) -> None:
        self.out.close()
        self.dead.close()


def pass_over(items: Iterable[Article | Unreadable], ledger: Ledger, deferred: Deferred, lookup: Lookup, *,
              waiting: Iterable[str] = (), first: bool, noted: Callable[[Article], None] | None = None
              ) -> Iterator[Request]:
    """Every article not yet done, driven as far as its answers go: its result written, or its next ask yielded
    (unless it is ``waiting``: sent, not yet answered). The ``first`` pass of a run counts what it reads; the
    same article (same id and text) twice is done once, the second counted skipped."""
    counts, seen, waiting = ledger.counts, set(), frozenset(waiting)
    for item in items:
        if first:
            counts.read += 1
        if isinstance(item, Unreadable):
            if first:
                ledger.unreadable(item)
            continue
        key = (item.id, item.hash, ledger.fingerprint)
        if key in seen or key in ledger.before:
            if first:
                counts.skipped += 1
            continue
        seen.add(key)
        if key in ledger.ended:
            continue  # written (or failed) in an earlier pass of this run
        if first and noted is not None:
            noted(item)
        outcome = deferred.advance(item, lookup, waiting)
        if isinstance(outcome, Request):
            yield outcome
        elif outcome is not None:
            ledger.result(item, outcome)
            if counts.stopped:
                return


def _no_answers(custom_id: str) -> None:
    return None


def export_batch_requests(inputs: Sequence[str], requests: Path, settings: Settings, *, stdin: IO[bytes] | None = None,
                    note: Callable[[str], None] = lambda line: None) -> BatchCounts:
    """Write the first ask of every article in ``inputs`` to ``requests`` (whole, or not at all)."""
    _check(inputs, [("--out", requests)], settings)
    deferred = Deferred(settings)
    counts, seen = BatchCounts(), set()
    tmp = requests.with_name(requests.name + ".tmp")
    try:
        with open(tmp, "wb") as f:
            for item in read_inputs(inputs, stdin):
                counts.read += 1
                if isinstance(item, Unreadable) or not item.text.strip():
                    counts.failed += 1
                    reason = item.reason if isinstance(item, Unreadable) else "the article text is empty"
                    note(f"summarizer: {item.origin}: {reason}; left out")
                    continue
                if (item.id, item.hash) in seen:
                    counts.skipped += 1
                    continue
                seen.add((item.id, item.hash))
                outcome = deferred.advance(item, _no_answers)
                assert isinstance(outcome, Request)
                f.write(request_line(outcome.custom_id, outcome.body))
                counts.requests += 1
        tmp.replace(requests)
    finally:
        tmp.unlink(missing_ok=True)
        deferred.close()
    counts.waiting = counts.unfinished = counts.requests
    return counts


def import_batch_responses(responses: Sequence[Path], inputs: Sequence[str], out: Path, settings: Settings, *,
                     dead_letter: Path | None = None, requests: Path | None = None,
                     stdin: IO[bytes] | None = None) -> BatchCounts:
    """Check and write the answers in ``responses`` (output lines, any order), as ``summarizer run`` writes them;
    the asks still unanswered go to ``requests`` (removed when there are none). Raises ``UsageError`` for responses
    that cannot belong to these articles and settings, before the requests file is written."""
    dead_letter = dead_letter or default_dead_letter(out)
    requests = requests or requests_path(out)
    missing = [str(p) for p in responses if not p.is_file()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file; give the output file of the batch (or vllm run-batch)")
    _check(inputs, [("--out", out), ("--dead-letter", dead_letter), ("--requests-out", requests),
                    *(("responses", p) for p in responses)], settings)
    answers = Answers(responses)
    deferred = Deferred(settings)
    ledger = Ledger(out, dead_letter, settings.fingerprint())
    used: set[str] = set()
    earlier: list[str] = []

    def lookup(custom_id: str):
        got = answers.get(custom_id)
        if got is not None:
            used.add(custom_id)
        return got

    tmp = requests.with_name(requests.name + ".tmp")
    try:
        with open(tmp, "wb") as f:
            for request in pass_over(read_inputs(inputs, stdin), ledger, deferred, lookup, first=True):
                if answers.later.get(request.custom_id.rpartition("-")[0], -1) > request.asked:
                    earlier.append(request.custom_id)
                    continue
                f.write(request_line(request.custom_id, request.body))
                ledger.counts.requests += 1
        if earlier:
            raise UsageError(f"{len(earlier)} articles have answers to later asks but none to an earlier one "
                             f"({earlier[0]}): give import every responses file of this run, the first one too")
        if len(answers) and not used and ledger.counts.requests:
            raise UsageError(f"none of the {len(answers)} answers in {responses[0]} is to a request of these articles "
                             "with these settings: give import the --model, --base-url and --answer export was given")
        if ledger.counts.requests:
            tmp.replace(requests)
        else:
            requests.unlink(missing_ok=True)  # nothing more to ask: no stale requests file left to run again
    finally:
        tmp.unlink(missing_ok=True)
        ledger.close()
        deferred.close()
    counts = ledger.counts
    counts.waiting = counts.unfinished = counts.requests
    return counts


def _check(inputs: Sequence[str], outputs: list[tuple[str, Path]], settings: Settings) -> None:
    if settings.embedded:
        raise UsageError("batch files are for a model served elsewhere: give --model, the name the tool that runs "
                         "them serves the model under (vllm run-batch's --model)")
    absent = [p for p in inputs if p != "-" and not Path(p).exists()]
    if absent:
        raise UsageError(f"{absent[0]}: no such file or folder; give article files or folders of them")
    check_paths(inputs, outputs)
