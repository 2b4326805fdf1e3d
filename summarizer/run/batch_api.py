"""``summarizer run --batch-api``: every ask through the provider's Batch API, checked, resumable, paid once.

A run goes in rounds. Each pass over the inputs (``batch_files.pass_over``) drives every article not yet written
as far as its answers go: a result is written as the default engine writes it; an ask with no answer becomes a
request line, and the lines go into batch files of at most ``BatchOptions.size`` requests and 200 MB, each
uploaded (Files API, purpose ``batch``) and made a batch (``/v1/chat/completions``, ``24h``) as soon as it is
full. Then the run polls every batch it has, with backoff, saying each change of status and counts, until all
have ended; collects their output and error files into the answers file; and passes again. Re-asks go out in the
next round's batches, or online at once with ``reask_online``.

Nothing is asked twice: an ask with an answer is never sent again, nor one in a batch that may still answer it.
A request that never ran (an expired or cancelled batch, a batch that failed) or came back 408/409/429/5xx goes
out again in the next round, at most ``retry_attempts`` times in one run; then its article gets the failure.
Killed at any point, the rerun finds its batches in the state file, and any it created just before the kill by
their metadata, and goes on (``batch_state``).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

import openai

from ..contract.errors import UsageError
from ..io.inputs import read_inputs, reading_note
from ..io.paths import check_paths
from ..model.batches import (
    MAX_BYTES,
    MAX_REQUESTS,
    BatchApiError,
    BatchService,
    Output,
    batch_price,
    request_line,
    send_now,
)
from ..model.failures import Failure
from ..model.settings import Settings
from ..pipeline.deferred import Deferred, Request
from .batch_files import BatchCounts, Ledger, pass_over
from .batch_state import RUN_TAG, Answers, BatchState, Part, answers_path, state_path
from .job import BatchOptions, RunOptions, check_options, default_dead_letter, estimate_total, finish
from .progress import Progress

__all__ = ["check_batch_options", "run_batch_api", "summarize_with_batch_api"]

_FILES_KEPT = 30 * 24 * 3600
"""How far back a lost batch is looked for: batch files are kept 30 days."""
_ONLINE_CHUNK = 64
"""Online re-asks sent at once, at most, before the pass goes on."""


def check_batch_options(options: RunOptions, settings: Settings) -> None:
    """A ``UsageError`` for a --batch-api run that cannot work, before anything is written."""
    if settings.embedded:
        raise UsageError("--batch-api needs an endpoint with a Batch API (OpenAI's: set OPENAI_API_KEY and --model); "
                         "for a model you run yourself, use `summarizer batch export` and `vllm run-batch`")
    if options.engine != "default":
        raise UsageError("--batch-api runs on the default engine; leave --engine out")
    if "-" in options.inputs:
        raise UsageError("--batch-api reads its inputs once a round; write standard input to a file and give that")
    batch = options.batch or BatchOptions()
    if not 1 <= batch.size <= MAX_REQUESTS:
        raise UsageError(f"--batch-size must be 1 to {MAX_REQUESTS:,} (OpenAI's limit), not {batch.size}")
    check_paths(list(options.inputs), [("--out", options.out), ("--dead-letter", options.dead_letter),
                                       ("the state file", state_path(options.out)),
                                       ("the answers file", answers_path(options.out))])


def summarize_with_batch_api(inputs: Sequence[str | Path], out: str | Path, *, settings: Settings | None = None,
                             options: BatchOptions | None = None, dead_letter: str | Path | None = None,
                             report: str | Path | None = None, concurrency: int = 4,
                             client: openai.OpenAI | None = None) -> BatchCounts:
    """``summarizer run INPUT... --out OUT --batch-api``, in Python: every article of ``inputs`` summarized through
    the endpoint's Batch API, checked as online, written to ``out`` (and its dead letters); resumable, as the
    command is. ``concurrency`` bounds the online re-asks of ``options.reask_online``; ``client`` is an
    ``openai.OpenAI`` of your own. Blocks until every batch has ended; the counts say what happened."""
    out = Path(out)
    run_options = RunOptions(inputs=tuple(map(str, inputs)), out=out, concurrency=concurrency,
                             dead_letter=Path(dead_letter) if dead_letter else default_dead_letter(out),
                             report=Path(report) if report else None, batch=options or BatchOptions())
    check_options(run_options)
    counts = run_batch_api(run_options, settings or Settings.from_env(), client=client)
    finish(run_options, counts)
    return counts


def run_batch_api(options: RunOptions, settings: Settings, *, stderr: IO[str] | None = None,
                  progress: bool | None = None, client: openai.OpenAI | None = None,
                  sleep: Callable[[float], None] = time.sleep, notice: str | None = None) -> BatchCounts:
    """The run of ``run.engines.run`` through the Batch API; the options are checked first. ``notice`` (which
    model is used) is said once, when the first batch is submitted."""
    check_batch_options(options, settings)
    run = _BatchRun(options, settings, stderr=stderr, progress=progress, client=client, sleep=sleep, notice=notice)
    try:
        run.go()
    except BatchApiError as e:
        run.ledger.counts.stopped = str(e)
    finally:
        run.close()
    counts = run.ledger.counts
    if counts.stopped:
        counts.read = max(counts.read, estimate_total(options.inputs) or 0)
    return counts


class _BatchRun:
    def __init__(self, options: RunOptions, settings: Settings, *, stderr: IO[str] | None, progress: bool | None,
                 client: openai.OpenAI | None, sleep: Callable[[float], None], notice: str | None = None) -> None:
        self.options, self.settings, self.batch = options, settings, options.batch or BatchOptions()
        self.sleep = sleep
        self.state = BatchState(options.out, settings)
        self.ledger = Ledger(options.out, options.dead_letter, settings.fingerprint())
        self.ledger.counts.price = batch_price(settings.model_name, self.batch.price)
        self.answers = Answers(journal=answers_path(options.out),
                               secrets=(settings.api_key, getattr(client, "api_key", None)))
        self.service = BatchService(settings, client, sleep=sleep)
        self.client = client
        self.deferred = Deferred(settings)
        self.bar = Progress(estimate_total(options.inputs), stderr, enabled=progress, notice=notice)
        self.sent: Counter[str] = Counter()
        self.scratch = options.out.with_name(options.out.name + ".download.tmp")
        self.last_line = ""

    def close(self) -> None:
        self.bar.close()
        self.ledger.close()
        self.answers.close()
        self.service.close()
        self.deferred.close()
        self.scratch.unlink(missing_ok=True)

    def say(self, line: str) -> None:
        self.bar.note(f"summarizer: {line}")

    # --- the rounds -----------------------------------------------------------

    def go(self) -> None:
        self.adopt()
        first, online_rounds = True, 0
        while True:
            if online_rounds:
                self.poll()  # online answers came: pass again at once, taking in any batch that ended meanwhile
            else:
                self.wait()
            submitted, online, retried = self.one_pass(first)
            first = False
            if self.ledger.counts.stopped or not (submitted or online or self.state.live()):
                return  # stopped, or every article is written
            online_rounds = online_rounds + 1 if online else 0
            if retried:
                self.sleep(min(2.0 ** online_rounds, 30.0))  # online faults: back off before sending again

    def one_pass(self, first: bool) -> tuple[int, int, int]:
        """A pass over the inputs; the requests it submitted in batches, sent online, and got no answer online."""
        online: list[Request] = []
        sent = retried = 0
        with _Spool(self) as spool:
            for request in pass_over(read_inputs(self.options.inputs), self.ledger, self.deferred, self.lookup,
                                     waiting=self.state.waiting(), first=first, noted=self.note):
                if self.batch.reask_online and request.asked > 0:
                    online.append(request)
                    if len(online) >= _ONLINE_CHUNK:
                        sent, retried = sent + len(online), retried + self.send_online(online)
                        online = []
                else:
                    spool.add(request)
                self.bar.update(self.ledger.counts)
        if online and not self.ledger.counts.stopped:
            sent, retried = sent + len(online), retried + self.send_online(online)
        self.bar.update(self.ledger.counts)
        return spool.sent, sent, retried

    def note(self, article) -> None:
        line = reading_note(article)
        if line is not None:
            self.bar.note(line)

    def lookup(self, custom_id: str) -> Output | Failure | None:
        got = self.answers.get(custom_id)
        if got is not None or self.sent[custom_id] < self.settings.retry_attempts:
            return got
        why = self.answers.reasons.get(custom_id, "the batches it was in did not run it")
        return Failure("unavailable", f"no answer after {self.sent[custom_id]} tries ({why}); run again to retry")

    def send_online(self, requests: list[Request]) -> int:
        """Send ``requests`` now and keep their answers; how many got none (a transient fault)."""
        lines = send_now(self.settings, [(r.custom_id, r.body) for r in requests],
                         concurrency=self.options.concurrency, client=self.client)
        self.answers.append(lines)
        self.sent.update(r.custom_id for r in requests)
        self.ledger.counts.requests += len(requests)
        return sum(self.answers.get(r.custom_id) is None for r in requests)

    # --- batches --------------------------------------------------------------

    def adopt(self) -> None:
        """Take in the batches of this run that the state does not know (created just before a kill, or the state
        file lost); drop the parts that never became a batch (their requests go out again)."""
        known = {p.batch_id for p in self.state.parts if p.batch_id}
        since = self.state.saved.created_at - 3600 if self.state.existed else time.time() - _FILES_KEPT
        for info in self.service.find(RUN_TAG, self.state.run, since):
            if info.id in known:
                continue
            name = info.tag("summarizer_part") or info.id
            part = next((p for p in self.state.parts if p.name == name and p.batch_id is None), None)
            if part is None:
                part = Part(name=name, custom_ids=self.service.custom_ids(info.input_file_id, self.scratch))
                self.state.parts.append(part)
            part.update(info)
            self.say(f"found batch {info.id} ({name}, {info.status}) of this run at the provider")
        self.state.saved.parts = [p for p in self.state.parts if p.batch_id is not None]
        if self.state.parts or self.state.existed:
            self.state.save()

    def submit(self, path: Path, name: str, custom_ids: list[str]) -> None:
        """Make the batch file at ``path`` a batch: recorded first, uploaded, created, recorded again."""
        self.bar.calling()
        part = Part(name=name, custom_ids=custom_ids)
        self.state.parts.append(part)
        self.state.save()
        file_id = self.service.upload(path, f"summarizer-{self.state.run}-{part.name}.jsonl")
        info = self.service.create(file_id, self.state.metadata(part, self.options.out.name))
        part.update(info)
        self.state.save()
        self.sent.update(custom_ids)
        self.ledger.counts.requests += len(custom_ids)
        self.ledger.counts.batches.append(info.id)
        self.say(f"submitted batch {info.id} ({part.name}): {len(custom_ids):,} request"
                 + ("s" if len(custom_ids) != 1 else ""))

    def poll(self) -> bool:
        """Poll every live batch once and collect those that ended; whether any is still live."""
        changed = False
        for part in self.state.live():
            changed |= part.update(self.service.retrieve(part.batch_id or ""))
        for part in self.state.parts:
            if part.batch_id and not part.live and not part.collected:
                self.collect(part)
                changed = True
        if changed:
            self.state.save()
        line = self.status_line()
        if line and line != self.last_line:
            self.say(line)
            self.last_line = line
        return bool(self.state.live())

    def wait(self) -> None:
        delay = min(5.0, self.batch.poll)
        while self.poll():
            self.sleep(delay)
            delay = min(delay * 2, self.batch.poll)

    def collect(self, part: Part) -> None:
        """Keep what a batch that ended gave (its output and error files) in the answers file."""
        for file_id in (part.output_file_id, part.error_file_id):
            if file_id:
                self.service.download(file_id, self.scratch)
                with open(self.scratch, "rb") as f:
                    self.answers.append(f)
        why = f"batch {part.batch_id} {part.status}" + (f": {part.errors[0]}" if part.errors else "")
        for custom_id in part.custom_ids:
            if self.answers.get(custom_id) is None:
                self.answers.reasons.setdefault(custom_id, why)
        part.collected = True
        if part.status != "completed":
            self.say(f"{why}; its unanswered requests go out again")

    def status_line(self) -> str:
        live = self.state.live()
        if not live:
            return ""
        statuses = Counter(p.status for p in live)
        done = sum(p.completed + p.failed for p in live)
        total = sum(p.total or len(p.custom_ids) for p in live)
        failed = sum(p.failed for p in live)
        said = ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
        return f"batches: {said}; {done:,} of {total:,} requests done" + (f", {failed:,} failed" if failed else "")


class _Spool:
    """Request lines written to a batch file until it is full, then submitted; the last one on leaving."""

    def __init__(self, run: _BatchRun) -> None:
        self.run = run
        self.path = run.options.out.with_name(run.options.out.name + ".upload.tmp")
        self.limit = min(run.batch.size, MAX_REQUESTS)
        self.round = run.state.next_round()
        self.parts = 0
        self.sent = 0
        self._file: IO[bytes] | None = None
        self._ids: list[str] = []
        self._bytes = 0

    def __enter__(self) -> _Spool:
        return self

    def add(self, request: Request) -> None:
        line = request_line(request.custom_id, request.body)
        if self._ids and (len(self._ids) >= self.limit or self._bytes + len(line) > MAX_BYTES):
            self.flush()
        if self._file is None:
            self._file = open(self.path, "wb")
        self._file.write(line)
        self._ids.append(request.custom_id)
        self._bytes += len(line)

    def flush(self) -> None:
        if self._file is None:
            return
        self._file.close()
        self._file = None
        self.parts += 1
        self.run.submit(self.path, f"r{self.round}-{self.parts}", self._ids)
        self.sent += len(self._ids)
        self._ids, self._bytes = [], 0

    def __exit__(self, kind, *_) -> None:
        try:
            if kind is None and not self.run.ledger.counts.stopped:
                self.flush()
        finally:
            if self._file is not None:
                self._file.close()
            self.path.unlink(missing_ok=True)
