"""Content words with particles, endings and inflections taken off: what a summary and its article share."""

from summarizer.trust.words import content_words, terms


def _keys(text, language=None):
    return [(w.key, w.kind) for w in content_words(text, language)]


def test_korean_particles_and_endings_come_off_and_negations_stay():
    assert _keys("정부는 예산을 확보하지 않았다고 발표했다.") == [
        ("정부", "noun"), ("예산", "noun"), ("확보", "noun"), ("않다", "negation"), ("발표", "noun")]
    assert _keys("그는 못 갔다. 돈이 없다.") == [("못", "negation"), ("가다", "verb"), ("돈", "noun"), ("없다", "negation")]


def test_korean_speech_verbs_and_stems_with_no_fact_of_their_own_are_left_out():
    # who said what is the quote check's business: 강조했다 for the article's 말했다 says nothing new
    assert _keys("그는 협력을 강조했다고 밝혔다. 이어 투자가 있다고 말했다. 계획이 됐다.") == [
        ("협력", "noun"), ("투자", "noun"), ("계획", "noun")]
    assert _keys("정부 설명자료를 냈다") == [("정부", "noun"), ("설명", "noun"), ("자료", "noun"), ("내다", "verb")]


def test_latin_words_in_korean_text_are_lemmatized_as_english():
    assert _keys("엔비디아가 GPUs를 보냈고 CEO들이 meetings에 왔다") == [
        ("엔비디아", "name"), ("gpu", "foreign"), ("보내다", "verb"), ("ceo", "foreign"), ("meeting", "foreign"),
        ("오다", "verb")]


def test_the_same_korean_content_in_other_forms_has_the_same_keys():
    a = {w.key for w in content_words("엔비디아가 한국에 GPU를 공급한다.")}
    b = {w.key for w in content_words("엔비디아는 한국으로 GPU 공급을 약속했다.")}
    assert {"엔비디아", "한국", "gpu", "공급"} <= a & b


def test_english_inflections_come_off_and_names_are_kept_as_written():
    words = content_words("Mr. Smith pled guilty. Officials at the Ministry of Health were not told.")
    assert [(w.text, w.key, w.kind) for w in words] == [
        ("Smith", "smith", "name"), ("pled", "plead", "word"), ("guilty", "guilty", "word"),
        ("Officials", "official", "word"), ("Ministry", "ministry", "name"), ("Health", "health", "name"),
        ("not", "not", "negation")]


def test_every_word_indexes_the_text_it_came_from():
    text = "젠슨 황 CEO said Nvidia would supply 260,000 GPUs; 이재명 대통령은 환영했다."
    for language in ("ko", "en", None):
        words = content_words(text, language)
        assert words and all(text[w.start:w.end] == w.text for w in words)


def _terms(text):
    return [(t.text, t.key, t.kind, [w.text for w in t.parts]) for t in terms(text, content_words(text))]


def test_a_korean_compound_is_one_term_and_names_what_is_missing_whole():
    assert _terms("기획재보건부 장관이 인공지능(AI) 수도를 말했다") == [
        ("기획재보건부", "기획재보건부", "name", ["기획재", "보건부"]),
        ("장관", "장관", "noun", ["장관"]),
        ("인공지능", "인공지능", "noun", ["인공", "지능"]),
        ("AI", "ai", "foreign", ["AI"]),
        ("수도", "수도", "noun", ["수도"]),
    ]


def test_an_english_name_of_several_words_is_one_term_and_other_words_stay_apart():
    assert _terms("It took jurors an hour to convict Susan Monica in Jackson County court.") == [
        ("took", "take", "word", ["took"]),
        ("jurors", "juror", "word", ["jurors"]),
        ("hour", "hour", "word", ["hour"]),
        ("convict", "convict", "word", ["convict"]),
        ("Susan Monica", "susan monica", "name", ["Susan", "Monica"]),
        ("Jackson County", "jackson county", "name", ["Jackson", "County"]),
        ("court", "court", "word", ["court"]),
    ]
    assert [t.key for t in terms("Manchester City's win", content_words("Manchester City's win"))] == [
        "manchester city", "win"]
