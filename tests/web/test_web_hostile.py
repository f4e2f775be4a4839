"""A hostile page, a hostile network client, a hostile command line (issue 20): DNS rebinding,
redirects off-site, cross-site "watched up to", forged X-Forwarded-For, slowloris, bad ports and
the token on the terminal. A real uvicorn server with showbible's own configuration
(web/server.py) where the server's behaviour is the point."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from showbible.web import create_app, server
from showbible.web.security import MAX_CLIENTS, RateLimiter


class Real:
    """The app under uvicorn as `showbible serve` runs it, on a free port."""

    def __init__(self, app: FastAPI, *, proxy: bool = False, header_timeout: float = 1.0) -> None:
        import uvicorn

        self.sock = server.bind("127.0.0.1", 0)
        self.port = self.sock.getsockname()[1]
        server._Protocol.header_timeout = header_timeout
        self.server = uvicorn.Server(server.config(app, proxy=proxy))
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    def __enter__(self) -> Real:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "uvicorn did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        server._Protocol.header_timeout = server.HEADER_TIMEOUT

    def get(self, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("GET", path, headers=headers or {})
        r = conn.getresponse()
        r.read()
        conn.close()
        return r

    def raw(self, request: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(request)
            chunks = []
            while True:
                try:
                    got = s.recv(65536)
                except TimeoutError:
                    break
                if not got:
                    break
                chunks.append(got)
            return b"".join(chunks)


@pytest.fixture(scope="module")
def guarded(demo: tuple[Path, str]) -> FastAPI:
    return create_app(demo[0], demo[1], token="T0ken-x", watch=None, rate=1e6, burst=1e6)


# --- DNS rebinding ---------------------------------------------------------------------------


def test_foreign_host_names_are_refused(client: TestClient) -> None:
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.nip.io", "localhost.evil.example"):
        r = client.get("/api/export", headers={"host": host})
        assert r.status_code == 421, host
        assert "evil" not in r.text and "nip" not in r.text  # never echoed
    for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "192.168.1.7:8000", "LOCALHOST"):
        assert client.get("/api/summary", headers={"host": host}).status_code == 200, host


def test_allow_host_adds_names_and_star_allows_any(demo: tuple[Path, str]) -> None:
    app = create_app(demo[0], demo[1], watch=None, allow_hosts=["canon.example"])
    with TestClient(app, base_url="http://canon.example") as c:
        assert c.get("/api/summary").status_code == 200
        assert c.get("/api/summary", headers={"host": "testserver"}).status_code == 421
        assert c.get("/api/summary", headers={"host": "localhost"}).status_code == 200
    anyone = create_app(demo[0], demo[1], watch=None, allow_hosts=["*"])
    with TestClient(anyone) as c:
        assert c.get("/api/summary", headers={"host": "whatever.example"}).status_code == 200


def test_trailing_slash_redirects_never_echo_the_host(client: TestClient) -> None:
    r = client.get("/cast/", headers={"host": "localhost:8000"}, follow_redirects=False)
    assert r.status_code in (307, 308) and r.headers["location"] == "/cast"


def test_served_refuses_a_rebound_name(guarded: FastAPI) -> None:
    with Real(guarded) as s:
        r = s.get("/api/export", {"Host": "attacker.example", "Authorization": "Bearer T0ken-x"})
        assert r.status == 421
        ok = s.get(
            "/api/summary", {"Host": f"localhost:{s.port}", "Authorization": "Bearer T0ken-x"}
        )
        assert ok.status == 200


# --- redirects only to local paths -----------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["//evil.example/x", "/%5C%5Cevil.example", "/%2F%2Fevil.example", "/\\\\evil.example", "///x"],
)
def test_token_redirects_stay_on_the_site(guarded: FastAPI, path: str) -> None:
    with Real(guarded) as s:
        r = s.get(path + "?token=T0ken-x", {"Host": f"127.0.0.1:{s.port}"})
        assert r.status == 303
        where = r.getheader("location") or ""
        assert where.startswith("/") and not where.startswith(("//", "/\\")), where
        assert "\\" not in where and "token=" not in where


def test_cr_lf_in_a_path_is_no_traceback(
    guarded: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    with Real(guarded) as s:
        for path in ("/a%0d%0aX-Evil:%201?token=T0ken-x", "/a%0aSet-Cookie:x=1?token=T0ken-x"):
            ask = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{s.port}\r\nConnection: close\r\n"
            got = s.raw(ask.encode() + b"\r\n")
            head = got.split(b"\r\n\r\n", 1)[0]
            assert head.startswith(b"HTTP/1.1 303")
            assert b"\r\nX-Evil" not in head and b"\r\nSet-Cookie: x=1" not in head
    assert "Traceback" not in caplog.text and "LocalProtocolError" not in caplog.text


# --- "watched up to" is a same-origin POST ---------------------------------------------------


def test_watched_is_a_post_from_this_site_only(client: TestClient) -> None:
    assert client.get("/watched", params={"upto": ""}).status_code == 405
    data = {"upto": "magpie:mp1", "next": "/"}
    for origin in ("http://evil.example", "null", "http://localhost.evil.example"):
        r = client.post("/watched", data=data, headers={"origin": origin}, follow_redirects=False)
        assert r.status_code == 403 and "set-cookie" not in r.headers, origin
    r = client.post(
        "/watched", data=data, headers={"sec-fetch-site": "cross-site"}, follow_redirects=False
    )
    assert r.status_code == 403
    r = client.post(
        "/watched",
        data=data,
        headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and "watched=magpie:mp1" in r.headers["set-cookie"]
    client.cookies.clear()


def test_other_posts_are_still_refused(client: TestClient) -> None:
    r = client.post("/api/summary", headers={"origin": "http://testserver"})
    assert r.status_code == 405


def test_our_pages_keep_their_origin_on_posts(client: TestClient) -> None:
    # Under Referrer-Policy: no-referrer a browser sends `Origin: null` with a form's POST.
    assert client.get("/").headers["referrer-policy"] == "same-origin"
    assert 'action="/watched" method="post"' in client.get("/").text


# --- the rate limit --------------------------------------------------------------------------


def test_forwarded_for_is_not_trusted_without_proxy(demo: tuple[Path, str]) -> None:
    app = create_app(demo[0], demo[1], watch=None, rate=1, burst=5)
    with Real(app) as s:
        codes = [
            s.get("/api/summary", {"X-Forwarded-For": f"10.0.{i // 250}.{i % 250}"}).status
            for i in range(30)
        ]
    assert codes.count(429) >= 20, codes  # one client, however many addresses it claims


def test_forwarded_for_is_trusted_with_proxy(demo: tuple[Path, str]) -> None:
    app = create_app(demo[0], demo[1], watch=None, rate=1, burst=5)
    with Real(app, proxy=True) as s:
        codes = [
            s.get("/api/summary", {"X-Forwarded-For": f"10.1.0.{i}"}).status for i in range(30)
        ]
    assert 429 not in codes, codes  # behind a proxy, each forwarded client has its own bucket


def test_the_rate_table_is_bounded_and_stays_fast() -> None:
    limiter = RateLimiter(rate=50, burst=200)
    started = time.perf_counter()
    for i in range(5 * MAX_CLIENTS):
        limiter.allow(f"client-{i}", now=float(i) / 1e6)  # all active within the same minute
    took = time.perf_counter() - started
    assert len(limiter) == MAX_CLIENTS
    assert took < 2.0, took  # was: the whole table rebuilt on every request past 10,000
    assert limiter.allow("client-49999", now=0.06) == 0.0


# --- slow clients ----------------------------------------------------------------------------


def test_slowloris_connections_are_closed(demo: tuple[Path, str]) -> None:
    app = create_app(demo[0], demo[1], watch=None, rate=1e6, burst=1e6)
    with Real(app, header_timeout=1.0) as s:
        socks = []
        for _ in range(50):
            c = socket.create_connection(("127.0.0.1", s.port), timeout=5)
            c.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the blank line
            socks.append(c)
        time.sleep(0.5)
        for c in socks:
            c.sendall(b"X-Trickle: 1\r\n")  # a byte now and then must not keep it open
        started = time.monotonic()
        closed = 0
        for c in socks:
            c.settimeout(max(0.1, 4 - (time.monotonic() - started)))
            try:
                closed += c.recv(1024) == b""
            except (TimeoutError, ConnectionResetError):
                closed += 0
            c.close()
        assert closed == 50, closed
        assert s.get("/api/summary").status == 200


def test_too_many_connections_get_503_then_recover(demo: tuple[Path, str]) -> None:
    app = create_app(demo[0], demo[1], watch=None, rate=1e6, burst=1e6)
    with Real(app, header_timeout=1.5) as s:
        idle = [
            socket.create_connection(("127.0.0.1", s.port), timeout=5)
            for _ in range(server.MAX_CONNECTIONS)
        ]
        time.sleep(0.3)
        assert s.get("/api/summary").status == 503
        time.sleep(2.0)  # the idle ones pass their header deadline and are closed
        assert s.get("/api/summary").status == 200
        for c in idle:
            c.close()


# --- the command line ------------------------------------------------------------------------


def _serve(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "showbible", "serve", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_a_bad_port_is_a_usage_error(demo: tuple[Path, str], port: str) -> None:
    proc = _serve(str(demo[0]), "--db", demo[1], "--port", port)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "--port" in proc.stderr


def test_a_busy_port_is_one_clear_sentence(demo: tuple[Path, str]) -> None:
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    try:
        port = busy.getsockname()[1]
        started = time.monotonic()
        proc = _serve(str(demo[0]), "--db", demo[1], "--port", str(port))
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        assert f"cannot listen on 127.0.0.1:{port}: another program is already listening" in (
            proc.stderr
        )
        assert time.monotonic() - started < 40  # refused before the universe is built
    finally:
        busy.close()


def test_the_token_is_never_printed(demo: tuple[Path, str]) -> None:
    secret = "do-not-print-me-0f9a"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "showbible", "serve", str(demo[0]), "--db", demo[1]]
    command += ["--port", str(port), "--token", secret]
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SHOWBIBLE_TOKEN": ""},
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/summary")
        assert conn.getresponse().status == 401
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=20)
    assert secret not in out + err
    assert "?token=TOKEN" in err and "--token" in err
