"""Which language a text is in, by its letters."""

import pytest

from summarizer.trust.words import language_of
from support.corpus import corpus


@pytest.mark.parametrize("n", ["000", "001", "002", "003", "004"])
def test_every_bundled_article_is_korean(n):
    assert language_of(corpus(n)) == "ko"


@pytest.mark.parametrize(("text", "language"), [
    ("엔비디아가 GPU 26만 장을 공급한다", "ko"),          # Korean with a Latin term
    ("Nvidia will supply 260,000 GPUs to Korea", "en"),
    ("Nvidia will supply 260,000 GPUs to 한국", "en"),     # one Korean word in an English sentence
    ("英伟达将向韩国供应26万个GPU", "other"),
    ("Nvidia поставит Корее 260 000 GPU", "other"),
    ("Café résumé naïve", "en"),                          # Latin letters with accents are Latin
    ("26만", None),                                        # too few letters to tell
    ("", None),
])
def test_the_language_is_read_from_the_letters(text, language):
    assert language_of(text) == language
