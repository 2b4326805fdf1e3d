"""OpenAI's chat-completion wire format, built in one place.

The embedded server answers in it; the test fixtures and the benchmark's mock
server use the same builder, so a hand-written answer has exactly the shape a
real endpoint sends.
"""

from __future__ import annotations

from typing import Any

__all__ = ["chat_completion", "error_body"]


def chat_completion(
    *,
    model: str,
    content: str | None = None,
    tool: str | None = None,
    finish_reason: str = "stop",
    prompt_tokens: int = 0,
    completion_tokens: int = 0,
    id: str = "chatcmpl-local",
) -> dict[str, Any]:
    """A ``chat.completion`` object whose answer is ``content``.

    With ``tool``, the answer is a call of that function with ``content`` as
    its arguments (instructor's TOOLS mode), and a ``stop`` becomes ``tool_calls``.
    """
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool is not None:
        message = {"role": "assistant", "content": None, "tool_calls": [
            {"id": f"call_{id}", "type": "function", "function": {"name": tool, "arguments": content or ""}}
        ]}
        finish_reason = "tool_calls" if finish_reason == "stop" else finish_reason
    return {
        "id": id,
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason, "logprobs": None}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }


def error_body(message: str, type_: str = "invalid_request_error", code: str | None = None) -> dict[str, Any]:
    """An error in OpenAI's shape, as the SDK parses it."""
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}
