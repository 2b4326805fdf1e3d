"""``reconcile()``, the entry: results files (or records) in, a ``Reconciliation`` out.

Reads the results files that ``summarizer run`` writes, one ``ResultRecord``
a line, and hands them to ``core.reconcile_records``, with a model's
``advice`` when settings or a client are given.

An article is its id within one results file: a later line with that id
replaces an earlier one (a rerun's result), and so does the same article (the
same id and text) in a later file. One id that names different articles in
different files (two dumps that both count from 1) is two articles, told apart
as ``FILE:ID``, and a note says so.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..contract.errors import InputError, UsageError
from ..contract.record import ResultRecord
from ..contract.story import Excluded, Reconciliation
from ..model.settings import Settings
from .core import reconcile_records

__all__ = ["gather", "read_results", "reconcile", "with_replaced"]


def read_results(path: str | os.PathLike[str], notes: list[str] | None = None) -> Iterator[ResultRecord]:
    """The records of a results file. A partial last line (a run killed mid-write) is skipped with a note."""
    p = Path(path)
    try:
        handle = open(p, "rb")
    except FileNotFoundError:
        raise InputError(f"{p}: no such file; give a results file that summarizer run wrote (--out)") from None
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror}); give a results file that summarizer run wrote") from None
    with handle:
        for n, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                yield ResultRecord.model_validate_json(raw)
            except ValidationError:
                if not raw.endswith(b"\n") and notes is not None:
                    notes.append(f"{p}: line {n} is cut short (a run was stopped while writing it); skipped")
                    continue
                raise InputError(f"{p}: line {n} is not a result of summarizer run; give the results file that "
                                 "summarizer run --out wrote, not its dead-letter file or a summary") from None


def _sourced(results: Iterable[ResultRecord | str | os.PathLike[str]], notes: list[str]
             ) -> Iterator[tuple[str | None, ResultRecord]]:
    """Each record with the results file it came from (None for a record given as it is)."""
    for item in results:
        if isinstance(item, ResultRecord):
            yield None, item
        elif isinstance(item, (str, os.PathLike)):
            for record in read_results(item, notes):
                yield os.fspath(item), record
        else:
            raise UsageError(f"reconcile takes ResultRecords or paths of results files, not {type(item).__name__}")


def gather(results: Iterable[ResultRecord | str | os.PathLike[str]] | str | os.PathLike[str],
           notes: list[str] | None = None, replaced: list[ResultRecord] | None = None) -> list[ResultRecord]:
    """The records of ``results`` (``ResultRecord``s, or paths of results files), the latest of each article;
    an id that names different articles in different files is told apart as ``FILE:ID`` (``notes`` says so).
    An article changed and run again (the same origin in one file, another text) is its newest result; the
    older ones go to ``replaced``."""
    if isinstance(results, (str, os.PathLike)):
        results = [results]
    notes = [] if notes is None else notes
    latest: dict[tuple[str | None, str], ResultRecord] = {}  # (file, id): a later line replaces an earlier one
    newest: dict[tuple[str | None, str], str] = {}  # (file, origin): the id of its last result
    for source, record in _sourced(results, notes):
        latest.pop((source, record.id), None)
        latest[(source, record.id)] = record
        newest[(source, record.origin)] = record.id
    for key, record in list(latest.items()):
        if newest[(key[0], record.origin)] != record.id:
            del latest[key]
            if replaced is not None:
                replaced.append(record)
    articles: dict[tuple[str, str], tuple[str | None, ResultRecord]] = {}  # (id, hash): one article in two files
    for (source, rid), record in latest.items():
        articles.pop((rid, record.hash), None)
        articles[(rid, record.hash)] = (source, record)
    sources: dict[str, list[str | None]] = {}
    for (rid, _), (source, _) in articles.items():
        sources.setdefault(rid, []).append(source)
    out = []
    for (rid, _), (source, record) in articles.items():
        if len(sources[rid]) > 1 and source is not None:
            record = record.model_copy(update={"id": f"{source}:{rid}"})
        out.append(record)
    for rid, named in sources.items():
        if len(named) > 1:
            apart = " and ".join(f"{s}:{rid}" if s is not None else rid for s in named)
            notes.append(f"id {rid} names different articles in different results files; told apart as {apart}")
    return out


def reconcile(results: Iterable[ResultRecord | str | os.PathLike[str]] | str | os.PathLike[str], *,
              settings: Settings | None = None, client: Any = None, notes: list[str] | None = None
              ) -> Reconciliation:
    """Group results into stories and line up their figures and quotes across outlets.

    ``results``: ``ResultRecord``s, or paths of the results files ``summarizer run`` writes.
    With no ``settings`` and no ``client`` it is deterministic and uses no model. With either,
    a model is asked for better groupings and figure alignments, and code verifies each
    proposal before it counts (see ``Reconciliation.model_step``). ``notes`` collects what was
    skipped while reading.
    """
    replaced: list[ResultRecord] = []
    records = gather(results, notes, replaced)
    if settings is None and client is None:
        return with_replaced(reconcile_records(records), replaced)
    from .advice import Advisor

    advisor = Advisor(settings or Settings.from_env(), client)
    try:
        return with_replaced(reconcile_records(records, advisor), replaced)
    finally:
        advisor.close()


def with_replaced(result: Reconciliation, replaced: list[ResultRecord]) -> Reconciliation:
    """``result`` with the results that a newer one of the same article replaced listed as excluded."""
    if not replaced:
        return result
    gone = [Excluded(article=r.id, origin=r.origin, status=r.status,
                     reason="replaced: the article was changed and run again, and its newer result stands")
            for r in replaced]
    return result.model_copy(update={"excluded": [*result.excluded, *gone]})
