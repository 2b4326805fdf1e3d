"""Old import paths, kept for one release (0.2) with a FutureWarning.

Until 0.2 every module sat side by side in ``summarizer/`` (``summarizer.extract``,
``summarizer.config``, ...). They now live in their layer's package; the
public names are all importable from ``summarizer`` itself. Importing an old
path gives a module that forwards to the new one and warns once. They go in 0.3.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import types
import warnings
from typing import Any

__all__ = ["MOVED", "install"]

MOVED = {
    "summarizer.schema": "summarizer.contract.summary",
    "summarizer.report": "summarizer.contract.report",
    "summarizer.result": "summarizer.contract.result",
    "summarizer.errors": "summarizer.contract.errors",
    "summarizer.schemas": "summarizer.contract.json_schema",
    "summarizer.numbers": "summarizer.trust.numbers",
    "summarizer.quotes": "summarizer.trust.quote_match",
    "summarizer.textkey": "summarizer.trust.textkey",
    "summarizer.source": "summarizer.trust.source",
    "summarizer.checks": "summarizer.trust.checks",
    "summarizer.config": "summarizer.model.settings",
    "summarizer.prompts": "summarizer.model.prompts",
    "summarizer.provider": "summarizer.model.call",
    "summarizer.extract": "summarizer.pipeline.summarize",
    "summarizer.windows": "summarizer.pipeline.windows",
    "summarizer.batch": "summarizer.pipeline.batch",
    "summarizer.runner": "summarizer.io.run",
    "summarizer.inputs": "summarizer.io.inputs",
    "summarizer.html_report": "summarizer.io.html_report",
    "summarizer.render": "summarizer.io.text_report",
    "summarizer.progress": "summarizer.io.progress",
    "summarizer.local": "summarizer.embedded",
    "summarizer.local.server": "summarizer.embedded.server",
    "summarizer.local.engine": "summarizer.embedded.engine",
}
"""Old module path -> where it lives now."""

_RENAMED = {
    ("summarizer.schema", "Qualifier"): ("summarizer.contract.summary", "Qualifier"),
    ("summarizer.numbers", "Qualifier"): ("summarizer.contract.summary", "Qualifier"),
    ("summarizer.inputs", "Article"): ("summarizer.contract.article", "Article"),
    ("summarizer.inputs", "content_hash"): ("summarizer.contract.article", "content_hash"),
    ("summarizer.batch", "ResultsFile"): ("summarizer.io.results", "ResultsFile"),
    ("summarizer.batch", "Counts"): ("summarizer.io.run", "Counts"),
    ("summarizer.local", "LOCAL_MODEL"): ("summarizer.embedded", "EMBEDDED_MODEL"),
    ("summarizer.local", "LOCAL_BASE_URL"): ("summarizer.embedded", "EMBEDDED_BASE_URL"),
    ("summarizer.local.server", "LOCAL_MODEL"): ("summarizer.embedded.server", "EMBEDDED_MODEL"),
    ("summarizer.local.server", "LOCAL_BASE_URL"): ("summarizer.embedded.server", "EMBEDDED_BASE_URL"),
}
"""Names that moved to another module, or were renamed, as they moved."""


class _Forward(types.ModuleType):
    """An old module path: every attribute comes from the module it moved to."""

    def __getattr__(self, name: str) -> Any:
        old, new = self.__name__, MOVED[self.__name__]
        target, attr = _RENAMED.get((old, name), (new, name))
        return getattr(importlib.import_module(target), attr)


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname in MOVED:
            return importlib.util.spec_from_loader(fullname, self, is_package=fullname == "summarizer.local")
        return None

    def create_module(self, spec: Any) -> types.ModuleType:
        return _Forward(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        warnings.warn(f"{module.__name__} has moved to {MOVED[module.__name__]}; import its public names from "
                      "summarizer instead. The old path goes in summarizer 0.3.", FutureWarning, stacklevel=2)


_FINDER = _Finder()


def install() -> None:
    """Make the old paths importable (once per process)."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.append(_FINDER)
