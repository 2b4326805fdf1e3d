"""The OpenAI-compatible adapter in front of the embedded model, with a scripted engine.

These tests are about the HTTP layer: what the openai SDK sends, what the
engine is asked to do, and what comes back. The real model runs in
test_engine.py.
"""

import asyncio
import json
import threading

import openai
import pytest

from summarizer import ArticleSummary
from summarizer.embedded import EMBEDDED_BASE_URL, EMBEDDED_MODEL, LocalServer, local_async_http_client, local_http_client
from summarizer.embedded.engine import Cancelled, ContextOverflow, EngineError, Generation
from summarizer.embedded.grammar import JSON_OBJECT_GRAMMAR, for_grammar, json_grammar
from summarizer.embedded.prompt import render_prompt
from summarizer.model.prompts import load_prompts

ANSWER = '{"headline": "h", "summary": "s", "events": [], "figures": [], "quotes": []}'
LARK = '%llguidance {}\nstart: "The capital is " CITY "."\nCITY: "Seoul" | "Busan"'
SCHEMA = {"type": "object", "properties": {"city": {"enum": ["Seoul", "Busan"]}}}
TOOL = {"type": "function", "function": {"name": "Answer", "parameters": SCHEMA}}
HI = [{"role": "user", "content": "hi"}]


class ScriptedEngine:
    """Stands in for llama.cpp: answers ``text`` (or raises ``error``), recording every call."""

    def __init__(self, text=ANSWER, finish="stop", error=None):
        self.text, self.finish, self.error = text, finish, error
        self.calls = []

    def generate(self, prompt, *, max_tokens, grammar=None, cancel=None):
        self.calls.append({"prompt": prompt, "max_tokens": max_tokens, "grammar": grammar})
        if self.error is not None:
            raise self.error
        return Generation(self.text, self.finish, 11, 7)


def client(engine, **kw):
    server = LocalServer(lambda: engine, **kw)
    return openai.OpenAI(base_url=EMBEDDED_BASE_URL, api_key="x", http_client=local_http_client(server), max_retries=0)


def ask(engine, **kw):
    return client(engine).chat.completions.create(model=EMBEDDED_MODEL, **{"messages": HI, **kw})


def test_json_schema_response_format_decodes_under_the_bounded_schema():
    engine = ScriptedEngine()
    schema = ArticleSummary.model_json_schema()
    completion = ask(engine, max_tokens=50,
                     response_format={"type": "json_schema", "json_schema": {"name": "S", "schema": schema}})
    assert completion.model_dump(exclude_none=True) == {
        "id": "chatcmpl-local-1", "object": "chat.completion", "created": 0, "model": EMBEDDED_MODEL,
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": ANSWER}}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
    }
    assert engine.calls == [{"prompt": render_prompt(HI, "chat"), "max_tokens": 50,
                             "grammar": json_grammar(for_grammar(schema))}]


def test_a_forced_tool_is_decoded_under_its_parameters_and_answered_as_a_tool_call():
    engine = ScriptedEngine('{"city":"Seoul"}')
    completion = ask(engine, tools=[TOOL], tool_choice={"type": "function", "function": {"name": "Answer"}})
    choice = completion.choices[0]
    assert choice.finish_reason == "tool_calls" and choice.message.content is None
    assert [(c.function.name, c.function.arguments) for c in choice.message.tool_calls] == [("Answer", '{"city":"Seoul"}')]
    assert engine.calls[0]["grammar"] == json_grammar(for_grammar(SCHEMA))


def test_tool_choice_required_with_one_tool_calls_it():
    engine = ScriptedEngine('{"city":"Busan"}')
    completion = ask(engine, tools=[TOOL], tool_choice="required")
    assert completion.choices[0].message.tool_calls[0].function.name == "Answer"


def test_tools_the_model_is_not_made_to_call_leave_a_text_answer():
    engine = ScriptedEngine("Seoul.")
    completion = ask(engine, tools=[TOOL])
    assert completion.choices[0].message.content == "Seoul." and not completion.choices[0].message.tool_calls
    assert engine.calls[0]["grammar"] is None


def test_a_grammar_from_extra_body_is_used_as_it_is():
    engine = ScriptedEngine("The capital is Seoul.")
    completion = ask(engine, extra_body={"grammar": LARK})
    assert completion.choices[0].message.content == "The capital is Seoul."
    assert engine.calls[0]["grammar"] == LARK


def test_a_grammar_overrides_the_tool_schema_and_the_answer_is_still_a_tool_call():
    engine = ScriptedEngine('{"city":"Seoul"}')
    grammar = '%llguidance {}\nstart: "{\\"city\\":\\"Seoul\\"}"'
    completion = ask(engine, tools=[TOOL], tool_choice="required", extra_body={"grammar": grammar})
    assert completion.choices[0].message.tool_calls[0].function.arguments == '{"city":"Seoul"}'
    assert engine.calls[0]["grammar"] == grammar


@pytest.mark.parametrize(("extra", "param", "message"), [
    ({"extra_body": {"grammar": "%llguidance {}\nstart: foo"}}, "grammar", 'unknown name: "foo"'),
    ({"extra_body": {"grammar": ""}}, "grammar", "must be a non-empty grammar"),
    ({"response_format": {"type": "json_schema", "json_schema": {"name": "S", "schema": {"type": "nonsense"}}}},
     "response_format", "Invalid type: nonsense"),
    ({"response_format": {"type": "yaml"}}, "response_format", "unknown response_format type 'yaml'"),
    ({"tools": [TOOL], "tool_choice": {"type": "function", "function": {"name": "Other"}}}, "tool_choice",
     "`Other`, which is not among the tools"),
    ({"tools": [TOOL, {"type": "function", "function": {"name": "B"}}], "tool_choice": "required"}, "tool_choice",
     "name the one to call"),
    ({"max_tokens": 0}, "max_tokens", "1 or more"),
    ({"n": 2}, "n", "one answer per request"),
])
def test_a_request_that_cannot_be_served_is_a_400_before_the_model_runs(extra, param, message):
    engine = ScriptedEngine()
    with pytest.raises(openai.BadRequestError) as e:
        ask(engine, **extra)
    assert e.value.body["param"] == param
    assert message in e.value.body["message"]
    assert engine.calls == []


def test_json_object_response_format_takes_any_object():
    engine = ScriptedEngine('{"a":1}', finish="length")
    completion = ask(engine, response_format={"type": "json_object"})
    assert completion.choices[0].finish_reason == "length"
    assert engine.calls[0]["grammar"] == JSON_OBJECT_GRAMMAR


def test_an_unknown_model_is_a_404_in_openais_shape():
    with pytest.raises(openai.NotFoundError, match="does not exist") as e:
        client(ScriptedEngine()).chat.completions.create(model="gpt-9", messages=HI)
    assert e.value.body == {"message": "The model `gpt-9` does not exist; the embedded model is "
                                       f"`{EMBEDDED_MODEL}`.", "type": "invalid_request_error", "param": "model",
                            "code": "model_not_found"}


def test_context_overflow_is_a_400_context_length_exceeded():
    engine = ScriptedEngine(error=ContextOverflow(9000, 8192))
    with pytest.raises(openai.BadRequestError) as e:
        ask(engine, max_tokens=1000)
    assert e.value.code == "context_length_exceeded"
    assert "maximum context length is 8192 tokens. However, you requested 9000 tokens (8000 in the messages, " \
           "1000 in the completion)" in str(e.value)


def test_engine_refusals_keep_their_status_and_a_stopped_generation_is_a_503():
    with pytest.raises(openai.BadRequestError, match="failed to parse grammar"):
        ask(ScriptedEngine(error=EngineError(400, "Failed to initialize samplers: failed to parse grammar")))
    with pytest.raises(openai.InternalServerError) as e:
        ask(ScriptedEngine(error=Cancelled("the embedded model is closed")))
    assert e.value.status_code == 503 and e.value.code == "cancelled"


def test_streaming_is_refused_rather_than_faked():
    with pytest.raises(openai.BadRequestError, match="does not stream"):
        ask(ScriptedEngine(), stream=True)


def test_other_routes_are_404_and_models_lists_the_embedded_model():
    c = client(ScriptedEngine())
    assert [m.id for m in c.models.list().data] == [EMBEDDED_MODEL]
    with pytest.raises(openai.NotFoundError):
        c.completions.create(model=EMBEDDED_MODEL, prompt="x")


async def _async_ask(server, **kw):
    c = openai.AsyncOpenAI(base_url=EMBEDDED_BASE_URL, api_key="x", http_client=local_async_http_client(server),
                           max_retries=0)
    return await c.chat.completions.create(model=EMBEDDED_MODEL, messages=HI, **kw)


def test_async_client_goes_through_the_asgi_adapter():
    engine = ScriptedEngine()
    completion = asyncio.run(_async_ask(LocalServer(lambda: engine), response_format={"type": "json_object"}))
    assert json.loads(completion.choices[0].message.content)["headline"] == "h"


class WaitingEngine:
    """Generates until it is cancelled, as a long answer would."""

    def __init__(self):
        self.started = threading.Event()
        self.cancelled = threading.Event()

    def generate(self, prompt, *, max_tokens, grammar=None, cancel=None):
        self.started.set()
        if cancel.wait(timeout=30):
            self.cancelled.set()
            raise Cancelled("the generation was cancelled")
        return Generation("never cancelled", "stop", 1, 1)


def test_cancelling_an_async_request_stops_its_generation():
    engine = WaitingEngine()

    async def go():
        task = asyncio.create_task(_async_ask(LocalServer(lambda: engine)))
        await asyncio.to_thread(engine.started.wait, 10)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(go())
    assert engine.cancelled.wait(timeout=10)


@pytest.mark.parametrize("template", ["chat", "completion"])
def test_prompt_templates_keep_the_article_last(template):
    prompt = render_prompt(load_prompts().messages("ARTICLE-TEXT"), template)
    assert prompt.rstrip().endswith(("<start_of_turn>model", "### Output"))
    assert prompt.index("ARTICLE-TEXT") > prompt.index(load_prompts().example_summary[:40])


def test_chat_template_folds_system_messages_into_the_first_user_turn():
    messages = [{"role": "system", "content": "S"}, {"role": "developer", "content": "D"},
                {"role": "user", "content": [{"type": "text", "text": "U1"}]},
                {"role": "assistant", "content": None, "tool_calls": [
                    {"id": "c", "type": "function", "function": {"name": "A", "arguments": '{"a":1}'}}]},
                {"role": "user", "content": "U2"}]
    assert render_prompt(messages, "chat") == (
        "<start_of_turn>user\nS\n\nD\n\nU1<end_of_turn>\n<start_of_turn>model\n{\"a\":1}<end_of_turn>\n"
        "<start_of_turn>user\nU2<end_of_turn>\n<start_of_turn>model\n")
    assert render_prompt([{"role": "system", "content": "S"}], "chat") == (
        "<start_of_turn>user\nS<end_of_turn>\n<start_of_turn>model\n")
