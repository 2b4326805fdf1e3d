"""Another commit's code beside this checkout's, to measure both side by side in one run.

``code_at("main")`` writes that commit's tree (``git archive``) into a temporary folder and gives its path;
run the same measuring script under ``PYTHONPATH=that path`` and under this checkout's root, from a neutral
folder, so that each process imports one version of summarizer.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def commit_of(ref: str) -> str:
    """The short commit ``ref`` names (``HEAD`` for this checkout's)."""
    return subprocess.run(["git", "rev-parse", "--short", ref], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


@contextmanager
def code_at(ref: str) -> Iterator[Path]:
    """A temporary folder holding the tree of ``ref``, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="summarizer-") as tmp:
        archive = Path(tmp) / "tree.tar"
        subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), ref], cwd=ROOT, check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(Path(tmp) / "tree", filter="data")
        yield Path(tmp) / "tree"


def run_python(code: Path, script: str, *args: str) -> str:
    """The standard output of ``python -c script args`` with ``code`` first on the path, from a neutral folder."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(code), str(ROOT)])}
    with tempfile.TemporaryDirectory() as cwd:
        done = subprocess.run([sys.executable, "-c", script, *args], env=env, cwd=cwd, capture_output=True,
                              text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the measuring process failed:\n{done.stderr[-2000:]}")
    return done.stdout
