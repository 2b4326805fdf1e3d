"""The headline, the summary and the events, sentence by sentence: the article's words and names, in its
language, not cut mid-word. Korean from the bundled articles, English from a news-style passage written for
the tests."""

from summarizer import ArticleSummary, validate
from support.corpus import corpus, fixture_summary

A000 = corpus("000")
ENGLISH = (
    "Jurors spent only about an hour deliberating Tuesday before convicting an Oregon woman of killing two "
    "handymen. The Jackson County jury found Susan Monica guilty of murdering two men about a year apart. "
    "Circuit Judge Tim Barnack sentenced Monica to life in prison. Monica pleaded guilty to abusing a corpse.\n"
    "Prosecutors said Stephen Delicino was killed in 2012. The case will be appealed, the defense said.\n"
)


def found(article: str, summary: str, headline: str = "") -> list[tuple[str, str, str]]:
    report = validate(article, ArticleSummary(headline=headline, summary=summary))
    return [(f.code, f.severity, f.path) for f in report.findings]


def messages(article: str, summary: str) -> list[str]:
    return [f.message for f in validate(article, ArticleSummary(headline="", summary=summary)).findings]


def test_a_paraphrase_in_the_articles_words_stays_verified():
    # Korean: other particles and endings (약속했다 for 약속한 것), the article's words in another order
    assert found(A000, "젠슨 황 엔비디아 CEO가 31일 이재명 대통령을 만나 GPU 26만장 공급을 약속했다.") == []
    # English: "pled guilty" is "pleaded guilty" by lemma, "convicted" is "convicting"
    assert found(ENGLISH, "The jury convicted Susan Monica. Monica pled guilty to abusing a corpse.") == []


def test_a_name_the_article_never_writes_is_an_error_that_names_it():
    text = "기획재보건부가 젠슨 황 엔비디아 CEO를 만나 GPU 26만장 공급 약속을 받았다."
    assert found(A000, text) == [("text.name_not_in_source", "error", "summary")]
    assert messages(A000, text)[0].startswith("'기획재보건부' is not in the article.")
    assert found(ENGLISH, "Judge Tim Barnack sentenced Susan Monica in Lincolnshire.") == [
        ("text.name_not_in_source", "error", "summary")]


def test_an_inserted_fact_is_unsupported_and_the_finding_names_its_words():
    text = "젠슨 황 엔비디아 CEO가 이재명 대통령을 만났다. 양측은 반도체 공장을 짓기로 합의했다."
    assert found(A000, text) == [("text.unsupported", "warning", "summary")]
    (message,) = messages(A000, text)
    assert message.startswith('"양측은 반도체 공장을 짓기로 합의했다.": ')
    assert "'공장'" in message and "'합의'" in message and "are not in the article" in message
    assert found(ENGLISH, "Monica was convicted. She plans to sell her farm to a developer next spring.") == [
        ("text.unsupported", "warning", "summary")]


def test_a_negation_the_article_does_not_write_there_is_unsupported():
    text = "젠슨 황 엔비디아 CEO가 31일 이재명 대통령을 만났지만 GPU 26만장 공급을 약속하지 않았다."
    assert found(A000, text) == [("text.unsupported", "warning", "summary")]
    assert "the article does not say '않' (a negation) there" in messages(A000, text)[0]
    assert found(ENGLISH, "The Jackson County jury did not find Susan Monica guilty.") == [
        ("text.unsupported", "warning", "summary")]


def test_a_field_in_another_language_is_never_verified():
    assert found(A000, "Nvidia promised President Lee 260,000 GPUs.") == [("text.other_language", "error", "summary")]
    assert found(ENGLISH, "수전 모니카가 유죄 판결을 받았다.") == [("text.other_language", "error", "summary")]
    # an article in neither language: its words can't be checked, and the summary says so
    (code,) = found("Журналисты сообщили, что суд признал женщину виновной.", "Суд признал женщину виновной.")
    assert code == ("text.other_language", "warning", "summary")


def test_a_headline_cut_in_the_middle_of_a_word_is_told_where_the_article_goes_on():
    cut = "젠슨 황 엔비디아 최고경영자(CEO)가 31일 이재명 대통령을 만나 26만장의 GPU 공급을 약"
    report = validate(A000, ArticleSummary(headline=cut, summary=""))
    (f,) = report.findings
    assert (f.code, f.severity, f.path) == ("text.cut_off", "warning", "headline")
    assert A000[f.span.start:f.span.end].endswith("공급을 약") and A000[f.span.end] == "속"
    # a headline that ends on a whole word, before a particle, is not cut
    assert found(A000, "", headline="젠슨 황, 이재명 대통령에 GPU 26만장") == []
    assert found(ENGLISH, "", headline="Jackson County jury found Susan Monica gui") == [
        ("text.cut_off", "warning", "headline")]


def test_every_sentence_of_every_hand_checked_summary_is_backed():
    for n in ("000", "001", "002", "003", "004"):
        report = validate(corpus(n), fixture_summary(n))
        assert [f.code for f in report.findings if f.code.startswith("text.")] == [], n


def test_an_event_cut_in_the_middle_of_a_word_is_told_too():
    e = {"description": "젠슨 황 엔비디아 최고경영자(CEO)가 31일 이재명 대통령을 만나 26만장의 GPU 공급을 약"}
    report = validate(A000, ArticleSummary(headline="", summary="", events=[e]))
    assert [(f.code, f.path) for f in report.findings] == [("text.cut_off", "events[0].description")]


def test_a_cut_between_the_parts_of_a_compound_noun_is_mid_word():
    # 002's embedded-model events stop at "국내 인공" of the article's 인공지능 (인공+지능 to the analyser)
    a002 = corpus("002")
    at = a002.index("국내 인공지능")
    e = {"description": a002[a002.rfind("\n", 0, at) + 1 : at + len("국내 인공")].strip()}
    report = validate(a002, ArticleSummary(headline="", summary="", events=[e]))
    assert ("text.cut_off", "events[0].description") in [(f.code, f.path) for f in report.findings]


def test_a_paraphrase_with_words_of_its_own_stays_verified():
    # English: "swiftly" and "Oregon woman's" are the summary's own; nothing is contradicted, no name invented
    assert found(ENGLISH, "An Oregon jury swiftly convicted Susan Monica of killing two handymen.") == []
    # a country by its adjective, a quarter by its short form: the article's China, its third quarter
    article = "Exports from China rose 12% in the third quarter of 2020, officials in Beijing said on Friday."
    assert found(article, "Chinese exports rose 12% in Q3 2020, Beijing officials said.") == []
    # Korean: the article's words, another ending (확대로 for 확대하는)
    a001 = corpus("001")
    assert found(a001, "엔비디아의 GPU 공급 확대로 한국 반도체 기업의 납품 물량이 증가할 것으로 기대된다.") == []


def test_a_word_swapped_for_its_opposite_is_unsupported_and_named():
    text = "The Jackson County jury found Susan Monica innocent of murdering two men."
    assert found(ENGLISH, text) == [("text.unsupported", "warning", "summary")]
    assert "'innocent' is the opposite of what it says there ('guilty')" in messages(ENGLISH, text)[0]
    article = "Exports from China increased 12% in the third quarter of 2020, officials in Beijing said."
    assert found(article, "Chinese exports decreased 12% in the third quarter.") == [
        ("text.unsupported", "warning", "summary")]
    article = article.replace("increased", "rose")  # an irregular past that simplemma leaves as it is
    assert found(article, "Chinese exports fell 12% in the third quarter.") == [("text.unsupported", "warning", "summary")]
    a001 = corpus("001")
    text = "엔비디아의 GPU 공급 확대로 한국 반도체 기업의 납품 물량 감소에 따른 선순환도 기대된다."
    assert found(a001, text) == [("text.unsupported", "warning", "summary")]
    assert "'감소' is the opposite of what it says there ('증가')" in messages(a001, text)[0]


def test_a_negation_must_stand_where_the_article_says_what_it_negates():
    article = ("The company does not expect layoffs this year, its chief executive said. It provides training to "
               "every new employee and pays for their travel.")
    assert found(article, "The company does not expect layoffs this year.") == []
    text = "The company does not provide training to new employees."
    assert found(article, text) == [("text.unsupported", "warning", "summary")]
    assert "the article does not say 'not' (a negation) there" in messages(article, text)[0]


def test_the_article_negating_another_word_of_the_sentence_backs_no_negation():
    # the tune set's scitldr edit: the sentence says "do not help" and "provide", never "not provide"
    article = "Bias terms do not help performance, and these analyses provide interpretations of the network."
    assert found(article, "Bias terms do not help performance.") == []
    assert found(article, "These analyses do not provide interpretations of the network.") == [
        ("text.unsupported", "warning", "summary")]


def test_an_opposite_counts_in_another_sentence_that_says_the_rest():
    # the tune set's "worsens the quality": the passage most words stand in is not the one contradicted
    article = ("We propose a model of variational autoencoders for text modeling. Previous work on text generation "
               "and representations used autoencoders. The model improves the quality of text generation.")
    text = ("We propose a model of variational autoencoders for text modeling which worsens the quality of text "
            "generation and representations.")
    assert found(article, text) == [("text.unsupported", "warning", "summary")]
    assert "'worsens' is the opposite of what it says there ('improve')" in messages(article, text)[0]
    assert found(article, text.replace("worsens", "raises")) == []


def test_a_word_swapped_for_another_of_its_closed_kind_is_unsupported():
    article = "Customers who sign up within 30 days receive a 20% discount on the first invoice."
    assert found(article, "Customers who sign up within 30 days get 20% off their first invoice.") == []
    text = "Customers who sign up within 30 months get 20% off their first invoice."
    assert found(article, text) == [("text.unsupported", "warning", "summary")]
    assert "'months' stands where the passage says 'days'" in messages(article, text)[0]
    article = "Revenue grew 8% in Q3, the company said."
    assert found(article, "Revenue grew 8% in Q4.") == [("text.unsupported", "warning", "summary")]


def test_a_negating_prefix_put_on_or_taken_off_is_unsupported():
    article = ("We extended a tensor decomposition based on non-negative matrix factorization. "
               "An algorithm is introduced for learning with off-policy updates and conditional information.")
    assert found(article, "We extended a tensor decomposition based on non-negative matrix factorization.") == []
    assert found(article, "We extended a tensor decomposition based on negative matrix factorization.") == [
        ("text.unsupported", "warning", "summary")]
    assert found(article, "An algorithm is introduced for learning with on-policy updates.") == [
        ("text.unsupported", "warning", "summary")]
    assert found(article, "An algorithm is introduced for learning with non-conditional information.") == [
        ("text.unsupported", "warning", "summary")]
    # both forms written by the summary: the non-GAAP and the GAAP figures, no swap
    article = "Net income on a non-GAAP basis was $94.8 million, and GAAP net income was $80 million."
    assert found(article, "Net income fell on both a non-GAAP and GAAP basis.") == []


def test_a_korean_name_put_in_the_place_of_another_is_unsupported():
    # the synthetic Korean tune set's name edits: one of the article's names for another, the rest unchanged
    sentence = "이날 이재명 대통령은 APEC정상회의를 계기로 방한한 젠슨 황 엔비디아 최고경영자(CEO)를 만났다."
    assert found(A000, sentence) == []
    text = sentence.replace("이재명 대통령은", "네이버 대통령은")
    assert found(A000, text) == [("text.unsupported", "warning", "summary")]
    assert "'네이버' stands where the passage says '이재명'" in messages(A000, text)[0]
