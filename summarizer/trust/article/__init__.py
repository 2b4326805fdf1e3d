"""The article itself, analysed once: ``source`` (the text and its lazily built indexes), ``textkey``
(normalised search keys with a map back to the text), ``furniture`` (bylines, captions, other headlines: what
is on the page but not the article) and ``quote_match`` (where a quotation sits in it)."""

from .quote_match import QuoteMatch, locate_quote
from .source import Source

__all__ = ["QuoteMatch", "Source", "locate_quote"]
