"""A row reader for ``summarize_dataset`` that raises on one row: a bug of ours, met inside a Ray actor."""

from __future__ import annotations

from summarizer.pipeline.dataset import read_row


def read_or_explode(row):
    if row.get("id") == "boom":
        raise RuntimeError("a bug while reading this row")
    return read_row(row)
