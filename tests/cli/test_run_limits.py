"""`summarizer run` against inputs and endpoints that try to exhaust it: every resource is bounded, the article
over a limit fails with a reason that names the limit, and the run goes on.

The limits are set low here through their documented variables, so that each case stays small."""

import io
import json
import shutil
import sys
import tracemalloc
from pathlib import Path

import pytest

from summarizer.cli import main
from support.completions import FIXTURE_MODEL
from support.corpus import corpus, corpus_path, fixture_summary
from support.endpoint import ENDPOINT_KEY, Raw, answer_bytes, gzip_bomb, http_response, slow_first


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


# --- standard input -------------------------------------------------------


def _peak_reading_stdin(monkeypatch, tmp_path: Path, data: bytes, name: str) -> tuple[int, list[dict]]:
    """The peak of memory allocated while ``summarizer run -`` reads ``data``, and its dead letters."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = tmp_path / f"{name}.jsonl"
    tracemalloc.start()
    try:
        assert main(["run", "-", "--out", str(out)]) == 3  # the one record is malformed: an article failed
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, _lines(tmp_path / f"{name}.failed.jsonl")


def test_blank_lines_before_the_first_record_on_standard_input_are_counted_not_kept(endpoint, tmp_path,
                                                                                    monkeypatch, capsys):
    record = b'{"id": "s1", "text": \n'  # malformed, so that its line number shows and no model is asked
    blank = b" \n" * 500_000  # 1 MB of blank lines; each kept as a line of its own would cost 40 MB
    bare, _ = _peak_reading_stdin(monkeypatch, tmp_path, record, "bare")
    padded, dead = _peak_reading_stdin(monkeypatch, tmp_path, blank + record, "padded")
    assert [d["reason"].split(":")[0] for d in dead] == ["line 500001 is not valid JSON"]
    assert padded - bare < 4 * len(blank)


def test_an_article_on_standard_input_keeps_its_leading_blank_lines(endpoint, tmp_path, monkeypatch, capsys):
    text = "\n \n" + corpus("001")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    out = tmp_path / "r.jsonl"
    assert main(["run", "-", "--out", str(out)]) == 0
    assert [r["text"] for r in _lines(out)] == [text]


# --- the endpoint ---------------------------------------------------------


def _use(monkeypatch, url: str, **variables: str) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", url)
    monkeypatch.setenv("OPENAI_API_KEY", ENDPOINT_KEY)
    monkeypatch.setenv("SUMMARIZER_MODEL", FIXTURE_MODEL)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize("part", ["headers", "body"])
def test_an_answer_dripped_past_the_timeout_is_cut_off_and_asked_again(part, tmp_path, monkeypatch, capsys):
    good = fixture_summary("001").model_dump_json()
    out = tmp_path / "r.jsonl"
    with Raw(slow_first(lambda request: answer_bytes(request, good), part)) as server:
        _use(monkeypatch, server.url, SUMMARIZER_TIMEOUT="0.5")
        assert main(["run", str(corpus_path("001")), "--out", str(out)]) == 0
    (record,) = _lines(out)
    # The first answer's first 60 bytes come a byte every 0.1 s: without a deadline for the whole response it
    # would have been read to its end, after 6 s, in one request.
    assert (record["status"], [a["requests"] for a in record["attempts"]]) == ("verified", [2])


def test_a_gzip_bomb_fails_its_article_with_the_limit_named_and_the_run_goes_on(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in ("001", "004"):
        shutil.copy(corpus_path(n), folder)
    good = fixture_summary("004").model_dump_json()
    bomb = http_response(gzip_bomb(4_000_000), {"content-encoding": "gzip"})  # 4 kB inflating to 4 MB

    def bombed(request: dict) -> bool:
        return "주간동아" in json.dumps(request, ensure_ascii=False)  # article 001

    def reply(n: int, request: dict):
        return [bomb if bombed(request) else answer_bytes(request, good)]

    out = tmp_path / "r.jsonl"
    with Raw(reply) as server:
        _use(monkeypatch, server.url, SUMMARIZER_MAX_RESPONSE_BYTES="64000")
        assert main(["run", str(folder), "--out", str(out)]) == 3
        assert sum(map(bombed, server.requests)) == 1  # the bomb was not asked for again
    assert [r["status"] for r in _lines(out)] == ["flagged"]
    (dead,) = _lines(tmp_path / "r.failed.jsonl")
    assert (dead["failure_kind"], dead["reason"]) == (
        "invalid_response", "the endpoint's response is over 64,000 bytes (SUMMARIZER_MAX_RESPONSE_BYTES); no answer "
                            "needs that much: check the endpoint, or raise the limit")


# --- what one answer may hold, and what a re-ask carries ------------------


def _answered(monkeypatch, tmp_path: Path, summary: dict) -> tuple[int, list[dict], Raw]:
    """``summarizer run`` on article 001, the endpoint answering every request with ``summary``."""
    arguments = json.dumps(summary, ensure_ascii=False)
    out = tmp_path / "r.jsonl"
    with Raw(lambda n, request: [answer_bytes(request, arguments)]) as server:
        _use(monkeypatch, server.url)
        code = main(["run", str(corpus_path("001")), "--out", str(out)])
    return code, _lines(tmp_path / "r.failed.jsonl"), server


def _figure(i: int) -> dict:
    return {"id": f"f{i}", "label": "GPU", "value": 260000, "unit": "개", "text": "26만 개", "qualifier": "exact"}


_NOT_CHECKED = "; no summary of an article needs that much, so it was not checked"


@pytest.mark.parametrize(("change", "reason"), [
    ({"headline": "엔비디아 " * 201}, "the answer's headline is 1,005 characters, over the limit of 1,000"),
    ({"headline": "엔비디아", "summary": "1 " * 501, "events": []},
     "the answer's headline, summary and events write 501 numbers, over the limit of 500"),
    ({"figures": [_figure(i) for i in range(201)]}, "the answer's figures holds 201 items, over the limit of 200"),
    ({"quotes": [{"text": "가" * 10_001, "speaker": "젠슨 황"}]},
     "the answer's quotes[0].text is 10,001 characters, over the limit of 10,000"),
    ({"summary": "엔비디아 " * 20_001}, "the answer is {size:,} characters, over the limit of 100,000"),
], ids=["headline", "numbers", "items", "field", "answer"])
def test_an_answer_over_a_limit_fails_its_article_naming_the_limit_and_is_not_asked_again(
        change, reason, tmp_path, monkeypatch, capsys):
    summary = fixture_summary("001").model_dump(mode="json") | change
    code, dead, server = _answered(monkeypatch, tmp_path, summary)
    assert code == 3
    reason = reason.format(size=len(json.dumps(summary, ensure_ascii=False)))  # the answer as the model sent it
    assert [(d["failure_kind"], d["reason"]) for d in dead] == [("invalid_response", reason + _NOT_CHECKED)]
    assert len(server.requests) == 1


def test_a_reask_carries_at_most_30_findings(tmp_path, monkeypatch, capsys):
    invented = " ".join(f"참석자는 {i}명이었다." for i in range(1001, 1041))  # 40 numbers the article does not give
    summary = fixture_summary("001").model_dump(mode="json") | {"summary": invented}
    code, dead, server = _answered(monkeypatch, tmp_path, summary)
    assert code == 0  # rejected: a result, not a failure
    # One re-ask: the same answer again is not asked about again.
    (reask,) = [r["messages"][-1]["content"] for r in server.requests[1:]]
    listed = [line for line in reask.splitlines() if line.startswith("- ")]
    assert len(listed) == 31 and listed[-1].startswith("- ... and 10 more findings like these")
    assert [line.split(" (")[0] for line in listed[:30]] == [f'- summary: "{i}명"' for i in range(1001, 1031)]


# --- HTML -----------------------------------------------------------------


def test_an_html_page_slow_to_parse_is_left_out_at_the_time_limit_and_the_run_goes_on(endpoint, tmp_path,
                                                                                      monkeypatch, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(corpus_path("001"), folder)
    # 40,000 attributes on one tag: the parse grows with their square (200,000 took 114 s).
    attributes = " ".join(f'a{i}="x"' for i in range(40_000))
    (folder / "slow.html").write_text(f"<html><body><article><p {attributes}>The council said the new buses would "
                                      "arrive in March.</p></article></body></html>", encoding="utf-8")
    monkeypatch.setenv("SUMMARIZER_HTML_SECONDS", "0.5")
    out = tmp_path / "r.jsonl"
    assert main(["run", str(folder), "--out", str(out)]) == 3
    assert [r["status"] for r in _lines(out)] == ["verified"]
    (dead,) = _lines(tmp_path / "r.failed.jsonl")
    assert (dead["origin"], dead["failure_kind"], dead["reason"]) == (
        str(folder / "slow.html"), "input",
        "reducing this HTML page to its text took longer than 0.5 s (SUMMARIZER_HTML_SECONDS); a page made to be "
        "slow to parse, such as one with many thousands of attributes on a tag, is left out")


def test_a_time_limit_that_is_not_a_number_is_one_line_and_exit_2_before_anything_is_read(endpoint, tmp_path,
                                                                                          monkeypatch, capsys):
    monkeypatch.setenv("SUMMARIZER_HTML_SECONDS", "soon")
    out = tmp_path / "r.jsonl"
    assert main(["run", str(corpus_path("001")), "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "summarizer: SUMMARIZER_HTML_SECONDS='soon' is not a number of seconds above 0")
    assert not out.exists()
