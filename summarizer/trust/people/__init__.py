"""Who the article names and who says what: ``persons`` (people, their roles and every mention; Korean and,
through ``english``, English patterns), ``mention_spans`` (an index of mentions), ``attribution`` (who the
article gives each quotation to) and ``lexicon`` (titles, honorifics, particles, speech verbs)."""

from .attribution import Attribution, speaker_of
from .persons import Person, name_tokens, people

__all__ = ["Attribution", "Person", "name_tokens", "people", "speaker_of"]
