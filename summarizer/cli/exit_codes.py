"""The exit statuses of the ``summarizer`` command, in one place (docs/exit-codes.md and each command's ``--help``
show them; a test holds the three together)."""

from __future__ import annotations

__all__ = ["EPILOG", "EXIT_BUG", "EXIT_ERROR", "EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_REJECTED",
           "EXIT_STOPPED", "RECONCILE_EPILOG", "VALIDATE_EPILOG"]

EXIT_OK = 0
EXIT_REJECTED = 1
"""validate: the summary is rejected; run: some summaries are rejected and --fail-on-rejected was given."""
EXIT_ERROR = 2
"""Bad usage or input: a bad flag, a missing file, colliding paths, a summary file that is not a summary."""
EXIT_FAILED = 3
"""run: some articles failed (could not be read or summarized); the reasons are in the dead-letter file."""
EXIT_STOPPED = 4
"""run: stopped early (the key was refused, the model is unknown, the endpoint could not be reached)."""
EXIT_BUG = 5
"""summarizer itself failed; the message says what to report."""
EXIT_INTERRUPTED = 130

EPILOG = """exit status:
  0    success (run: every article read was summarized or already done)
  1    validate: the summary is rejected; run: summaries were rejected and --fail-on-rejected was given
  2    bad usage or input (a bad flag, a missing file, colliding paths, another run holding --out); nothing was
       written
  3    run: articles failed (could not be read or summarized); reasons in the dead-letter file
  4    run: stopped early (key refused, unknown model, endpoint unreachable); what is done is kept
  5    summarizer itself failed (a bug; the message says what to report)
  130  interrupted (Ctrl-C); what is done is kept
"""

VALIDATE_EPILOG = """exit status:
  0    the summary is verified or flagged (warnings only)
  1    the summary is rejected (the findings say why)
  2    bad usage or input (a missing or empty article, a summary file that is not a summary: the line says
       what is wrong; `summarizer schema` prints the summary's JSON Schema)
  5    the checks themselves failed on this summary (a bug; the message says what to report)
  130  interrupted (Ctrl-C)
"""

RECONCILE_EPILOG = """exit status:
  0    the stories are written
  2    bad usage or input (a bad flag, a missing results file, --out naming an input); nothing was written
  5    summarizer itself failed (a bug; the message says what to report)
  130  interrupted (Ctrl-C)
"""
