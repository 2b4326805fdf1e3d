"""`summarizer validate`: a summary checked against its article, as a user meets it, including signed, huge
and non-finite figure values, and an article that is nothing but numbers."""

import json
import random
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from summarizer.cli import main
from support.corpus import corpus_path, fixture_path

A001 = str(corpus_path("001"))
A004 = str(corpus_path("004"))
S001 = str(fixture_path("001"))
S004 = str(fixture_path("004"))


def test_verified_summary_exits_zero(capsys):
    assert main(["validate", A001, S001]) == 0
    out = capsys.readouterr().out
    assert out.startswith("verified")
    assert "0 errors, 0 warnings" in out


def test_flagged_summary_prints_its_warnings_and_exits_zero(capsys):
    assert main(["validate", A004, S004]) == 0
    out = capsys.readouterr().out
    assert out.startswith("flagged")
    assert "totals.mismatch" in out and "figures[0]" in out


def test_rejected_summary_exits_one_and_says_why(tmp_path, capsys):
    data = json.loads(Path(S001).read_text(encoding="utf-8"))
    data["quotes"][0]["text"] = "한국은 화성에 데이터센터를 짓는다"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", A001, str(bad)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("rejected")
    assert "quote.not_found" in out and "quotes[0].text" in out


def test_json_report(capsys):
    assert main(["validate", A001, S001, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["status"] == "verified"
    assert len(report["figures"]) == 7


def test_missing_article_is_one_clear_line(capsys):
    assert main(["validate", "no-such-article.txt", S001]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "summarizer: no-such-article.txt: no such file; give the path of an article text file"


def test_invalid_summary_is_one_clear_line(tmp_path, capsys):
    bad = tmp_path / "s.json"
    bad.write_text('{"headline": "h", "summary": "s", "figures": [{"id": "f1"}]}', encoding="utf-8")
    assert main(["validate", A001, str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0] == (f"summarizer: {bad}: not a valid summary: figures[0].label is missing; figures[0].value is "
                      "missing; figures[0].text is missing. A figure needs id, label, value and text (unit, "
                      "qualifier and part_of are optional); `summarizer schema` prints the summary's JSON Schema")


@pytest.mark.parametrize("literal", ["true", '"260_000"', '" 260000 "', '"2.6e5"'])
def test_a_value_that_is_not_a_json_number_is_refused_not_read_as_one(tmp_path, capsys, literal):
    data = json.loads(Path(S001).read_text(encoding="utf-8"))
    data["figures"][0]["value"] = "@"
    bad = tmp_path / "s.json"
    bad.write_text(json.dumps(data, ensure_ascii=False).replace('"@"', literal), encoding="utf-8")
    assert main(["validate", A001, str(bad)]) == 2
    assert capsys.readouterr().err == (f"summarizer: {bad}: not a valid summary: figures[0].value: must be a JSON "
                                       f"number, not {literal}. A figure needs id, label, value and text (unit, "
                                       "qualifier and part_of are optional); `summarizer schema` prints the summary's "
                                       "JSON Schema\n")


def test_empty_and_binary_articles_are_refused(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main(["validate", str(empty), S001]) == 2
    assert "the file is empty" in capsys.readouterr().err
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert main(["validate", str(binary), S001]) == 2
    assert "binary file" in capsys.readouterr().err


def test_invalid_utf8_is_replaced_and_said(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_bytes(Path(A001).read_bytes() + b"\n\xff\xfe broken tail\n")
    assert main(["validate", str(article), S001]) == 0
    captured = capsys.readouterr()
    assert "not valid UTF-8" in captured.err
    assert captured.out.startswith("verified")


def test_console_script_runs():
    run = subprocess.run([sys.executable, "-m", "summarizer.cli", "validate", A004, S004],
                         capture_output=True, text=True)
    assert run.returncode == 0
    assert run.stdout.startswith("flagged")


def test_a_summary_file_with_a_byte_order_mark_is_read(tmp_path, capsys):
    summary = tmp_path / "s.json"
    summary.write_bytes(b"\xef\xbb\xbf" + Path(S001).read_bytes())
    assert main(["validate", A001, str(summary)]) == 0
    assert capsys.readouterr().out.startswith("verified")


def test_a_summary_the_checks_cannot_take_is_never_called_rejected(tmp_path, capsys):
    data = json.loads(Path(S004).read_text(encoding="utf-8"))
    data["figures"][1]["value"], data["figures"][2]["value"] = float("inf"), float("-inf")
    bad = tmp_path / "inf.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # Infinity, -Infinity
    status = main(["validate", A004, str(bad)])
    captured = capsys.readouterr()
    # Today the checks fail on it (5: a bug of ours, said in one line); once the schema refuses
    # non-finite numbers, it is a bad input (2). Never 1, "rejected", and never a traceback.
    assert status in (2, 5)
    assert len(captured.err.strip().splitlines()) == 1 and "Traceback" not in captured.err
    assert captured.out == ""


ARTICLE = "올해 성장률은 -3.2%로 떨어졌다. 국가 부채는 12345678901234567890123원, 예산은 26만 원이다.\n"


def write(tmp_path, *figures: dict) -> tuple[str, str]:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    data = {"headline": "성장률 하락", "summary": "성장률이 떨어졌다.",
            "figures": [{"id": f"f{i}", "label": "성장률", **f} for i, f in enumerate(figures, 1)]}
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
    assert line.startswith("summarizer: ") and "figures[1].value: input should be a finite number" in line
    assert line.endswith("`summarizer schema` prints the summary's JSON Schema")
    assert captured.out == ""


def test_the_console_script_exits_2_on_nan_not_1(tmp_path):
    article, summary = write(tmp_path, {"value": "@NaN@", "text": "-3.2%"})
    run = subprocess.run([sys.executable, "-m", "summarizer.cli", "validate", article, summary],
                         capture_output=True, text=True)
    assert (run.returncode, run.stdout, len(run.stderr.strip().splitlines())) == (2, "", 1)
    assert "finite number" in run.stderr


MAYOR = ('Mayor Jane Smith said on Monday that the city will expand its bus network next year.\n\n'
         '"We will add twelve new routes across the northern districts," Mayor Jane Smith said, '
         '"and every one of them will run until midnight on weekdays."\n')
SPANNING = ('We will add twelve new routes across the northern districts," Mayor Jane Smith said, '
            '"and every one of them will run until midnight on weekdays.')


def mayor_summary(quote: str) -> str:
    return json.dumps({"headline": "The city will expand its bus network",
                       "summary": "Mayor Jane Smith said the city will expand its bus network next year.",
                       "quotes": [{"text": quote, "speaker": "Jane Smith", "speaker_role": "Mayor"}]})


@pytest.mark.parametrize("quote", [SPANNING, MAYOR.strip()], ids=["both quotations", "the whole article"])
def test_one_quote_that_covers_all_of_the_articles_quotations_is_checked_not_a_crash(tmp_path, capsys, quote):
    article, summary = tmp_path / "mayor.txt", tmp_path / "s.json"
    article.write_text(MAYOR, encoding="utf-8")
    summary.write_text(mayor_summary(quote), encoding="utf-8")
    status = main(["validate", str(article), str(summary)])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert out.splitlines() == [f"verified  {article}  (0 errors, 0 warnings)", "  quotes:  1 exact",
                                "  figures: 0 of 0 located in the article",
                                "  coverage (does not change the status): quotations 2 of 2, figures 0 of 0"]


def test_a_run_of_articles_whose_one_quote_covers_all_their_quotations_keeps_every_summary(endpoint, tmp_path,
                                                                                           capsys):
    endpoint.engine.answers = lambda article: mayor_summary(SPANNING)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):  # each was once an internal_error, its summary thrown away
        (folder / f"mayor-{n}.txt").write_text(MAYOR + f"\n(기사 번호 {n})\n", encoding="utf-8")
    out = tmp_path / "r.jsonl"
    assert main(["run", str(folder), "--out", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["status"], r["report"]["coverage"]["quotes"]) for r in records] == [
        ("verified", {"carried": 2, "total": 2})] * 3
    assert "read=3 skipped=0 verified=3 flagged=0 rejected=0 failed=0" in capsys.readouterr().err


def test_what_the_summary_and_the_file_name_hold_is_shown_escaped_never_obeyed_by_the_terminal(tmp_path, capsys):
    data = json.loads(Path(S001).read_text(encoding="utf-8"))
    data["quotes"][0]["speaker"] = "\x1b]0;pwned\x07\x1b[2J\x1b[Hall is well\nverified  forged.txt"
    summary = tmp_path / "s.json"
    summary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    article = tmp_path / "a\x1b[31m\n.txt"
    article.write_bytes(Path(A001).read_bytes())
    assert main(["validate", str(article), str(summary)]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert not any(c in out for c in "\x1b\x07\r") and out.startswith(f"rejected  {tmp_path}/a\\x1b[31m\\n.txt  (")
    assert ('           The speaker "\\x1b]0;pwned\\x07\\x1b[2J\\x1b[Hall is well\\nverified  forged.txt" is not named '
            "in the article. Name the speaker as the article does, or drop the quote.") in out.splitlines()


def test_an_error_naming_a_file_shows_its_control_characters_escaped(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "\x1b[2Jnope.txt"), S001]) == 2
    assert capsys.readouterr().err == (f"summarizer: {tmp_path}/\\x1b[2Jnope.txt: no such file; give the path of an "
                                       "article text file\n")
def _peak_validating(tmp_path, text: str, capsys) -> int:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    tracemalloc.start()
    try:
        assert main(["validate", str(article), S001]) == 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert capsys.readouterr().out.startswith("rejected")  # the summary's quotes are not in this article
    return peak


def test_an_article_of_short_numbers_costs_less_than_100_bytes_a_character(tmp_path, capsys):
    # One number every two characters, the most a text can hold: each is a Quantity the checks keep. Equal
    # numbers share one value (it was 132 bytes a character; benchmarks/validate_memory.py measures 10 MB).
    digits = " ".join(random.Random(23).choice("0123456789") for _ in range(20_000))
    base = _peak_validating(tmp_path, "3 7 1\n", capsys)
    assert (_peak_validating(tmp_path, digits, capsys) - base) / len(digits) < 100
