"""`summarizer reconcile` end to end: results files in, story.json and story.html out, one line per error."""

import json
import shutil

import pytest

from summarizer import Reconciliation
from summarizer.cli import main
from support.completions import FIXTURE_MODEL
from support.corpus import FIXTURES, corpus, corpus_path, fixture_summary
from support.endpoint import ENDPOINT_KEY, Endpoint, Raw, answer_bytes, slow_first
from support.stories import (BUNDLED, OTHERS, ProposalEngine, bundled_record, filler_records, record,
                             unrelated_record, write_results)


def story_file(path) -> Reconciliation:
    return Reconciliation.model_validate_json(path.read_text(encoding="utf-8"))


def test_reconcile_reads_what_run_wrote(endpoint, tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in ("001", "004"):  # the loopback endpoint answers these two with their fixtures
        shutil.copy(corpus_path(n), folder)
    results = tmp_path / "results.jsonl"
    assert main(["run", str(folder), "--out", str(results)]) == 0
    out, page = tmp_path / "story.json", tmp_path / "story.html"
    assert main(["reconcile", str(results), "--out", str(out), "--report", str(page)]) == 0
    (story,) = story_file(out).stories
    ids = [json.loads(line)["id"] for line in results.read_text(encoding="utf-8").splitlines()]
    assert story.articles == ids and ids[0].startswith(corpus_path("001").stem)
    agreed = [(f.label, [(r.text, r.qualifier) for r in f.reports]) for f in story.figures if f.agreement == "agreed"]
    assert agreed == [("한국에 공급되는 블랙웰 GPU", [("26만 개", "exact"), ("26만장", "at_least")])]
    err = capsys.readouterr().err
    assert "stories=1 (with two or more articles: 1) agreed=1 conflicts=0 open_questions=2 excluded=0" in err
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_an_article_changed_and_run_again_is_reconciled_from_its_newest_result(endpoint, tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in ("001", "004"):
        shutil.copy(corpus_path(n), folder)
    results, out = tmp_path / "results.jsonl", tmp_path / "story.json"
    assert main(["run", str(folder), "--out", str(results)]) == 0
    edited = folder / corpus_path("004").name
    edited.write_text(corpus("004").replace("약 5만장을 공공", "약 6만장을 공공", 1), encoding="utf-8")
    assert main(["run", str(folder), "--out", str(results)]) in (0, 1)
    first, second, newest = (json.loads(line) for line in results.read_text(encoding="utf-8").splitlines())
    assert first["origin"] != second["origin"] == newest["origin"] and second["id"] != newest["id"]
    assert main(["reconcile", str(results), "--out", str(out)]) == 0
    story_json = story_file(out)
    (story,) = story_json.stories
    assert story.articles == [first["id"], newest["id"]]  # the newer result of the edited article stands
    assert [(e.article, e.reason) for e in story_json.excluded] == [
        (second["id"], "replaced: the article was changed and run again, and its newer result stands")]


def test_two_results_files_the_bundled_story_and_the_unrelated_ones(tmp_path, capsys):
    a = write_results(tmp_path / "a.jsonl", [bundled_record(n) for n in BUNDLED])
    b = write_results(tmp_path / "b.jsonl", [unrelated_record(n) for n in OTHERS])
    out = tmp_path / "story.json"
    assert main(["reconcile", str(a), str(b), "--out", str(out)]) == 0
    result = story_file(out)
    assert [s.articles for s in result.stories] == [list(BUNDLED), ["busfare-a", "busfare-b"], ["apec-dinner"],
                                                     ["foldable"]]
    assert result.model_step is None
    assert "conflicts=1" in capsys.readouterr().err


def _bundled_and_unrelated() -> tuple[list, list[list[str]]]:
    return [bundled_record(n) for n in BUNDLED] + [unrelated_record(n) for n in OTHERS], \
        [list(BUNDLED), ["busfare-a", "busfare-b"]]


def _one_wire_story_without_figures() -> tuple[list, list[list[str]]]:
    """Three outlets running one wire story, each with a line of its own, summarized with no figures: a story
    that only its words tell."""
    summary = fixture_summary("001")
    summary = summary.model_copy(update={"figures": [], "events": [e.model_copy(update={"figure_ids": []})
                                                                    for e in summary.events]})
    return [record(f"wire-{i}", f"{corpus('001')}\n(매체 {i})", summary) for i in range(3)], \
        [["wire-0", "wire-1", "wire-2"]]


@pytest.mark.parametrize("dump", [_bundled_and_unrelated, _one_wire_story_without_figures],
                         ids=["words-and-figures", "words-alone"])
def test_a_dump_too_big_to_compare_every_pair_finds_the_same_stories(dump, tmp_path, capsys):
    # Past 200 distinct texts, only pairs that share rare words (or a figure) are compared: the work grows with
    # the dump, not its square (benchmarks/reconcile_scale.py). The stories must be those of the small dump.
    records, expected = dump()
    a = write_results(tmp_path / "a.jsonl", records)
    b = write_results(tmp_path / "b.jsonl", filler_records(250))
    small, big = tmp_path / "small.json", tmp_path / "big.json"
    assert main(["reconcile", str(a), "--out", str(small)]) == 0
    assert main(["reconcile", str(a), str(b), "--out", str(big)]) == 0
    stories = [s for s in story_file(big).stories if len(s.articles) > 1]
    assert [s.articles for s in stories] == expected
    assert [s.model_dump() for s in stories] == [s.model_dump() for s in story_file(small).stories[:len(expected)]]
    assert len(story_file(big).stories) == len(story_file(small).stories) + 250  # each filler alone


def test_the_model_step_over_a_loopback_endpoint_and_the_key_is_never_written(tmp_path, monkeypatch, capsys):
    results = write_results(tmp_path / "r.jsonl", [bundled_record(n) for n in BUNDLED])
    out, page = tmp_path / "story.json", tmp_path / "story.html"
    engine = ProposalEngine((FIXTURES / "reconcile" / "gpu.proposals.fixture.json").read_text(encoding="utf-8"))
    monkeypatch.setenv("OPENAI_API_KEY", ENDPOINT_KEY)
    with Endpoint(engine) as e:
        code = main(["reconcile", str(results), "--out", str(out), "--report", str(page), "--base-url", e.url,
                     "--model", FIXTURE_MODEL])
    assert code == 0
    result = story_file(out)
    assert (result.model_step.status, [p.accepted for p in result.model_step.proposals]) == ("used", [True, True])
    corporate = [f for f in result.stories[0].figures if f.found_by == "model" and f.agreement == "conflict"]
    assert [[r.value for r in f.reports] for f in corporate] == [[200000.0, 210000.0]]
    assert len(engine.prompts) == 1 and "주요 기업 몫" in engine.prompts[0]
    err = capsys.readouterr().err
    assert "the model proposed 2, code accepted 2" in err
    for written in (out.read_text(encoding="utf-8"), page.read_text(encoding="utf-8"), err):
        assert ENDPOINT_KEY not in written


def test_a_model_answer_dripped_past_the_timeout_is_cut_off_and_asked_again(tmp_path, monkeypatch, capsys):
    results = write_results(tmp_path / "r.jsonl", [bundled_record(n) for n in BUNDLED])
    out = tmp_path / "story.json"
    proposals = (FIXTURES / "reconcile" / "gpu.proposals.fixture.json").read_text(encoding="utf-8")
    monkeypatch.setenv("OPENAI_API_KEY", ENDPOINT_KEY)
    monkeypatch.setenv("SUMMARIZER_TIMEOUT", "0.5")
    # The model step asks through the sync client: its first answer's headers come a byte every 0.1 s (6 s).
    with Raw(slow_first(lambda request: answer_bytes(request, proposals), "headers")) as server:
        assert main(["reconcile", str(results), "--out", str(out), "--base-url", server.url,
                     "--model", FIXTURE_MODEL]) == 0
    assert len(server.requests) == 2
    step = story_file(out).model_step
    assert (step.status, [p.accepted for p in step.proposals]) == ("used", [True, True])


def test_a_missing_results_file_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["reconcile", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "s.json")]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"summarizer: {tmp_path / 'nope.jsonl'}: no such file; give a results file that summarizer run wrote (--out)"]


def test_a_file_that_is_not_a_results_file_is_refused_and_an_earlier_story_is_kept(tmp_path, capsys):
    dead = tmp_path / "results.failed.jsonl"
    dead.write_text('{"id": "a", "origin": "a.txt", "reason": "empty", "failure_kind": "input", "settings": "x"}\n',
                    encoding="utf-8")
    out = tmp_path / "story.json"
    out.write_text("{}", encoding="utf-8")
    assert main(["reconcile", str(dead), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"summarizer: {dead}: line 1 is not a result of summarizer run; give the results file that "
                   "summarizer run --out wrote, not its dead-letter file or a summary")
    assert out.read_text(encoding="utf-8") == "{}"


def test_a_line_cut_short_by_a_killed_run_is_skipped_with_a_note(tmp_path, capsys):
    results = write_results(tmp_path / "r.jsonl", [bundled_record("000"), bundled_record("002")])
    with open(results, "a", encoding="utf-8") as f:
        f.write(bundled_record("003").model_dump_json()[:500])  # no newline: a kill mid-write
    out = tmp_path / "story.json"
    assert main(["reconcile", str(results), "--out", str(out)]) == 0
    assert story_file(out).stories[0].articles == ["000", "002"]
    assert f"summarizer: {results}: line 3 is cut short (a run was stopped while writing it); skipped" in \
        capsys.readouterr().err


def _tree(root) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_no_output_may_overwrite_an_input_or_another_output_temporary_files_included(tmp_path, capsys):
    results = write_results(tmp_path / "R.jsonl", [bundled_record("000")])
    kept = write_results(tmp_path / "keep2.json", [bundled_record("002")])  # a results file by another name
    story = tmp_path / "story.json"
    cases = [
        ([str(results), "--out", str(results)], f"--out {results} is the input {results}"),
        ([str(results), "--out", str(story), "--report", str(results)], f"--report {results} is the input {results}"),
        ([str(kept), "--out", str(kept)], f"--out {kept} is the input {kept}"),
        ([str(results), "--out", str(story), "--report", str(story)],
         f"--out {story} and --report {story} are the same file"),
        ([str(results), "--out", f"{story}.tmp", "--report", str(story)],
         f"--out {story}.tmp and --report's temporary file {story}.tmp are the same file"),
        ([str(results), "--out", str(story), "--report", f"{story}.tmp"],
         f"--report {story}.tmp and --out's temporary file {story}.tmp are the same file"),
        ([str(tmp_path / "R.jsonl.tmp"), "--out", str(tmp_path / "R.jsonl")],
         f"--out's temporary file {tmp_path / 'R.jsonl.tmp'} is the input {tmp_path / 'R.jsonl.tmp'}"),
    ]
    (tmp_path / "R.jsonl.tmp").write_bytes(results.read_bytes())
    before = _tree(tmp_path)
    for args, said in cases:
        assert main(["reconcile", *args]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"summarizer: {said}") and len(err.splitlines()) == 1, err
        assert _tree(tmp_path) == before  # nothing written, nothing changed


def test_story_json_is_the_documented_contract(tmp_path):
    results = write_results(tmp_path / "r.jsonl", [bundled_record(n) for n in BUNDLED])
    out = tmp_path / "story.json"
    assert main(["reconcile", str(results), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    story = data["stories"][0]
    assert {"id", "articles", "figures", "quotes"} <= set(story)
    assert {"label", "unit", "agreement", "reports"} <= set(story["figures"][0])
    assert {"article", "figure", "text", "value", "qualifier", "span"} <= set(story["figures"][0]["reports"][0])
    assert {"text", "agreement", "reports"} <= set(story["quotes"][0])
    assert {"article", "quote", "speaker", "span"} <= set(story["quotes"][0]["reports"][0])
    assert {f["agreement"] for f in story["figures"]} == {"agreed", "conflict", "single_source"}


def test_results_that_all_failed_the_checks_are_listed_and_said_so(tmp_path, capsys):
    from summarizer import ArticleSummary
    from support.corpus import corpus
    from support.stories import record

    rejected = record("000", corpus("000"), ArticleSummary(headline="h", summary="s", quotes=[
        {"text": "기사에 없는 말", "speaker": "아무개"}]))
    results = write_results(tmp_path / "r.jsonl", [rejected])
    out = tmp_path / "story.json"
    assert main(["reconcile", str(results), "--out", str(out)]) == 0
    result = story_file(out)
    assert (result.stories, [(x.article, x.status) for x in result.excluded]) == ([], [("000", "rejected")])
    assert "none of the 1 results passed the checks" in capsys.readouterr().err


def _as(rid: str, r):
    return r.model_copy(update={"id": rid})


def test_the_same_ids_in_two_dumps_are_four_articles_told_apart_by_file_and_said(tmp_path, capsys):
    a = write_results(tmp_path / "a.jsonl", [_as("1", bundled_record("000")), _as("2", bundled_record("001"))])
    b = write_results(tmp_path / "b.jsonl", [_as("1", unrelated_record("busfare-a")),
                                             _as("2", unrelated_record("busfare-b"))])
    again = write_results(tmp_path / "again.jsonl", [_as("1", bundled_record("000"))])  # a's 1, once more
    out, page = tmp_path / "story.json", tmp_path / "story.html"
    assert main(["reconcile", str(a), str(b), str(again), "--out", str(out), "--report", str(page)]) == 0
    assert [s.articles for s in story_file(out).stories] == [[f"{a}:2", f"{again}:1"], [f"{b}:1", f"{b}:2"]]
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [f"summarizer: id 2 names different articles in different results files; told apart as "
                       f"{a}:2 and {b}:2",
                       f"summarizer: id 1 names different articles in different results files; told apart as "
                       f"{b}:1 and {again}:1"]
    assert "stories=2 (with two or more articles: 2)" in err[2]
    assert f"{b}:2" in page.read_text(encoding="utf-8")


def test_the_five_outlets_offline_from_run_to_reconcile_agree_on_26만_and_conflict_on_the_2030_target(
        tmp_path, monkeypatch, capsys):
    # The README's main job, offline (code picks every word from the article, no model is asked), then
    # reconcile: code labels 000's 5만장 "목표" and 004's 2030 target "GPU", so the target is lined up by time.
    for var in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "SUMMARIZER_MODEL", "SUMMARIZER_ANSWER",
                "SUMMARIZER_GROUNDED_PICKS"):
        monkeypatch.delenv(var, raising=False)
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in BUNDLED:
        shutil.copy(corpus_path(n), folder)
    results, out = tmp_path / "results.jsonl", tmp_path / "story.json"
    assert main(["run", str(folder), "--out", str(results)]) == 0
    assert main(["reconcile", str(results), "--out", str(out)]) == 0
    (story,) = story_file(out).stories
    assert len(story.articles) == 5
    def rows(f):
        return [(r.article[:3], r.text, r.qualifier) for r in f.reports]

    (deal,) = [f for f in story.figures if f.reports[0].value == 260000]
    assert deal.agreement == "agreed" and len(deal.reports) >= 4  # the aim; today all five
    assert rows(deal) == [("000", "26만장", "exact"), ("001", "26만개", "exact"), ("002", "26만장", "at_least"),
                          ("003", "26만 장", "exact"), ("004", "26만장", "at_least")]
    (target,) = [f for f in story.figures if f.agreement == "conflict"]
    assert (target.time, rows(target)) == ("2030", [("000", "5만장", "exact"), ("004", "20만장", "at_least")])
    assert target is story.figures[0] and target.found_by == "words"
    assert [r.label for r in target.reports] == ["목표", "GPU"]
    assert "lined up by time" in target.note and "정부, 확보" in target.note
    assert "conflicts=1" in capsys.readouterr().err
