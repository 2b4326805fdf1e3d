"""The real embedded model (Gemma 3 270M on xllamacpp), on short texts.

Kept few and short: the model is slow on two shared cores. The constraint
tests tempt the model with a worked example whose names, ids and numbers are
not the article's (the tiny base model likes to copy it); the grammar must
not let any of them through.
"""

import json
import re
import subprocess
import sys
import threading

import openai
import pytest

from summarizer.embedded import EMBEDDED_BASE_URL, EMBEDDED_MODEL, LocalServer, local_http_client
from summarizer.embedded.engine import Cancelled, LocalEngine
from summarizer.embedded.grammar import free_text_pattern, free_text_regex

ARTICLE = ("Nvidia will supply 260,000 GPUs to Korea, Jensen Huang said on 31 October 2025. "
           "Samsung Electronics takes 50,000 of them. \"This is a new industrial revolution,\" Huang said. "
           "\"We will build AI factories,\" said Lee Jae-yong.")
NAMES = ["Nvidia", "Jensen Huang", "Samsung Electronics", "Lee Jae-yong"]
QUOTES = {"q1": "This is a new industrial revolution", "q2": "We will build AI factories"}
NUMBERS = sorted(set(re.findall(r"[0-9]+(?:[.,][0-9]+)*", ARTICLE)))  # 260,000 31 2025 50,000
EXAMPLE = ('Example article: Busan bought 48 electric buses for 12 routes, Mayor Park Hyung-joon said in 2024.\n'
           'Example answer: {"people":["Park Hyung-joon"],"quote_ids":["q7"],'
           '"summary":"Busan bought 48 buses for 12 routes in 2024."}')
A_RUN = "%llguidance {}\nstart: /a{4000}/"
"""4,000 a's and nothing else: about 500 tokens, far more than a second's worth."""
PROMPT = [{"role": "user", "content": f"{EXAMPLE}\n\nArticle: {ARTICLE}\nQuotes: {json.dumps(QUOTES)}\n"
                                      "Answer in the same form as the example."}]


@pytest.fixture(scope="module")
def engine():
    engine = LocalEngine(n_ctx=4096)
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def client(engine):
    return openai.OpenAI(base_url=EMBEDDED_BASE_URL, api_key="embedded", max_retries=0,
                         http_client=local_http_client(LocalServer(lambda: engine)))


def numbers_in(text: str) -> list[str]:
    return re.findall(r"[0-9]+(?:[.,][0-9]+)*", text)


def test_a_forced_tool_picks_only_the_articles_names_ids_and_numbers(client):
    """Runs the model for real: about 80 tokens under a schema of enums and a number-limited summary."""
    schema = {"type": "object", "properties": {
        "people": {"type": "array", "items": {"enum": NAMES}, "maxItems": 3},
        "quote_ids": {"type": "array", "items": {"enum": list(QUOTES)}, "maxItems": 2},
        "summary": {"type": "string", "pattern": free_text_pattern(NUMBERS), "maxLength": 160},
    }}
    completion = client.chat.completions.create(
        model=EMBEDDED_MODEL, messages=PROMPT, max_tokens=120,
        tools=[{"type": "function", "function": {"name": "Picks", "parameters": schema}}],
        tool_choice={"type": "function", "function": {"name": "Picks"}})
    call = completion.choices[0].message.tool_calls[0]
    answer = json.loads(call.function.arguments)
    assert (call.function.name, sorted(answer)) == ("Picks", ["people", "quote_ids", "summary"])
    assert set(answer["people"]) <= set(NAMES)
    assert set(answer["quote_ids"]) <= set(QUOTES)
    assert set(numbers_in(answer["summary"])) <= set(NUMBERS)
    assert completion.usage.prompt_tokens > 100 and completion.usage.completion_tokens > 0


def test_a_lark_grammar_lets_only_the_articles_numbers_into_free_text(client):
    grammar = "\n".join([
        "%llguidance {}",
        'start: "Speaker: " NAME "\\nSummary: Busan bought " SUMMARY',
        "NAME: " + " | ".join(json.dumps(n) for n in NAMES),
        f"SUMMARY: /{free_text_regex(NUMBERS)}/",
    ])
    completion = client.chat.completions.create(model=EMBEDDED_MODEL, messages=PROMPT, max_tokens=40,
                                                extra_body={"grammar": grammar})
    text = completion.choices[0].message.content
    speaker, _, summary = text.removeprefix("Speaker: ").partition("\nSummary: Busan bought ")
    assert speaker in NAMES
    if completion.choices[0].finish_reason == "length":  # cut at max_tokens, perhaps inside a number ("202")
        summary, _, last = summary.rpartition(" ")
        assert all(any(n.startswith(x) for n in NUMBERS) for x in numbers_in(last))
    assert set(numbers_in(summary)) <= set(NUMBERS)


def test_a_prompt_that_leaves_no_room_for_the_answer_is_refused_before_generating(client):
    with pytest.raises(openai.BadRequestError) as e:
        client.chat.completions.create(model=EMBEDDED_MODEL, max_tokens=2000,
                                       messages=[{"role": "user", "content": "word " * 3000}])
    assert e.value.code == "context_length_exceeded"
    needed, prompt = map(int, re.search(r"requested (\d+) tokens \((\d+) in the messages", str(e.value)).groups())
    assert needed == prompt + 2000 and 3000 < prompt < 4096


def test_a_cancelled_generation_stops_and_the_engine_serves_the_next(engine):
    cancel = threading.Event()
    threading.Timer(1.0, cancel.set).start()
    with pytest.raises(Cancelled):  # 500 forced tokens take far longer than a second
        engine.generate("Write the letter a:", max_tokens=1000, grammar=A_RUN, cancel=cancel)
    after = engine.generate("Write the letter a:", max_tokens=3, grammar=A_RUN)
    assert (set(after.text), after.finish_reason, after.completion_tokens) == ({"a"}, "length", 3)


_INTERRUPTED = """
import os, signal, threading, openai
from summarizer.embedded import EMBEDDED_BASE_URL, EMBEDDED_MODEL, LocalServer, local_http_client
from summarizer.embedded.engine import LocalEngine
server = LocalServer(lambda: LocalEngine(n_ctx=2048))
client = openai.OpenAI(base_url=EMBEDDED_BASE_URL, api_key="x", http_client=local_http_client(server), max_retries=0)
server.engine  # loaded before the clock starts
ask = dict(model=EMBEDDED_MODEL, messages=[{"role": "user", "content": "a"}], max_tokens=1000,
           extra_body={"grammar": A_RUN})
if BACKGROUND:  # a request still running in another thread when the program ends
    threading.Thread(target=client.chat.completions.create, kwargs=ask, daemon=True).start()
    threading.Event().wait(2)
    print("exiting", flush=True)
else:  # Ctrl-C during a request
    # A shell starts background jobs with SIGINT ignored, and Python then installs no KeyboardInterrupt
    # handler: give it the one a terminal's Ctrl-C meets, whatever started the test run.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    threading.Timer(2, os.kill, (os.getpid(), signal.SIGINT)).start()
    try:
        client.chat.completions.create(**ask)
        print("finished", flush=True)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
"""


@pytest.mark.parametrize(("background", "said"), [(False, "interrupted"), (True, "exiting")])
def test_ctrl_c_or_exit_stops_a_running_generation_and_the_process_ends(background, said):
    """About 500 forced tokens take tens of seconds even on a quiet machine; the process must end long before
    (SIGINT or exit comes 2 s in)."""
    run = subprocess.run([sys.executable, "-c", f"BACKGROUND = {background}\nA_RUN = {A_RUN!r}\n{_INTERRUPTED}"],
                         capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout) == (0, f"{said}\n"), run.stderr[-2000:]
