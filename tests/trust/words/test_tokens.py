"""Content words with particles, endings and inflections taken off: what a summary and its article share."""

from summarizer.trust.words import content_words


def _keys(text, language=None):
    return [(w.key, w.kind) for w in content_words(text, language)]


def test_korean_particles_and_endings_come_off_and_negations_stay():
    assert _keys("정부는 예산을 확보하지 않았다고 밝혔다.") == [
        ("정부", "noun"), ("예산", "noun"), ("확보", "noun"), ("않다", "negation"), ("밝히다", "verb")]
    assert _keys("그는 못 갔다.") == [("못", "negation"), ("가다", "verb")]


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
