"""Keeping secrets out of what the tool writes or prints.

An endpoint's error body can echo the request (an ``Authorization`` header
included), and a ``--base-url`` can carry a password. ``redact`` takes the
key out of any text before it reaches a result, a dead letter or stderr;
``safe_url`` takes credentials out of a URL before it is shown or recorded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["REDACTED", "redact", "safe_url"]

REDACTED = "[redacted]"

# Credentials that need no known secret to be recognised: a bearer or basic
# token, an OpenAI-style key, user:password@ in a URL, key=... in a query or a
# header-like line.
_PATTERNS = [
    re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{4,}"),
    re.compile(r"\bsk-[A-Za-z0-9_-]{8,}"),
    re.compile(r"(?<=://)[^/\s:@]*:[^/\s@]*(?=@)"),
    re.compile(r"(?i)\b(api[_-]?key|access[_-]?token|token|password|secret)(\"?\s*[:=]\s*\"?)[^\s\"'&,}]+"),
]
_SECRET_PARAMS = re.compile(r"(?i)^(api[_-]?key|key|access[_-]?token|token|password|secret|sig|signature)$")


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with every given secret, and anything that looks like a credential, replaced by [redacted]."""
    for secret in sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    text = _PATTERNS[0].sub(lambda m: f"{m[1]} {REDACTED}", text)
    text = _PATTERNS[1].sub(REDACTED, text)
    text = _PATTERNS[2].sub(REDACTED, text)
    return _PATTERNS[3].sub(lambda m: f"{m[1]}{m[2]}{REDACTED}", text)


def safe_url(url: str | None) -> str | None:
    """``url`` without a user name, password or secret query parameter; anything else unchanged."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return redact(url)
    netloc = parts.netloc
    if "@" in netloc:
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        netloc = f"{REDACTED}@{host}" + (f":{port}" if port is not None else "")
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(_SECRET_PARAMS.match(k) for k, _ in pairs):
            query = urlencode([(k, REDACTED if _SECRET_PARAMS.match(k) else v) for k, v in pairs], safe="[]")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
