"""Numbers in the free text: a number the article does not give is told, with the article's nearest one."""

from summarizer import ArticleSummary, validate

ARTICLE = "The council approved $95 million for schools and $12 million for roads. About 300 people attended.\n"


def test_a_number_the_article_lacks_names_the_nearest_it_gives():
    report = validate(ARTICLE, ArticleSummary(headline="", summary="The council approved $59 million for schools."))
    assert [(f.code, f.severity, f.message) for f in report.findings] == [(
        "text.number_not_in_source", "error",
        '"$59 million" (59,000,000) is not a number the article gives, in any notation. The nearest it gives is '
        '"$95 million". Use only the article\'s numbers (it gives $95 million, $12 million, 300). Remove or correct '
        "this one.")]


def test_the_nearest_is_of_the_same_unit_then_the_closest_in_value():
    report = validate(ARTICLE, ArticleSummary(headline="", summary="Some 500 people attended."))
    (f,) = report.findings
    assert 'The nearest it gives is "300".' in f.message


def test_a_number_in_the_text_keeps_its_currency_or_share():
    article = "The program will repair 12,000 homes this year. Rents rose 5% and the fund holds $3 million.\n"

    def told(text):
        report = validate(article, ArticleSummary(headline="", summary=text))
        return [f.message for f in report.findings if f.code == "text.number_not_in_source"]

    assert told("The city will fund $12,000 in capital improvements.") == [
        '"$12,000" is not the article\'s number: it gives 12,000 only as 12,000, not in $. Keep the article\'s unit '
        "or currency with its number, or remove this one."]
    assert told("Rents rose $5.") != []
    # the same money or share in other words, and a count in other words, are the article's
    assert told("The fund holds 3 million dollars and rents rose 5 percent; 12,000 houses will be repaired.") == []


def test_a_currency_in_words_is_the_same_money_as_its_sign_or_code():
    article = "The fine was €1,200, and a ticket cost 28 euros. The city spent ¥5,000 and KRW 1,000 on 300 homes.\n"

    def told(text):
        report = validate(article, ArticleSummary(headline="", summary=text))
        return [f.message for f in report.findings if f.code == "text.number_not_in_source"]

    assert told("The fine was 1,200 euros, a ticket €28; the city spent 5,000 yen and 1,000 won.") == []
    assert told("The fine was EUR 1,200 and the city spent 5,000엔.") == []
    assert told("The fine was 1,200 dollars and a ticket cost £28.") == [
        ('"1,200 dollars" is not the article\'s number: it gives 1,200 only as €1,200, not in $. Keep the article\'s '
         "unit or currency with its number, or remove this one."),
        ('"£28" is not the article\'s number: it gives 28 only as 28 euros, not in £. Keep the article\'s unit '
         "or currency with its number, or remove this one.")]
    assert told("It spent 300 dollars.") != []
