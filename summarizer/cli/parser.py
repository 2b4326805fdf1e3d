"""argparse, with the usage errors a newcomer can act on.

A flag the command does not know is named, with the nearest one it does
(``--output``: did you mean ``--out``?), in the usage of the command it was
given to: ``summarizer run x --output y`` shows ``run``'s usage, not the
top-level one, and does not stop at "the following arguments are required".
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

__all__ = ["CommandParser"]

_NUMBER = re.compile(r"-\d+(\.\d*)?|-\.\d+")


class CommandParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` (and the class of its sub-commands' parsers) that names unknown flags."""

    _given: list[str]

    def parse_known_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:
        self._given = list(sys.argv[1:] if args is None else args)
        if self._subcommands() and self.unknown_flags(self._given):
            self.error("unrecognized arguments")  # before the command: said here, before the command parses
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:  # said here, in this command's usage, not by the top level in its own
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras

    def error(self, message: str) -> NoReturn:
        unknown = self.unknown_flags(getattr(self, "_given", []))
        if unknown:
            said = "; ".join(self._unknown(flag) for flag in unknown)
            message = said if message.startswith("unrecognized arguments") else f"{said}; {message}"
        super().error(message)

    def unknown_flags(self, args: Sequence[str]) -> list[str]:
        """The flags in ``args`` that this parser does not know (nor takes as an abbreviation)."""
        commands = self._subcommands()
        known = [o for a in self._actions for o in a.option_strings]
        unknown = []
        for arg in args:
            if arg == "--" or arg in commands:
                break  # what follows is positional, or the sub-command's to judge
            if not arg.startswith("-") or arg == "-" or _NUMBER.fullmatch(arg):
                continue
            name = arg.split("=", 1)[0] if arg.startswith("--") else arg[:2]
            if name not in known and not (name.startswith("--") and any(o.startswith(name) for o in known)):
                unknown.append(name)
        return unknown

    def _subcommands(self) -> set[str]:
        return {name for a in self._actions if isinstance(a, argparse._SubParsersAction) for name in a.choices}

    def _unknown(self, flag: str) -> str:
        longs = [o for a in self._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
        near = difflib.get_close_matches(flag, longs, n=1, cutoff=0.6)
        return f"unknown flag {flag}" + (f" (did you mean {near[0]}?)" if near else "")
