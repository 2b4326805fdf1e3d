"""The guard that keeps tests off the network: any connection beyond loopback fails loudly."""

from __future__ import annotations

import ipaddress
import socket

__all__ = ["NetworkBlocked", "guarded_connect", "guarded_connect_ex"]


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


def _guarded(real):
    def connect(self, address):
        if not _is_loopback(address):
            raise NetworkBlocked(f"tests may not reach the network (tried {address!r}); use a cassette or a mock")
        return real(self, address)

    return connect


guarded_connect = _guarded(socket.socket.connect)
guarded_connect_ex = _guarded(socket.socket.connect_ex)
