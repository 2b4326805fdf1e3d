"""The batch file format: request lines as OpenAI and vLLM read them, output lines as each writes them."""

import json

import pytest

from summarizer.model.batches import Output, output_line, request_line, scrub

KEY = "sk-test-0123456789abcdefXYZ"


def test_a_request_line_is_one_json_line_in_openais_input_shape():
    line = request_line("k-0", {"model": "m", "messages": [{"role": "user", "content": "기사"}]})
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert json.loads(line) == {"custom_id": "k-0", "method": "POST", "url": "/v1/chat/completions",
                                "body": {"model": "m", "messages": [{"role": "user", "content": "기사"}]}}
    assert "기사".encode() in line  # kept readable, not \\u-escaped


# Lines as the providers write them: OpenAI's output file, OpenAI's error file (a failed request; a request an
# expired batch never ran) and vLLM's run-batch (an answer; an error, whose body is null).
ANSWER = {"id": "chatcmpl-1", "object": "chat.completion", "choices": []}
LINES = {
    "openai answer": ({"id": "batch_req_1", "custom_id": "a-0", "response": {"status_code": 200,
                       "request_id": "req_1", "body": ANSWER}, "error": None},
                      Output("a-0", 200, ANSWER), True),
    "openai 500": ({"id": "batch_req_2", "custom_id": "a-1", "response": {"status_code": 500, "request_id": "r",
                    "body": {"error": {"message": "boom", "type": "server_error"}}}, "error": None},
                   Output("a-1", 500, {"error": {"message": "boom", "type": "server_error"}}), False),
    "openai 400": ({"id": "batch_req_3", "custom_id": "a-2", "response": {"status_code": 400, "request_id": "r",
                    "body": {"error": {"message": "bad", "type": "invalid_request_error"}}}, "error": None},
                   Output("a-2", 400, {"error": {"message": "bad", "type": "invalid_request_error"}}), True),
    "openai expired": ({"id": "batch_req_4", "custom_id": "a-3", "response": None, "error": {
                        "code": "batch_expired", "message": "This request could not be executed before the "
                                                            "completion window expired."}},
                       Output("a-3", None, None, "batch_expired", "This request could not be executed before the "
                                                                  "completion window expired."), False),
    "vllm answer": ({"id": "vllm-1", "custom_id": "b-0", "response": {"status_code": 200,
                     "request_id": "vllm-batch-1", "body": ANSWER}, "error": None},
                    Output("b-0", 200, ANSWER), True),
    "vllm error": ({"id": "vllm-2", "custom_id": "b-1", "response": {"status_code": 400,
                    "request_id": "vllm-batch-2", "body": None}, "error": "The model `x` does not exist."},
                   Output("b-1", 400, None, None, "The model `x` does not exist."), True),
    "vllm error response": ({"id": "vllm-3", "custom_id": "b-2", "response": {"status_code": 503,
                             "request_id": "vllm-batch-3"}, "error": {"error": {"message": "overloaded",
                                                                               "code": 503}}},
                            Output("b-2", 503, None, None, "overloaded"), False),
}


@pytest.mark.parametrize("name", sorted(LINES))
def test_output_lines_of_openai_and_vllm_are_read_and_judged_final_or_to_send_again(name):
    raw, read, final = LINES[name]
    line = Output.parse(json.dumps(raw))
    assert (line, line.final) == (read, final)


def test_an_error_line_without_a_body_replays_as_an_error_body_in_openais_shape():
    line = Output.parse(json.dumps(LINES["vllm error"][0]))
    assert line.http() == (400, {"error": {"message": "The model `x` does not exist.", "type": "batch_error",
                                           "param": None, "code": None}})
    assert Output.parse(json.dumps(LINES["openai answer"][0])).http() == (200, ANSWER)


@pytest.mark.parametrize("raw, says", [
    ("{not json", "not JSON"),
    ('{"id": "x"}', 'no "custom_id" string'),
    ('{"custom_id": "a", "response": {"body": {}}}', 'its "response" has no "status_code"'),
])
def test_a_line_that_is_not_an_output_line_says_what_is_wrong(raw, says):
    with pytest.raises(ValueError) as e:
        Output.parse(raw)
    assert str(e.value).startswith(says)


def test_our_own_output_lines_read_back():
    assert Output.parse(output_line("c-0", 200, ANSWER)) == Output("c-0", 200, ANSWER)
    assert Output.parse(output_line("c-1", None, None, {"code": "APITimeoutError", "message": "timed out"})) == \
        Output("c-1", None, None, "APITimeoutError", "timed out")


def test_the_key_is_taken_out_of_a_kept_line_and_only_the_key_out_of_an_answer():
    error = output_line("e-0", 401, {"error": {"message": f"Incorrect API key provided: {KEY}. token: abc123"}})
    cleaned = scrub(error, [KEY], answer=False)
    assert KEY not in cleaned.decode() and "abc123" not in cleaned.decode()
    answer = output_line("a-0", 200, {"choices": [{"message": {"content": f"token: 12 {KEY}"}}]})
    assert scrub(answer, [KEY], answer=True) == answer.replace(KEY.encode(), b"[redacted]")
    plain = output_line("a-1", 200, ANSWER)
    assert scrub(plain, [KEY], answer=True) is plain
