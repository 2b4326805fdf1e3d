"""`summarizer run` against endpoints that misbehave on purpose: what the user sees, and what is written.

A refused key or an unknown model stops the run at once; an endpoint that is
not there is said plainly and stops it too; an answer the checks cannot
handle fails its article, not the run; the key and any password in the URL
are written nowhere; a run where articles failed never exits 0.

When the model answers a figure value of NaN or Infinity, the schema refuses it, so the answer is re-asked like
any answer that does not fit, and a run of many articles goes on: nothing crashes, nothing already written is
lost."""

import json
import re
import shutil
import socket
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.embedded.engine import Generation
from support.completions import FIXTURE_MODEL, tool_answer
from support.corpus import corpus_path, fixture_summary, numbered_dump
from support.endpoint import ENDPOINT_KEY, Endpoint, FixtureEngine, Misbehaving
from support.endpoint import ENDPOINT_KEY as KEY


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def _counts(err: str) -> dict[str, int]:
    (line,) = [x for x in err.splitlines() if x.startswith("read=")]
    counts = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}
    assert counts["read"] == sum(v for k, v in counts.items() if k != "read"), line  # they add up
    return counts


def _use(monkeypatch, url: str, key: str = KEY) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", url)
    monkeypatch.setenv("OPENAI_API_KEY", key)
    monkeypatch.setenv("SUMMARIZER_MODEL", FIXTURE_MODEL)


def _everything_written(tmp_path: Path, err: str) -> str:
    return err + "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*") if p.is_file())


def test_a_refused_key_stops_the_run_at_once(tmp_path, monkeypatch, capsys):
    refuse = Misbehaving(lambda headers, body: (401, {"error": {"message": "Incorrect API key provided",
                                                                "type": "invalid_request_error"}}))
    with refuse:
        _use(monkeypatch, refuse.url)
        out = tmp_path / "r.jsonl"
        status = main(["run", str(numbered_dump(tmp_path / "dump.jsonl", 50)), "--out", str(out), "--concurrency", "4"])
    err = capsys.readouterr().err
    assert status == 4
    assert len(refuse.requests) <= 4  # those already in flight, not 50
    assert ("summarizer: stopped: the endpoint refused the API key (401); check OPENAI_API_KEY." in err)
    counts = _counts(err)
    assert counts["failed"] == 1 and counts["unfinished"] == counts["read"] - 1 and counts["verified"] == 0
    assert [d["failure_kind"] for d in _lines(tmp_path / "r.failed.jsonl")] == ["auth"]
    assert not out.exists()


def test_an_unknown_model_stops_the_run_at_once(tmp_path, monkeypatch, capsys):
    unknown = Misbehaving(lambda headers, body: (404, {"error": {"message": f"model {body['model']} not found",
                                                                 "type": "not_found_error"}}))
    with unknown:
        _use(monkeypatch, unknown.url)
        status = main(["run", str(numbered_dump(tmp_path / "dump.jsonl", 20)), "--out", str(tmp_path / "r.jsonl"),
                       "--concurrency", "2"])
    err = capsys.readouterr().err
    assert status == 4 and len(unknown.requests) <= 2
    assert "stopped: the endpoint does not know the model 'fixture' (404); check --model" in err


def test_nothing_listening_is_said_so_with_where_and_the_run_stops(tmp_path, monkeypatch, capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    _use(monkeypatch, f"http://127.0.0.1:{port}/v1")
    report = tmp_path / "report.html"
    status = main(["run", str(numbered_dump(tmp_path / "dump.jsonl", 30)), "--out", str(tmp_path / "r.jsonl"),
                   "--concurrency", "3", "--report", str(report)])
    err = capsys.readouterr().err
    assert status == 4
    where = f"nothing is listening at http://127.0.0.1:{port}/v1/chat/completions (connection refused)"
    assert f"stopped: the last 3 articles could not reach the endpoint (the endpoint kept failing: {where}" in err
    assert "Timeout" not in err
    counts = _counts(err)
    assert counts["failed"] == 3 and counts["read"] < 30
    dead = _lines(tmp_path / "r.failed.jsonl")
    assert [d["failure_kind"] for d in dead] == ["unavailable"] * 3 and all(where in d["reason"] for d in dead)
    page = report.read_text(encoding="utf-8")  # no article succeeded, and still a report
    assert "0 verified, 0 flagged, 0 rejected, 3 failed" in page and "connection refused" in page


def test_an_error_body_echoing_the_key_puts_it_nowhere(tmp_path, monkeypatch, capsys):
    def echo(headers, body):
        return 400, {"error": {"message": f"bad request; you sent {json.dumps(headers)}", "type": "invalid"}}

    with Misbehaving(echo) as bad:
        _use(monkeypatch, bad.url)
        status = main(["run", str(numbered_dump(tmp_path / "dump.jsonl", 3)), "--out", str(tmp_path / "r.jsonl")])
    err = capsys.readouterr().err
    assert status == 3  # every article failed: never 0
    assert all(h["authorization"] == f"Bearer {KEY}" for h in bad.requests)  # the key was sent, and echoed
    dead = _lines(tmp_path / "r.failed.jsonl")
    assert [d["failure_kind"] for d in dead] == ["bad_request"] * 3
    assert all("Bearer [redacted]" in d["reason"] for d in dead)
    assert KEY not in _everything_written(tmp_path, err) and KEY[-12:] not in _everything_written(tmp_path, err)


def test_a_password_in_the_base_url_is_refused_and_printed_nowhere(endpoint, tmp_path, monkeypatch, capsys):
    url = endpoint.url.replace("http://", "http://reader:pa55-w0rd-secret@")
    out = tmp_path / "r.jsonl"
    assert main(["run", str(numbered_dump(tmp_path / "dump.jsonl", 2)), "--out", str(out), "--base-url", url]) == 2
    err = capsys.readouterr().err
    assert err == (f"summarizer: the endpoint URL {endpoint.url.replace('http://', 'http://[redacted]@')} carries "
                   "credentials, which cannot be sent beside the API key; remove them from the URL and set "
                   "OPENAI_API_KEY\n")
    assert "pa55-w0rd-secret" not in _everything_written(tmp_path, err) and not out.exists()
    monkeypatch.setenv("OPENAI_BASE_URL", url)  # the same from the environment
    assert main(["run", str(tmp_path / "dump.jsonl"), "--out", str(out)]) == 2
    assert "pa55-w0rd-secret" not in capsys.readouterr().err


def _with_values(summary_json: str, literals: dict[int, str]) -> str:
    """``summary_json`` with figure ``i``'s value written as the bare JSON ``literals[i]`` (NaN, Infinity)."""
    data = json.loads(summary_json)
    for i in literals:
        data["figures"][i]["value"] = f"@{i}@"
    text = json.dumps(data, ensure_ascii=False)
    for i, literal in literals.items():
        text = text.replace(f'"@{i}@"', literal)
    return text


@pytest.mark.parametrize("bad", ["infinities", "nan"])
def test_an_answer_the_checks_cannot_take_fails_its_article_and_the_run_goes_on(tmp_path, monkeypatch, capsys, bad):
    def answers(article: str) -> str:
        good = fixture_summary("001" if "주간동아" in article else "004").model_dump_json()
        if "(기사 번호 4)" not in article and "(기사 번호 7)" not in article:
            return good
        if bad == "nan":
            return _with_values(good, {0: "NaN"})
        # f2 and f3 are both part_of f1: Infinity and -Infinity inside one total.
        return _with_values(fixture_summary("004").model_dump_json(), {1: "Infinity", 2: "-Infinity"})

    with Endpoint(FixtureEngine(answers=answers)) as e:
        _use(monkeypatch, e.url)
        out = tmp_path / "r.jsonl"
        status = main(["run", str(numbered_dump(tmp_path / "dump.jsonl", 10)), "--out", str(out), "--concurrency", "3",
                       "--max-reasks", "0"])
    err = capsys.readouterr().err
    assert status == 3
    assert _counts(err) == {"read": 10, "skipped": 0, "verified": 4, "flagged": 4, "rejected": 0, "failed": 2}
    assert sorted(r["id"] for r in _lines(out)) == sorted(f"art-{i}" for i in range(10) if i not in (4, 7))
    dead = _lines(tmp_path / "r.failed.jsonl")
    assert sorted(d["id"] for d in dead) == ["art-4", "art-7"]
    # The schema refuses non-finite numbers: the answer does not fit it. This article's failure, not the run's.
    assert [d["failure_kind"] for d in dead] == ["invalid_response"] * 2
    assert "Traceback" not in err


def test_a_run_where_every_article_failed_exits_3_reports_them_and_a_rerun_does_not_record_them_again(
        endpoint, tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_text("  \n", encoding="utf-8")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    args = ["run", str(d), "--out", str(tmp_path / "r.jsonl"), "--report", str(tmp_path / "report.html")]
    for _ in range(3):
        assert main(args) == 3
        err = capsys.readouterr().err
        assert "read=2 skipped=0 verified=0 flagged=0 rejected=0 failed=2" in err
        assert [Path(x["origin"]).name for x in _lines(tmp_path / "r.failed.jsonl")] == ["empty.txt", "image.txt"]
        page = (tmp_path / "report.html").read_text(encoding="utf-8")
        assert "2 articles: 0 verified, 0 flagged, 0 rejected, 2 failed" in page
        assert "the file is empty; give a file with the article&#x27;s text" in page
    assert not (tmp_path / "r.jsonl").exists()


def test_rejected_summaries_fail_the_run_only_when_asked(endpoint, tmp_path, monkeypatch):
    def answers(article: str) -> str:
        summary = json.loads(fixture_summary("001").model_dump_json())
        summary["quotes"][0]["text"] = "한국은 화성에 데이터센터를 짓는다"
        return json.dumps(summary, ensure_ascii=False)

    endpoint.engine.answers = answers
    args = ["run", str(numbered_dump(tmp_path / "dump.jsonl", 2)), "--max-reasks", "0"]
    assert main(args + ["--out", str(tmp_path / "a.jsonl")]) == 0
    assert [r["status"] for r in _lines(tmp_path / "a.jsonl")] == ["rejected", "rejected"]
    assert main(args + ["--out", str(tmp_path / "b.jsonl"), "--fail-on-rejected"]) == 1


@pytest.mark.parametrize(("flag", "value", "message"), [
    ("--concurrency", "0", "argument --concurrency: must be 1 or more, not 0"),
    ("--concurrency", "four", "argument --concurrency: 'four' is not a whole number"),
    ("--max-reasks", "-1", "argument --max-reasks: must be 0 or more, not -1"),
])
def test_a_bad_number_is_a_usage_error_not_a_default(endpoint, tmp_path, capsys, flag, value, message):
    with pytest.raises(SystemExit) as exit_:
        main(["run", str(numbered_dump(tmp_path / "dump.jsonl", 1)), "--out", str(tmp_path / "r.jsonl"), flag, value])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.strip().endswith(message)
    assert not (tmp_path / "r.jsonl").exists()


def test_the_exit_statuses_are_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    out = capsys.readouterr().out
    for line in ("0    success", "1    validate: the summary is rejected", "2    bad usage or input",
                 "3    run: articles failed", "4    run: stopped early", "5    summarizer itself failed"):
        assert line in out


def non_finite(literal: str) -> str:
    """The 001 fixture with its first figure's value replaced by a bare ``literal`` (NaN, Infinity)."""
    data = json.loads(fixture_summary("001").model_dump_json())
    data["figures"][0]["value"] = "@"
    return json.dumps(data, ensure_ascii=False).replace('"@"', literal)


class BadFirst(FixtureEngine):
    """Answers ``bad`` (in order) before the fixtures."""

    def __init__(self, *bad: str) -> None:
        super().__init__()
        self.bad = list(bad)

    def generate(self, prompt, *, max_tokens, grammar=None, cancel=None):
        if self.bad:
            super().generate(prompt, max_tokens=max_tokens, grammar=grammar, cancel=cancel)
            return Generation(self.bad.pop(0), "stop", 100, 50)
        return super().generate(prompt, max_tokens=max_tokens, grammar=grammar, cancel=cancel)


def run(monkeypatch, tmp_path, engine):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(corpus_path("001"), folder)
    out = tmp_path / "results.jsonl"
    with Endpoint(engine) as e:
        monkeypatch.setenv("OPENAI_BASE_URL", e.url)
        monkeypatch.setenv("OPENAI_API_KEY", ENDPOINT_KEY)
        monkeypatch.setenv("SUMMARIZER_MODEL", FIXTURE_MODEL)
        code = main(["run", str(folder), "--out", str(out), "--max-reasks", "1"])
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    return code, [json.loads(line) for line in lines], out


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_a_non_finite_answer_is_re_asked_and_the_run_goes_on(monkeypatch, tmp_path, capsys, literal):
    code, (record,), _ = run(monkeypatch, tmp_path, BadFirst(non_finite(literal)))
    assert code == 0
    assert record["status"] == "verified"
    assert [(a["kind"], a["outcome"]) for a in record["attempts"]] == [("ask", "invalid"), ("reask", "verified")]
    assert "read=1 skipped=0 verified=1 flagged=0 rejected=0 failed=0" in capsys.readouterr().err


def test_answers_that_stay_non_finite_fail_that_article_only(monkeypatch, tmp_path, capsys):
    code, records, out = run(monkeypatch, tmp_path, BadFirst(non_finite("NaN"), non_finite("Infinity")))
    assert code == 3 and records == []  # the run's one article failed: exit 3, and the run ended cleanly
    (dead,) = [json.loads(line) for line in out.with_name("results.failed.jsonl").read_text("utf-8").splitlines()]
    assert dead["failure_kind"] == "invalid_response" and "finite number" in dead["reason"]
    assert "failed=1" in capsys.readouterr().err


def _answering(usage=None, refusals: list[dict[str, str]] | None = None) -> Misbehaving:
    """A server that answers the 001 fixture with ``usage`` as its usage block, after a 429 with each of
    ``refusals``' headers."""
    refusals = list(refusals or [])

    def respond(headers, body):
        if refusals:
            return 429, {"error": {"message": "slow down", "type": "rate_limit"}}, refusals.pop(0)
        answer = tool_answer(fixture_summary("001").model_dump_json(), prompt=1000, answer=400)
        if usage is not None:
            answer["usage"] = usage
        return 200, answer

    return Misbehaving(respond)


def _run_001(tmp_path: Path, monkeypatch, server: Misbehaving) -> tuple[int, list[dict], str]:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(corpus_path("001"), folder)
    with server:
        _use(monkeypatch, server.url)
        status = main(["run", str(folder), "--out", str(tmp_path / "r.jsonl")])
    return status, _lines(tmp_path / "r.jsonl"), _lines(tmp_path / "r.failed.jsonl")


@pytest.mark.parametrize(("usage", "recorded"), [
    ({"prompt_tokens": 1.5, "completion_tokens": 400, "total_tokens": 1401.5},
     {"prompt_tokens": None, "completion_tokens": 400, "total_tokens": None}),
    ({"prompt_tokens": 1000, "completion_tokens": 400, "total_tokens": 1e30},
     {"prompt_tokens": 1000, "completion_tokens": 400, "total_tokens": None}),
    ({"prompt_tokens": -3, "completion_tokens": 400.0, "total_tokens": 397},
     {"prompt_tokens": None, "completion_tokens": 400, "total_tokens": 397}),
    ("lots", {"prompt_tokens": None, "completion_tokens": None, "total_tokens": None}),
])
def test_a_usage_block_the_server_gets_wrong_is_unknown_and_the_answer_stands(tmp_path, monkeypatch, capsys,
                                                                               usage, recorded):
    status, (record,), dead = _run_001(tmp_path, monkeypatch, _answering(usage))
    assert (status, dead, record["status"]) == (0, [], "verified")
    assert record["usage"] == recorded and [a["usage"] for a in record["attempts"]] == [recorded]
    assert "read=1 skipped=0 verified=1 flagged=0 rejected=0 failed=0" in capsys.readouterr().err


@pytest.mark.parametrize(("refusals", "asked"), [
    ([{"retry-after": "soon-ish"}], [None]),  # not a number, nor a date: the usual backoff
    ([{"retry-after-ms": "nan"}, {"retry-after-ms": "-5"}], [None, None]),
    ([{"retry-after": "inf"}], [None]),
    ([{"retry-after-ms": "nan", "retry-after": "1"}], [1.0]),  # the header that can be read is used
    ([{"retry-after-ms": "250"}], [0.25]),
])
def test_a_retry_after_that_cannot_be_read_falls_back_to_the_usual_backoff(tmp_path, monkeypatch, capsys,
                                                                           refusals, asked):
    server = _answering(refusals=refusals)
    status, (record,), _ = _run_001(tmp_path, monkeypatch, server)
    assert (status, record["status"], len(server.requests)) == (0, "verified", len(refusals) + 1)
    (attempt,) = record["attempts"]
    assert attempt["requests"] == len(refusals) + 1 and len(attempt["waits"]) == len(refusals)
    for waited, wanted in zip(attempt["waits"], asked, strict=True):
        if wanted is None:  # jittered exponential backoff: more than nothing, at most 2 s this early
            assert 0 < waited <= 2
        else:
            assert waited == wanted
