"""Summarize an article: ask, check, re-ask with the findings, keep the best.

The loop is written once, as a generator that yields each request and is sent
back its answer; ``summarize`` drives it synchronously and ``asummarize``
asynchronously, so the two cannot drift apart; a ``Stepper`` drives it with
answers that come later (the batch path).

- A re-ask sends the article, the last answer and only its findings, never a
  growing conversation; at most ``settings.max_reasks`` of them.
- A totals mismatch that the article itself causes (every figure verbatim) is
  re-checked once, then left as a warning (not re-checked for the embedded
  model's grounded answers: ``Kind.recheck_totals``).
- An answer that does not fit the schema is re-asked the same way, with the
  reason it did not fit (instructor's own retries are off: one retry layer).
- An answer cut off by max_tokens is asked again once with twice the room,
  else reported as truncated; it is never re-sent unchanged.
- If re-asking does not help, the best answer comes back with its report; a
  usable answer is never thrown away for a later failure.
- A round with nothing to ask (a grounded answer whose every pick code makes,
  the embedded model's default) sends no request: its summary is checked
  like any other, with no attempts and no tokens. A result names the model
  only when a request went to it; else it is ``made_by`` code, naming none.
- An answer over a limit (``limits``: its length, a field's, a list's items,
  the numbers in its prose) is neither checked nor re-asked: it fails the
  article, unless an earlier answer stands. A re-ask lists at most
  ``limits.REASK_FINDINGS`` findings.
- The checks are requested from the loop too (``_Check``): the sync driver
  runs them in place, the async one in a worker thread, so a long check does
  not hold up the requests of other articles in flight. An exception in the
  checks, or a check that outlasts ``check_timeout``, fails that article
  (``internal_error``), never the run.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

from ..contract.report import Report
from ..contract.result import Attempt, FailureKind, Result, Usage
from ..contract.summary import ArticleSummary
from ..model.call import FREE_TEXT, Answer, Provider, Shape
from ..model.failures import Failure
from ..model.settings import Settings
from ..trust.article.titles import holds_title
from ..trust.checks import validate
from .checking import Check, run_check, run_check_in_thread
from .grounded.kind import Grounded
from .free_text import FreeText
from .kinds import Kind, Round
from .limits import answer_over_limit, summary_over_limit

__all__ = ["Stepper", "Summarizer", "asummarize", "summarize"]

@dataclass
class _Ask:
    messages: list[dict[str, Any]]
    max_tokens: int
    shape: Shape = FREE_TEXT


@dataclass
class _Check:
    text: str
    summary: ArticleSummary


@dataclass
class _Best:
    summary: ArticleSummary
    report: Report
    raw: str
    parsed: Any
    """The answer as the model gave it (an ArticleSummary, or a GroundedAnswer)."""

    def rank(self) -> tuple[int, int]:
        return len(self.report.errors), len(self.report.warnings)


class Summarizer:
    """Summarizes articles with one model; reuse it to reuse the client (and the loaded embedded model)."""

    check_timeout: float = 120.0
    """Seconds the checks may take on one answer in ``asummarize`` before the article fails."""

    def __init__(self, settings: Settings | None = None, *, client: Any = None, sleep: Any = None,
                 async_sleep: Any = None, check: Check = validate, check_timeout: float | None = None) -> None:
        self.settings = settings or Settings.from_env()
        # A client is an endpoint: it gets free text unless grounded answers are asked for, as --base-url does.
        grounded = self.settings.grounded if client is None or self.settings.answer is not None else False
        endpoint = client is not None or not self.settings.embedded
        self.kind: Kind = Grounded(self.settings) if grounded else FreeText(self.settings, endpoint)
        self.provider = Provider(self.settings, client, sleep=sleep, async_sleep=async_sleep)
        self.check = check
        if check_timeout is not None:
            self.check_timeout = check_timeout

    # --- drivers -----------------------------------------------------------

    def summarize(self, text: str, title: str | None = None) -> Result:
        """One article's result; ``title`` is its title, where the input gives one (a grounded headline)."""
        if (empty := self._empty(text)) is not None:
            return empty
        loop = self._loop(text, title)
        request = next(loop)
        while True:
            if isinstance(request, _Check):
                outcome: Any = run_check(self.check, request.text, request.summary)
            else:
                outcome = self.provider.ask(request.messages, request.max_tokens, request.shape)
            try:
                request = loop.send(outcome)
            except StopIteration as done:
                return done.value

    async def asummarize(self, text: str, title: str | None = None) -> Result:
        if (empty := self._empty(text)) is not None:
            return empty
        loop = self._loop(text, title)
        request = next(loop)
        while True:
            if isinstance(request, _Check):
                outcome: Any = await run_check_in_thread(self.check, request.text, request.summary,
                                                         self.check_timeout)
            else:
                outcome = await self.provider.aask(request.messages, request.max_tokens, request.shape)
            try:
                request = loop.send(outcome)
            except StopIteration as done:
                return done.value

    def stepper(self, text: str, title: str | None = None) -> Stepper:
        """The loop driven by answers that come later (the batch path, ``pipeline.deferred``); checks in place."""
        return Stepper(self, self._loop(text, title))

    def failed(self, kind: FailureKind, message: str, seconds: float = 0.0) -> Result:
        """A failed Result for an article that never got as far as an answer."""
        # An input that could not be summarized never reached the model, nor did any article when nothing is
        # asked of it; a bug may have struck after a request.
        asked = kind != "input" and self.kind.asks_model
        return Result(status="failed", failure=message, failure_kind=kind, prompt_version=self.kind.version,
                      seconds=seconds, **self._maker(asked))

    def _maker(self, asked: bool) -> dict[str, Any]:
        """Who made a result: the model, named with where it is, when a request went to it; else code alone."""
        if not asked:
            return {"made_by": "code", "model": None, "base_url": None}
        return {"made_by": "model", "model": self.provider.model, "base_url": self.provider.base_url}

    def _empty(self, text: str) -> Result | None:
        """An empty (or whitespace-only) article is a failed ``input``, as in a batch; a text that is not a str is
        a mistake in the calling code, and raises."""
        if not isinstance(text, str):
            raise TypeError(f"summarize() takes the article's text as a str, not {type(text).__name__}")
        return None if text.strip() else self.failed("input", "the article text is empty")

    async def aclose(self) -> None:
        await self.provider.aclose()

    def close(self) -> None:
        self.provider.close()

    # --- the loop ----------------------------------------------------------

    def _loop(self, text: str, title: str | None = None) -> Generator[_Ask | _Check, Any, Result]:
        started = time.perf_counter()
        kind = self.kind
        max_tokens = kind.max_tokens(text)
        if title is not None and not holds_title(text, title):
            title = None  # a headline the checks could not back; readers put a page's title at its text's head
        rounds = kind.rounds(text, title)
        attempts: list[Attempt] = []
        parts: list[_Best] = []
        failure: Failure | None = None
        last_raw: str | None = None
        for w, round_ in enumerate(rounds):
            outcome = yield from self._window(w, round_, text, max_tokens, attempts)
            if isinstance(outcome, _Best):
                parts.append(outcome)
            else:
                failure, last_raw = outcome
                if not parts or failure.kind in ("auth", "model_not_found", "internal_error"):
                    break  # the other windows would fail the same way
        usage = sum((a.usage for a in attempts), Usage())
        common = {"attempts": attempts, "usage": usage, "prompt_version": kind.version, "windows": len(rounds),
                  **self._maker(bool(attempts))}
        if failure is not None and failure.kind == "internal_error":
            parts = []  # a bug in the checks: no summary of this article can be trusted
        if not parts:
            assert failure is not None
            return Result(status="failed", failure=failure.message, failure_kind=failure.kind,
                          last_answer=last_raw, seconds=round(time.perf_counter() - started, 3), **common)
        if len(rounds) == 1:
            summary, report = parts[0].summary, parts[0].report  # the one window is the whole article: checked
        else:
            merged = kind.merge(text, [p.parsed for p in parts], [p.summary for p in parts], title)
            summary = merged.summary
            checked = yield _Check(text, summary)
            if isinstance(checked, Failure):
                return Result(status="failed", failure=checked.message, failure_kind=checked.kind,
                              last_answer=summary.model_dump_json(),
                              seconds=round(time.perf_counter() - started, 3), **common)
            report = merged.with_findings(checked)
        return Result(status=report.status, summary=summary, report=report,
                      seconds=round(time.perf_counter() - started, 3), **common)

    def _window(self, w: int, round_: Round, text: str, max_tokens: int, attempts: list[Attempt]):
        """Ask about one window until it verifies or the re-asks run out.

        Returns the best answer, or (failure, last raw answer) when none was usable.
        """
        local = round_.without_model()
        if local is not None:  # nothing to ask: code made every pick
            summary = round_.summary_of(local)
            checked = yield _Check(round_.text, summary)
            if isinstance(checked, Failure):
                return checked, None
            return _Best(summary, round_.with_findings(checked), local.model_dump_json(), local)
        messages = round_.first()
        best: _Best | None = None
        rechecked = False
        more_room = False
        kind = "ask"
        reasks = 0
        last_answer: str | None = None
        while True:
            t0 = time.perf_counter()
            answer = yield _Ask(messages, max_tokens, round_.shape)
            seconds = round(time.perf_counter() - t0, 3)
            if isinstance(answer, Failure):
                attempts.append(Attempt(kind=kind, window=w, outcome="failed", requests=answer.requests,
                                        waits=answer.waits, seconds=seconds, note=answer.message))
                return best if best is not None else (answer, None)
            base = {"kind": kind, "window": w, "requests": answer.requests, "waits": answer.waits,
                    "finish_reason": answer.finish_reason, "usage": answer.usage, "seconds": seconds}
            if (over := answer_over_limit(answer.raw)) is not None:
                return _over_limit(attempts, base, over, best, answer.raw)
            if answer.truncated:
                attempts.append(Attempt(outcome="truncated", note=f"cut off at max_tokens={max_tokens}", **base))
                limit = self.kind.room_limit(round_.text)
                if not more_room and max_tokens < limit:
                    more_room, kind = True, "more_room"
                    max_tokens = min(max_tokens * 2, limit)
                    continue
                return best if best is not None else (
                    Failure("truncated", f"the answer was cut off at {max_tokens} tokens, even with more room"),
                    answer.raw)
            if answer.summary is None:
                attempts.append(Attempt(outcome="invalid", note=answer.invalid, **base))
                raw = answer.raw or ""
                if reasks >= self.settings.max_reasks or raw == last_answer:
                    return best if best is not None else (
                        Failure("invalid_response", f"the answer did not fit the schema: {answer.invalid}"),
                        answer.raw)
                last_answer = raw
                reasks += 1
                kind = "reask"
                messages = round_.again_invalid(raw, answer.invalid or "")
                continue
            previous = answer.summary.model_dump_json()
            summary = round_.summary_of(answer.summary)
            if (over := summary_over_limit(summary)) is not None:
                return _over_limit(attempts, base, over, best, answer.raw or previous)
            checked = yield _Check(round_.text, summary)
            if isinstance(checked, Failure):
                attempts.append(Attempt(outcome="failed", note=checked.message, **base))
                return checked, answer.raw or previous
            report = round_.with_findings(checked)
            attempts.append(Attempt(outcome=report.status, errors=len(report.errors),
                                    warnings=len(report.warnings), **base))
            current = _Best(summary, report, answer.raw or previous, answer.summary)
            if best is None or current.rank() <= best.rank():
                best = current
            totals_warning = any(f.code == "totals.mismatch" for f in report.warnings)
            recheck = totals_warning and not rechecked and self.kind.recheck_totals
            if (report.status != "rejected" and not recheck) or reasks >= self.settings.max_reasks:
                return best
            if previous == last_answer:
                # The same answer to the same question: asking again would only repeat it.
                attempts[-1].note = "the same answer as before; not asking again"
                return best
            last_answer = previous
            rechecked = rechecked or recheck
            reasks += 1
            kind = "reask"
            messages = round_.again(previous, report, recheck)


def _over_limit(attempts: list[Attempt], base: dict[str, Any], reason: str, best: _Best | None,
                raw: str | None) -> _Best | tuple[Failure, str | None]:
    """An answer over a limit (``limits``): never checked nor re-asked; the best earlier answer, if any, stands."""
    attempts.append(Attempt(outcome="failed", note=reason, **base))
    return best if best is not None else (Failure("invalid_response", reason), raw)


class Stepper:
    """One article's loop, stopped at each ask until its answer is given (``answer``); ``result`` once it ends.

    The third driver of the loop, beside ``summarize`` and ``asummarize``: for answers that arrive later, from a
    batch. The checks run in place, as in ``summarize``.
    """

    def __init__(self, summarizer: Summarizer, loop: Generator[_Ask | _Check, Any, Result]) -> None:
        self._check, self._loop = summarizer.check, loop
        self.asked = 0
        """Asks answered so far: the number of the one waiting."""
        self.ask: _Ask | None = None
        """What the loop waits for an answer to (``messages``, ``max_tokens``, ``shape``); None once it ends."""
        self.result: Result | None = None
        self._step(None)

    def answer(self, outcome: Answer | Failure) -> None:
        """Give the waiting ask its answer; the loop checks it and goes on to its next ask or its end."""
        assert self.ask is not None, "the loop has ended"
        self.asked += 1
        self._step(outcome)

    def _step(self, outcome: Any) -> None:
        try:
            request = self._loop.send(outcome)
            while isinstance(request, _Check):
                request = self._loop.send(run_check(self._check, request.text, request.summary))
        except StopIteration as done:
            self.ask, self.result = None, done.value
        else:
            self.ask = request


def summarize(text: str, *, title: str | None = None, settings: Settings | None = None,
              client: Any = None) -> Result:
    """Summarize one article and check the summary against it.

    ``title`` is the article's title, where you have it: a grounded summary's
    headline is the title (else the article's own title line, else its lead).
    The checks read only ``text``, so a title that ``text`` does not write is
    not taken: put it at the head of ``text`` to have it (the file readers do
    that for a page's title and a JSONL record's).
    ``client`` may be an ``openai.OpenAI`` instance (tests, custom transports);
    by default one is made from ``settings`` (the embedded model when no
    endpoint is configured).
    """
    summarizer = Summarizer(settings, client=client)
    try:
        return summarizer.summarize(text, title)
    finally:
        summarizer.close()


async def asummarize(text: str, *, title: str | None = None, settings: Settings | None = None,
                     client: Any = None) -> Result:
    """The async twin of ``summarize``; ``client`` may be an ``openai.AsyncOpenAI``."""
    summarizer = Summarizer(settings, client=client)
    try:
        return await summarizer.asummarize(text, title)
    finally:
        await summarizer.aclose()
