"""The ``summarizer`` command: ``validate``, ``run`` and ``reconcile``."""

from .main import main

__all__ = ["main"]
