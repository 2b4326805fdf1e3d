"""A figure's label is what the article says around that figure."""

from summarizer import ArticleSummary, validate
from support.corpus import corpus

A004 = corpus("004")
ENGLISH = ("The city will spend $12,000 on new benches for the park. Officials said 300 residents signed the "
           "petition last year.\n")


def labelled(article: str, label: str, text: str, value: float, unit: str | None) -> list[tuple[str, str, str]]:
    s = ArticleSummary(headline="", summary="", figures=[
        {"id": "f1", "label": label, "value": value, "unit": unit, "text": text, "qualifier": "approx"
         if text == "5만장" else "exact"}])
    return [(f.code, f.severity, f.path) for f in validate(article, s).findings]


def test_a_label_in_the_words_around_its_figure_is_backed():
    # "정부는 이 가운데 약 5만장을 공공 부문에": 5만장 is about 공공 부문
    assert labelled(A004, "공공 부문에 공급하는 GPU", "5만장", 50000, "장") == []
    assert labelled(ENGLISH, "residents who signed the petition", "300", 300, None) == []


def test_a_label_the_article_does_not_give_that_figure_is_unsupported():
    assert labelled(A004, "반도체 수출 감소량", "5만장", 50000, "장") == [
        ("figure.label_unsupported", "warning", "figures[0].label")]
    assert labelled(ENGLISH, "friend", "300", 300, None) == [
        ("figure.label_unsupported", "warning", "figures[0].label")]


def test_a_label_in_another_language_or_with_an_invented_name_is_an_error():
    assert labelled(A004, "friend", "5만장", 50000, "장") == [("text.other_language", "error", "figures[0].label")]
    assert labelled(ENGLISH, "benches for Lincoln Park", "$12,000", 12000, "$") == [
        ("text.name_not_in_source", "error", "figures[0].label"),
        ("figure.label_unsupported", "warning", "figures[0].label")]


def test_the_finding_quotes_what_the_article_says_around_the_figure():
    s = ArticleSummary(headline="", summary="", figures=[
        {"id": "f1", "label": "friend", "value": 300, "text": "300"}])
    (f,) = validate(ENGLISH, s).findings
    assert f.message == ('"friend" is not what the article says 300 counts: around it, it says "Officials said 300 '
                         'residents signed the petition last year.". Label the figure with the words the article '
                         "uses for it.")


def test_words_the_article_writes_elsewhere_are_no_label_of_this_figure():
    # the embedded model's label of 1만장 in 004: every word is the article's, none is in 1만장's sentence
    # ("정부는 당초 올해 말까지 GPU 1만장, 2028년 5만장, 2030년 20만장 이상을 확보해...")
    assert labelled(A004, "가장 큰 인공지능 인프라", "1만장", 10000, "장") == [
        ("figure.label_unsupported", "warning", "figures[0].label")]
    assert labelled(A004, "정부가 올해 말까지 확보하려던 GPU", "1만장", 10000, "장") == []
