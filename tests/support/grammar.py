"""Decoding under a grammar without a model: llguidance's matcher over a small tokenizer, walked at random.

The tokenizer has every byte as a token (so any text can be written) plus
whole pieces an adversarial decoder would reach for: the article's numbers and
names, ids, digits, scale words and counters that could extend or spell a
number. ``walk`` picks among the tokens the grammar allows, at random,
favouring those pieces, until the grammar is done: whatever it returns, the
grammar allowed.
"""

from __future__ import annotations

import random

import llguidance

EOS = b"\xff<eos>"
TRICKY = [
    "0", "1", "2", "5", "9", "00", "000", "27", "26", "5천", "만", "억", "천", "백", "십", ".", ",", ".5", ",000", " ",
    "  ", "-", "~", "%", "$", "여", "약 ", " 이상", "다섯", " 배", "두", " 달", "한", " 번", "세 곳", "열 명", "two",
    " million", "bn", "k", "m", "Twenty", "hundred", "one", "q", "f", '"', "\\", "null", "2025-", "-10", "-31", "2030",
]


class _Vocabulary:
    def __init__(self, pieces: list[str]) -> None:
        extra = sorted({p.encode("utf-8") for p in pieces if p} - {bytes([i]) for i in range(256)})
        self.tokens = [bytes([i]) for i in range(256)] + extra + [EOS]
        self.eos_token_id = len(self.tokens) - 1
        self.bos_token_id = None
        self.special_token_ids = [self.eos_token_id]

    def __call__(self, s: str | bytes) -> list[int]:
        return list(s.encode("utf-8") if isinstance(s, str) else s)


class Decoder:
    """A matcher factory for one grammar, over a tokenizer with ``pieces`` as whole tokens."""

    def __init__(self, grammar: str, pieces: list[str]) -> None:
        vocab = _Vocabulary([*pieces, *TRICKY])
        self.tokens = vocab.tokens
        self.weights = [1.0] * 256 + [12.0] * (len(vocab.tokens) - 257) + [1.0]
        self.tokenizer = llguidance.LLTokenizer(llguidance.TokenizerWrapper(vocab))
        self.grammar = llguidance.LLMatcher.grammar_from_lark(grammar)
        is_error, messages = llguidance.LLMatcher.validate_grammar_with_warnings(self.grammar, self.tokenizer)
        assert not is_error, messages

    def matcher(self) -> llguidance.LLMatcher:
        return llguidance.LLMatcher(self.tokenizer, self.grammar, log_level=0)

    def accepts(self, text: str) -> bool:
        """Whether the grammar lets a decoder write exactly ``text``."""
        m = self.matcher()
        return m.consume_tokens(list(text.encode("utf-8"))) and m.is_accepting()

    def walk(self, rng: random.Random, max_steps: int = 4000) -> str:
        """One random decode under the grammar, as text."""
        m = self.matcher()
        out = bytearray()
        for _ in range(max_steps):
            if m.is_stopped():
                break
            bias = m.compute_logit_bias()
            allowed = [i for i, b in enumerate(bias) if b]
            assert allowed, m.get_error()
            token = rng.choices(allowed, weights=[self.weights[i] for i in allowed])[0]
            if token == len(self.tokens) - 1:
                break
            assert m.consume_token(token), m.get_error()
            out += self.tokens[token]
        assert m.is_accepting(), out.decode("utf-8", "replace")
        return out.decode("utf-8", "replace")  # a byte-level walk may end a string inside a character
