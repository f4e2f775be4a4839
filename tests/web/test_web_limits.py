"""Limits of a shared server: request size, address length, rate; no path traversal; and a
short, bounded load test on loopback showing it keeps answering while a build runs."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from showbible import build
from showbible.web import create_app
from showbible.web.security import RateLimiter


def test_bodies_long_addresses_and_traversal(client: TestClient) -> None:
    assert client.get("/", headers={"content-length": "999999"}).status_code == 413
    assert client.get("/search?q=" + "x" * 5000).status_code == 414
    for path in (
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/episode/..%2f..%2fetc/passwd",
        "/character/..%2F..%2Fetc%2Fpasswd",
        "/api/who/..%2f..%2funiverse.yaml",
    ):
        r = client.get(path)
        assert r.status_code in (400, 404), path
        assert "root:" not in r.text and "Traceback" not in r.text


def test_rate_limit(demo: tuple[Path, str]) -> None:
    root, url = demo
    app = create_app(root, url, watch=None, rate=5, burst=10)
    with TestClient(app) as c:
        codes = [c.get("/api/summary").status_code for _ in range(30)]
    assert codes[:10] == [200] * 10
    assert 429 in codes
    limited = next(i for i, code in enumerate(codes) if code == 429)
    assert limited >= 10


def test_token_bucket_refills() -> None:
    bucket = RateLimiter(rate=2, burst=2)
    assert bucket.allow("a", now=0.0) == 0 and bucket.allow("a", now=0.0) == 0
    assert bucket.allow("a", now=0.0) > 0
    assert bucket.allow("a", now=1.0) == 0  # two tokens back after a second
    assert bucket.allow("b", now=0.0) == 0  # clients do not share a bucket


def test_keeps_answering_while_a_build_runs(
    tmp_path: Path, demo: tuple[Path, str], serve: type
) -> None:
    root = tmp_path / "u"
    shutil.copytree(demo[0], root, ignore=shutil.ignore_patterns(".showbible"))
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    app = create_app(root, url, watch=None, rate=1e6, burst=1e6)
    stop = threading.Event()
    results: list[tuple[int, float, float]] = []  # status, finished at, seconds taken

    def load(base: str) -> None:
        # Bounded: at most 2,000 requests or 60 s, loopback only.
        deadline = time.monotonic() + 60
        with httpx.Client(base_url=base, timeout=10) as http:
            for i in range(2000):
                if stop.is_set() or time.monotonic() > deadline:
                    break
                path = ("/", "/api/crossovers", "/cast", "/api/findings")[i % 4]
                t = time.monotonic()
                r = http.get(path)
                results.append((r.status_code, time.monotonic(), time.monotonic() - t))

    windows: list[tuple[float, float]] = []
    with serve(app) as served:
        thread = threading.Thread(target=load, args=(served.url,))
        thread.start()
        give_up = time.monotonic() + 50
        # Build until enough requests were answered during builds (a loaded machine is slow).
        while time.monotonic() < give_up:
            start = time.monotonic()
            build(root, url, force=True)
            windows.append((start, time.monotonic()))
            during = [r for r in results if any(a <= r[1] <= b for a, b in windows)]
            if len(windows) >= 2 and len(during) >= 10:
                break
        stop.set()
        thread.join(timeout=60)
    during = [r for r in results if any(a <= r[1] <= b for a, b in windows)]
    assert len(during) >= 10, (len(results), len(windows))
    assert all(code == 200 for code, _, _ in results), {c for c, _, _ in results}
    assert max(t for _, _, t in results) < 5.0
