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
