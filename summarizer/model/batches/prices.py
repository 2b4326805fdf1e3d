"""What a batch run cost: its tokens at the batch price of its model, where that price is known or given.

OpenAI's Batch API charges half the online price. The table holds the batch prices of a few OpenAI models, in
US dollars a million tokens (prompt, completion), as OpenAI's pricing page gave them in March 2026 (read
through third-party copies: the page itself cannot be reached from where this was written). Prices change:
``--price IN,OUT`` gives yours, and a model not in the table has no cost said, never a guessed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...contract.errors import UsageError
from ...contract.result import Usage

__all__ = ["BATCH_PRICES", "Price", "batch_price", "parse_price"]

BATCH_PRICES: dict[str, tuple[float, float]] = {
    "gpt-5": (0.625, 5.00),
    "gpt-5-mini": (0.125, 1.00),
    "gpt-5-nano": (0.025, 0.20),
    "gpt-4.1": (1.00, 4.00),
    "gpt-4.1-mini": (0.20, 0.80),
    "gpt-4.1-nano": (0.05, 0.20),
    "gpt-4o": (1.25, 5.00),
    "gpt-4o-mini": (0.075, 0.30),
}
"""US dollars a million tokens, (prompt, completion), at batch prices (March 2026)."""

_SNAPSHOT = re.compile(r"-\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Price:
    """US dollars a million prompt tokens and a million completion tokens; ``source`` says where it came from."""

    prompt: float
    completion: float
    source: str

    def cost(self, usage: Usage) -> float:
        return (usage.prompt_tokens * self.prompt + usage.completion_tokens * self.completion) / 1_000_000

    def describe(self) -> str:
        return f"${self.prompt:g} and ${self.completion:g} a million prompt and completion tokens ({self.source})"


def batch_price(model: str, given: Price | None = None) -> Price | None:
    """The price ``given``, else the table's for ``model`` (a dated snapshot priced as its model), else None."""
    if given is not None:
        return given
    known = BATCH_PRICES.get(_SNAPSHOT.sub("", model))
    return Price(*known, f"{model}'s batch price, March 2026") if known else None


def parse_price(raw: str) -> Price:
    """``IN,OUT``: US dollars a million prompt and completion tokens, e.g. ``0.20,0.80``."""
    try:
        prompt, completion = (float(x) for x in raw.split(","))
    except ValueError:
        raise UsageError(f"--price {raw!r}: give two numbers, IN,OUT: US dollars a million prompt and completion "
                         "tokens, e.g. 0.20,0.80") from None
    if prompt < 0 or completion < 0 or prompt != prompt or completion != completion:
        raise UsageError(f"--price {raw!r}: prices are 0 or more")
    return Price(prompt, completion, "as given")
