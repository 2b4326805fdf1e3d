"""`summarizer run` end to end against an OpenAI-compatible server on loopback, and its engine flag.

The server is our own app over a scripted engine that answers with the hand-checked fixture summaries (so
this exercises the CLI, the HTTP path and the output file, not a model). `--engine ray`: object-store
style paths go through to Ray; clear one-line errors for what cannot work (a bad --ray-address, no Ray
installed, an address without the engine), before anything is written."""

import json
import shutil
import sys

import pytest

from summarizer.cli import main
from support.completions import FIXTURE_MODEL
from support.corpus import corpus, corpus_path
from support.endpoint import ENDPOINT_KEY as KEY


def test_run_writes_one_result_per_article(endpoint, tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in ("001", "004"):
        shutil.copy(corpus_path(n), folder)
    out = tmp_path / "results.jsonl"
    assert main(["run", str(folder), "--out", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["status"] for r in records] == ["verified", "flagged"]
    assert all(r["model"] == FIXTURE_MODEL and r["settings"] for r in records)
    assert records[1]["report"]["findings"][0]["code"]
    err = capsys.readouterr().err
    assert "using fixture at http://127.0.0.1" in err
    assert "read=2 skipped=0 verified=1 flagged=1 rejected=0 failed=0" in err
    assert KEY not in out.read_text(encoding="utf-8") and KEY not in err


def test_run_with_a_missing_input_is_one_clear_line(endpoint, tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "r.jsonl")]) == 2
    assert capsys.readouterr().err.strip().endswith("no such file or folder; give article files or folders of them")


def _dump(path):
    path.write_text(json.dumps({"id": "a", "text": corpus("001")}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_a_uri_folder_goes_straight_through_to_ray(local_ray, endpoint, tmp_path, capsys):
    folder = tmp_path / "bucket"
    folder.mkdir()
    _dump(folder / "part-0.jsonl")
    out = tmp_path / "r.jsonl"
    uri = f"file://{folder}"
    assert main(["run", uri, "--out", str(out), "--engine", "ray"]) == 0
    assert "read=1 skipped=0 verified=1" in capsys.readouterr().err
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (record["id"], record["origin"]) == ("a", f"{uri}/part-0.jsonl:1")


def test_an_address_where_no_ray_listens_is_one_line_saying_what_to_do(endpoint, tmp_path, capsys):
    out = tmp_path / "r.jsonl"
    code = main(["run", str(_dump(tmp_path / "in.jsonl")), "--out", str(out), "--engine", "ray",
                 "--ray-address", "127.0.0.1:1"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and not out.exists()
    assert err[-1] == ("summarizer: --ray-address 127.0.0.1:1: no Ray cluster answered there (Connection refused); "
                       "give the address `ray start --head` printed (host:6379), or leave --ray-address out to start "
                       "a local Ray")


@pytest.mark.parametrize("address", ["head-node", "10.0.0.5:port"])
def test_an_address_that_is_not_one_says_so(endpoint, tmp_path, capsys, address):
    code = main(["run", str(_dump(tmp_path / "in.jsonl")), "--out", str(tmp_path / "r.jsonl"), "--engine", "ray",
                 "--ray-address", address])
    assert code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        f"summarizer: --ray-address {address}: not an address; give host:port, e.g. 10.0.0.5:6379 (what `ray start "
        "--head` printed), or auto")


def test_the_ray_engine_without_ray_installed_says_how_to_install_it(endpoint, tmp_path, capsys, monkeypatch):
    for name in ("ray", "ray.data"):
        monkeypatch.setitem(sys.modules, name, None)  # what an install without the extra gives: ImportError
    out = tmp_path / "r.jsonl"
    assert main(["run", str(_dump(tmp_path / "in.jsonl")), "--out", str(out), "--engine", "ray"]) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "summarizer: the Ray engine needs Ray Data, which is not installed; install it with: "
        "pip install 'summarizer[ray]'")
    assert not out.exists()


def test_a_ray_address_without_the_ray_engine_is_refused(endpoint, tmp_path, capsys):
    assert main(["run", str(_dump(tmp_path / "in.jsonl")), "--out", str(tmp_path / "r.jsonl"),
                 "--ray-address", "127.0.0.1:6379"]) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "summarizer: --ray-address is for --engine ray; add --engine ray, or leave the address out")


def test_a_refused_key_stops_the_ray_engine_as_it_stops_the_default_one(local_ray, tmp_path, monkeypatch, capsys):
    from support.completions import FIXTURE_MODEL
    from support.endpoint import ENDPOINT_KEY, Misbehaving

    refuse = Misbehaving(lambda headers, body: (401, {"error": {"message": "Incorrect API key provided",
                                                                "type": "invalid_request_error"}}))
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": f"a{i}", "text": corpus("004") + f"\n({i})"}, ensure_ascii=False)
                            + "\n" for i in range(40)), encoding="utf-8")
    with refuse:
        monkeypatch.setenv("OPENAI_BASE_URL", refuse.url)
        monkeypatch.setenv("OPENAI_API_KEY", ENDPOINT_KEY)
        monkeypatch.setenv("SUMMARIZER_MODEL", FIXTURE_MODEL)
        out = tmp_path / "r.jsonl"
        status = main(["run", str(dump), "--out", str(out), "--engine", "ray"])
    err = capsys.readouterr().err
    assert status == 4
    assert "summarizer: stopped: the endpoint refused the API key (401); check OPENAI_API_KEY." in err
    assert "read=40 skipped=0 verified=0 flagged=0 rejected=0 failed=1 unfinished=39" in err
    assert [json.loads(line)["failure_kind"] for line in (tmp_path / "r.failed.jsonl").read_text().splitlines()] == [
        "auth"]
    assert not out.exists()


BIG = ("Acme Corp reported revenue of $12,345,678,901,234,567 for the year, the company said on Monday.\n\n"
       "It shipped 9,007,199,254,740,993 units, Acme Corp said.\n")


def test_grounded_big_integers_stay_exact_from_the_article_to_the_story(endpoint, tmp_path, capsys):
    endpoint.engine.answers = lambda article: json.dumps({  # a grounded answer picks by id (grounded/v2)
        "summary": [], "events": [], "figures": [{"id": "f1", "label": None, "part_of": None},
                                                 {"id": "f2", "label": None, "part_of": None}]})  # no quotes asked: it has none
    article, out, story = tmp_path / "acme.txt", tmp_path / "r.jsonl", tmp_path / "story.json"
    article.write_text(BIG, encoding="utf-8")
    assert main(["run", str(article), "--out", str(out), "--answer", "grounded"]) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert (record["status"], [(f["text"], f["value"]) for f in record["summary"]["figures"]]) == (
        "verified", [("$12,345,678,901,234,567", 12345678901234567), ("9,007,199,254,740,993", 9007199254740993)])
    assert [f["parsed_value"] for f in record["report"]["figures"]] == [12345678901234567, 9007199254740993]
    assert main(["reconcile", str(out), "--out", str(story)]) == 0
    (aligned,) = json.loads(story.read_text(encoding="utf-8"))["stories"]
    assert sorted(r["value"] for f in aligned["figures"] for r in f["reports"]) == [9007199254740993,
                                                                                   12345678901234567]
