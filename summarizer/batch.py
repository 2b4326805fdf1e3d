"""Summarize a set of article files into a JSON Lines file, one result per line."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import IO

from .articles import read_article
from .config import Settings
from .errors import InputError
from .extract import Summarizer

__all__ = ["article_files", "run_files"]

_SUFFIXES = (".txt", ".md")


def article_files(inputs: list[str]) -> list[Path]:
    """The article files named, folders expanded (sorted), in the order given."""
    files: list[Path] = []
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in _SUFFIXES)
        elif p.exists():
            files.append(p)
        else:
            raise InputError(f"{p}: no such file or folder; give article files or folders of them")
    return files


def article_id(path: Path, text: str) -> str:
    return f"{path.stem}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def run_files(inputs: list[str], out: str, settings: Settings, progress: IO[str] | None = None) -> dict[str, int]:
    """Summarize every article into ``out`` (appended, one line each, flushed as it goes)."""
    files = article_files(inputs)
    summarizer = Summarizer(settings)
    counts: Counter[str] = Counter()
    with open(out, "a", encoding="utf-8") as sink:
        for n, path in enumerate(files, 1):
            counts["read"] += 1
            try:
                article = read_article(path)
            except InputError as e:
                record = {"id": path.stem, "path": str(path), "status": "failed", "failure": str(e),
                          "failure_kind": "input"}
            else:
                result = summarizer.summarize(article.text)
                record = {"id": article_id(path, article.text), "path": str(path),
                          "settings": settings.fingerprint(), **result.model_dump(mode="json")}
            counts[record["status"]] += 1
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            sink.flush()
            os.fsync(sink.fileno())
            if progress is not None:
                print(f"[{n}/{len(files)}] {path.name}: {record['status']}", file=progress, flush=True)
    return {k: counts[k] for k in ("read", "verified", "flagged", "rejected", "failed")}
