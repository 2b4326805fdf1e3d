"""The words of a text, as the support checks and grounded mode need them: which language it is in, its
sentences, and its content words (nouns, names, verbs, adjectives, numbers) with Korean particles and endings
and English inflections taken off.

``language`` (by script, no model), ``korean`` (kiwipiepy's morphemes, loaded once), ``english`` (simplemma's
lemmas), ``sentences`` (spans of the text, Korean and English). Pure code: no network, no model client.
"""

from .language import language_of
from .sentences import Sentence, sentences
from .tokens import Term, Word, content_words, terms

__all__ = ["Sentence", "Term", "Word", "content_words", "language_of", "sentences", "terms"]
