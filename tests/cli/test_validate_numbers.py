"""`summarizer validate` on signed, huge and non-finite figure values, as a user meets them."""

import json
import subprocess
import sys

import pytest

from summarizer.cli import main

ARTICLE = "올해 성장률은 -3.2%로 떨어졌다. 국가 부채는 12345678901234567890123원, 예산은 26만 원이다.\n"


def write(tmp_path, *figures: dict) -> tuple[str, str]:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    data = {"headline": "성장률 하락", "summary": "성장률이 떨어졌다.",
            "figures": [{"id": f"f{i}", "label": "x", **f} for i, f in enumerate(figures, 1)]}
    summary = tmp_path / "summary.json"
    # Written by hand, as a model or a person would: JSON numbers as they are, NaN literals included.
    summary.write_text(json.dumps(data, ensure_ascii=False).replace('"@', "").replace('@"', ""), encoding="utf-8")
    return str(article), str(summary)


def test_a_negative_figure_as_written_passes(tmp_path, capsys):
    assert main(["validate", *write(tmp_path, {"value": -3.2, "text": "-3.2%", "unit": "%"}), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in report["findings"] if f["code"].startswith("figure.")] == []


def test_a_figure_that_drops_the_sign_is_rejected(tmp_path, capsys):
    assert main(["validate", *write(tmp_path, {"value": 3.2, "text": "3.2%", "unit": "%"})]) == 1
    out = capsys.readouterr().out
    assert out.startswith("rejected") and "figure.text_not_found" in out and '"-3.2%"' in out


def test_an_integer_beyond_float_precision_keeps_every_digit_through_the_cli(tmp_path, capsys):
    figure = {"value": "@12345678901234567890123@", "text": "12345678901234567890123원", "unit": "원"}
    assert main(["validate", *write(tmp_path, figure), "--json"]) == 0
    out = capsys.readouterr().out
    assert '"parsed_value": 12345678901234567890123' in out
    off_by_one = {**figure, "value": "@12345678901234567890122@"}
    assert main(["validate", *write(tmp_path, off_by_one)]) == 1
    assert "figure.value_mismatch" in capsys.readouterr().out


@pytest.mark.parametrize(
    "values",
    [["@NaN@"], ["@Infinity@", "@-Infinity@"], ["@1e999@"]],
    ids=["nan", "infinity and -infinity in one total", "overflow"],
)
def test_a_non_finite_value_is_a_bad_input_with_one_clear_line(tmp_path, capsys, values):
    total = {"value": 260000, "text": "26만 원", "unit": "원"}
    parts = [{"value": v, "text": "26만 원", "part_of": "f1"} for v in values]
    assert main(["validate", *write(tmp_path, total, *parts)]) == 2
    captured = capsys.readouterr()
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("summarizer: ") and "figures.1.value: Input should be a finite number" in line
    assert line.endswith("see schemas/article_summary.schema.json")
    assert captured.out == ""


def test_the_console_script_exits_2_on_nan_not_1(tmp_path):
    article, summary = write(tmp_path, {"value": "@NaN@", "text": "-3.2%"})
    run = subprocess.run([sys.executable, "-m", "summarizer.cli", "validate", article, summary],
                         capture_output=True, text=True)
    assert (run.returncode, run.stdout, len(run.stderr.strip().splitlines())) == (2, "", 1)
    assert "finite number" in run.stderr
