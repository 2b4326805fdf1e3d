"""The public API is what ``summarizer`` exports; the layers behind it are enforced; old paths still work, warning."""

import importlib
import shutil
import subprocess
import sys
import types
from collections import Counter
from pathlib import Path

import pytest

import summarizer
from support.corpus import ROOT

PUBLIC = {
    "ArticleSummary", "Event", "Figure", "Quote",
    "Report", "Finding", "Span", "QuoteLocation", "FigureLocation", "Coverage", "Tally",
    "Result", "Attempt", "Usage", "ResultRecord", "DeadLetter", "Article",
    "validate", "locate_quote", "QuoteMatch", "parse_number", "parse_quantity", "parse_range", "find_quantities",
    "Quantity",
    "SummarizerError", "UsageError", "InputError",
    "summarize", "asummarize", "summarize_batch", "summarize_dataset", "Summarizer", "Settings",
    "reconcile", "Reconciliation",
    "summarize_with_batch_api", "export_batch_requests", "import_batch_responses", "BatchOptions", "BatchCounts",
}


def test_public_names_are_what_we_mean_to_export():
    assert set(summarizer.__all__) == PUBLIC


def test_dir_shows_the_public_names_and_the_version_only():
    assert dir(summarizer) == sorted([*PUBLIC, "__version__"])
    assert not {"Any", "annotations", "importlib", "contract", "trust"} & set(dir(summarizer))


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_every_public_name_is_shown_as_summarizers_own(name):
    value = getattr(summarizer, name)
    assert value.__module__ == "summarizer", f"{name} shows as {value.__module__}.{name}"
    assert value.__name__ == name


def test_the_layers_and_the_pure_trust_layer_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the dev install"
    run = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Layers: cli > run | stories > views > io > pipeline > model > embedded > trust > contract KEPT" \
        in " ".join(run.stdout.split())
    assert "Trust: grounded > checks > people > article > numbers | words KEPT" in run.stdout
    assert "The contract and the trust layer import no model client KEPT" in run.stdout
    assert "No import cycles KEPT" in run.stdout


def test_no_module_name_is_used_three_times():
    names = Counter(p.name for p in (ROOT / "summarizer").rglob("*.py") if p.name != "__init__.py")
    assert {name: n for name, n in names.items() if n >= 3} == {}


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "summarizer").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_validating_loads_no_model_client_at_runtime():
    code = (
        "import sys, summarizer; from summarizer import validate, ArticleSummary;"
        "validate('26만 개', ArticleSummary(headline='', summary=''));"
        "bad = [m for m in ('openai', 'instructor', 'httpx', 'httpx2') if m in sys.modules]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_old_import_path_works_for_now_and_says_where_the_name_went():
    code = (
        "import warnings; warnings.simplefilter('error', FutureWarning)\n"
        "try:\n    import summarizer.extract\nexcept FutureWarning as w:\n    print('warned:', w)\n"
        "warnings.simplefilter('ignore', FutureWarning)\n"
        "from summarizer.extract import summarize; from summarizer.config import Settings\n"
        "from summarizer.local import LOCAL_MODEL; import summarizer\n"
        "print(summarize is summarizer.summarize, Settings is summarizer.Settings, LOCAL_MODEL)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    warned, same = run.stdout.strip().splitlines()
    assert warned == ("warned: summarizer.extract has moved to summarizer.pipeline.summarize; import its public "
                      "names from summarizer instead. The old path goes in summarizer 0.3.")
    assert same == "True True gemma-3-270m-q4_k_m"


def test_a_public_function_is_not_shadowed_by_a_subpackage_once_everything_is_imported():
    for path in (ROOT / "summarizer").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "ray" not in path.stem and parts[-1] != "__main__":
            importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    assert all(not isinstance(getattr(summarizer, name), types.ModuleType) for name in summarizer.__all__)
