"""Numbers as news writes them: 26만 개, 5만여 장, $1.2bn, three-quarters, 20만t.

``words`` holds the tables (numerals, scales, counters, currencies, qualifier
words), ``patterns`` the regular expressions built from them, ``values`` reads
a match into an exact ``Decimal``, ``context`` gives the qualifier and joins
two numbers into a range, ``scan`` finds every number in a text (the ``Quantity``
type), ``quantities`` is the API (``find_quantities`` for
running text, ``parse_quantity``/``parse_range`` for a text that is one
number), and ``agreement`` says whether reports of a number agree, given their
qualifiers.
"""

from .quantities import (
    Quantity,
    find_quantities,
    is_vague_amount,
    parse_number,
    parse_quantity,
    parse_quantity_or_range,
    parse_range,
)

__all__ = ["Quantity", "find_quantities", "is_vague_amount", "parse_number", "parse_quantity",
           "parse_quantity_or_range", "parse_range"]
