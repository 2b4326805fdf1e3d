"""A usage error names what went wrong, in the usage of the command it was given to, and stays one error."""

import pytest

from summarizer.cli import main


def _usage_error(argv, capsys) -> list[str]:
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err.strip().splitlines()


def test_a_mistyped_flag_is_named_with_the_one_meant_in_runs_usage(tmp_path, capsys):
    err = _usage_error(["run", str(tmp_path), "--output", str(tmp_path / "r.jsonl")], capsys)
    assert err[0].startswith("usage: summarizer run ")
    assert err[-1] == ("summarizer run: error: unknown flag --output (did you mean --out?); "
                       "the following arguments are required: --out")
    assert "Traceback" not in "\n".join(err) and "summarizer: using" not in "\n".join(err)


def test_an_unknown_flag_after_every_required_one_is_runs_not_the_top_levels(tmp_path, capsys):
    err = _usage_error(["run", str(tmp_path), "--out", str(tmp_path / "r.jsonl"), "--concurency", "2"], capsys)
    assert err[0].startswith("usage: summarizer run ")
    assert err[-1] == "summarizer run: error: unknown flag --concurency (did you mean --concurrency?)"
    assert not (tmp_path / "r.jsonl").exists()


@pytest.mark.parametrize(("argv", "command", "said"), [
    (["validate", "a.txt", "s.json", "--jsn"], "validate", "unknown flag --jsn (did you mean --json?)"),
    (["reconcile", "r.jsonl", "--out", "s.json", "--modle", "m"], "reconcile",
     "unknown flag --modle (did you mean --model?)"),
    (["schema", "--pretty"], "schema", "unknown flag --pretty"),
    (["run", "x", "--out=r.jsonl", "-x"], "run", "unknown flag -x"),
])
def test_an_unknown_flag_on_any_command_shows_that_commands_usage(capsys, argv, command, said):
    err = _usage_error(argv, capsys)
    assert err[0].startswith(f"usage: summarizer {command} ")
    assert err[-1] == f"summarizer {command}: error: {said}"


def test_an_abbreviation_and_a_negative_number_are_not_unknown_flags(tmp_path, capsys):
    err = _usage_error(["run", str(tmp_path), "--ou", str(tmp_path / "r.jsonl"), "--concurrency", "-1"], capsys)
    assert err[-1] == "summarizer run: error: argument --concurrency: must be 1 or more, not -1"


def test_an_unknown_flag_before_the_command_is_named_in_the_top_level_usage(capsys):
    err = _usage_error(["--verbose", "run"], capsys)
    assert err[0].startswith("usage: summarizer [-h] [--version] COMMAND")
    assert err[-1].startswith("summarizer: error: unknown flag --verbose")
