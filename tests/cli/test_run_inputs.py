"""`summarizer run` on inputs made to break it: each one is a dead letter with its reason, or is read, and the
run goes on to its end (the README: "bad input never stops a run")."""

import json
import os
from pathlib import Path

from summarizer.cli import main
from summarizer.contract.article import content_hash
from support.corpus import corpus


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_lone_surrogates_are_dead_letters_and_a_name_that_is_not_utf8_is_read_and_written_escaped(
        endpoint, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xff.txt")).write_text(corpus("004"), encoding="utf-8")
    records = [json.dumps({"id": "first", "text": corpus("001")}, ensure_ascii=False),
               '{"id": "x\\ud800", "text": "26만 개"}',
               '{"id": "t", "text": "26만\\udc00 개"}',
               '{"id": "h", "title": "\\ud83d", "text": "26만 개"}',
               '{"id": "y\\udfff"}',
               json.dumps({"id": "last", "text": corpus("004")}, ensure_ascii=False)]
    (folder / "dump.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    out = tmp_path / "r.jsonl"
    for rerun in (False, True):
        assert main(["run", str(folder), "--out", str(out)]) == 3
        counts = [line for line in capsys.readouterr().err.splitlines() if line.startswith("read=")]
        assert counts == [f"read=7 skipped={3 * rerun} verified={1 * (not rerun)} flagged={2 * (not rerun)} "
                          "rejected=0 failed=4"]
    done = {r["origin"].removeprefix(str(folder)): (r["id"], r["status"]) for r in _lines(out)}
    assert done == {"/caf\\xff.txt": ("caf\\xff-" + content_hash(corpus("004"))[:8], "flagged"),
                    "/dump.jsonl:1": ("first", "verified"), "/dump.jsonl:6": ("last", "flagged")}
    surrogate = "a lone surrogate (half of a UTF-16 pair), which is not text; fix that escape in the dump"
    assert [(d["id"], d["origin"].removeprefix(str(folder)), d["reason"])
            for d in _lines(tmp_path / "r.failed.jsonl")] == [  # each once: the rerun did not add them again
        ("x\\ud800", "/dump.jsonl:2", f'line 2: "id" holds \\ud800, {surrogate}'),
        ("t", "/dump.jsonl:3", f'line 3: "text" holds \\udc00, {surrogate}'),
        ("h", "/dump.jsonl:4", f'line 4: "title" holds \\ud83d, {surrogate}'),
        ("y\\udfff", "/dump.jsonl:5", 'line 5 has no "text" string; each record needs "text" (and optionally "id", '
                                      '"title", "url", "published")'),
    ]


def test_a_file_name_with_control_characters_is_shown_escaped_in_the_runs_notes(endpoint, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    name = "x\x1b]0;pwned\x07\x1b[2J\rsummarizer: all done\n.txt"
    (folder / name).write_bytes(corpus("004").encode("cp949"))  # read as CP949: a note names the file
    assert main(["run", str(folder), "--out", str(tmp_path / "r.jsonl")]) == 0
    err = capsys.readouterr().err
    assert not any(c in err for c in "\x1b\x07\r")
    shown = f"{folder}/x\\x1b]0;pwned\\x07\\x1b[2J\\rsummarizer: all done\\n.txt"
    assert f"summarizer: {shown}: read as CP949 (flagged encoding:cp949)" in err.splitlines()
    (record,) = _lines(tmp_path / "r.jsonl")
    assert record["origin"] == f"{folder}/{name}"  # the file's own name, kept as it is in the results


def test_a_broken_jsonl_line_is_a_dead_letter_whose_reason_reads_right(endpoint, tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "a", "text": "tab\there"}\n{"id": "b", "text": "26만 개', encoding="utf-8")  # cut off
    assert main(["run", str(dump), "--out", str(tmp_path / "r.jsonl")]) == 3
    assert [d["reason"] for d in _lines(tmp_path / "r.failed.jsonl")] == [
        "line 1 is not valid JSON: invalid control character at column 25 (near '\": \"a\", \"text\": \"tab\\there\"}'); "
        "fix or remove that line",
        "line 2 is not valid JSON: unterminated string starting at column 21 (near '{\"id\": \"b\", \"text\": \"26만 개'); "
        "fix or remove that line"]
