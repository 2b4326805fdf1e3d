"""The misattribution evaluation (issue 10): catch at least 90 % of quotes given to another person the article
names, and keep at least 95 % of true speakers, in Korean and in English.

Every quotation of the five bundled articles and of two English passages written for these tests, with its
hand-checked true speaker (tests/fixtures/speakers/), then swapped with every other person the article names.
``python -m benchmarks.attribution`` prints the same figures, and those of an older checkout beside them.
"""

import pytest

from summarizer import validate
from support.speakers import evaluate


@pytest.mark.parametrize("language", ["ko", "en"])
def test_misattributions_are_caught_and_true_speakers_kept(language):
    counts = evaluate(validate, language)
    assert counts["true"] >= (60 if language == "ko" else 15) and counts["swapped"] >= 5 * counts["true"] // 2
    assert counts["caught"] / counts["swapped"] >= 0.90, counts
    assert counts["kept"] / counts["true"] >= 0.95, counts
