"""Checks answered by a resident canon over a local socket (build/daemon.py): the same findings
a check would compute, fresh after an edit, a clean fallback when no daemon (or a dead one's
socket) is there, one daemon per universe and store, and the refresh's errors passed on."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from showbible import Session, check
from showbible.build import daemon
from showbible.model import InputError
from showbible.store import resolve_url

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "sallowmouth"


@pytest.fixture(autouse=True)
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Each test its own socket folder: no daemon of another test (or of the user) answers.
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


@pytest.fixture
def universe(tmp_path: Path) -> Path:
    root = tmp_path / "u"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns(".showbible"))
    return root


def _serving(root: Path) -> tuple[Session, daemon.Daemon]:
    session = Session(root)
    session.refresh()
    lock = threading.RLock()

    def refresh() -> str:
        return session.refresh().mode

    d = daemon.Daemon(
        session.root,
        session.url,
        refresh,
        lambda: session.findings,
        lambda: session.diagnostics,
        lock,
        session.scripts,
    )
    assert d.start()
    return session, d


@pytest.fixture
def served(universe: Path) -> Iterator[tuple[Session, daemon.Daemon]]:
    session, d = _serving(universe)
    try:
        yield session, d
    finally:
        d.close()


def _keys(findings: list[object]) -> list[tuple[object, ...]]:
    return [(f.rule, f.file, f.line, f.scene, f.message, f.sealed) for f in findings]  # type: ignore[attr-defined]


def test_the_daemon_answers_what_a_check_computes(
    universe: Path, served: tuple[Session, daemon.Daemon]
) -> None:
    result = check(universe, daemon=True)
    assert result.served_by == os.getpid()
    alone = check(universe, daemon=False)
    assert alone.served_by is None
    assert _keys(result.findings) == _keys(alone.findings)
    assert result.findings  # the demo's draft has findings to compare
    # Evidence and every other field survive the trip.
    assert [f.to_json() for f in result.findings] == [f.to_json() for f in alone.findings]


def test_only_and_rules_select_on_the_daemon_as_they_do_here(
    universe: Path, served: tuple[Session, daemon.Daemon]
) -> None:
    only = ["highwater/hw4-draft.fountain"]
    served_result = check(universe, only=only, rules=["dead-character"], daemon=True)
    here = check(universe, only=only, rules=["dead-character"], daemon=False)
    assert served_result.served_by is not None
    assert _keys(served_result.findings) == _keys(here.findings)
    assert {f.rule for f in served_result.findings} == {"dead-character"}


def test_an_edit_is_seen_before_answering(
    universe: Path, served: tuple[Session, daemon.Daemon]
) -> None:
    draft = universe / "highwater" / "hw4-draft.fountain"
    before = check(universe, only=["highwater/hw4-draft.fountain"], daemon=True)
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("[[allow:", "[[note-not-allow:"), encoding="utf-8")
    after = check(universe, only=["highwater/hw4-draft.fountain"], daemon=True)
    assert after.served_by is not None
    here = check(universe, only=["highwater/hw4-draft.fountain"], daemon=False)
    assert _keys(after.findings) == _keys(here.findings)
    assert _keys(after.findings) != _keys(before.findings)


def test_a_failed_refresh_is_the_checks_error(
    universe: Path, served: tuple[Session, daemon.Daemon]
) -> None:
    (universe / "universe.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError):
        check(universe, daemon=True)


def test_no_daemon_means_a_check_here(universe: Path) -> None:
    assert daemon.ask(universe, resolve_url(universe, None)) is None
    assert check(universe, daemon=True).served_by is None


def test_a_dead_daemons_socket_blocks_nothing(universe: Path) -> None:
    path = daemon.socket_path(universe, resolve_url(universe, None))
    assert path is not None
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))
    dead.close()  # the file stays, nobody listens: what kill -9 leaves behind
    assert path.exists()
    assert daemon.ask(universe, resolve_url(universe, None)) is None
    assert check(universe, daemon=True).served_by is None
    _session, d = _serving(universe)  # a new daemon takes the place over
    try:
        assert check(universe, daemon=True).served_by == os.getpid()
    finally:
        d.close()
    assert not path.exists()


def test_one_daemon_per_universe_and_store(
    universe: Path, served: tuple[Session, daemon.Daemon]
) -> None:
    session, _first = served
    second = daemon.Daemon(
        session.root, session.url, lambda: "", lambda: [], lambda: [], threading.RLock()
    )
    assert not second.start()
    other = session.url + "?other"
    assert daemon.socket_path(universe, other) != daemon.socket_path(universe, session.url)


def test_a_socket_folder_open_to_others_is_not_used(
    runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (runtime / "showbible").mkdir(mode=0o700)
    os.chmod(runtime / "showbible", 0o777)
    assert daemon.socket_folder() is None
    os.chmod(runtime / "showbible", 0o700)
    assert daemon.socket_folder() == runtime / "showbible"


def test_a_wrong_request_is_refused(served: tuple[Session, daemon.Daemon]) -> None:
    _session, d = served
    assert d.answer({"protocol": 99, "op": "check"})["ok"] is False
    assert d.answer({"protocol": daemon.PROTOCOL, "op": "drop tables"})["ok"] is False


def test_check_asks_a_running_watch(universe: Path, runtime: Path) -> None:
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    exe = [sys.executable, "-m", "showbible"]
    watcher = subprocess.Popen(
        [*exe, "watch", "--poll", "-u", str(universe)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        path = daemon.socket_path(universe, resolve_url(universe, None))
        assert path is not None
        deadline = time.monotonic() + 60
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert path.exists(), "watch never started answering checks"
        done = subprocess.run(
            [*exe, "check", "--verbose", "-u", str(universe), "--format", "json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 1, done.stderr  # the demo's draft has errors
        assert f"the watch/serve process {watcher.pid}" in done.stderr
        alone = subprocess.run(
            [*exe, "check", "--no-daemon", "--verbose", "-u", str(universe), "--format", "json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "this process" in alone.stderr
        assert alone.stdout == done.stdout
    finally:
        watcher.terminate()
        watcher.wait(timeout=10)


# What a check answered by a daemon must not import: the engine, the rules and the store's
# SQLAlchemy are what a fresh check pays half a CPU second for.
ENGINE = (
    "sqlalchemy",
    "showbible.build.compiler",
    "showbible.build.oneshot",
    "showbible.canon",
    "showbible.reading.extract",
    "showbible.rules",
    "showbible.store.access",
    "showbible.store.engine",
    "showbible.universe.loader",
)


def _client(universe: Path, runtime: Path, *args: str) -> tuple[int, str, list[str]]:
    """Run `showbible check ARGS` in a fresh interpreter: exit code, stderr, and which of
    ENGINE it imported."""
    code = (
        "import contextlib, json, os, runpy, sys\n"
        f"sys.argv = ['showbible', 'check', '-u', {str(universe)!r}, *{list(args)!r}]\n"
        # A check that compiled here ends through os._exit (cli.Teardown): an ordinary exit
        # instead, so that this harness reports what it imported.
        "os._exit = sys.exit\n"
        "rc = 0\n"
        "with contextlib.redirect_stdout(sys.stderr):\n"
        "    try:\n"
        "        runpy.run_module('showbible', run_name='__main__')\n"
        "    except SystemExit as exc:\n"
        "        rc = exc.code if isinstance(exc.code, int) else 1\n"
        f"print(json.dumps([rc, [m for m in {list(ENGINE)!r} if m in sys.modules]]))\n"
    )
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    rc, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    return rc, done.stderr, loaded


def test_a_check_a_daemon_answers_imports_no_engine(
    universe: Path, runtime: Path, served: tuple[Session, daemon.Daemon]
) -> None:
    session, d = served
    script = session.scripts()[1][0]
    rc, err, loaded = _client(universe, runtime, "--verbose", "--only", script)
    assert f"the watch/serve process {os.getpid()}" in err, err
    assert rc in (0, 1) and loaded == []
    # A path that is no script is refused against the daemon's list, still without the engine.
    rc, err, loaded = _client(universe, runtime, "--only", script + "x")
    assert rc == 2 and "no script or folder of scripts" in err and loaded == []
    # Without a daemon the same check compiles here: the list above names what it imports.
    d.close()
    rc, err, loaded = _client(universe, runtime, "--verbose", "--only", script)
    assert "this process" in err and {"showbible.build.oneshot", "showbible.rules"} <= set(loaded)
    # ... and its SQLite store read in plain SQL, without SQLAlchemy (store/access.py).
    assert "sqlalchemy" not in loaded


def test_a_daemon_that_does_not_list_its_scripts_is_still_verified(
    universe: Path, runtime: Path
) -> None:
    # An older `watch` answers without the scripts: the client reads them from the store.
    session = Session(universe)
    session.refresh()
    d = daemon.Daemon(
        session.root,
        session.url,
        lambda: session.refresh().mode,
        lambda: session.findings,
        lambda: session.diagnostics,
        threading.RLock(),
    )
    assert d.start()
    try:
        answer = daemon.ask(universe, session.url)
        assert answer is not None and answer.scripts is None
        script = session.scripts()[1][0]
        rc, err, loaded = _client(universe, runtime, "--verbose", "--only", script + "x")
        assert rc == 2 and "no script or folder of scripts" in err
        assert "showbible.store.access" in loaded  # the scripts read from the store
    finally:
        d.close()


def test_the_daemon_lists_the_scripts_the_store_holds(
    universe: Path, served: tuple[Session, daemon.Daemon]
) -> None:
    from showbible.cli.scope import built_scripts

    session, _d = served
    answer = daemon.ask(universe, session.url)
    assert answer is not None and answer.scripts is not None
    count, files = built_scripts(universe, None)
    assert answer.scripts == (count, files) and count > 0 and files
