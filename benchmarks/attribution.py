"""The misattribution evaluation, printed. Run: python -m benchmarks.attribution

Every quotation of the five bundled articles and of the English passages
written for the tests (tests/fixtures/speakers/, hand-checked true speakers),
checked once with its true speaker and once with each other person its
article names. Prints, per language, the share of swapped speakers caught (a
speaker finding) and of true speakers kept (none). The aims (issue 10): at
least 90 % caught and 95 % kept; tests/trust/test_misattribution.py asserts
them. To measure an older checkout on the same cases:
``cd OLD && PYTHONPATH=OLD python /path/to/benchmarks/attribution.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from support.speakers import evaluate  # noqa: E402

import summarizer  # noqa: E402


def main() -> None:
    print(f"summarizer from {Path(summarizer.__file__).parent}")
    for language in ("ko", "en"):
        c = evaluate(summarizer.validate, language)
        print(f"{language}: misattributions caught {c['caught']} of {c['swapped']} ({c['caught'] / c['swapped']:.1%}), "
              f"true speakers kept {c['kept']} of {c['true']} ({c['kept'] / c['true']:.1%})")


if __name__ == "__main__":
    main()
