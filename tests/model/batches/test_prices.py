"""What a batch run cost: the known batch prices, a price given, and none guessed."""

import pytest

from summarizer import UsageError
from summarizer.contract.result import Usage
from summarizer.model.batches import Price, batch_price, parse_price


def test_a_known_model_and_its_dated_snapshots_have_its_batch_price():
    assert batch_price("gpt-4.1-mini") == Price(0.20, 0.80, "gpt-4.1-mini's batch price, March 2026")
    assert batch_price("gpt-4.1-mini-2025-04-14") == Price(0.20, 0.80,
                                                           "gpt-4.1-mini-2025-04-14's batch price, March 2026")
    assert batch_price("qwen3:8b") is None  # never a guessed price
    given = Price(1.0, 2.0, "as given")
    assert batch_price("gpt-4.1-mini", given) is given


def test_cost_is_tokens_at_the_price_a_million():
    usage = Usage(prompt_tokens=2_000_000, completion_tokens=500_000, total_tokens=2_500_000)
    assert batch_price("gpt-4.1-mini").cost(usage) == pytest.approx(0.40 + 0.40)


def test_a_price_is_given_as_in_comma_out():
    assert parse_price("0.2,0.8") == Price(0.2, 0.8, "as given")
    for bad in ("0.2", "a,b", "-1,2", "1,2,3", "nan,1"):
        with pytest.raises(UsageError, match="--price"):
            parse_price(bad)
