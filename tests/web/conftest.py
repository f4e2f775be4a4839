"""Fixtures for the web tests: the Sallowmouth demo built once per session into a store in a
temporary folder, an app over it, and a real uvicorn server for the browser tests."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from showbible.web import create_app

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "examples" / "sallowmouth"
ARTIFACTS = REPO / "test-artifacts" / "web"


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(universe folder, store URL) of a private copy of the demo."""
    base = tmp_path_factory.mktemp("demo")
    root = base / "sallowmouth"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns(".showbible"))
    return root, f"sqlite:///{base / 'canon.sqlite'}"


@pytest.fixture(scope="session")
def app(demo: tuple[Path, str]) -> FastAPI:
    root, url = demo
    # The suite sends hundreds of requests in seconds; the rate limit has its own test.
    return create_app(root, url, watch=None, rate=1e6, burst=1e6)


@pytest.fixture
def client(app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.delenv("SHOWBIBLE_TOKEN", raising=False)
    with TestClient(app) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    def __init__(self, app: FastAPI) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def served(app: FastAPI) -> Iterator[Served]:
    with Served(app) as s:
        yield s


@pytest.fixture(scope="session")
def serve() -> type[Served]:
    """``with serve(app) as s:`` a server of one's own (``s.url``)."""
    return Served
