"""A finding code is an API: every code the checks can give is documented in the README's tables of checks."""

import re

from support.corpus import ROOT

_CODE_RE = re.compile(r'"((?:quote|figure|totals|text|event|coverage)\.[a-z_]+)"')


def test_every_finding_code_is_in_the_readme_table():
    emitted = {c for path in (ROOT / "summarizer" / "trust").rglob("*.py") for c in _CODE_RE.findall(path.read_text())}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `")]
    documented = {c for row in rows for c in re.findall(r"`([a-z]+\.[a-z_]+)`", row)}
    assert "quote.misattributed" in emitted and "coverage.quotes_missing" in emitted
    assert emitted - documented == set()
