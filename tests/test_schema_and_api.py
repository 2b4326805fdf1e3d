import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import summarizer
from summarizer.schemas import SCHEMAS, render

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_files_match_the_models(name):
    on_disk = (ROOT / "schemas" / name).read_text(encoding="utf-8")
    assert on_disk == render(SCHEMAS[name]), (
        f"schemas/{name} is out of date: run `python -m summarizer.schemas` and commit the result"
    )


def test_summary_schema_is_the_output_contract():
    schema = json.loads((ROOT / "schemas" / "article_summary.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == {"headline", "summary", "events", "figures", "quotes"}
    figure = schema["$defs"]["Figure"]["properties"]
    assert set(figure) == {"id", "label", "value", "unit", "text", "qualifier", "part_of"}
    assert figure["qualifier"]["enum"] == ["exact", "approx", "at_least", "more_than", "at_most", "less_than"]


def test_public_names_are_what_we_mean_to_export():
    assert set(summarizer.__all__) == {
        "ArticleSummary", "Event", "Figure", "Quote",
        "Report", "Finding", "Span", "QuoteLocation", "FigureLocation",
        "validate", "locate_quote", "QuoteMatch", "parse_number", "parse_quantity", "find_quantities", "Quantity",
        "SummarizerError", "UsageError", "InputError",
        "summarize", "asummarize", "summarize_batch", "Summarizer", "Settings", "Result",
    }
    for name in summarizer.__all__:
        assert getattr(summarizer, name) is not None


def test_trust_layer_imports_no_model_client():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the dev install"
    run = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout


def test_validating_loads_no_model_client_at_runtime():
    code = (
        "import sys, summarizer; from summarizer import validate, ArticleSummary;"
        "validate('26만 개', ArticleSummary(headline='', summary=''));"
        "bad = [m for m in ('openai', 'instructor', 'httpx') if m in sys.modules]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
