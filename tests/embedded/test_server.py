"""The embedded model behind its OpenAI-compatible, in-process endpoint."""

import json

import instructor
import openai
import pytest

from summarizer import ArticleSummary
from summarizer.embedded import (
    EMBEDDED_BASE_URL,
    EMBEDDED_MODEL,
    LocalServer,
    local_async_http_client,
    local_http_client,
)
from summarizer.embedded.engine import ContextOverflow, Generation
from summarizer.embedded.server import MAX_ITEMS, MAX_STRING, for_grammar, render_prompt
from summarizer.model.prompts import load_prompts
from support.corpus import SHORT


@pytest.fixture(scope="module")
def real_server():
    return LocalServer()


def test_the_real_model_answers_in_the_response_model(real_server):
    """Runs Gemma 3 270M for real on a two-line article (about 15 s on 2 cores)."""
    client = openai.OpenAI(base_url=EMBEDDED_BASE_URL, api_key="embedded", http_client=local_http_client(real_server),
                           max_retries=0)
    structured = instructor.from_openai(client)
    summary, completion = structured.chat.completions.create_with_completion(
        model=EMBEDDED_MODEL, response_model=ArticleSummary, messages=load_prompts().messages(SHORT),
        max_tokens=1024, max_retries=0,
    )
    assert completion.choices[0].finish_reason == "tool_calls"
    assert completion.usage.completion_tokens > 0
    arguments = completion.choices[0].message.tool_calls[0].function.arguments
    # what the model wrote is what came back, field for field
    assert ArticleSummary.model_validate_json(arguments).model_dump() == summary.model_dump()


class FakeEngine:
    """Stands in for llama.cpp where the test is about the HTTP layer, not the model."""

    def __init__(self, text='{"headline": "h", "summary": "s", "events": [], "figures": [], "quotes": []}',
                 finish="stop", overflow=None):
        self.text, self.finish, self.overflow = text, finish, overflow
        self.calls = []

    def generate(self, prompt, *, schema, max_tokens, json_output=True):
        self.calls.append({"prompt": prompt, "schema": schema, "max_tokens": max_tokens, "json": json_output})
        if self.overflow:
            raise ContextOverflow(*self.overflow)
        return Generation(self.text, self.finish, 11, 7)


def fake_client(engine, **kw):
    server = LocalServer(lambda: engine, **kw)
    return openai.OpenAI(base_url=EMBEDDED_BASE_URL, api_key="x", http_client=local_http_client(server), max_retries=0)


def test_json_schema_response_format_is_constrained_and_answered_as_content():
    engine = FakeEngine()
    completion = fake_client(engine).chat.completions.create(
        model=EMBEDDED_MODEL, messages=[{"role": "user", "content": "hi"}], max_tokens=50,
        response_format={"type": "json_schema", "json_schema": {"name": "S", "schema": ArticleSummary.model_json_schema()}},
    )
    assert completion.choices[0].message.content == engine.text
    assert completion.usage.total_tokens == 18
    schema = engine.calls[0]["schema"]
    assert schema["required"] == ["headline", "summary", "events", "figures", "quotes"]
    assert engine.calls[0]["max_tokens"] == 50


def test_grammar_bounds_strings_and_lists_and_requires_every_field():
    schema = for_grammar(ArticleSummary.model_json_schema())
    figure = schema["$defs"]["Figure"]
    assert figure["required"] == list(figure["properties"])
    assert schema["properties"]["headline"]["maxLength"] == MAX_STRING
    assert schema["properties"]["figures"]["maxItems"] == MAX_ITEMS


def test_truncated_generation_reports_length():
    engine = FakeEngine(text='{"headline": "h', finish="length")
    completion = fake_client(engine).chat.completions.create(model=EMBEDDED_MODEL, messages=[{"role": "user", "content": "x"}],
                                                             response_format={"type": "json_object"})
    assert completion.choices[0].finish_reason == "length"
    assert engine.calls[0]["json"] is True


def test_unknown_model_is_a_404_in_openais_shape():
    with pytest.raises(openai.NotFoundError, match="does not exist"):
        fake_client(FakeEngine()).chat.completions.create(model="gpt-9", messages=[{"role": "user", "content": "x"}])


def test_context_overflow_is_a_400_context_length_exceeded():
    engine = FakeEngine(overflow=(9000, 8192))
    with pytest.raises(openai.BadRequestError) as e:
        fake_client(engine).chat.completions.create(model=EMBEDDED_MODEL, max_tokens=1000,
                                                    messages=[{"role": "user", "content": "x"}])
    assert e.value.code == "context_length_exceeded"
    assert "maximum context length is 8192 tokens" in str(e.value)


def test_models_endpoint_lists_the_embedded_model():
    models = fake_client(FakeEngine()).models.list()
    assert [m.id for m in models.data] == [EMBEDDED_MODEL]


async def _async_call(server):
    client = openai.AsyncOpenAI(base_url=EMBEDDED_BASE_URL, api_key="x", http_client=local_async_http_client(server),
                                max_retries=0)
    return await client.chat.completions.create(model=EMBEDDED_MODEL, messages=[{"role": "user", "content": "x"}],
                                                response_format={"type": "json_object"})


def test_async_client_goes_through_the_asgi_adapter():
    import asyncio

    engine = FakeEngine()
    completion = asyncio.run(_async_call(LocalServer(lambda: engine)))
    assert json.loads(completion.choices[0].message.content)["headline"] == "h"


@pytest.mark.parametrize("template", ["chat", "completion"])
def test_prompt_templates_keep_the_article_last(template):
    prompt = render_prompt(load_prompts().messages("ARTICLE-TEXT"), template)
    assert prompt.rstrip().endswith(("<start_of_turn>model", "### Output"))
    assert prompt.index("ARTICLE-TEXT") > prompt.index(load_prompts().example_summary[:40])
