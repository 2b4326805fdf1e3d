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
