"""The guard in conftest.py: a test that reaches past loopback fails loudly."""

import socket

import pytest

from support.network import NetworkBlocked


def test_a_test_that_reaches_the_network_fails_loudly():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkBlocked, match="may not reach the network"):
            s.connect(("93.184.216.34", 80))
    finally:
        s.close()


def test_loopback_stays_allowed():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        client.connect(server.getsockname())
    finally:
        client.close()
        server.close()
