"""docs/configuration.md covers every knob the code has, read from the code:

- every field of ``Settings``, in its table, with the variable that sets it (checked through ``from_env``)
  and its default where it has a fixed one;
- every environment variable the package reads (scanned for across summarizer/);
- every flag of every ``summarizer`` command, from the command's own argparse parser.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import re
import typing

import pytest

from summarizer import Settings
from summarizer.cli import main
from summarizer.model import settings as settings_module

from support.corpus import ROOT

PACKAGE = ROOT / "summarizer"
PAGE = ROOT / "docs" / "configuration.md"
_VARIABLE = re.compile(r"(?:SUMMARIZER|OPENAI)_[A-Z0-9_]+")
_ENDPOINT = "http://127.0.0.1:9/v1"


def _page() -> str:
    return PAGE.read_text(encoding="utf-8")


def _mentioned(names: set[str]) -> list[str]:
    """Those of ``names`` the page does not show as code (in backticks)."""
    shown = set(re.findall(r"`([^`\s]+)`", _page()))
    return sorted(names - shown)


def _settings_rows() -> dict[str, dict[str, str]]:
    """field -> its row, cell by column name, from the table whose first column is ``field``."""
    rows: dict[str, dict[str, str]] = {}
    header: list[str] = []
    for line in _page().splitlines():
        if not line.startswith("|"):
            header = []
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0].lower() == "field":
            header = [c.lower() for c in cells]
        elif header and (m := re.fullmatch(r"`([a-z_]+)`", cells[0])):
            assert len(cells) == len(header), f"docs/configuration.md: the row of {m.group(1)} has the wrong cells"
            rows[m.group(1)] = dict(zip(header, cells, strict=True))
    return rows


# --- Settings -------------------------------------------------------------


def test_every_settings_field_has_a_row_and_no_row_names_a_field_that_is_gone():
    fields = {f.name for f in dataclasses.fields(Settings)}
    rows = set(_settings_rows())
    assert sorted(fields - rows) == [], f"docs/configuration.md's settings table has no row for {sorted(fields - rows)}"
    assert sorted(rows - fields) == [], f"docs/configuration.md documents settings that are gone: {sorted(rows - fields)}"


def _sample(field: str) -> tuple[str, object]:
    """A value for ``field`` other than its default, as a variable would spell it, and what it reads as."""
    kind = typing.get_type_hints(Settings, vars(settings_module))[field]  # Settings.__module__ is summarizer
    options = [a for arg in typing.get_args(kind) or (kind,) for a in (typing.get_args(arg)
               if typing.get_origin(arg) is typing.Literal else (arg,)) if a is not type(None)]
    default = next(f.default for f in dataclasses.fields(Settings) if f.name == field)
    if typing.get_origin(kind) is typing.Literal or all(isinstance(o, str) for o in options):
        choice = next(o for o in options if o != default)
        return choice, choice
    if any(typing.get_origin(o) is tuple for o in options):  # a list of words: grounded_picks
        return "summary,labels", ("summary", "labels")
    if int in options:
        return "3", 3
    if float in options:
        return "1.5", 1.5
    return "sample/v9", "sample/v9"


def test_each_variable_in_the_settings_table_sets_that_field():
    checked = 0
    for field, row in _settings_rows().items():
        for variable in _VARIABLE.findall(row["variable"]):
            text, value = {"OPENAI_BASE_URL": (_ENDPOINT, _ENDPOINT), "OPENAI_API_KEY": ("sk-test", "sk-test"),
                           "SUMMARIZER_MODEL": ("m", "m")}.get(variable) or _sample(field)
            env = {"OPENAI_BASE_URL": _ENDPOINT, variable: text}
            got = getattr(Settings.from_env(env), field)
            assert got == value, f"docs/configuration.md says {variable} sets {field}, but {variable}={text!r} " \
                                 f"gives {field}={got!r}"
            checked += 1
    assert checked >= 10


def test_each_fixed_default_in_the_settings_table_is_the_fields_default():
    rows, wrong = _settings_rows(), {}
    for f in dataclasses.fields(Settings):
        if f.name not in rows or f.default in (None, dataclasses.MISSING):
            continue
        shown = f"{f.default:g}" if isinstance(f.default, float) else str(f.default)
        if shown not in re.findall(r"[\w/.-]+", rows[f.name]["default"]):
            wrong[f.name] = shown
    assert wrong == {}, f"docs/configuration.md's default column does not show these fields' defaults: {wrong}"


# --- environment variables ------------------------------------------------


def _is_os_environ(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "environ" and isinstance(node.value, ast.Name) \
        and node.value.id == "os"


def read_variables() -> set[str]:
    """Every variable the package reads: ``SUMMARIZER_*``/``OPENAI_*`` names spelled as strings anywhere, and the
    names given to ``os.environ.get``, ``os.environ[...]`` and ``os.getenv`` (through a module constant too)."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                     for t in n.targets if isinstance(t, ast.Name)
                     and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _VARIABLE.fullmatch(node.value):
                found.add(node.value)
            key = None
            if isinstance(node, ast.Call) and node.args and isinstance(node.func, ast.Attribute) and (
                    (node.func.attr == "get" and _is_os_environ(node.func.value))
                    or (node.func.attr == "getenv" and isinstance(node.func.value, ast.Name)
                        and node.func.value.id == "os")):
                key = node.args[0]
            elif isinstance(node, ast.Subscript) and _is_os_environ(node.value) and isinstance(node.ctx, ast.Load):
                key = node.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                found.add(key.value)
            elif isinstance(key, ast.Name) and key.id in constants:
                found.add(constants[key.id])
    return found


def test_every_environment_variable_the_package_reads_is_documented():
    variables = read_variables()
    assert {"OPENAI_API_KEY", "SUMMARIZER_MODEL", "SUMMARIZER_THREADS", "SUMMARIZER_DEBUG"} <= variables
    missing = _mentioned(variables)
    assert missing == [], f"docs/configuration.md does not mention these environment variables: {missing}"


# --- command-line flags ---------------------------------------------------


class _Parser(BaseException):
    def __init__(self, parser: argparse.ArgumentParser) -> None:
        self.parser = parser


def _command_parser(monkeypatch: pytest.MonkeyPatch) -> argparse.ArgumentParser:
    """The parser ``summarizer`` itself builds, caught as it starts to parse (through the public entry point)."""
    def caught(self: argparse.ArgumentParser, *args: object, **kwargs: object) -> typing.NoReturn:
        raise _Parser(self)

    monkeypatch.setattr(argparse.ArgumentParser, "parse_args", caught)
    monkeypatch.setattr(argparse.ArgumentParser, "parse_known_args", caught)
    with pytest.raises(_Parser) as got:
        main(["--help"])
    return got.value.parser


def _flags(parser: argparse.ArgumentParser, command: str) -> dict[str, set[str]]:
    out = {command: {o for a in parser._actions for o in a.option_strings if o.startswith("--") and o != "--help"}}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out |= _flags(sub, f"{command} {name}")
    return out


def test_every_flag_of_every_command_is_documented(monkeypatch):
    flags = _flags(_command_parser(monkeypatch), "summarizer")
    assert {"summarizer run", "summarizer validate", "summarizer reconcile"} <= flags.keys()
    assert "--out" in flags["summarizer run"]
    missing = {command: m for command, names in flags.items() if (m := _mentioned(names))}
    assert missing == {}, f"docs/configuration.md does not mention these flags: {missing}"
