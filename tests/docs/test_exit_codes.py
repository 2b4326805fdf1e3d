"""The exit-status table in docs/exit-codes.md is the one the code defines (summarizer/cli/exit_codes.py).

Each ``EXIT_*`` constant is a row with its number and name, the table has no other row, and ``--help``'s
epilog (``EPILOG``) lists the same statuses.
"""

from __future__ import annotations

import re

from summarizer.cli import exit_codes

from support.corpus import ROOT

PAGE = ROOT / "docs" / "exit-codes.md"


def _constants() -> dict[str, int]:
    return {name: value for name, value in vars(exit_codes).items() if name.startswith("EXIT_")}


def _table() -> dict[str, int]:
    """name -> status, from the rows ``| 0 | `EXIT_OK` | ... |``."""
    rows = re.findall(r"^\|\s*(\d+)\s*\|\s*`(EXIT_[A-Z_]+)`\s*\|", PAGE.read_text(encoding="utf-8"), re.MULTILINE)
    return {name: int(status) for status, name in rows}


def test_the_table_has_every_exit_constant_with_its_status_and_no_other():
    constants, table = _constants(), _table()
    assert len(constants) >= 7
    wrong = {name: (table.get(name), status) for name, status in constants.items() if table.get(name) != status}
    assert wrong == {}, f"docs/exit-codes.md: these constants' rows are missing or wrong (docs, code): {wrong}"
    assert table.keys() <= constants.keys(), f"docs/exit-codes.md has rows for no constant: {table.keys() - constants.keys()}"


def test_the_help_epilog_lists_the_same_statuses():
    listed = {int(s) for s in re.findall(r"^\s+(\d+)\s", exit_codes.EPILOG, re.MULTILINE)}
    assert listed == set(_constants().values()), "EPILOG (summarizer --help) and the EXIT_* constants differ"


def _statuses(epilog: str) -> list[int]:
    return [int(s) for s in re.findall(r"^\s+(\d+)\s", epilog, re.MULTILINE)]


def _command_row(command: str) -> list[int]:
    """The statuses the page's per-command table gives ``command``: ``| `validate` | 0 ..., 1 ..., |``."""
    (cell,) = re.findall(rf"^\|\s*`{command}`\s*\|(.*)\|\s*$", PAGE.read_text(encoding="utf-8"), re.MULTILINE)
    return [int(n) for n in re.findall(r"(?<![\w-])(\d+)(?![\w-])", cell)]


def test_each_commands_help_lists_its_statuses_as_the_page_does():
    constants = set(_constants().values())
    for command, epilog in (("validate", exit_codes.VALIDATE_EPILOG), ("reconcile", exit_codes.RECONCILE_EPILOG)):
        listed = _statuses(epilog)
        assert set(listed) <= constants, f"{command} --help lists a status no EXIT_* constant has"
        assert _command_row(command) == listed, f"docs/exit-codes.md and {command} --help give other statuses"
