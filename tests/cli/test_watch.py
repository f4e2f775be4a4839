"""`showbible watch`: the real command in its own process, a real edit, a real Ctrl-C."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "sallowmouth"


def _next(proc: subprocess.Popen[str], timeout: float = 60) -> dict[str, Any]:
    assert proc.stdout is not None
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([proc.stdout], [], [], 0.2)
        if ready:
            line = proc.stdout.readline()
            if line:
                doc: dict[str, Any] = json.loads(line)
                return doc
        if proc.poll() is not None:
            raise AssertionError(f"watch exited early: {proc.stderr.read() if proc.stderr else ''}")
    raise AssertionError("watch printed nothing in time")


def _edit(path: Path, *changes: tuple[str, str]) -> None:
    text = path.read_text()
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_watch_rechecks_an_edit_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    root = tmp_path / "u"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns(".showbible"))
    args = ["watch", str(root), "--format", "json", "--interval", "0.1"]
    args += ["--db", f"sqlite:///{tmp_path}/canon.sqlite"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "showbible", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = _next(proc)
        assert first["mode"] == "build" and first["error"] is None
        rules = {f["rule"] for f in first["findings"]}
        assert "reintroduction" in rules

        # Jonah and Roz act as strangers (a reintroduction finding); reword it away.
        draft = root / "highwater" / "hw4-draft.fountain"
        _edit(
            draft,
            ("I'm Jonah Brennock", "It's me again"),
            ("Nice to meet you, Mr. Brennock", "Back so soon, Mr. Brennock"),
        )
        done = _next(proc)
        assert done["mode"] == "episodes" and done["files"] == ["highwater/hw4-draft.fountain"]
        assert not any(
            f["rule"] == "reintroduction" and "Jonah" in f["message"] for f in done["findings"]
        )
        assert done["summary"]["errors"] == first["summary"]["errors"]

        # A mistyped annotation is a warning with its file and line.
        _edit(
            draft, ("Back so soon, Mr. Brennock", "Back so soon, Mr. Brennock\n\n[[died: JONAH]]")
        )
        warned = _next(proc)
        assert any(
            d.startswith("highwater/hw4-draft.fountain:") and "died" in d
            for d in warned["diagnostics"]
        )

        # A broken bible: reported, and the last good canon stays.
        bible = root / "universe.yaml"
        good = bible.read_text()
        bible.write_text(good + "\ncharacters: [\n")
        broken = _next(proc)
        assert broken["error"] and "universe.yaml" in broken["error"]
        assert broken["findings"] == warned["findings"]  # the last good canon
        bible.write_text(good)
        assert _next(proc)["error"] is None
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
    assert code == 0


def test_changes_wake_on_a_save_not_on_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system's notifications wake the watcher within moments of a save; the store's own
    writes (hidden folder) do not."""
    from showbible.build import watching

    monkeypatch.setattr(watching, "SAFETY_NET", 30.0)  # only notifications wake it here
    (tmp_path / ".showbible").mkdir()
    stop = threading.Event()
    woke: list[float] = []

    def run() -> None:
        for _ in watching.changes(tmp_path, stop=stop):
            woke.append(time.monotonic())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        time.sleep(1.0)  # let the notifications be set up
        (tmp_path / ".showbible" / "canon.sqlite").write_text("the store writing")
        time.sleep(1.0)
        assert woke == []
        saved = time.monotonic()
        (tmp_path / "ep1.fountain").write_text("INT. QUAY - NIGHT\n")
        deadline = saved + 10
        while not woke and time.monotonic() < deadline:
            time.sleep(0.05)
        assert woke and woke[0] - saved < 5
    finally:
        stop.set()
        thread.join(timeout=40)


def test_polling_looks_every_interval(tmp_path: Path) -> None:
    from showbible.build import watching

    stop = threading.Event()
    started = time.monotonic()
    looks = 0
    for _ in watching.changes(tmp_path, interval=0.05, polling=True, stop=stop):
        looks += 1
        if looks == 5:
            stop.set()
    assert looks == 5 and time.monotonic() - started >= 0.2
