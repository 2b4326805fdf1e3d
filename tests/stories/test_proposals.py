"""The optional model step of reconcile, against a scripted endpoint.

The answers are handwritten fixtures (tests/fixtures/reconcile/), not a model's:
these tests check what code does with proposals, good and bad, and with an
endpoint that fails. No network: the endpoint is an httpx2.MockTransport.
"""

import json

import httpx2

from summarizer import Settings, reconcile
from summarizer.contract.story import Proposals
from summarizer.stories.advice import load_reconcile_prompts
from summarizer.stories.core import reconcile_records
from summarizer.stories.evidence import evidence_of
from summarizer.stories.grouping import Borderline
from summarizer.stories.proposals import apply_event_proposals
from support.completions import FIXTURE_MODEL, Script, error, sync_client, tool_answer
from support.corpus import FIXTURES, corpus
from support.stories import BUNDLED, bundled_record, record, unrelated_record

GPU = [bundled_record(n) for n in BUNDLED]
SETTINGS = Settings(base_url="http://endpoint.test/v1", model=FIXTURE_MODEL)
GOOD = (FIXTURES / "reconcile" / "gpu.proposals.fixture.json").read_text(encoding="utf-8")


def answer(proposals) -> httpx2.Response:
    body = proposals if isinstance(proposals, str) else json.dumps(proposals, ensure_ascii=False)
    return httpx2.Response(200, json=tool_answer(body, tool="Proposals"))


def ref(article, figure, text, value):
    return {"article": article, "figure": figure, "text": text, "value": value}


def parts_sum(total, parts, total_sum, arithmetic):
    return {"total": total, "parts": parts, "sum": total_sum, "arithmetic": arithmetic, "reason": "test"}


COMPANIES = [ref("001", "f3", "5만개", 50000), ref("001", "f4", "5만개", 50000), ref("001", "f5", "5만개", 50000),
             ref("001", "f6", "6만 개", 60000)]
CORPORATE = ref("004", "f3", "20만장", 200000)


def test_the_model_step_finds_20만_against_21만_and_code_does_the_arithmetic():
    script = Script(answer(GOOD), key="sk-test")
    result = reconcile(GPU, settings=SETTINGS, client=sync_client(script))
    story = result.stories[0]
    (corporate,) = [f for f in story.figures if any(r.parts for r in f.reports)]
    assert (corporate.agreement, corporate.found_by) == ("conflict", "model")
    assert [(r.article, r.figure, r.text, r.value, r.qualifier, [p.figure for p in r.parts])
            for r in corporate.reports] == [
        ("004", "f3", "20만장", 200000.0, "exact", []),
        ("001", "f3+f4+f5+f6", "5만개 + 5만개 + 5만개 + 6만 개", 210000.0, "exact", ["f3", "f4", "f5", "f6"])]
    assert corporate.note.startswith("No value satisfies every report: 004 20만장 (exactly 200,000); 001 5만개 + "
                                     "5만개 + 5만개 + 6만 개 (exactly 210,000). At odds: 004 and 001.")
    assert "50000 + 50000 + 50000 + 60000 = 210000" in corporate.note
    text = corpus("001")
    assert [text[p.span[0]:p.span[1]] for p in corporate.reports[1].parts] == ["5만개", "5만개", "5만개", "6만 개"]
    assert text[slice(*corporate.reports[1].span)] == "5만개, 네이버 6만 개"  # the passage holding the parts
    public = [f for f in story.figures if f.found_by == "model" and f is not corporate]
    assert [(f.agreement, [(r.article, r.figure) for r in f.reports]) for f in public] == [
        ("agreed", [("001", "f2"), ("004", "f2")])]  # 5만 개 and 약 5만장
    assert story.open_questions == []  # both questions settled
    step = result.model_step
    assert (step.model, step.status, step.failure) == (FIXTURE_MODEL, "used", None)
    assert [(p.kind, p.about, p.accepted) for p in step.proposals] == [
        ("same_figure", ["004:f2", "001:f2"], True),
        ("part_sum", ["004:f3", "001:f3", "001:f4", "001:f5", "001:f6"], True)]
    # one request: the prompt file's instructions, then the story's checked figures and the open questions
    (request,) = script.requests
    prompts = load_reconcile_prompts()
    assert request["messages"][0] == {"role": "system", "content": prompts.system}
    user = request["messages"][1]["content"]
    listed = [json.loads(line) for line in user.splitlines() if line.startswith('{"article"')]
    assert [(x["article"], x["figure"]) for x in listed] == [
        (r.id, f.id) for r in GPU for f in r.summary.figures]
    assert "004 gives 20만장 for '주요 기업 몫'" in user
    assert request["tools"][0]["function"]["name"] == "Proposals"


def test_proposals_that_do_not_check_out_are_refused_and_change_nothing():
    bad = {"same_figures": [
        {"reports": [ref("000", "f2", "5만장", 50000), ref("004", "f5", "5만장", 50000)], "reason": "same target"},
        {"reports": [ref("000", "f1", "26만장", 260000), CORPORATE], "reason": "both GPUs"},
        {"reports": [ref("004", "f3", "20만장", 210000), ref("001", "f1", "26만 개", 260000)], "reason": "misquoted"},
        {"reports": [ref("009", "f1", "9만", 90000), CORPORATE], "reason": "no such article"},
    ], "part_sums": [
        parts_sum(CORPORATE, COMPANIES, 200000, "50000 + 50000 + 50000 + 60000 = 200000"),
        parts_sum(CORPORATE, COMPANIES, 210000, "50000 + 50000 + 50000 + 50000 + 10000 = 210000"),
        parts_sum(CORPORATE, [COMPANIES[0], ref("003", "f1", "26만 장", 260000)], 310000, "50000 + 260000 = 310000"),
        parts_sum(CORPORATE, [COMPANIES[3], ref("001", "f7", "14조 원", 14e12)], 14000000060000,
                  "60000 + 14000000000000 = 14000000060000"),
        parts_sum(CORPORATE, [ref("001", "f1", "26만 개", 260000), ref("001", "f2", "5만 개", 50000)], 310000,
                  "260000 + 50000 = 310000"),
    ]}
    result = reconcile(GPU, settings=SETTINGS, client=sync_client(Script(answer(bad))))
    log = result.model_step.proposals
    assert [p.accepted for p in log] == [False] * 9
    refusals = [p.reason.split(" — refused: ")[1] for p in log]
    assert refusals == [
        "000:f2 is for 2030 and 004:f5 for 2028.",
        "it would put two figures of 004 in one measure.",
        "004:f3 is '20만장' = 200,000, not '20만장' = 210,000 as the proposal says.",
        "009 is not an article of this story.",
        "the parts add up to 210,000, not 200,000.",
        "the arithmetic '50000 + 50000 + 50000 + 50000 + 10000 = 210000' does not add exactly the parts' values "
        "(50,000 + 50,000 + 50,000 + 60,000 = 210,000).",
        "the parts must all come from one article, other than the total's.",
        "004:f3 counts in 장 and 001:f7 in 원.",
        "the parts are not all parts of one figure of their article.",
    ]
    plain = reconcile_records(GPU).stories[0]
    assert result.stories[0].figures == plain.figures
    assert result.stories[0].open_questions == plain.open_questions


def test_a_failing_endpoint_leaves_code_s_reconciliation_whole():
    result = reconcile(GPU, settings=SETTINGS, client=sync_client(Script(error(401, "invalid key"))))
    assert result.model_step.status == "failed"
    assert result.model_step.failure.startswith("auth: the endpoint refused the API key (401)")
    assert result.stories == reconcile_records(GPU).stories


def test_an_answer_that_does_not_fit_the_proposals_schema_is_a_failed_step():
    result = reconcile(GPU, settings=SETTINGS, client=sync_client(Script(answer('{"same_figures": "all of them"}'))))
    assert (result.model_step.status, result.model_step.failure.split(":")[0]) == ("failed", "invalid_response")
    assert result.stories == reconcile_records(GPU).stories


def test_the_model_is_asked_about_near_misses_and_a_shared_name_alone_does_not_merge_them():
    # 000 and apec-dinner score between the near-miss and the story thresholds: same president, city, day.
    records = [bundled_record("000"), unrelated_record("apec-dinner")]
    says_same = {"same_events": [{"articles": ["000", "apec-dinner"], "same_event": True, "reason": "APEC, 31일"}]}
    script = Script(answer(says_same))
    result = reconcile(records, settings=SETTINGS, client=sync_client(script))
    assert [s.articles for s in result.stories] == [["000"], ["apec-dinner"]]
    (p,) = result.model_step.proposals
    assert (p.kind, p.accepted) == ("same_event", False)
    assert "refused: they share no quotation, no two figures and no figure with a name" in p.reason
    assert "Pair 1:" in script.requests[0]["messages"][1]["content"]


RAIL = """[테스트일보] 김지훈 국토교통부 장관은 2일 "철도 요금은 올해 동결한다"고 말했다. 코레일의 적자는 4000억원이다."""
HOUSING = """[테스트라디오] 주택 공급 대책을 설명하던 김지훈 장관은 열차 운임을 묻자 "철도 요금은 올해 동결한다"고 답했다."""


def test_a_near_miss_the_model_calls_one_event_is_merged_when_they_share_a_quotation():
    def summary(role):
        return {"headline": "h", "summary": "s",
                "quotes": [{"text": "철도 요금은 올해 동결한다", "speaker": "김지훈", "speaker_role": role}]}

    from summarizer import ArticleSummary
    evidence = [evidence_of(record("rail", RAIL, ArticleSummary.model_validate(summary("국토교통부 장관")))),
                evidence_of(record("housing", HOUSING, ArticleSummary.model_validate(summary("장관"))))]
    near = [Borderline((0,), (1,), 0.15)]
    same = Proposals.model_validate({"same_events": [
        {"articles": ["housing", "rail"], "same_event": True, "reason": "the minister's fare freeze"},
        {"articles": ["rail", "elsewhere"], "same_event": True, "reason": "not asked"}]})
    stories, log = apply_event_proposals([[0], [1]], near, evidence, same)
    assert stories == [[0, 1]]
    assert [(p.about, p.accepted) for p in log] == [(["housing", "rail"], True), (["rail", "elsewhere"], False)]
    assert "accepted: rail and housing both quote “철도 요금은 올해 동결한다”" in log[0].reason
    assert log[1].reason.endswith("refused: code did not ask about this pair.")
