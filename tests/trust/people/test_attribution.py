"""speaker_of(): who the article gives each quotation to, as Korean and English news write it."""

import pytest
from support.speakers import article, truth

from summarizer import ArticleSummary, validate
from summarizer.trust.article.source import Source
from summarizer.trust.people import people
from summarizer.trust.people.attribution import Attribution, speaker_of


def attribute(text: str, quote: str, nth: int = 0):
    at = -1
    for _ in range(nth + 1):
        at = text.index(quote, at + 1)
    got = speaker_of(Source(text), at, at + len(quote))
    if got is None:
        return None
    cue = text[got.cue[0] : got.cue[1]] if got.cue else None
    return got.person.name, got.how, text[got.mention[0] : got.mention[1]], cue


@pytest.mark.parametrize("name", sorted(k for k in truth() if not k.startswith("_")))
def test_every_quotation_goes_to_its_true_speaker(name):
    text = article(name)
    src = Source(text)
    wrong = []
    for quote, speaker in truth()[name]["quotes"]:
        at = text.index(quote)
        got = speaker_of(src, at, at + len(quote))
        if got is None or got.person.name != speaker:
            wrong.append((quote, speaker, got and got.person.name))
    # A quotation standing alone as a sub-heading names nobody: it is left unattributed, not guessed.
    assert wrong == ([("대한민국, AI 수도로 거듭날 것", "이재명", None)] if name == "001" else [])


def test_korean_quotes_run_on_through_continuation_words():
    text = article("003")
    assert attribute(text, "정부의 치열한 노력으로") == ("조준희", "carried", "조 회장", "마무리했다")  # 그러면서
    assert attribute(text, "트럼프 대통령이 'APEC") == ("조준희", "carried", "조준희", "운을")  # 그는, two paragraphs on
    assert attribute(text, "우리가 GPU와 소프트웨어") == ("이승현", "carried", "이 국장", "관측했다")  # 그러면서도
    assert attribute(text, "엔비디아와의 협력은 단순한") == ("이승현", "cue", "이 국장", "평가했다")


def test_the_next_named_speaker_breaks_the_chain():
    text = article("000")
    # 이어 "..."고 하자 젠슨 황은 "..."고 말했다: one sentence, two speakers
    assert attribute(text, "저도 그 자리에 있었어야 했다") == ("이재명", "carried", "이 대통령", "하자")
    assert attribute(text, "여러분 들었느냐") == ("젠슨 황", "cue", "젠슨 황", "말했다")
    assert attribute(text, "한국은 E-스포츠의 산지") == ("젠슨 황", "carried", "황 CEO", "평가했다")


def test_the_subject_speaks_not_the_object():
    text = article("002")  # 이 대통령은 ... 황 CEO를 만나 "..."라며
    assert attribute(text, "대한민국의 목표는 아태 지역의") == ("이재명", "cue", "이 대통령", "말했다")


def test_headlines_give_the_quote_to_the_name_before_it():
    assert attribute(article("000"), "한국, 세계 AI 중심지 될 것") == ("젠슨 황", "preceding", "젠슨 황", None)
    assert attribute(article("000"), "투자로 골든벨") == ("이재명", "preceding", "李대통령", None)
    assert attribute(article("004"), "정부와 주요 대기업 원팀돼") == ("조준희", "preceding", "조준희", None)


def test_quotes_in_page_furniture_belong_to_nobody():
    text = article("002")  # the list of latest headlines at the foot of the page
    assert attribute(text, "목소리 어우러져 만파식적 선율로 거듭날 것") is None


def test_english_cue_verbs_pronouns_and_according_to():
    text = article("en-chips")
    assert attribute(text, "Korea has everything") == ("Jensen Huang", "cue", "Huang", "told")
    assert attribute(text, "We are going to build it") == ("Jensen Huang", "preceding", "Huang", None)
    assert attribute(text, "This is a turning point") == ("Lee Jae-myung", "carried", "Lee", "said")
    assert attribute(text, "Our fabs will run") == ("Lee Jae-yong", "carried", "Lee Jae-yong", "said")
    assert attribute(text, "secures the supply") == ("Chey Tae-won", "cue", "Chey Tae-won", "According to ")
    assert attribute(text, "It is a good day") == ("Park Min-su", "cue", "Park Min-su", "said")
    assert attribute(text, "The question is whether") == ("Park Min-su", "carried", "Park Min-su", None)
    text = article("en-bridge")
    assert attribute(text, "The people who live") == ("Tom Alvarez", "cue", "Tom Alvarez", "said")
    assert attribute(text, "You cannot fix traffic") == ("Tom Alvarez", "preceding", "Alvarez", None)
    assert attribute(text, "Nothing changes for the 14") == ("Linda Cho", "carried", "Linda Cho", "said")


def test_a_part_of_a_quotation_has_the_whole_quotations_speaker():
    text = article("003")
    src = Source(text)
    at = text.index("이번 협력으로 우리나라는")
    whole = speaker_of(src, at, at + 40)
    assert isinstance(whole, Attribution) and whole.person.name == "이승현"
    assert speaker_of(src, at + 5, at + 20) == whole


def test_no_one_named_means_no_speaker():
    assert speaker_of(Source('"우리는 준비됐다"고 관계자가 말했다.'), 1, 8) is None


@pytest.mark.parametrize("opener", ["Now", "But", "Then", "Still", "Meanwhile", "Does"])
def test_a_word_opening_the_sentence_is_not_part_of_the_name(opener):
    text = ("Democratic strategist Donna Brazile spoke to donors on Tuesday.\n\n"
            f'{opener} Brazile said the party was "ready for a long fight with anyone who doubts us," '
            "and she left for Ohio.\n")
    names = [p.name for p in people(Source(text))]
    assert names == ["Donna Brazile"]
    assert attribute(text, "ready for a long fight")[0] == "Donna Brazile"


def test_english_speakers_past_a_long_role_an_adverb_or_another_name():
    text = ("Former Pennsylvania Gov. Ed Rendell and Sen. Pat Toomey met in Harrisburg. Donald Trump was not there.\n\n"
            '"That is what he did in 2008," said former Pennsylvania Gov. and party chairman Ed Rendell.\n\n'
            '"They would have gone to the only bill with support," Toomey fumed on Tuesday.\n\n'
            '"The contracts are binding," Trump spokesperson Ron Lieberman told reporters.\n\n'
            'Rendell once said: "Turnout is everything in this state."\n')
    assert attribute(text, "That is what he did")[:2] == ("Ed Rendell", "cue")
    assert attribute(text, "They would have gone")[:2] == ("Pat Toomey", "cue")
    assert attribute(text, "The contracts are binding")[:2] == ("Ron Lieberman", "cue")
    assert attribute(text, "Turnout is everything")[:2] == ("Ed Rendell", "cue")


def test_a_name_a_cue_verb_ties_to_the_quote_speaks_though_the_article_tells_no_more_of_them():
    # Nakatani is named only here: the quote is his, not the last person named before it
    text = ("Defense Secretary Ash Carter told the forum that Washington would stay in the region.\n\n"
            '"No country can be an outsider of this issue," Nakatani said.\n')
    assert attribute(text, "No country can be")[:3] == ("Nakatani", "cue", "Nakatani")
    summary = ArticleSummary(headline="", summary="", quotes=[{"text": "No country can be an outsider of this issue",
                                                              "speaker": "Ash Carter"}])
    assert [f.code for f in validate(text, summary).findings] == ["quote.misattributed"]


def speaker_findings(text: str, quote: str, speaker: str) -> list[str]:
    summary = ArticleSummary(headline="", summary="", quotes=[{"text": quote, "speaker": speaker}])
    return [f.code for f in validate(text, summary).findings if f.code.startswith("quote.")]


def test_an_unclear_sentence_accuses_no_speaker_it_names_but_a_cue_verb_still_does():
    # "called" says nothing of speech: Jacobs or Merkel may be the one quoted, so Jacobs is not accused ...
    text = ("Chancellor Angela Merkel spoke in Berlin on Monday. Ed Jacobs, a German lawmaker, was in the hall.\n\n"
            "Later Jacobs called Merkel “the most cautious leader in the history of the republic.”\n\n"
            "“We will not be rushed into anything,” Merkel said.\n")
    unclear, cued = "the most cautious leader in the history of the republic.", "We will not be rushed into anything"
    assert attribute(text, unclear)[:2] == ("Angela Merkel", "preceding")
    assert speaker_findings(text, unclear, "Ed Jacobs") == []
    assert speaker_findings(text, unclear, "Angela Merkel") == []
    # ... but a cue verb ties the other quote to Merkel: Jacobs is accused there.
    assert speaker_findings(text, cued, "Ed Jacobs") == ["quote.misattributed"]
    assert speaker_findings(text, cued, "Angela Merkel") == []


def test_the_name_that_ends_the_role_after_a_cue_verb_is_the_speaker():
    text = ("Hillary Clinton spoke on Monday.\n\n"
            "“David is a longtime friend of mine,” said Clinton ally James Carville. “He might be sincere.”\n\n"
            "“It is going well,” said Air Force 1st Lt. Tyler Livingston.\n")
    assert attribute(text, "David is a longtime friend of mine")[0] == "James Carville"
    assert attribute(text, "It is going well")[0] == "Tyler Livingston"
    assert speaker_findings(text, "David is a longtime friend of mine", "Hillary Clinton") == ["quote.misattributed"]


def test_a_cue_verb_that_ends_the_sentence_names_the_speaker_of_a_quote_in_its_middle():
    text = ("Clinton won Ohio in 2008.\n\n"
            "Clinton “drew quite well from working-class Democrats” in the primary, said Ohio State University "
            "professor Paul Beck.\n\n"
            "“We should get rid of superdelegates entirely,” said Sen. Jeff Merkley of Oregon, the only senator "
            "to endorse Sanders.\n")
    assert attribute(text, "drew quite well from working-class Democrats")[:2] == ("Paul Beck", "cue")
    assert attribute(text, "We should get rid of superdelegates entirely")[0] == "Jeff Merkley"


def test_a_quotation_that_ends_with_a_full_stop_ends_its_sentence():
    text = ("Senate Majority Leader Harry Reid minced no words about trade authority: \"I'm not only no, I'm hell "
            "no.\" If Hillary Clinton wants to prove she's a populist, now's her chance.\n")
    quote = "I'm not only no, I'm hell no."
    assert speaker_findings(text, quote, "Hillary Clinton") == ["quote.misattributed"]
    assert speaker_findings(text, quote, "Harry Reid") == []


def test_a_cue_verb_that_introduces_the_next_quote_does_not_claim_the_one_before():
    # the cue after the first quote opens the second ("Mills then writes back, “…”"; "Trump said: “…”"; "and Donald
    # Trump says he's “…”"): the first is not tied to Mills, Trump or Donald Trump, so its true speaker is not accused
    text = ("Hillary Clinton and her chief of staff Cheryl Mills traded e-mails.\n\n"
            "Clinton responds to Mills with, “Why now? That was on my way to Libya?” Mills then writes back, "
            "“You look cute.”\n\n"
            "After Antonin Scalia said that some students might do better at \"less advanced schools,\" Donald Trump "
            "said: \"I don't like what he said.\"\n\n"
            "Ted Cruz accuses Obama of “leading from behind” and Donald Trump says he's “losing the war on terror.”\n")
    assert speaker_findings(text, "Why now? That was on my way to Libya?", "Hillary Clinton") == []
    assert speaker_findings(text, "You look cute.", "Hillary Clinton") == ["quote.misattributed"]
    assert speaker_findings(text, "less advanced schools,", "Antonin Scalia") == []
    assert speaker_findings(text, "leading from behind", "Ted Cruz") == []
    assert speaker_findings(text, "losing the war on terror.", "Ted Cruz") == ["quote.misattributed"]


def test_a_name_opening_a_clause_of_its_own_after_the_quote_is_not_its_speaker():
    text = ("Jason Sims, a teacher, spoke of Gov. Nikki Haley.\n\n"
            "Sims says he was “kind of riding the fence” until Haley said she was backing Rubio.\n\n"
            "“Very good reporter,” Trump said when Matthew Boyle asked him a question.\n")
    assert speaker_findings(text, "kind of riding the fence", "Jason Sims") == []
    assert attribute(text, "Very good reporter")[:3] == ("Trump", "cue", "Trump")


def test_a_long_role_before_the_speaker_after_a_quote():
    text = ("Jillian Soto spoke first.\n\n"
            "“Senator Sanders voted twice to protect gun dealers,” New York City Public Advocate Trish James said. "
            "“Bernie stands with the gun industry.”\n")
    assert speaker_findings(text, "Senator Sanders voted twice to protect gun dealers", "Trish James") == []
    assert speaker_findings(text, "Senator Sanders voted twice to protect gun dealers", "Jillian Soto") == [
        "quote.misattributed"]


def test_after_a_full_stop_only_a_speech_verb_goes_on_with_the_quotes_sentence():
    text = ("Paul Ryan spoke in 2012. In the depths of the Great Recession, Paul Ryan worried that the safety net was "
            "becoming “a hammock that lulls able-bodied people.” Unemployment had spiked not because of a crisis.\n")
    assert speaker_findings(text, "a hammock that lulls able-bodied people.", "Paul Ryan") == []


def test_an_organisations_words_end_a_role_before_the_speakers_full_name():
    text = ("Bill Clinton campaigned in Columbia.\n\n"
            "“This is the secret weapon she has,” said South Carolina Democratic Party Chairman Jaime Harrison.\n")
    assert attribute(text, "This is the secret weapon she has")[:2] == ("Jaime Harrison", "cue")
    assert speaker_findings(text, "This is the secret weapon she has", "Bill Clinton") == ["quote.misattributed"]


def test_a_name_after_the_qualifies_a_noun_and_speaks_no_quote():
    text = ("Gov. Rick Scott set the standards. Carlos Lopez-Cantera is running for the Senate.\n\n"
            "“No government is ever going to get it perfect,” Lopez-Cantera said when asked about the standards, "
            "which were developed under the Scott administration. “The job of policymakers is to keep at it.”\n")
    assert speaker_findings(text, "The job of policymakers is to keep at it.", "Carlos Lopez-Cantera") == []


def test_a_quotation_ending_with_a_question_goes_on_past_an_appositive_to_its_cue():
    text = ("Bill Clinton campaigned here in 1992. Eva Miller, a volunteer, works the phones.\n\n"
            "\"I am calling from the campaign. How are you today?\" Miller, a retired worker from a nuclear plant, "
            "said pleasantly into the phone.\n")
    assert attribute(text, "I am calling from the campaign. How are you today?")[:2] == ("Eva Miller", "cue")
