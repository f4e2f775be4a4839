"""The HTTP server around the app: uvicorn, with the limits a server on a shared network needs.

- The listening socket is bound here, before the universe is built, so that a bad or busy port
  is one clear sentence (``InputError``), not two uvicorn tracebacks.
- Slow clients: a request's headers must arrive within ``HEADER_TIMEOUT`` seconds (uvicorn has
  no such limit: 200 connections trickling a header byte at a time stayed open), an idle
  keep-alive connection is closed after ``KEEP_ALIVE`` seconds, and past ``MAX_CONNECTIONS``
  open connections new requests are answered 503 at once.
- ``X-Forwarded-For`` and friends are trusted only with ``proxy=True`` (``serve --proxy``):
  otherwise any local client could pose as a new address per request and escape the rate limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from showbible.model import InputError

HEADER_TIMEOUT = 10.0  # seconds for a request line and headers to arrive
KEEP_ALIVE = 5.0  # seconds an idle keep-alive connection is kept
MAX_CONNECTIONS = 200  # open connections (and requests in flight) before answering 503


class _Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline on each request's headers."""

    header_timeout = HEADER_TIMEOUT

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._header_deadline: asyncio.TimerHandle | None = None
        self._arm()

    def _waiting_for_headers(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _arm(self) -> None:
        if self._header_deadline is None:
            self._header_deadline = self.loop.call_later(self.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _too_slow(self) -> None:
        self._header_deadline = None
        if self._waiting_for_headers() and not self.transport.is_closing():
            with contextlib.suppress(h11.LocalProtocolError):
                self.conn.send(h11.ConnectionClosed())
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._waiting_for_headers():
            self._arm()  # the deadline runs from the first byte, not from the last
        else:
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        # The next request on this connection gets its own deadline (keep-alive's own timer
        # closes an idle connection sooner).
        self._disarm()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or InputError saying why not in one sentence."""
    if not 0 <= port <= 65535:
        raise InputError(f"--port {port} is not a port: use 1-65535 (0 picks a free one)")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"--host {host!r} is not an address of this machine: {exc}") from None
    family, kind, proto, _name, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6 and hasattr(socket, "IPV6_V6ONLY"):
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        why = exc.strerror or str(exc)
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            why = "another program is already listening there (choose another --port)"
        elif exc.errno in (13, 10013):  # EACCES
            why = "permission denied (ports below 1024 need privileges; choose another --port)"
        elif exc.errno in (99, 49, 10049):  # EADDRNOTAVAIL
            why = "that address is not one of this machine's (check --host)"
        raise InputError(f"cannot listen on {host}:{port}: {why}") from None
    sock.set_inheritable(True)
    return sock


def config(app: Any, *, proxy: bool = False, **extra: Any) -> uvicorn.Config:
    """The uvicorn configuration every showbible server runs with (the tests use it too)."""
    return uvicorn.Config(
        app,
        http=_Protocol,
        log_level="warning",
        server_header=False,
        proxy_headers=proxy,
        forwarded_allow_ips=None,  # uvicorn's own: FORWARDED_ALLOW_IPS, else 127.0.0.1
        timeout_keep_alive=int(KEEP_ALIVE),
        limit_concurrency=MAX_CONNECTIONS,
        h11_max_incomplete_event_size=16 * 1024,
        **extra,
    )


def serve(app: Any, sock: socket.socket, *, proxy: bool = False) -> None:
    """Serve ``app`` on the bound ``sock`` until interrupted."""
    server = uvicorn.Server(config(app, proxy=proxy))
    server.run(sockets=[sock])
