"""Building the summary from a grounded answer: every word copied from the article, what was not picked picked
by code, and every check run on the result."""

from summarizer import ArticleSummary, Event, Figure, Quote, validate
from summarizer.contract.grounded import GroundedAnswer, PickedFigure, PickedQuote
from summarizer.trust.grounded.build import build_summary, reask_lines
from summarizer.trust.grounded.candidates import find_candidates
from support.corpus import corpus

TEXT = corpus("004")
C004 = find_candidates(TEXT)
TITLE = "엔비디아 최신 GPU 26만장 확보…'AI 3대 강국' 도약 발판 마련"
S2 = "특히 APEC 정상회의 기간 정부는 엔비디아 및 국내 주요 기업과 협력을 공식화하며 최신 GPU(그래픽처리장치) 26만장 이상을 확보했다."
S4 = ("정부는 이 가운데 약 5만장을 공공 부문에, 20만장을 삼성전자·현대자동차·네이버 등 주요 기업에 공급하기로 하며, "
      "국가 차원의 AI 컴퓨팅 인프라 확충에 속도를 내고 있다.")
S5 = ('조준희 한국인공지능·소프트웨어산업협회장은 1일 자신의 페이스북을 통해 "정부와 주요 대기업 경영인들이 원팀이 돼 글로벌 탑티어 기업과의 연대를 '
      '끌어내는 헌신적인 노력과 국가적인 성취가 크게 감명을 줬다"고 강조했다.')
Q3 = ("정상회의 기간에 정부와 삼성, 현대차, 네이버 등 주요 기업이 엔비디아의 최신 GPU를 26만장 이상 확보했으며 이를 통해 "
      "공공 및 민간 AI 인프라 수요에 대응하고, 하드웨어 설치를 넘어 엔비디아와 구축·운용 기술 협업도 병행하게 됐다")


def _answer(**changes) -> GroundedAnswer:
    base = dict(
        summary=["s4", "s2"],
        events=["s5"],
        figures=[PickedFigure(id="f3", label="f3a"), PickedFigure(id="f5", label="f5a", part_of="f3"),
                 PickedFigure(id="f6", label="f6a", part_of="f3")],
        quotes=[PickedQuote(id="q3", speaker="조준희")],
    )
    return GroundedAnswer(**{**base, **changes})


def test_the_summary_is_the_articles_own_words_as_picked():
    built = build_summary(C004, _answer())
    # two sentences picked, the third the best-ranked one code adds; the summary in the article's order
    third = C004.sentence(built.sentence_ids[2])
    assert built.sentence_ids[:2] == ("s2", "s4") and third.text in TEXT
    assert built.summary == ArticleSummary(
        headline=TITLE,
        summary=f"{S2} {S4} {third.text}",
        events=[Event(description=S5, actors=["조준희"], date=None, location=None, figure_ids=[])],
        figures=[Figure(id="f3", label="최신 GPU(그래픽처리장치)", value=260000, unit="장", text="26만장",
                        qualifier="at_least"),
                 Figure(id="f5", label="공공 부문", value=50000, unit="장", text="5만장", qualifier="approx",
                        part_of="f3"),
                 Figure(id="f6", label="주요 기업", value=200000, unit="장", text="20만장", qualifier="exact",
                        part_of="f3")],
        quotes=[Quote(text=Q3, speaker="조준희", speaker_role="한국인공지능·소프트웨어산업협회장")],
    )
    assert (built.quote_ids, built.figure_ids, built.event_ids, built.findings) == (
        ("q3",), ("f3", "f5", "f6"), ("s5",), ())


def test_the_inputs_title_is_the_headline_and_an_event_carries_its_actors_date_place_and_figures():
    text = ("정부는 2025년 10월 31일 경주에서 엔비디아와 GPU 26만장 공급 계약을 맺었다.\n"
            "이재명 대통령은 이날 젠슨 황 엔비디아 최고경영자를 만났다.\n")
    c = find_candidates(text)
    built = build_summary(c, GroundedAnswer(summary=["s2"], events=["s1"], figures=[PickedFigure(id="f4")]),
                          title="  엔비디아,  GPU 26만장 공급 ")
    assert built.summary.headline == "엔비디아, GPU 26만장 공급"  # the input's title, its spaces made single
    assert built.summary.events == [Event(description="정부는 2025년 10월 31일 경주에서 엔비디아와 GPU 26만장 공급 계약을 맺었다.",
                                          actors=["정부", "엔비디아"], date="2025-10-31", location="경주",
                                          figure_ids=["f4"])]
    assert [(f.id, f.label) for f in built.summary.figures] == [("f4", "GPU")]  # null label: its first


def test_every_check_runs_on_the_built_summary_and_finds_it_verbatim():
    report = validate(TEXT, build_summary(C004, _answer()).summary)
    assert [(q.match, q.speaker_match) for q in report.quotes] == [("exact", "attributed")]
    assert [(f.id, f.match, f.source_qualifier) for f in report.figures] == [
        ("f3", "exact", "at_least"), ("f5", "exact", "approx"), ("f6", "exact", "exact")]
    # 약 5만 + 20만 against 26만 이상 is the article's own arithmetic: a warning, as for any summary
    assert [(f.code, f.severity, f.path) for f in report.findings] == [("totals.mismatch", "warning", "figures[0]")]


def test_what_no_one_picked_code_picks_and_it_passes_the_checks():
    built = build_summary(C004, GroundedAnswer())
    s = built.summary
    assert s.headline == TITLE
    assert len(built.sentence_ids) == 3 and all(C004.sentence(i).text in s.summary for i in built.sentence_ids)
    assert 1 <= len(s.events) <= 3 and all(e.description in TEXT for e in s.events)
    assert len({e.description for e in s.events}) == len(s.events)  # no event twice
    assert [(f.text, f.label) for f in s.figures][:3] == [("26만장", "최신 GPU(그래픽처리장치)"), ("5만장", "공공 부문"),
                                                          ("20만장", "국내 주요 기업")]
    assert [q.speaker for q in s.quotes] == ["조준희"] * len(s.quotes) and s.quotes
    report = validate(TEXT, s)
    assert not report.errors


def test_a_pick_of_nothing_in_the_article_is_left_out_and_said_so():
    answer = _answer(summary=["s2", "s99"], figures=[PickedFigure(id="f999"), PickedFigure(id="f3", label="f5a")],
                     quotes=[PickedQuote(id="q77"), PickedQuote(id="q3")])
    built = build_summary(C004, answer)
    assert (built.figure_ids, built.quote_ids) == (("f3",), ("q3",))
    assert built.summary.figures[0].label == "최신 GPU(그래픽처리장치)"  # its own first label, not f5's
    assert [(f.code, f.severity, f.path, f.message) for f in built.findings] == [
        ("grounded.unknown_pick", "warning", "figures[0]",
         'figures[0] picked "f999", which is none of the article\'s numbers; it was left out.'),
        ("grounded.unknown_pick", "warning", "figures[1].label",
         'figures[1].label picked "f5a", which is none of the article\'s labels of f3; it was left out.'),
        ("grounded.unknown_pick", "warning", "quotes[0]",
         'quotes[0] picked "q77", which is none of the article\'s quotations; it was left out.'),
        ("grounded.unknown_pick", "warning", "summary[1]",
         'summary[1] picked "s99", which is none of the article\'s sentences; it was left out.'),
    ]


def test_a_link_to_a_figure_not_picked_is_left_out_and_said_so():
    built = build_summary(C004, _answer(figures=[PickedFigure(id="f5", label="f5a", part_of="f3")]))
    assert [(f.id, f.part_of) for f in built.summary.figures] == [("f5", None)]
    assert [(f.code, f.path) for f in built.findings] == [("grounded.unpicked_figure", "figures[0].part_of")]
    assert not validate(TEXT, built.summary).errors


def test_a_figure_said_to_be_a_part_of_itself_loses_the_link_and_says_so():
    # An endpoint's JSON Schema cannot rule this out (the embedded model's grammar does): the 270M model served as
    # an endpoint linked every figure it picked to itself, and the cycle check rejected the summary for it.
    answer = _answer(figures=[PickedFigure(id="f3", label="f3a", part_of="f3"),
                              PickedFigure(id="f5", label="f5a", part_of="f3")])
    built = build_summary(C004, answer)
    assert [(f.id, f.part_of) for f in built.summary.figures] == [("f3", None), ("f5", "f3")]
    assert [(f.code, f.severity, f.path, f.message) for f in built.findings] == [
        ("grounded.self_part", "warning", "figures[0].part_of", "f3 was said to be a part of itself; part_of was left "
                                                                 "out.")]
    assert "figure.part_of_cycle" not in {f.code for f in validate(TEXT, built.summary).findings}


def test_the_same_words_picked_twice_are_kept_once():
    candidates = find_candidates(corpus("000"))
    answer = _answer(summary=["s2", "s2", "s5"], events=["s9", "s9"],
                     figures=[PickedFigure(id="f3", label="f3a"), PickedFigure(id="f3", label="f3a")],
                     quotes=[PickedQuote(id="q27a", speaker="젠슨 황"), PickedQuote(id="q27", speaker="젠슨 황"),
                             PickedQuote(id="q27b", speaker="젠슨 황"), PickedQuote(id="q27a", speaker="이재명")])
    built = build_summary(candidates, answer)
    assert built.figure_ids == ("f3",) and built.event_ids == ("s9",)
    assert built.sentence_ids[:2] == ("s2", "s5") and len(set(built.sentence_ids)) == 3
    assert built.quote_ids == ("q27a", "q27b")
    assert [q.text for q in built.summary.quotes] == [
        "한국은 이미 굉장히 깊은 기술 역량을 보유하고 있고 성공한 기업가들도 있다.",
        "이렇게 훌륭한 산업 역량을 지닌 나라는 한국 말고 어디에도 없다"]


def test_a_quotation_with_no_speaker_picked_goes_to_the_one_the_article_gives_it_to():
    built = build_summary(C004, _answer(quotes=[PickedQuote(id="q3")]))
    assert [(q.speaker, q.speaker_role) for q in built.summary.quotes] == [("조준희", "한국인공지능·소프트웨어산업협회장")]


def test_findings_go_back_to_the_model_as_what_it_picked():
    text = corpus("000")
    candidates = find_candidates(text)
    answer = _answer(figures=[PickedFigure(id="f3", label="f3a", part_of="f5"),
                              PickedFigure(id="f5", label="f5a", part_of="f3")],
                     quotes=[PickedQuote(id="q27", speaker="이해진")], events=[])
    built = build_summary(candidates, answer)
    lines = reask_lines(built, validate(text, built.summary))
    assert lines[0] == "- figure f3 part_of: part_of links form a cycle (f3 -> f5 -> f3). A total cannot be part of its own parts."
    assert lines[-1:] == [
        '- quote q27 (한국은 이미 굉장히 깊은 기술 역량을 보유…) speaker: The article gives this quote to 젠슨 황, named as "황 CEO" '
        '("강조했다"), not to "이해진". Set the speaker to "젠슨 황" and speaker_role to "엔비디아 최고경영자(CEO)".',
    ]
