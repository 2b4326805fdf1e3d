"""The speaker check on public English news whose true speakers we annotated (benchmarks/data/attribution/):
the aims of issue 20, at least 98 % of true speakers kept and 95 % of swapped speakers caught."""

from benchmarks.attribution import evaluate_cases, news_cases
from summarizer import validate


def test_true_speakers_are_kept_and_swapped_ones_caught_on_annotated_news():
    counts = evaluate_cases(validate, news_cases())
    assert counts["true"] >= 17 and counts["swapped"] >= 46
    assert counts["kept"] / counts["true"] >= 0.98
    assert counts["caught"] / counts["swapped"] >= 0.95
