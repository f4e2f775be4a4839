"""Page timings, measured in-process: what a benchmark calls to hold pages under budget.

Requests go straight to the ASGI app (no sockets, no HTTP client library), so the numbers are
the server's own work: the ``Server-Timing`` header the guard adds, and the wall time of the
whole call around it.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

from starlette.types import ASGIApp, Message


async def _get(
    app: ASGIApp, target: str, headers: list[tuple[bytes, bytes]]
) -> tuple[int, dict[bytes, bytes], int]:
    path, _, query = target.partition("?")
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"localhost"), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    status = 0
    response_headers: dict[bytes, bytes] = {}
    size = 0
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(3600)  # a client that stays connected
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        nonlocal status, size
        if message["type"] == "http.response.start":
            status = message["status"]
            response_headers.update({k.lower(): v for k, v in message.get("headers", [])})
        elif message["type"] == "http.response.body":
            size += len(message.get("body", b""))

    await app(scope, receive, send)
    return status, response_headers, size


def _server_ms(headers: dict[bytes, bytes]) -> float | None:
    for part in headers.get(b"server-timing", b"").decode().split(","):
        name, _, params = part.strip().partition(";")
        if name == "app":
            for p in params.split(";"):
                if p.startswith("dur="):
                    return float(p[4:])
    return None


def time_pages(
    app: ASGIApp,
    paths: list[str],
    repeat: int = 5,
    watched: str | None = None,
    token: str | None = None,
) -> dict[str, dict[str, Any]]:
    """For each path (with its query): the status, the median and worst server time in ms
    over ``repeat`` requests after a first, cold one (timed apart: it fills the caches), the
    median wall time, and the body size.
    ``watched`` sets the "watched up to" cookie; ``token`` is sent as a bearer token."""
    headers: list[tuple[bytes, bytes]] = []
    if watched:
        headers.append((b"cookie", f"watched={watched}".encode()))
    if token:
        headers.append((b"authorization", f"Bearer {token}".encode()))

    async def measure() -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for path in paths:
            started = time.perf_counter()
            status, got, size = await _get(app, path, headers)  # cold: fills the caches
            first_wall = (time.perf_counter() - started) * 1000
            first = _server_ms(got)
            server, wall = [], []
            for _ in range(max(1, repeat)):
                started = time.perf_counter()
                status, got, size = await _get(app, path, headers)
                wall.append((time.perf_counter() - started) * 1000)
                ms = _server_ms(got)
                if ms is not None:
                    server.append(ms)
            out[path] = {
                "status": status,
                "server_ms": round(statistics.median(server), 2) if server else None,
                "server_max_ms": round(max(server), 2) if server else None,
                "wall_ms": round(statistics.median(wall), 2),
                "first_server_ms": first,
                "first_wall_ms": round(first_wall, 2),
                "bytes": size,
            }
        return out

    return asyncio.run(measure())
