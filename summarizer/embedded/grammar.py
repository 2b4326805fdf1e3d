"""Grammars for constrained decoding with the embedded model.

llama.cpp (through xllamacpp) decodes under an llguidance grammar when a
request's ``grammar`` starts with ``%llguidance``. This module builds those
grammars from JSON Schemas and checks any grammar before it is used: llama.cpp
silently decodes unconstrained when an llguidance grammar does not compile.

- ``for_grammar(schema)``: a schema fit for a small model (every field
  required, strings, lists and numbers bounded);
- ``json_grammar(schema)``: that schema as compact JSON (no free whitespace);
- ``free_text_pattern(numbers)`` / ``free_text_regex(numbers)``: a JSON-Schema
  ``pattern`` / a Lark terminal for free text whose every number must be one
  of ``numbers`` (the article's, as it writes them);
- ``checked(grammar)``: the grammar to send, or a ``GrammarError`` that says
  what is wrong with it.

Everything here but ``checked`` is plain data; ``checked`` imports llguidance.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

__all__ = [
    "JSON_OBJECT_GRAMMAR",
    "MAX_ITEMS",
    "MAX_NUMBER",
    "MAX_STRING",
    "NUMBER_STEP",
    "GrammarError",
    "checked",
    "for_grammar",
    "free_text_pattern",
    "free_text_regex",
    "is_llguidance",
    "json_grammar",
]

MAX_STRING = 300
"""Longest string the grammar lets the embedded model write."""
MAX_ITEMS = 10
"""Most items the grammar lets it put in one list."""
MAX_NUMBER = 10**15
"""Largest magnitude of a JSON number (llguidance bounds none by itself)."""
NUMBER_STEP = 1e-6
"""Finest fraction of a JSON number: at most six decimals, so "1.000000..." cannot run on."""

_HEADER = "%llguidance {}\n"
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


class GrammarError(ValueError):
    """A grammar (or a schema made into one) that llguidance cannot compile."""


def for_grammar(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``schema`` fit for constrained decoding with a small model.

    Every object property becomes required and no other property is allowed,
    so the model writes every field (an empty list or a null where it has
    nothing) instead of closing early or inventing keys. Strings, lists and
    numbers get bounds where the schema sets none, so a model caught in a loop
    (it was seen counting "1", "2", "3"... for hundreds of tokens, and writing
    digits until max_tokens) finishes the JSON instead. Bounds the schema sets
    itself are kept.
    """

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(v) for v in node]
        if not isinstance(node, dict):
            return node
        node = {k: walk(v) for k, v in node.items()}
        kind = node.get("type")
        if kind == "object" and "properties" in node:
            node["required"] = list(node["properties"])
            node.setdefault("additionalProperties", False)
        elif kind == "string" and "enum" not in node and "const" not in node:
            node.setdefault("maxLength", MAX_STRING)
        elif kind == "array":
            node.setdefault("maxItems", MAX_ITEMS)
        elif kind in ("number", "integer"):
            node.setdefault("minimum", -MAX_NUMBER)
            node.setdefault("maximum", MAX_NUMBER)
            if kind == "number":
                node.setdefault("multipleOf", NUMBER_STEP)
        return node

    return walk(schema)


def json_grammar(schema: dict[str, Any]) -> str:
    """``schema`` as an llguidance grammar for compact JSON (no whitespace between tokens).

    Free whitespace costs tokens and lets a small model wander into newlines
    and indentation; the schema's property order is kept (the model writes
    the fields in that order, and an early field steers a later one).
    """
    compact = {**schema, "x-guidance": {**schema.get("x-guidance", {}), "whitespace_flexible": False}}
    return f"{_HEADER}start: %json {json.dumps(compact, ensure_ascii=False)}"


JSON_OBJECT_GRAMMAR = json_grammar({"type": "object"})
"""Any JSON object (``response_format: json_object``)."""


def free_text_pattern(numbers: Iterable[str]) -> str:
    """A JSON-Schema ``pattern`` for text in which every number is one of ``numbers``.

    ``free_text_regex`` anchored at both ends; see there.
    """
    return f"^{free_text_regex(numbers)}$"


def free_text_regex(numbers: Iterable[str], *, in_json_string: bool = False) -> str:
    """A regular expression for text in which every number is one of ``numbers``.

    ``numbers`` are digit runs as the article writes them ("2025", "26",
    "260,000", "3.5"). In text that matches, every maximal run of digits
    (with the "." and "," between digits) is one of them: with "26" and "3.5"
    allowed, "26만 개" and "3.5%" match, while "27", "260" and "26.5" do not.
    Numbers spelt in words are not limited. Use it as a Lark terminal
    (``SUMMARY: /.../``) in an llguidance grammar, or anchored, as a string's
    ``pattern`` (``free_text_pattern``, with a ``maxLength``) in a JSON Schema.
    With ``in_json_string``, the text also has no quote, backslash or control
    character, so that a Lark grammar can put it between a JSON string's quotes.
    """
    allowed = sorted(set(numbers), key=lambda n: (-len(n), n))
    bad = [n for n in allowed if not _NUMBER.fullmatch(n)]
    if bad:
        raise ValueError(f"not a number as written with digits: {bad[:3]!r}; give digit runs such as '260,000' or '3.5'")
    unsafe = r'"\\\x00-\x1F' if in_json_string else ""
    text, word = f"[^0-9{unsafe}]", f"[^0-9.,{unsafe}]"
    if not allowed:
        return f"{text}*"
    num = "(?:" + "|".join(re.escape(n) for n in allowed) + ")"
    # After a number: a character that is neither digit nor separator, or a
    # separator that no digit follows, so "26" cannot begin "26.5" or "260".
    after = f"(?:{word}|[.,]{word}|[.,][.,])"
    return f"(?:{text}|{num}{after})*(?:{num}[.,]?)?"


def is_llguidance(grammar: str) -> bool:
    """Whether llama.cpp reads ``grammar`` with llguidance (else it is GBNF)."""
    return grammar.startswith("%llguidance")


def checked(grammar: str) -> str:
    """``grammar`` if llguidance compiles it, else a ``GrammarError`` with its message.

    A GBNF grammar (one without the ``%llguidance`` header) is returned as it
    is: llama.cpp checks those itself and reports a bad one.
    """
    if not is_llguidance(grammar):
        return grammar
    import llguidance

    error = llguidance.LLMatcher.validate_grammar(llguidance.LLMatcher.grammar_from_lark(grammar))
    if error:
        raise GrammarError(error.strip())
    return grammar
