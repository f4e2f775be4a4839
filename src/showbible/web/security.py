"""The guard in front of every request: read-only methods, the optional token, security
headers, `Server-Timing`, and no stack trace ever reaching a browser.

A plain ASGI middleware (not a Starlette ``BaseHTTPMiddleware``) so that it wraps static files,
errors and HEAD requests alike, and adds nothing but a header or two to the response path.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("showbible.web")

TOKEN_COOKIE = "showbible_token"
# Self only: no inline script or style, no plugins, no framing, forms only to ourselves.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
ALLOWED = {"GET", "HEAD"}
MAX_BODY = 16 * 1024  # a read-only server needs no request body at all; this is generous
MAX_TARGET = 4096  # path plus query string
RATE = 50.0  # requests per second per client, sustained ...
BURST = 200.0  # ... with this much room for a page and its static files at once


class RateLimiter:
    """A token bucket per client address: a shared server stays usable for everyone when one
    client (or a script) hammers it."""

    def __init__(self, rate: float = RATE, burst: float = BURST) -> None:
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, client: str, now: float | None = None) -> float:
        """0 when the request may go ahead, else the seconds to wait."""
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.get(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens < 1.0:
            self._buckets[client] = (tokens, now)
            return (1.0 - tokens) / self.rate
        self._buckets[client] = (tokens - 1.0, now)
        if len(self._buckets) > 10_000:  # forget idle clients rather than grow without bound
            self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}
        return 0.0


def cookie_value(token: str) -> str:
    """What the token cookie holds: a digest of the token, so the secret itself never sits in
    a browser's cookie jar (knowing the cookie does not tell the token for the header)."""
    return hmac.new(token.encode(), b"showbible-session", hashlib.sha256).hexdigest()


class Guard:
    def __init__(
        self, app: ASGIApp, token: str | None, rate: float = RATE, burst: float = BURST
    ) -> None:
        self.app = app
        self.token = token
        self.cookie = cookie_value(token) if token else None
        self.limiter = RateLimiter(rate, burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        method = scope["method"]
        if method not in ALLOWED:
            await _plain(
                send,
                405,
                b"This server is read-only: GET and HEAD only.",
                [(b"allow", b"GET, HEAD")],
            )
            return
        target = len(scope.get("raw_path") or scope["path"]) + len(scope.get("query_string", b""))
        if target > MAX_TARGET:
            await _plain(send, 414, b"The address is too long.", list(HEADERS))
            return
        headers = dict(scope.get("headers", []))
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > MAX_BODY or b"transfer-encoding" in headers:
            await _plain(send, 413, b"This server takes no request bodies.", list(HEADERS))
            return
        client = (scope.get("client") or ("?", 0))[0]
        wait = self.limiter.allow(str(client))
        if wait > 0:
            await _plain(
                send,
                429,
                b"Too many requests; slow down.",
                [(b"retry-after", str(max(1, round(wait))).encode()), *HEADERS],
            )
            return
        if self.token is not None:
            verdict = self._authorise(scope)
            if verdict == "no":
                await _plain(
                    send,
                    401,
                    b"A token is needed: Authorization: Bearer TOKEN, or ?token=TOKEN once.",
                    [(b"www-authenticate", b"Bearer")],
                )
                return
            if verdict == "query":
                await self._accept_query_token(scope, send)
                return
        head = method == "HEAD"
        if head:
            scope = dict(scope, method="GET")
        started_response = False

        async def send_wrapped(message: Message) -> None:
            nonlocal started_response
            if message["type"] == "http.response.start":
                started_response = True
                ms = (time.perf_counter() - started) * 1000
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in {h for h, _ in HEADERS}
                ]
                headers += HEADERS
                headers.append((b"server-timing", f"app;dur={ms:.1f}".encode()))
                if not _is_static(scope):
                    headers.append((b"cache-control", b"no-store"))
                message = dict(message, headers=headers)
            elif head and message["type"] == "http.response.body":
                message = dict(message, body=b"", more_body=False)
            await send(message)

        try:
            await self.app(scope, receive, send_wrapped)
        except Exception:
            # Log the trace for whoever runs the server; the browser gets a plain sentence.
            log.exception("error while serving %s", scope.get("path"))
            if not started_response:
                await _plain(
                    send,
                    500,
                    b"Something went wrong on the server; the details are in its log.",
                    list(HEADERS),
                )

    def _authorise(self, scope: Scope) -> str:
        """'yes' (header or cookie carries it), 'query' (?token= carries it), or 'no'."""
        assert self.token is not None and self.cookie is not None
        headers = dict(scope.get("headers", []))
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if auth.lower().startswith("bearer ") and hmac.compare_digest(
            auth[7:].strip().encode(), self.token.encode()
        ):
            return "yes"
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(headers.get(b"cookie", b"").decode("latin-1"))
        except Exception:
            jar = SimpleCookie()
        morsel = jar.get(TOKEN_COOKIE)
        if morsel is not None and hmac.compare_digest(morsel.value.encode(), self.cookie.encode()):
            return "yes"
        for key, value in parse_qsl(scope.get("query_string", b"").decode("latin-1")):
            if key == "token" and hmac.compare_digest(value.encode(), self.token.encode()):
                return "query"
        return "no"

    async def _accept_query_token(self, scope: Scope, send: Send) -> None:
        """Trade ``?token=`` for a cookie and send the browser to the same address without it,
        so that the token does not linger in the address bar, history or logs."""
        assert self.cookie is not None
        rest = [
            (k, v)
            for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1"))
            if k != "token"
        ]
        location = scope.get("root_path", "") + scope["path"]
        if rest:
            location += "?" + urlencode(rest)
        cookie = f"{TOKEN_COOKIE}={self.cookie}; Path=/; HttpOnly; SameSite=Strict"
        await _plain(
            send,
            303,
            b"",
            [(b"location", location.encode()), (b"set-cookie", cookie.encode()), *HEADERS],
        )


def _is_static(scope: Scope) -> bool:
    return str(scope.get("path", "")).startswith("/static/")


async def _plain(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    base: list[tuple[bytes, bytes]] = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
    ]
    names = {k for k, _ in headers}
    extra: list[Any] = [h for h in HEADERS if h[0] not in names]
    await send({"type": "http.response.start", "status": status, "headers": base + headers + extra})
    await send({"type": "http.response.body", "body": body})
