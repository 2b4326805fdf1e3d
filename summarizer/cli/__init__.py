"""The ``summarizer`` command: ``validate`` and ``run``."""

from .main import main

__all__ = ["main"]
