"""The guard in front of every request: the Host allow-list (DNS rebinding), read-only methods
(but the one same-origin POST that sets "watched up to"), the optional token, security headers,
`Server-Timing`, redirects only to local paths, and no stack trace ever reaching a browser.

A plain ASGI middleware (not a Starlette ``BaseHTTPMiddleware``) so that it wraps static files,
errors and HEAD requests alike, and adds nothing but a header or two to the response path.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import time
from collections import OrderedDict
from collections.abc import Iterable
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

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
    # same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with our own
    # form's POST, and the origin check below could not tell it from a foreign page's.
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
ALLOWED = {"GET", "HEAD"}
# The only state a viewer changes: their own "watched up to" cookie, by a same-origin POST.
POST_PATHS = {"/watched"}
# The names a browser uses for this machine. Any other name could be an attacker's, resolving
# to 127.0.0.1 (DNS rebinding): a page there would read the API as its own origin.
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
# Starlette's TestClient sends `Host: testserver`: a single-label name no public DNS gives an
# attacker. create_app accepts it by default; `showbible serve` (run) never does.
TEST_CLIENT_HOST = "testserver"
MAX_CLIENTS = 10_000  # rate-limit buckets kept; the least recently seen client is forgotten
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
        self.max_clients = MAX_CLIENTS
        # Least recently seen first: forgetting one client is O(1) however many there are
        # (sweeping the whole table once it passed 10,000 made every request pay for it).
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def allow(self, client: str, now: float | None = None) -> float:
        """0 when the request may go ahead, else the seconds to wait."""
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.pop(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        wait = 0.0
        if tokens < 1.0:
            wait = (1.0 - tokens) / self.rate
        else:
            tokens -= 1.0
        self._buckets[client] = (tokens, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        return wait

    def __len__(self) -> int:
        return len(self._buckets)


def cookie_value(token: str) -> str:
    """What the token cookie holds: a digest of the token, so the secret itself never sits in
    a browser's cookie jar (knowing the cookie does not tell the token for the header)."""
    return hmac.new(token.encode(), b"showbible-session", hashlib.sha256).hexdigest()


def host_name(value: str) -> str:
    """The name in a Host (or Origin's host) value, without port or brackets, lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_allowed(name: str, hosts: frozenset[str]) -> bool:
    """An address typed as a number cannot be rebound (a page at it is at our origin, not an
    attacker's), so IP literals pass; names pass only when listed."""
    return bool(name) and ("*" in hosts or name in hosts or _is_ip(name))


def local_location(location: str) -> str:
    """A redirect target that stays on this site: the path and query only, with every byte that
    could make a browser read it as another host (a leading ``//`` or ``/\\``, a backslash,
    CR/LF) percent-encoded or collapsed."""
    parts = urlsplit(location)
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    path = "/" + path.lstrip("/")
    query = quote(parts.query, safe="=&%+:@/,;-._~")
    return path + ("?" + query if query else "")


class Guard:
    def __init__(
        self,
        app: ASGIApp,
        token: str | None,
        rate: float = RATE,
        burst: float = BURST,
        hosts: Iterable[str] | None = None,
    ) -> None:
        self.app = app
        self.token = token
        self.cookie = cookie_value(token) if token else None
        self.limiter = RateLimiter(rate, burst)
        # The loopback names always (a page cannot be served from them by anyone but us).
        listed = (
            {TEST_CLIENT_HOST}
            if hosts is None
            else {h if h == "*" else host_name(h) for h in hosts}
        )
        self.hosts = frozenset(LOOPBACK_NAMES | listed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        method = scope["method"]
        headers = dict(scope.get("headers", []))
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if not host_allowed(host, self.hosts):
            # Before anything else, and never echoing the name back.
            await _plain(
                send,
                421,
                b"This server does not answer to that host name (showbible serve --allow-host).",
                list(HEADERS),
            )
            return
        if method == "POST" and scope["path"] in POST_PATHS:
            if not self._same_origin(headers):
                await _plain(send, 403, b"Cross-site request refused.", list(HEADERS))
                return
        elif method not in ALLOWED:
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
                    (
                        k,
                        local_location(v.decode("latin-1")).encode()
                        if k.lower() == b"location"
                        else v,
                    )
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

    def _same_origin(self, headers: dict[bytes, bytes]) -> bool:
        """A browser names the page that sent a POST in ``Origin`` (and ``Sec-Fetch-Site``): it
        must be this site, under an allowed name. A client that sends neither is no browser,
        and so no page can be driving it."""
        origin = headers.get(b"origin")
        site = headers.get(b"sec-fetch-site")
        if origin is None:
            return site in (None, b"same-origin", b"none")
        parts = urlsplit(origin.decode("latin-1"))
        if not parts.netloc:
            return False  # "null": a sandboxed or opaque page
        own = host_name(headers.get(b"host", b"").decode("latin-1"))
        theirs = host_name(parts.netloc)
        same_port = (
            parts.netloc.lower().rsplit("]", 1)[-1].partition(":")[2]
            == (
                headers.get(b"host", b"")
                .decode("latin-1")
                .lower()
                .rsplit("]", 1)[-1]
                .partition(":")[2]
            )
        )
        return theirs == own and same_port and host_allowed(theirs, self.hosts)

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
        # Only ever a local path: `//evil.example/x?token=T` must not send the browser away.
        location = local_location(scope.get("root_path", "") + scope["path"])
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
