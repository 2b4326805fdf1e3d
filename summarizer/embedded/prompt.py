"""Chat messages as the text prompt the embedded model reads.

The GGUF ships no chat template, so the prompt is rendered here, in one
place, and sent to llama.cpp as a completion (special tokens such as
``<start_of_turn>`` are read as such; the tokenizer adds ``<bos>``).
"""

from __future__ import annotations

from typing import Any, Literal

__all__ = ["Template", "render_prompt"]

Template = Literal["completion", "chat"]


def render_prompt(messages: list[dict[str, Any]], template: Template) -> str:
    """Messages as a prompt for the model.

    ``chat`` uses Gemma's turn markers, with system (and developer) messages
    folded into the first user turn; ``completion`` lays the conversation out
    as a document with headed sections, which a base model (trained to
    continue documents, not to chat) follows more readily.
    """
    parts: list[str] = []
    if template == "chat":
        system = "\n\n".join(_text(m) for m in messages if m.get("role") in ("system", "developer"))
        first = True
        for m in messages:
            role = m.get("role")
            if role in ("system", "developer"):
                continue
            text = _text(m)
            if role == "user":
                if first and system:
                    text = f"{system}\n\n{text}"
                parts.append(f"<start_of_turn>user\n{text}<end_of_turn>\n")
            else:
                parts.append(f"<start_of_turn>model\n{text}<end_of_turn>\n")
            first = False
        if first and system:  # system messages alone: they are the user's turn
            parts.append(f"<start_of_turn>user\n{system}<end_of_turn>\n")
        parts.append("<start_of_turn>model\n")
        return "".join(parts)
    for m in messages:
        role = m.get("role")
        text = _text(m)
        if role in ("system", "developer"):
            parts.append(f"{text}\n\n")
        elif role == "user":
            parts.append(f"### Input\n{text}\n\n")
        else:
            parts.append(f"### Output\n{text}\n\n")
    parts.append("### Output\n")
    return "".join(parts)


def _text(message: dict[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, list):
        content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
    if not content and message.get("tool_calls"):
        content = "".join(c["function"]["arguments"] for c in message["tool_calls"])
    return str(content or "")
