"""The reconcile model step's call: its prompt files, and answers that cannot be used."""

from dataclasses import replace

import httpx2
import pytest

from summarizer import Settings, UsageError
from summarizer.contract.story import Proposals
from summarizer.model.failures import Failure
from summarizer.stories.advice import Advisor, load_reconcile_prompts
from support.completions import FIXTURE_MODEL, Script, completion, sync_client, tool_answer
from support.corpus import ROOT

SETTINGS = Settings(base_url="http://endpoint.test/v1", model=FIXTURE_MODEL)


def test_the_prompts_are_files_and_a_missing_variable_is_an_error():
    prompts = load_reconcile_prompts()
    assert prompts.system == (ROOT / "prompts" / "reconcile" / "v1" / "system.txt").read_text(encoding="utf-8").strip()
    messages = prompts.figure_messages(figures="<FIGURES>", aligned="<ALIGNED>", questions="<QUESTIONS>")
    assert [m["role"] for m in messages] == ["system", "user"]
    user = messages[1]["content"]
    assert user.index("<FIGURES>") < user.index("<ALIGNED>") < user.index("<QUESTIONS>")
    broken = replace(prompts, events="${pairs} ${missing}")
    with pytest.raises(UsageError, match="events.txt needs the variable 'missing', which was not given"):
        broken.event_messages(pairs="p")


def test_a_proposal_answer_comes_back_as_proposals():
    script = Script(httpx2.Response(200, json=tool_answer('{"same_figures": []}', tool="Proposals")))
    advisor = Advisor(SETTINGS, sync_client(script))
    assert advisor.propose([{"role": "user", "content": "x"}]) == Proposals()
    assert script.requests[0]["tool_choice"]["function"]["name"] == "Proposals"


def test_a_cut_off_answer_is_a_failure_not_a_proposal():
    script = Script(httpx2.Response(200, json=tool_answer('{"same_fig', tool="Proposals", finish="length")))
    failure = Advisor(SETTINGS, sync_client(script)).propose([{"role": "user", "content": "x"}])
    assert isinstance(failure, Failure) and (failure.kind, failure.message) == ("truncated", "the answer was cut off")


def test_the_summary_call_is_unchanged_by_the_other_response_model():
    # Provider.ask still answers ArticleSummary by default (the reconcile step asks for Proposals)
    from summarizer.model.call import Provider
    from support.corpus import fixture_summary

    script = Script(completion(fixture_summary("001").model_dump_json()))
    answer = Provider(SETTINGS, sync_client(script)).ask([{"role": "user", "content": "x"}], 100)
    assert answer.summary == fixture_summary("001")
    assert script.requests[0]["tool_choice"]["function"]["name"] == "ArticleSummary"
