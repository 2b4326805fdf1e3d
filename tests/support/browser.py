"""Debian's chromium, headless, as the page tests open a written page: the DOM after its scripts ran, and the
browser's log (where a Content-Security-Policy refusal would show)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")

needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


def dump_dom(page: Path, profile: Path) -> subprocess.CompletedProcess:
    """Open ``page`` in headless chromium with a fresh ``profile`` and nothing reaching past the machine; the
    DOM in ``stdout``, the log in ``stderr``."""
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=1", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
