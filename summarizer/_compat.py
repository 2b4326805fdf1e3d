"""Old import paths, kept for a release with a FutureWarning.

Until 0.2 every module sat side by side in ``summarizer/`` (``summarizer.extract``,
``summarizer.config``, ...). They now live in their layer's package; the
public names are all importable from ``summarizer`` itself. Importing an old
path gives a module that forwards to the new one and warns once. They go in 0.3.

0.2's layered paths (``summarizer.trust.source``, ``summarizer.io.run``...)
moved again when the layers were cut by capability; they forward the same way.
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
    "summarizer.numbers": "summarizer.trust.numbers.quantities",
    "summarizer.quotes": "summarizer.trust.article.quote_match",
    "summarizer.textkey": "summarizer.trust.article.textkey",
    "summarizer.source": "summarizer.trust.article.source",
    "summarizer.checks": "summarizer.trust.checks",
    "summarizer.config": "summarizer.model.settings",
    "summarizer.prompts": "summarizer.model.prompts",
    "summarizer.provider": "summarizer.model.call",
    "summarizer.extract": "summarizer.pipeline.summarize",
    "summarizer.windows": "summarizer.pipeline.windows",
    "summarizer.batch": "summarizer.pipeline.batch",
    "summarizer.runner": "summarizer.run",
    "summarizer.inputs": "summarizer.io.inputs",
    "summarizer.html_report": "summarizer.views.report_html",
    "summarizer.render": "summarizer.views.report_text",
    "summarizer.progress": "summarizer.run.progress",
    "summarizer.local": "summarizer.embedded",
    "summarizer.local.server": "summarizer.embedded.server",
    "summarizer.local.engine": "summarizer.embedded.engine",
    # 0.2's layered paths, before the layers were cut by capability (issue 19).
    "summarizer.contract.candidates": "summarizer.contract.grounded",
    "summarizer.trust.source": "summarizer.trust.article.source",
    "summarizer.trust.textkey": "summarizer.trust.article.textkey",
    "summarizer.trust.furniture": "summarizer.trust.article.furniture",
    "summarizer.trust.quote_match": "summarizer.trust.article.quote_match",
    "summarizer.trust.number_words": "summarizer.trust.numbers.words",
    "summarizer.trust.number_grammar": "summarizer.trust.numbers.patterns",
    "summarizer.trust.number_values": "summarizer.trust.numbers.values",
    "summarizer.trust.number_context": "summarizer.trust.numbers.context",
    "summarizer.trust.agreement": "summarizer.trust.numbers.agreement",
    "summarizer.trust.people_en": "summarizer.trust.people.english",
    "summarizer.trust.mention_spans": "summarizer.trust.people.mention_spans",
    "summarizer.trust.attribution": "summarizer.trust.people.attribution",
    "summarizer.trust.lexicon": "summarizer.trust.people.lexicon",
    "summarizer.trust.candidates": "summarizer.trust.grounded.candidates",
    "summarizer.trust.candidate_quotes": "summarizer.trust.grounded.quotations",
    "summarizer.trust.candidate_names": "summarizer.trust.grounded.names",
    "summarizer.model.grammar": "summarizer.model.grounded.grammar",
    "summarizer.model.grounded_prompt": "summarizer.model.grounded.prompt",
    "summarizer.model.advice": "summarizer.stories.advice",
    "summarizer.pipeline.offers": "summarizer.pipeline.grounded.offers",
    "summarizer.pipeline.reconcile": "summarizer.stories",
    "summarizer.pipeline.reconcile.build": "summarizer.stories.build",
    "summarizer.pipeline.reconcile.evidence": "summarizer.stories.evidence",
    "summarizer.pipeline.reconcile.figures": "summarizer.stories.figures",
    "summarizer.pipeline.reconcile.parts": "summarizer.stories.parts",
    "summarizer.pipeline.reconcile.proposals": "summarizer.stories.proposals",
    "summarizer.pipeline.reconcile.quotes": "summarizer.stories.quotes",
    "summarizer.pipeline.reconcile.stories": "summarizer.stories.grouping",
    "summarizer.pipeline.reconcile.words": "summarizer.stories.words",
    "summarizer.io.run": "summarizer.run",
    "summarizer.io.ray_run": "summarizer.run.ray_engine",
    "summarizer.io.ray_inputs": "summarizer.run.ray_inputs",
    "summarizer.io.progress": "summarizer.run.progress",
    "summarizer.io.stories": "summarizer.stories",
    "summarizer.io.story_html": "summarizer.views.story_page",
    "summarizer.io.html_report": "summarizer.views.report_html",
    "summarizer.io.text_report": "summarizer.views.report_text",
}
"""Old module path -> where it lives now."""

_RENAMED = {
    ("summarizer.schema", "Qualifier"): ("summarizer.contract.summary", "Qualifier"),
    ("summarizer.numbers", "Qualifier"): ("summarizer.contract.summary", "Qualifier"),
    ("summarizer.inputs", "Article"): ("summarizer.contract.article", "Article"),
    ("summarizer.inputs", "content_hash"): ("summarizer.contract.article", "content_hash"),
    ("summarizer.batch", "ResultsFile"): ("summarizer.io.results", "ResultsFile"),
    ("summarizer.batch", "Counts"): ("summarizer.run", "Counts"),
    ("summarizer.local", "LOCAL_MODEL"): ("summarizer.embedded", "EMBEDDED_MODEL"),
    ("summarizer.local", "LOCAL_BASE_URL"): ("summarizer.embedded", "EMBEDDED_BASE_URL"),
    ("summarizer.local.server", "LOCAL_MODEL"): ("summarizer.embedded.server", "EMBEDDED_MODEL"),
    ("summarizer.local.server", "LOCAL_BASE_URL"): ("summarizer.embedded.server", "EMBEDDED_BASE_URL"),
    ("summarizer.io.stories", "write_atomically"): ("summarizer.io.results", "write_atomically"),
    ("summarizer.io.run", "_Breaker"): ("summarizer.run", "Breaker"),
    ("summarizer.io.ray_run", "_Breaker"): ("summarizer.run", "Breaker"),
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
            return importlib.util.spec_from_loader(fullname, self, is_package=fullname in _PACKAGES)
        return None

    def create_module(self, spec: Any) -> types.ModuleType:
        return _Forward(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        warnings.warn(f"{module.__name__} has moved to {MOVED[module.__name__]}; import its public names from "
                      "summarizer instead. The old path goes in summarizer 0.3.", FutureWarning, stacklevel=2)


_PACKAGES = {"summarizer.local", "summarizer.pipeline.reconcile"}
"""Old paths that were packages, so that their old submodules import too."""

_FINDER = _Finder()


def install() -> None:
    """Make the old paths importable (once per process)."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.append(_FINDER)
