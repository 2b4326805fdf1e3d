"""Building the summary from a grounded answer: text and numbers from the article, the rest as the model wrote it,
and every check run on the result."""

from summarizer import ArticleSummary, Event, Figure, Quote, validate
from summarizer.contract.grounded import GroundedAnswer, GroundedEvent, PickedFigure, PickedQuote
from summarizer.trust.grounded.build import build_summary, reask_lines
from summarizer.trust.grounded.candidates import find_candidates
from support.corpus import corpus

TEXT = corpus("004")


def _answer(**changes) -> GroundedAnswer:
    base = dict(
        headline="엔비디아 GPU 26만장 확보",
        figures=[PickedFigure(id="f3", label="확보한 GPU", part_of=None),
                 PickedFigure(id="f5", label="공공 부문 GPU", part_of="f3"),
                 PickedFigure(id="f6", label="주요 기업 GPU", part_of="f3")],
        quotes=[PickedQuote(id="q3", speaker="조준희")],
        summary="정부는 엔비디아 GPU 26만장 이상을 확보했다. 이 가운데 약 5만장은 공공 부문에 공급된다.",
        events=[GroundedEvent(description="정부가 엔비디아 GPU 26만장 이상을 확보했다.", actors=["정부", "엔비디아", "정부"],
                              date="2025-10-31", location="경주", figure_ids=["f3", "f3"])],
    )
    return GroundedAnswer(**{**base, **changes})


def test_the_summary_takes_text_and_numbers_from_the_article_and_the_rest_from_the_answer():
    built = build_summary(find_candidates(TEXT), _answer())
    assert built.summary == ArticleSummary(
        headline="엔비디아 GPU 26만장 확보",
        summary="정부는 엔비디아 GPU 26만장 이상을 확보했다. 이 가운데 약 5만장은 공공 부문에 공급된다.",
        events=[Event(description="정부가 엔비디아 GPU 26만장 이상을 확보했다.", actors=["정부", "엔비디아"],
                      date="2025-10-31", location="경주", figure_ids=["f3"])],
        figures=[Figure(id="f3", label="확보한 GPU", value=260000, unit="장", text="26만장", qualifier="at_least"),
                 Figure(id="f5", label="공공 부문 GPU", value=50000, unit="장", text="5만장", qualifier="approx",
                        part_of="f3"),
                 Figure(id="f6", label="주요 기업 GPU", value=200000, unit="장", text="20만장", qualifier="exact",
                        part_of="f3")],
        quotes=[Quote(text="정상회의 기간에 정부와 삼성, 현대차, 네이버 등 주요 기업이 엔비디아의 최신 GPU를 26만장 이상 확보했으며 이를 통해 "
                           "공공 및 민간 AI 인프라 수요에 대응하고, 하드웨어 설치를 넘어 엔비디아와 구축·운용 기술 협업도 병행하게 됐다",
                      speaker="조준희", speaker_role="한국인공지능·소프트웨어산업협회장")],
    )
    assert (built.quote_ids, built.figure_ids, built.findings) == (("q3",), ("f3", "f5", "f6"), ())


def test_every_check_runs_on_the_built_summary_and_finds_it_verbatim():
    report = validate(TEXT, build_summary(find_candidates(TEXT), _answer()).summary)
    assert [(q.match, q.speaker_match) for q in report.quotes] == [("exact", "attributed")]
    assert [(f.id, f.match, f.source_qualifier) for f in report.figures] == [
        ("f3", "exact", "at_least"), ("f5", "exact", "approx"), ("f6", "exact", "exact")]
    # 약 5만 + 20만 against 26만 이상 is the article's own arithmetic: a warning, as for any summary
    assert [(f.code, f.severity, f.path) for f in report.findings] == [("totals.mismatch", "warning", "figures[0]")]
    # coverage is counted on a built summary as on any other: 1 of the article's 11 quotations, 3 of its 4 counts
    assert (report.coverage.quotes.carried, report.coverage.quotes.total) == (1, 11)
    assert (report.coverage.figures.carried, report.coverage.figures.total) == (3, 4)


def test_a_pick_of_nothing_in_the_article_is_left_out_and_said_so():
    answer = _answer(figures=[PickedFigure(id="f999", label="없는 수", part_of=None)],
                     quotes=[PickedQuote(id="q77", speaker="조준희"), PickedQuote(id="q3", speaker="조준희")])
    built = build_summary(find_candidates(TEXT), answer)
    assert (len(built.summary.figures), built.quote_ids) == (0, ("q3",))
    assert [(f.code, f.severity, f.path, f.message) for f in built.findings] == [
        ("grounded.unknown_pick", "warning", "figures",
         'figures[0] picked "f999", which is none of the article\'s numbers; it was left out.'),
        ("grounded.unknown_pick", "warning", "quotes",
         'quotes[0] picked "q77", which is none of the article\'s quotations; it was left out.'),
        ("grounded.unpicked_figure", "warning", "events[0].figure_ids",
         "events[0] named f3, not among the picked figures; they were left out of it."),
    ]
    assert built.summary.events[0].figure_ids == []


def test_a_link_to_a_figure_not_picked_is_left_out_and_said_so():
    answer = _answer(figures=[PickedFigure(id="f5", label="공공 부문 GPU", part_of="f3")])
    built = build_summary(find_candidates(TEXT), answer)
    assert [(f.id, f.part_of) for f in built.summary.figures] == [("f5", None)]
    assert [(f.code, f.path) for f in built.findings] == [("grounded.unpicked_figure", "figures[0].part_of"),
                                                          ("grounded.unpicked_figure", "events[0].figure_ids")]
    assert not validate(TEXT, built.summary).errors


def test_a_figure_said_to_be_a_part_of_itself_loses_the_link_and_says_so():
    # An endpoint's JSON Schema cannot rule this out (the embedded model's grammar does): the 270M model served as
    # an endpoint linked every figure it picked to itself, and the cycle check rejected the summary for it.
    answer = _answer(figures=[PickedFigure(id="f3", label="확보한 GPU", part_of="f3"),
                              PickedFigure(id="f5", label="공공 부문 GPU", part_of="f3")])
    built = build_summary(find_candidates(TEXT), answer)
    assert [(f.id, f.part_of) for f in built.summary.figures] == [("f3", None), ("f5", "f3")]
    assert [(f.code, f.severity, f.path, f.message) for f in built.findings] == [
        ("grounded.self_part", "warning", "figures[0].part_of", "f3 was said to be a part of itself; part_of was left "
                                                                 "out.")]
    assert "figure.part_of_cycle" not in {f.code for f in validate(TEXT, built.summary).findings}


def test_the_same_words_picked_twice_are_kept_once():
    candidates = find_candidates(corpus("000"))
    answer = _answer(figures=[PickedFigure(id="f3", label="GPU", part_of=None),
                              PickedFigure(id="f3", label="again", part_of=None)],
                     quotes=[PickedQuote(id="q27a", speaker="젠슨 황"), PickedQuote(id="q27", speaker="젠슨 황"),
                             PickedQuote(id="q27b", speaker="젠슨 황"), PickedQuote(id="q27a", speaker="이재명")],
                     events=[])
    built = build_summary(candidates, answer)
    assert [(f.id, f.label) for f in built.summary.figures] == [("f3", "GPU")]
    assert built.quote_ids == ("q27a", "q27b")
    assert [q.text for q in built.summary.quotes] == [
        "한국은 이미 굉장히 깊은 기술 역량을 보유하고 있고 성공한 기업가들도 있다.",
        "이렇게 훌륭한 산업 역량을 지닌 나라는 한국 말고 어디에도 없다"]


def test_findings_go_back_to_the_model_as_what_it_picked():
    text = corpus("000")
    candidates = find_candidates(text)
    answer = _answer(headline="황 CEO", summary="엔비디아가 GPU를 공급한다.",
                     figures=[PickedFigure(id="f3", label="GPU", part_of="f5"),
                              PickedFigure(id="f5", label="GPU", part_of="f3")],
                     quotes=[PickedQuote(id="q27", speaker="이해진")], events=[])
    built = build_summary(candidates, answer)
    lines = reask_lines(built, validate(text, built.summary))
    assert lines[0] == "- figure f3 part_of: part_of links form a cycle (f3 -> f5 -> f3). A total cannot be part of its own parts."
    assert lines[-1:] == [
        '- quote q27 (한국은 이미 굉장히 깊은 기술 역량을 보유…) speaker: The article gives this quote to 젠슨 황, named as "황 CEO" '
        '("강조했다"), not to "이해진". Set the speaker to "젠슨 황" and speaker_role to "엔비디아 최고경영자(CEO)".',
    ]
