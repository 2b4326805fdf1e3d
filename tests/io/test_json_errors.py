"""A JSON text that ends early (a missing `}` or `]`) is placed at its last character, with what is still open:
not at "column 1" of the next line, as `json` has it."""

import json

import pytest

from summarizer.io.inputs import Unreadable, read_inputs
from summarizer.io.json_errors import json_error


def _error(text: str):
    with pytest.raises(json.JSONDecodeError) as e:
        json.loads(text)
    return json_error(text, e.value)


@pytest.mark.parametrize(("text", "line", "column", "message"), [
    ('{"id": "a", "text": "x"\n', 1, 23, "it ends with an object still open (a missing '}'?)"),
    ('{"a": [1, 2', 1, 11, "it ends with a list still open (a missing ']'?)"),
    ('{\n  "a": [1, 2]\n\n', 2, 13, "it ends with an object still open (a missing '}'?)"),
    ('{"a": "b",\n', 1, 10, "it ends with an object still open (a missing '}'?)"),
    ('{"a": "open\n', 1, 11, "it ends with a string still open (a missing '\"'?)"),
    ('{"a": "}{"', 1, 10, "it ends with an object still open (a missing '}'?)"),
    ("  \n", 1, 1, "there is nothing in it"),
])
def test_a_text_that_ends_early_is_placed_at_its_end(text, line, column, message):
    where = _error(text)
    assert (where.line, where.column, where.message) == (line, column, message)


def test_an_error_inside_the_text_keeps_jsons_place():
    where = _error('{"a": 1,\n  , "b": 2}')
    assert (where.line, where.column, where.message) == (2, 3, "expecting property name enclosed in double quotes")


def test_a_jsonl_line_missing_its_brace_is_reported_at_its_end_through_read_inputs(tmp_path):
    dump = tmp_path / "d.jsonl"
    dump.write_text('{"id": "a", "text": "fine"}\n{"id": "b", "text": "no brace"\n', encoding="utf-8")
    (bad,) = [i for i in read_inputs([str(dump)]) if isinstance(i, Unreadable)]
    assert bad.reason == ("line 2 is not valid JSON: it ends with an object still open (a missing '}'?) at column 30 "
                          "(near '\", \"text\": \"no brace\"'); fix or remove that line")
