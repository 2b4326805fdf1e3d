"""What a batch run keeps beside its results: the state file and the answers file, and what a kill leaves."""

import json

import pytest

from summarizer import Settings, UsageError
from summarizer.model.batches import output_line
from summarizer.run.batch_state import Answers, BatchState, Part, answers_path, state_path

SETTINGS = Settings(base_url="http://endpoint.test/v1", api_key="sk-test-0123456789abcdef", model="m")
ANSWER = {"choices": []}


def test_the_state_is_written_whole_and_read_back_for_the_same_settings_only(tmp_path):
    out = tmp_path / "r.jsonl"
    state = BatchState(out, SETTINGS)
    assert not state.existed and not state_path(out).exists()
    state.parts.append(Part(name="r1-1", custom_ids=["k-0"], batch_id="batch_1", status="in_progress"))
    state.save()
    again = BatchState(out, SETTINGS)
    assert again.existed and again.run == state.run and again.waiting() == {"k-0"} and again.next_round() == 2
    assert "sk-test" not in state_path(out).read_text(encoding="utf-8")
    assert not list(tmp_path.glob("*.tmp"))
    with pytest.raises(UsageError, match=r"still running at the provider \(batch_1\)"):
        BatchState(out, SETTINGS.with_(max_reasks=0))
    state.parts[0].status = "completed"
    state.save()
    other = BatchState(out, SETTINGS.with_(max_reasks=0))  # nothing of the old run left running: a new run
    assert not other.existed and other.run != state.run


def test_a_state_file_that_is_not_ours_says_what_to_do(tmp_path):
    out = tmp_path / "r.jsonl"
    state_path(out).write_text('{"parts": 3}', encoding="utf-8")
    with pytest.raises(UsageError, match="is not the state of a summarizer batch run; remove it"):
        BatchState(out, SETTINGS)


def test_answers_are_kept_without_the_key_and_a_line_a_kill_cut_short_is_cut_off(tmp_path):
    journal = answers_path(tmp_path / "r.jsonl")
    answers = Answers(journal=journal, secrets=["sk-test-0123456789abcdef"])
    answers.append([output_line("k-0", 500, {"error": {"message": "boom sk-test-0123456789abcdef"}}),
                    output_line("k-0", 200, ANSWER), output_line("k-0", 200, {"choices": ["second"]}),
                    output_line("j-1", None, None, {"code": "batch_expired", "message": "expired"})])
    answers.close()
    with open(journal, "ab") as f:
        f.write(output_line("j-2", 200, ANSWER)[:20])  # a kill mid-line
    again = Answers(journal=journal)
    assert again.get("k-0").body == ANSWER  # the first final answer wins
    assert (again.get("j-1"), again.reasons["j-1"]) == (None, "batch_expired: expired")
    assert again.later == {"k": 0}
    again.close()
    text = journal.read_text(encoding="utf-8")
    assert "sk-test" not in text and text.endswith("\n") and len(text.splitlines()) == 4


def test_a_responses_file_with_a_line_that_is_not_an_output_line_names_it(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(output_line("k-0", 200, ANSWER) + b"\n" + json.dumps([1]).encode() + b"\n")
    with pytest.raises(UsageError, match=r"out.jsonl: line 3 is not an output line of a batch"):
        Answers([path])
