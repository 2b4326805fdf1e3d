"""Batches of requests answered later: OpenAI's Batch API, and the same files for vLLM's ``run-batch``.

``lines`` (the request and output line format, the documented limits, the key kept out), ``replay`` (request
lines built, and answers read, by the online path's own code), ``service`` (the Files and Batches APIs),
``online`` (request lines answered now, as output lines), ``prices`` (what a run cost).
"""

from .lines import ENDPOINT, MAX_BYTES, MAX_REQUESTS, OFFLINE_BASE_URL, Output, output_line, request_line, scrub
from .online import send_now
from .prices import BATCH_PRICES, Price, batch_price, parse_price
from .replay import Replay
from .service import TERMINAL, BatchApiError, BatchInfo, BatchService

__all__ = ["BATCH_PRICES", "BatchApiError", "BatchInfo", "BatchService", "ENDPOINT", "MAX_BYTES", "MAX_REQUESTS",
           "OFFLINE_BASE_URL", "Output", "Price", "Replay", "TERMINAL", "batch_price", "output_line", "parse_price",
           "request_line", "scrub", "send_now"]
