"""The trust layer: everything that checks a summary against its article.

Pure code, with no network and no model, in rooms named for what they know:
``numbers`` (numbers as news writes them, and whether reports of one agree),
``article`` (one article analysed once: its search keys, its page furniture,
where a quotation sits), ``people`` (who it names, and who says what),
``checks`` (``validate``: every finding) and ``grounded`` (the candidates a
model picks from, and the summary built from the picks). Nothing here imports
a model client; import-linter contracts in pyproject.toml hold that, and the
order of the rooms.
"""

from .article.quote_match import QuoteMatch, locate_quote
from .checks import validate
from .numbers.quantities import Quantity, find_quantities, is_vague_amount, parse_number, parse_quantity, parse_range

__all__ = ["Quantity", "QuoteMatch", "find_quantities", "is_vague_amount", "locate_quote", "parse_number",
           "parse_quantity", "parse_range", "validate"]
