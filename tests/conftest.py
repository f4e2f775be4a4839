"""Shared test fixtures: a real PostgreSQL server for the store tests.

The server is the real thing, started for the test session from Debian's binaries on 127.0.0.1
(as .ci/run installs them). ``SHOWBIBLE_TEST_PG_URL`` points the tests at a server that is
already running instead. Without either, PostgreSQL tests skip and say why.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def _as_postgres(cmd: list[str]) -> list[str]:
    # initdb refuses to run as root; Debian's package creates the `postgres` user.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    given = os.environ.get("SHOWBIBLE_TEST_PG_URL")
    if given:
        yield given
        return
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip(
            "PostgreSQL tests need SHOWBIBLE_TEST_PG_URL or Debian's postgresql "
            "package (/usr/lib/postgresql/*/bin); .ci/run installs it"
        )
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL")
    folder = Path(tempfile.mkdtemp(prefix="showbible-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    log = folder / "server.log"
    subprocess.run(
        _as_postgres(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        _as_postgres(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(log),
                "-w",
                "-o",
                f"-h 127.0.0.1 -p {port} -k {folder}",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _private_yaml_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The suite's YAML cache (universe.yamlcache) in a folder of its own, not the user's: left
    on, so every test that loads a universe also reads it back through the cache. In os.environ
    so that the command-line tests' child processes use it too."""
    before = os.environ.get("SHOWBIBLE_CACHE_DIR")
    os.environ["SHOWBIBLE_CACHE_DIR"] = str(tmp_path_factory.mktemp("showbible-cache"))
    yield
    if before is None:
        del os.environ["SHOWBIBLE_CACHE_DIR"]
    else:
        os.environ["SHOWBIBLE_CACHE_DIR"] = before
