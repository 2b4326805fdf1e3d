"""`summarizer --version`, and the commands the top-level help lists."""

import importlib.metadata
import subprocess
import sys

import pytest

import summarizer
from summarizer.cli import main


def test_version_prints_the_packages_version_and_exits_zero(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out == f"summarizer {summarizer.__version__}\n"


def test_the_installed_metadata_and_the_package_give_the_same_version():
    assert importlib.metadata.version("summarizer") == summarizer.__version__


def test_version_through_the_console_entry_point():
    run = subprocess.run([sys.executable, "-m", "summarizer", "--version"], capture_output=True, text=True)
    assert (run.returncode, run.stdout, run.stderr) == (0, f"summarizer {summarizer.__version__}\n", "")


def test_the_help_lists_every_command_and_version(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--version" in out
    assert all(command in out for command in ("validate", "run", "reconcile", "schema"))
