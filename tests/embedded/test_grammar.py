"""The grammars the embedded model decodes under, checked with llguidance itself.

A byte-level tokenizer stands in for Gemma's: llguidance then says exactly
which texts a grammar lets through, with no model and in milliseconds.
"""

import json

import llguidance
import pytest

from summarizer import ArticleSummary
from summarizer.embedded.grammar import (
    JSON_OBJECT_GRAMMAR,
    MAX_ITEMS,
    MAX_NUMBER,
    MAX_STRING,
    NUMBER_STEP,
    GrammarError,
    checked,
    for_grammar,
    free_text_pattern,
    free_text_regex,
    json_grammar,
)


class _Bytes:
    """A tokenizer whose tokens are the 256 bytes, and an end-of-sequence token."""

    eos_token_id = 256
    bos_token_id = None
    tokens = [bytes([i]) for i in range(256)] + [b"</s>"]
    special_token_ids = [256]

    def __call__(self, text):
        return list(text if isinstance(text, bytes) else text.encode("utf-8"))


TOKENIZER = llguidance.LLTokenizer(llguidance.TokenizerWrapper(_Bytes()))


def accepts(grammar: str, text: str) -> bool:
    """Whether decoding under ``grammar`` can produce exactly ``text``."""
    matcher = llguidance.LLMatcher(TOKENIZER, llguidance.LLMatcher.grammar_from_lark(grammar), log_level=0)
    assert not matcher.is_error(), matcher.get_error()
    return matcher.consume_tokens(TOKENIZER.tokenize_str(text)) and matcher.is_accepting()


def test_schema_is_bounded_and_every_field_required():
    schema = {"type": "object", "properties": {
        "name": {"type": "string"},
        "tags": {"type": "array", "items": {"type": "string", "maxLength": 5}},
        "value": {"type": "number"},
        "count": {"type": "integer", "minimum": 0},
        "kind": {"type": "string", "enum": ["a", "b"]},
    }, "required": ["name"]}
    assert for_grammar(schema) == {"type": "object", "properties": {
        "name": {"type": "string", "maxLength": MAX_STRING},
        "tags": {"type": "array", "items": {"type": "string", "maxLength": 5}, "maxItems": MAX_ITEMS},
        "value": {"type": "number", "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER, "multipleOf": NUMBER_STEP},
        "count": {"type": "integer", "minimum": 0, "maximum": MAX_NUMBER},
        "kind": {"type": "string", "enum": ["a", "b"]},
    }, "required": ["name", "tags", "value", "count", "kind"], "additionalProperties": False}


def test_nested_definitions_are_bounded_too():
    schema = for_grammar(ArticleSummary.model_json_schema())
    figure = schema["$defs"]["Figure"]
    assert figure["required"] == list(figure["properties"])
    assert figure["properties"]["value"]["maximum"] == MAX_NUMBER
    assert schema["properties"]["headline"]["maxLength"] == MAX_STRING
    assert schema["properties"]["figures"]["maxItems"] == MAX_ITEMS
    assert checked(json_grammar(schema))  # llguidance compiles the whole summary schema


def test_json_is_compact_and_follows_the_bounded_schema():
    grammar = json_grammar(for_grammar({"type": "object", "properties": {
        "id": {"enum": ["q1", "q2"]}, "value": {"type": "number"}, "note": {"type": "string", "maxLength": 5}}}))
    verdicts = {text: accepts(grammar, text) for text in [
        '{"id":"q1","value":26,"note":"ok"}',
        '{"id": "q1", "value": 26, "note": "ok"}',       # free whitespace
        '{"id":"q3","value":26,"note":"ok"}',            # not an allowed id
        '{"id":"q1","value":26}',                        # a field left out
        '{"id":"q1","value":26,"note":"ok","x":1}',      # a field made up
        '{"id":"q1","value":1234567890123456789,"note":"ok"}',  # digits without end
        '{"id":"q1","value":1.0000001,"note":"ok"}',     # decimals without end
        '{"id":"q1","value":-2.5,"note":"too long"}',
        '{"id":"q2","value":-2.5,"note":""}',
    ]}
    assert verdicts == {
        '{"id":"q1","value":26,"note":"ok"}': True,
        '{"id": "q1", "value": 26, "note": "ok"}': False,
        '{"id":"q3","value":26,"note":"ok"}': False,
        '{"id":"q1","value":26}': False,
        '{"id":"q1","value":26,"note":"ok","x":1}': False,
        '{"id":"q1","value":1234567890123456789,"note":"ok"}': False,
        '{"id":"q1","value":1.0000001,"note":"ok"}': False,
        '{"id":"q1","value":-2.5,"note":"too long"}': False,
        '{"id":"q2","value":-2.5,"note":""}': True,
    }


def test_json_object_grammar_takes_any_object_only():
    assert accepts(JSON_OBJECT_GRAMMAR, '{"a":[1,{"b":null}]}')
    assert not accepts(JSON_OBJECT_GRAMMAR, "[1]")


def test_free_text_admits_only_the_articles_numbers():
    pattern = free_text_pattern(["2025", "26", "260,000", "3.5"])
    grammar = json_grammar({"type": "string", "pattern": pattern, "maxLength": 80})
    texts = {
        "In 2025, 26 firms got 260,000 GPUs.": True,
        "엔비디아는 GPU 26만 장을 공급한다": True,
        "up 3.5%": True,
        "it rose 26.": True,
        "no numbers at all": True,
        "27 firms": False,       # not in the article
        "260 GPUs": False,       # a prefix of 260,000 is another number
        "26,000 GPUs": False,    # 26 with more digits after the separator
        "26.5 points": False,
        "3.6 points": False,
        "2025년 11월": False,    # 11 is not in the article
        "1": False,
    }
    assert {t: accepts(grammar, json.dumps(t, ensure_ascii=False)) for t in texts} == texts


def test_free_text_with_no_numbers_allowed_has_no_digits():
    grammar = json_grammar({"type": "string", "pattern": free_text_pattern([])})
    assert accepts(grammar, '"none here"')
    assert not accepts(grammar, '"4 here"')


def test_free_text_numbers_must_be_digit_runs():
    with pytest.raises(ValueError, match="26만"):
        free_text_pattern(["26", "26만"])


def test_a_broken_grammar_is_refused_with_llguidances_message():
    assert checked('%llguidance {}\nstart: "a" | "b"') == '%llguidance {}\nstart: "a" | "b"'
    with pytest.raises(GrammarError, match='unknown name: "foo"'):
        checked("%llguidance {}\nstart: foo")
    with pytest.raises(GrammarError, match="Invalid type: nonsense"):
        checked(json_grammar({"type": "nonsense"}))


def test_gbnf_is_left_to_llama_cpp():
    assert checked('root ::= "yes" | "no"') == 'root ::= "yes" | "no"'


def test_free_text_inside_a_lark_json_string_stays_a_json_string():
    regex = free_text_regex(["26", "2025"], in_json_string=True)
    grammar = f'%llguidance {{}}\nstart: "{{\\"summary\\":\\"" SUMMARY "\\"}}"\nSUMMARY: /{regex}/'
    texts = {
        '{"summary":"In 2025, 26 firms."}': True,
        '{"summary":"27 firms"}': False,
        '{"summary":"a "quote" 26"}': False,   # would end the JSON string early
        '{"summary":"a \\\\ 26"}': False,
        '{"summary":"line\nbreak"}': False,
    }
    assert {t: accepts(grammar, t) for t in texts} == texts
