"""A summary JSON file, read for ``validate``; when it is not a summary, one line that says what is wrong in it
and how to fix it (where the JSON breaks, which field is missing or unknown, what a summary holds)."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..contract.errors import InputError
from ..contract.summary import ArticleSummary
from ..io.encoding import decode
from ..io.json_errors import json_error

__all__ = ["load_summary"]

_SHOWN = 3
"""Problems named in the one line; the rest are counted."""

_NAMES = {"ArticleSummary": "a summary", "Event": "an event", "Figure": "a figure", "Quote": "a quote"}

_FORMAT = "`summarizer schema` prints the summary's JSON Schema"


def load_summary(path: str) -> ArticleSummary:
    """A summary JSON file (UTF-8, with or without a byte-order mark, or UTF-16), or an InputError saying why not."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a folder; give the path of a summary JSON file")
    try:
        data, _ = decode(p.read_bytes())
    except FileNotFoundError:
        raise InputError(f"{p}: no such file; give the path of a summary JSON file") from None
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror}); give a summary JSON file") from None
    try:
        return ArticleSummary.model_validate_json(data)
    except ValidationError as e:
        raise InputError(f"{p}: {_why(data, e)}") from None


def _why(data: str, e: ValidationError) -> str:
    errors = e.errors()
    if errors[0]["type"] == "json_invalid":
        try:
            json.loads(data)
        except json.JSONDecodeError as bad:
            where = json_error(data, bad)
            return f"not valid JSON: line {where.line}, column {where.column}: {where.message}"
        return f"not valid JSON ({errors[0]['msg']})"
    said: dict[str, str] = {}  # one problem a place, the last said of it: "a valid number" after "integer"
    for error in errors:
        place, model = _place(error["loc"])
        said[place] = _problem(place, model, error)
    problems = list(said.values())
    more = f" (and {len(problems) - _SHOWN} more)" if len(problems) > _SHOWN else ""
    _, model = _place(errors[0]["loc"])
    return f"not a valid summary: {'; '.join(problems[:_SHOWN])}{more}. {_needs(model)}; {_FORMAT}"


def _place(loc: tuple[Any, ...]) -> tuple[str, type[BaseModel]]:
    """``figures[0].label`` for ("figures", 0, "label"), and the model whose field that is (Figure)."""
    holder: type[BaseModel] = ArticleSummary
    model: type[BaseModel] | None = ArticleSummary  # whose fields the next name is among; None: a plain value's
    place = ""
    for part in loc:
        if isinstance(part, int):
            place += f"[{part}]"
            continue
        if model is None:
            break  # the branch of a union ("int", "float") under a plain value: the place is the value's
        place += f".{part}" if place else str(part)
        holder = model
        field = model.model_fields.get(part)
        if field is None:
            break  # a field the model does not have
        inner = [a for a in typing.get_args(field.annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
        model = inner[0] if inner else None
    return place, holder


def _problem(place: str, model: type[BaseModel], error: Any) -> str:
    kind, value = error["type"], error.get("input")
    if kind == "missing":
        return f"{place} is missing"
    if kind == "extra_forbidden":
        return f"{place} is not a field of {_NAMES.get(model.__name__, model.__name__)}"
    if kind == "model_type":
        return f"{place or 'the file'} is {_json_kind(value)}, not an object"
    if kind == "literal_error":
        return f"{place} is {json.dumps(value, ensure_ascii=False)}; it must be one of {error['ctx']['expected']}"
    if kind == "number_type":  # the contract's own message already shows the value: "must be a JSON number, not true"
        return f"{place}: {error['msg']}"
    shown = json.dumps(value, ensure_ascii=False)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"{place or 'the file'}: {error['msg'][:1].lower()}{error['msg'][1:]} (it is {shown})"


def _json_kind(value: Any) -> str:
    for kind, name in ((list, "a list"), (str, "a string"), (bool, "true or false"), ((int, float), "a number")):
        if isinstance(value, kind):
            return name
    return "null" if value is None else "not an object"


def _needs(model: type[BaseModel]) -> str:
    """What ``model`` must and may hold: "A figure needs id, label, value and text (unit, ... optional)"."""
    required = [n for n, f in model.model_fields.items() if f.is_required()]
    optional = [n for n, f in model.model_fields.items() if not f.is_required()]
    name = _NAMES.get(model.__name__, model.__name__)
    return (f"{name[0].upper()}{name[1:]} needs {_and(required)}"
            + (f" ({_and(optional)} {'is' if len(optional) == 1 else 'are'} optional)" if optional else ""))


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
