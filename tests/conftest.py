"""Fixtures for every test, and a guard that fails any test reaching past loopback."""

from __future__ import annotations

import socket

import pytest

from support.completions import FIXTURE_MODEL
from support.endpoint import ENDPOINT_KEY, Endpoint, FixtureEngine
from support.network import guarded_connect, guarded_connect_ex


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)


@pytest.fixture
def endpoint(monkeypatch):
    """An OpenAI-compatible server on loopback answering with the fixtures, set as the endpoint."""
    with Endpoint(FixtureEngine()) as e:
        monkeypatch.setenv("OPENAI_BASE_URL", e.url)
        monkeypatch.setenv("OPENAI_API_KEY", ENDPOINT_KEY)
        monkeypatch.setenv("SUMMARIZER_MODEL", FIXTURE_MODEL)
        yield e


@pytest.fixture(scope="session")
def local_ray():
    """One local Ray (2 CPUs) for the tests that need it, started once (seconds), always stopped at the end.
    Code under test that asks for Ray finds it connected and uses it."""
    import os

    from summarizer.run.ray_engine import local_ray as start

    # Ray's workers import what they run by module name: the test helpers too.
    tests = str(__import__("pathlib").Path(__file__).resolve().parent)
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [tests, before]))
    try:
        with start(num_cpus=2) as ray:
            yield ray
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before
