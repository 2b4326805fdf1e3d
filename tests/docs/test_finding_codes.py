"""A finding code is an API: every code the package can emit is in docs/checks.md's tables, and they list no other.

The codes are read from the code itself, not from a list: every call of ``finding(...)`` or ``Finding(...)``
anywhere under summarizer/, whatever the code's area (``quote.``, ``grounded.``, a new one tomorrow), and every
call of a helper that hands its own argument on to one of them as the code (such a helper is found, not named).
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from support.corpus import ROOT

PACKAGE = ROOT / "summarizer"
PAGE = ROOT / "docs" / "checks.md"
_CODE = re.compile(r"[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*")
_SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class _Maker:
    """How a callable takes a finding's code and severity: by position or keyword, or (severity) fixed."""

    code: tuple[int | None, str]
    severity: tuple[int | None, str | None] = (None, None)
    severities: tuple[str, ...] = ()


_BASE = {name: _Maker(code=(0, "code"), severity=(1, "severity")) for name in ("finding", "Finding")}


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` constants, so a code kept in a constant is still read."""
    out = {}
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else (
            node.target if isinstance(node, ast.AnnAssign) else None)
        if isinstance(target, ast.Name) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            out[target.id] = node.value.value
    return out


def _values(node: ast.expr, constants: dict[str, str]) -> list[str] | None:
    """The strings an argument can be (``"a" if x else "b"`` is both); None when code builds it at run time."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _values(node.body, constants), _values(node.orelse, constants)
        return None if body is None or orelse is None else body + orelse
    if isinstance(node, ast.Name) and node.id in constants:
        return [constants[node.id]]
    return None


def _argument(call: ast.Call, where: tuple[int | None, str | None]) -> ast.expr | None:
    position, keyword = where
    if position is not None and len(call.args) > position and not any(
            isinstance(a, ast.Starred) for a in call.args[:position + 1]):
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _called(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _parameters(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[list[str], set[str]]:
    """The parameters a caller passes by position (``self``/``cls`` left out), and every parameter's name."""
    a = fn.args
    positional = [p.arg for p in [*a.posonlyargs, *a.args]]
    if positional[:1] in (["self"], ["cls"]):
        positional = positional[1:]
    return positional, {*positional, *(p.arg for p in a.kwonlyargs)}


def _functions(tree: ast.Module):
    return (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))


def _wrappers(trees: dict[Path, ast.Module]) -> dict[str, _Maker]:
    """``finding``, ``Finding``, and every function that passes one of its parameters on to a maker as the code."""
    makers = dict(_BASE)
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            constants = _module_strings(tree)
            for fn in _functions(tree):
                if fn.name in makers:
                    continue
                positional, names = _parameters(fn)
                for call in (c for c in ast.walk(fn) if isinstance(c, ast.Call) and _called(c) in makers):
                    maker = makers[_called(call)]
                    code = _argument(call, maker.code)
                    if not (isinstance(code, ast.Name) and code.id in names):
                        continue
                    severity = _argument(call, maker.severity)
                    at = lambda name: (positional.index(name) if name in positional else None, name)  # noqa: E731
                    if isinstance(severity, ast.Name) and severity.id in names:
                        makers[fn.name] = _Maker(code=at(code.id), severity=at(severity.id))
                    else:
                        fixed = (_values(severity, constants) if severity is not None else None) or maker.severities
                        makers[fn.name] = _Maker(code=at(code.id), severities=tuple(fixed))
                    grew = True
                    break
    return makers


def emitted_codes() -> tuple[dict[str, set[str]], list[str]]:
    """Every finding code made anywhere in the package, with the severities it is made with; and the places where
    a code is built at run time, which cannot be read."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
             for path in sorted(PACKAGE.rglob("*.py"))}
    makers = _wrappers(trees)
    codes: dict[str, set[str]] = defaultdict(set)
    unreadable: list[str] = []
    for path, tree in trees.items():
        constants = _module_strings(tree)
        forwarding = {id(c) for fn in _functions(tree) if fn.name in makers
                      for c in ast.walk(fn) if isinstance(c, ast.Call) and _called(c) in makers
                      and isinstance(code := _argument(c, makers[_called(c)].code), ast.Name)
                      and code.id in _parameters(fn)[1]}
        for call in (c for c in ast.walk(tree) if isinstance(c, ast.Call) and _called(c) in makers):
            if id(call) in forwarding:
                continue  # a maker handing on its caller's code: the callers are read instead
            maker = makers[_called(call)]
            code = _argument(call, maker.code)
            found = _values(code, constants) if code is not None else None
            if found is None:
                unreadable.append(f"{path.relative_to(ROOT)}:{call.lineno}")
                continue
            severity = _argument(call, maker.severity)
            levels = (_values(severity, constants) if severity is not None else None) or list(maker.severities)
            for c in found:
                codes[c].update(levels)
    return dict(codes), unreadable


def documented_codes() -> dict[str, str]:
    """code -> the severity cell of its row, from every table in docs/checks.md whose first column is ``code``."""
    rows: dict[str, str] = {}
    in_table = False
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            in_table = False
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0].lower().startswith("code"):
            in_table = True
        elif in_table and len(cells) > 1:
            for code in re.findall(r"`([^`]+)`", cells[0]):
                rows[code] = cells[1]
    return rows


def test_the_scan_reads_the_codes_of_every_area():
    codes, unreadable = emitted_codes()
    assert unreadable == [], f"finding codes built at run time, which this test cannot read: {unreadable}"
    assert {"quote.not_found", "text.number_not_in_source", "grounded.unknown_pick"} <= codes.keys()
    assert [c for c in codes if not _CODE.fullmatch(c)] == [], "a finding code is area.what, in snake case"


def test_every_code_the_package_emits_is_documented():
    codes, _ = emitted_codes()
    missing = sorted(codes.keys() - documented_codes().keys())
    assert missing == [], f"docs/checks.md documents no row for these finding codes: {missing}"


def test_the_docs_document_no_code_the_package_no_longer_emits():
    codes, _ = emitted_codes()
    stale = sorted(documented_codes().keys() - codes.keys())
    assert stale == [], f"docs/checks.md documents codes the package never emits: {stale}"


def test_each_code_is_documented_with_every_severity_it_is_emitted_with():
    codes, _ = emitted_codes()
    documented = documented_codes()
    wrong = {code: sorted(levels) for code, levels in codes.items()
             if code in documented and not all(level in documented[code] for level in levels)}
    assert wrong == {}, f"docs/checks.md's severity column leaves out severities these codes are emitted with: {wrong}"
    assert all(level in _SEVERITIES for levels in codes.values() for level in levels)
