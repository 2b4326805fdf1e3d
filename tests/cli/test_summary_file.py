"""A summary file that is not a summary: `validate` says in one line what is wrong in it and how to fix it, and
points at `summarizer schema`, not at a file in the repository that the user does not have."""

import json
import subprocess
import sys

import pytest

from summarizer.cli import main
from support.corpus import corpus_path

A001 = str(corpus_path("001"))
SCHEMA = "`summarizer schema` prints the summary's JSON Schema"


def _said(tmp_path, capsys, text: str) -> str:
    summary = tmp_path / "s.json"
    summary.write_text(text, encoding="utf-8")
    assert main(["validate", A001, str(summary)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.strip().splitlines()
    assert line.startswith(f"summarizer: {summary}: ")
    assert "schemas/" not in line
    return line.removeprefix(f"summarizer: {summary}: ")


def test_a_missing_closing_brace_is_placed_at_the_end_of_its_line_not_column_1(tmp_path, capsys):
    said = _said(tmp_path, capsys, '{"headline": "h", "summary": "s"\n')
    assert said == "not valid JSON: line 1, column 32: it ends with an object still open (a missing '}'?)"


def test_a_missing_bracket_on_a_later_line(tmp_path, capsys):
    said = _said(tmp_path, capsys, '{"headline": "h", "summary": "s",\n "quotes": [{"text": "t", "speaker": "x"}\n\n')
    assert said == "not valid JSON: line 2, column 41: it ends with a list still open (a missing ']'?)"


def test_other_json_errors_keep_their_place(tmp_path, capsys):
    said = _said(tmp_path, capsys, '{"headline": "h",\n  "summary": "s",, "events": []}')
    assert said == "not valid JSON: line 2, column 18: expecting property name enclosed in double quotes"


def test_a_missing_field_says_what_a_summary_needs(tmp_path, capsys):
    said = _said(tmp_path, capsys, '{"headline": "h"}')
    assert said == ("not a valid summary: summary is missing. A summary needs headline and summary (events, "
                    f"figures and quotes are optional); {SCHEMA}")


def test_an_unknown_field_a_wrong_choice_and_a_wrong_number_each_say_so(tmp_path, capsys):
    summary = {"headline": "h", "summary": "s", "quotes": [{"text": "t", "speaker": "x", "who": "y"}],
               "figures": [{"id": "f1", "label": "l", "value": "abc", "text": "t", "qualifier": "around"}]}
    said = _said(tmp_path, capsys, json.dumps(summary))
    assert said == (
        'not a valid summary: figures[0].value: must be a JSON number, not "abc"; figures[0].qualifier is "around"; it must be one of \'exact\', \'approx\', \'at_least\', '
        "'more_than', 'at_most' or 'less_than'; quotes[0].who is not a field of a quote. A figure needs id, label, "
        f"value and text (unit, qualifier and part_of are optional); {SCHEMA}")


@pytest.mark.parametrize(("text", "said"), [
    ("[1, 2]", "the file is a list, not an object"),
    ('{"headline": "h", "summary": "s", "figures": {}}', "figures: input should be a valid array (it is {})"),
])
def test_the_wrong_kind_of_value(tmp_path, capsys, text, said):
    assert _said(tmp_path, capsys, text).startswith(f"not a valid summary: {said}. ")


def test_more_problems_than_are_named_are_counted(tmp_path, capsys):
    said = _said(tmp_path, capsys, json.dumps({"figures": [{"id": "f1"}]}))
    assert said.startswith("not a valid summary: headline is missing; summary is missing; figures[0].label is "
                           "missing (and 2 more). ")


def test_the_schema_the_message_names_is_there_to_print(tmp_path):
    run = subprocess.run([sys.executable, "-m", "summarizer", "schema"], capture_output=True, text=True)
    assert run.returncode == 0 and json.loads(run.stdout)["title"] == "ArticleSummary"


def test_validate_help_lists_its_exit_codes(capsys):
    with pytest.raises(SystemExit) as e:
        main(["validate", "--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    statuses = [line.split()[0] for line in out.split("exit status:")[1].splitlines() if line[:4].strip().isdigit()]
    assert statuses == ["0", "1", "2", "5", "130"]
    assert "summarizer schema" in out
