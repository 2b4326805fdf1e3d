"""Shared test helpers, and a guard that fails any test reaching past loopback."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

from summarizer import ArticleSummary

HERE = Path(__file__).parent
CORPUS = HERE / "data" / "corpus"
FIXTURES = HERE / "fixtures"


def corpus_path(n: str) -> Path:
    (path,) = CORPUS.glob(f"{n}_*.txt")
    return path


def corpus(n: str) -> str:
    """A bundled article's exact text (newlines kept as they are on disk)."""
    with open(corpus_path(n), encoding="utf-8", newline="") as f:
        return f.read()


def fixture_summary(n: str) -> ArticleSummary:
    """A hand-checked summary of article ``n``: a fixture, not a model's answer."""
    return ArticleSummary.model_validate_json((FIXTURES / f"{n}.summary.fixture.json").read_text(encoding="utf-8"))


ENDPOINT_KEY = "sk-test-never-written-0123456789"


@pytest.fixture
def endpoint(monkeypatch):
    """An OpenAI-compatible server on loopback answering with the fixtures, set as the endpoint."""
    from fake_endpoint import Endpoint, FixtureEngine
    from summarizer.local import LOCAL_MODEL

    with Endpoint(FixtureEngine()) as e:
        monkeypatch.setenv("OPENAI_BASE_URL", e.url)
        monkeypatch.setenv("OPENAI_API_KEY", ENDPOINT_KEY)
        monkeypatch.setenv("SUMMARIZER_MODEL", LOCAL_MODEL)
        yield e


class NetworkBlocked(RuntimeError):
    pass


def _is_loopback(address: object) -> bool:
    if not isinstance(address, tuple) or not address:
        return True  # AF_UNIX paths and the like never leave the machine
    host = address[0]
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _guarded(real):
    def connect(self, address):
        if not _is_loopback(address):
            raise NetworkBlocked(f"tests may not reach the network (tried {address!r}); use a cassette or a mock")
        return real(self, address)

    return connect


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded(_real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded(_real_connect_ex))
