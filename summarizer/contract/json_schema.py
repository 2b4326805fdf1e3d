"""The JSON Schemas in ``schemas/``, generated from the pydantic models.

Regenerate with ``python -m summarizer.contract.json_schema``; a test fails when the files
and the models drift apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from .record import ResultRecord
from .report import Report
from .story import Reconciliation
from .summary import ArticleSummary

__all__ = ["SCHEMAS", "render"]

SCHEMAS: dict[str, type[BaseModel]] = {
    "article_summary.schema.json": ArticleSummary,
    "report.schema.json": Report,
    "result_record.schema.json": ResultRecord,
    "story.schema.json": Reconciliation,
}


def render(model: type[BaseModel]) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    out = Path(argv[0] if argv else "schemas")
    out.mkdir(parents=True, exist_ok=True)
    for name, model in SCHEMAS.items():
        (out / name).write_text(render(model), encoding="utf-8")
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
