"""The trust layer: everything that checks a summary against its article.

Pure code, with no network and no model: ``textkey`` (normalised search keys
with a map back to the text), ``numbers`` (numbers as news writes them),
``quote_match`` (where a quotation sits), ``source`` (one article, analysed
once) and ``checks`` (``validate``). Nothing here imports a model client; the
import-linter layers contract in pyproject.toml holds that.
"""

from .checks import validate
from .numbers import Quantity, find_quantities, is_vague_amount, parse_number, parse_quantity, parse_range
from .quote_match import QuoteMatch, locate_quote

__all__ = ["Quantity", "QuoteMatch", "find_quantities", "is_vague_amount", "locate_quote", "parse_number",
           "parse_quantity", "parse_range", "validate"]
