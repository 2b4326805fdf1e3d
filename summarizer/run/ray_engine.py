"""``summarizer run --engine ray``: the same run on Ray Data.

Ray reads the inputs (``ray_inputs``), an actor pool summarizes and checks
them (``pipeline.dataset.summarize_dataset``), and this process stays the
single writer: it streams the finished rows back and appends them to the
default engine's ``ResultsFile``s, with the same resume (ids done with the
same text and settings are skipped, by the actors, unasked), the same dead
letters (a failure recorded once), the same counts and the same stops (a
refused key, an unknown model, an endpoint gone). A kill leaves at most one
partial line, cut off by the next run, which goes on from there.

With no address a local Ray is started for the run and always stopped
(``local_ray``): at the end, on an error, on Ctrl-C, on SIGTERM (Ray's own
handler turns it into ``SystemExit``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import types
import warnings
from collections.abc import Iterator
from typing import IO, Any

from ..contract.errors import UsageError
from ..contract.record import DeadLetter
from ..io.results import ResultsFile
from ..model.failures import STOPS_THE_RUN
from ..model.settings import Settings
from ..pipeline.dataset import require_ray, summarize_dataset
from .job import Breaker, Counts, RunOptions
from .progress import Progress
from .ray_inputs import article_dataset, count_local

__all__ = ["QUIET_ENV", "local_ray", "run_on_ray"]

QUIET_ENV = {
    "RAY_USAGE_STATS_ENABLED": "0",  # no usage report sent, no prompt about it
    "RAY_ENABLE_AUTO_CONNECT": "0",  # after shutdown, a late Ray Data call must not start a second Ray
    "RAY_AUTH_MODE": "disabled",  # 2.60 otherwise warns and writes a token to ~/.ray/auth_token
    # Every listener of a local Ray on 127.0.0.1, not on the machine's network address (Ray's own switch for
    # single-machine clusters; measured on Linux too).
    "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",
}
"""Set (unless already set) before Ray is imported: several are read at import."""


def _import_ray() -> Any:
    for name, value in QUIET_ENV.items():
        os.environ.setdefault(name, value)
    require_ray()
    import ray

    return ray


def _quiet_data() -> None:
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # ours is drawn from the counts
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)  # "progress bars disabled", each run


@contextlib.contextmanager
def local_ray(address: str | None = None, *, num_cpus: int | None = None) -> Iterator[Any]:
    """Ray, connected: to ``address``, or a new local Ray stopped on the way out (whatever happens). Already
    connected (a notebook, a test session): that Ray is used and left running."""
    ray = _import_ray()
    if address:
        _check_reachable(address)
    if ray.is_initialized():
        _quiet_data()
        yield ray
        return
    quiet: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING}
    try:
        if address:
            try:
                ray.init(address=address, **quiet)
            except (ConnectionError, RuntimeError, ValueError) as e:
                raise UsageError(_no_cluster(address, _first_line(e))) from None
        else:
            # "local": a new Ray of our own. Plain ray.init() would join any cluster `ray start` left on this
            # machine, or RAY_ADDRESS's, and we would stop what is not ours.
            ray.init(address="local", num_cpus=num_cpus, include_dashboard=False, **quiet)
        _quiet_data()
        yield ray
    finally:
        ray.shutdown()  # a local Ray stops with it; from a cluster we only disconnect


def _no_cluster(address: str, why: str) -> str:
    return (f"--ray-address {address}: no Ray cluster answered there ({why}); give the address `ray start --head` "
            "printed (host:6379), or leave --ray-address out to start a local Ray")


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """A ``UsageError`` at once when nothing listens at a host:port address (ray.init would retry for minutes).
    "auto" (the cluster `ray start` left on this machine) is left to Ray."""
    if address == "auto":
        return
    host, sep, port = address.split("://", 1)[-1].rstrip("/").rpartition(":")
    if not sep or not host or not port.isdigit():
        raise UsageError(f"--ray-address {address}: not an address; give host:port, e.g. 10.0.0.5:6379 "
                         "(what `ray start --head` printed), or auto")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as e:
        raise UsageError(_no_cluster(address, e.strerror or type(e).__name__)) from None


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return text[0][:200] if text else type(e).__name__


def run_on_ray(options: RunOptions, settings: Settings, *, stderr: IO[str] | None = None,
               progress: bool | None = None, notice: str | None = None) -> Counts:
    """The run of ``run.engines.run``, on Ray; the options are already checked."""
    out, dead = ResultsFile(options.out), ResultsFile(options.dead_letter)
    total = count_local(options.inputs)
    counts = Counts()
    actors = min(options.ray_actors, options.concurrency)
    per_actor = -(-options.concurrency // actors)
    bar = Progress(total, stderr, enabled=progress, notice=notice)
    breaker = Breaker(max(3, options.concurrency))
    try:
        done = out.recover()  # holds --out locked until out.close(): a second run on it is refused
        recorded = dead.recover_dead_letters()
        with local_ray(options.ray_address), warnings.catch_warnings():
            # Fewer blocks than actors (a small input) is no fault of the user's: Ray Data warns of idle actors.
            warnings.filterwarnings("ignore", "The minimum number of concurrent actors", UserWarning)
            rows = summarize_dataset(article_dataset(options.inputs), settings, done=done, actors=actors,
                                     per_actor=per_actor)
            for block in rows.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1):
                for status, kind, tokens, line in zip(*(block.column(c).to_pylist() for c in
                                                        ("status", "failure_kind", "tokens", "record")), strict=True):
                    if status != "skipped" and kind != "input":
                        bar.calling()  # the actors skip what is done: the first row that went to the model says it
                    counts.read += 1
                    counts.add(status)
                    counts.tokens += tokens
                    if status == "failed":
                        letter = DeadLetter.model_validate_json(line)
                        if letter.key() not in recorded:
                            recorded.add(letter.key())
                            dead.append_json(line)
                        failure = types.SimpleNamespace(failure_kind=kind, failure=letter.reason)
                        if kind in STOPS_THE_RUN:
                            counts.stopped = letter.reason
                        elif kind != "input" and breaker.tripped(failure):  # as by default: input is no call
                            counts.stopped = breaker.reason(failure)
                    elif status != "skipped":
                        out.append_json(line)
                        breaker.tripped(types.SimpleNamespace(failure_kind=None, failure=None))
                    bar.update(counts)
                    if counts.stopped:
                        break  # the rest of the block is left undone, as by default: the next run does it
                if counts.stopped:
                    break  # leaving the loop ends the job: Ray cancels what is still in flight
    finally:
        bar.close()
        out.close()
        dead.close()
    if counts.stopped:
        counts.read = max(counts.read, total or 0)
    return counts
