"""The bad-input corpus (tests/bad/) through the real command line: one clear message naming the
file and line, the right exit code, never a traceback, and a failed build leaves the store as it
was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from showbible import queries
from showbible.store import Store, default_url

HERE = Path(__file__).resolve().parents[1]
BAD = HERE / "bad"
BASE = HERE / "fixtures" / "greyharbor"
CASES: dict[str, dict[str, Any]] = YAML(typ="safe").load((BAD / "cases.yaml").read_text())


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "showbible", *args, str(root)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "COLUMNS": "200"},
    )


def _snapshot(root: Path) -> dict[str, Any]:
    st = Store(default_url(root))
    try:
        with st.read() as conn:
            return queries.export(conn)
    finally:
        st.dispose()


@pytest.fixture
def built(tmp_path: Path) -> Path:
    root = tmp_path / "u"
    shutil.copytree(BASE, root)
    assert _cli(root, "build").returncode == 0
    return root


def _overlay(case: Path, root: Path) -> None:
    for src in case.rglob("*"):
        if src.is_file():
            dest = root / src.relative_to(case)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_case(name: str, built: Path) -> None:
    expect = CASES[name]
    before = _snapshot(built)
    _overlay(BAD / name, built)
    started = time.perf_counter()
    proc = _cli(built, "build")
    took = time.perf_counter() - started
    assert proc.returncode == expect["exit"], proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    # Names and cues may hold terminal escapes: no output may carry them raw.
    assert not {"\x1b", "\x07", "\x9b"} & set(proc.stderr + proc.stdout)
    assert took < expect.get("seconds", 300), f"{took:.1f} s"
    if "message" in expect:
        lines = [ln for ln in proc.stderr.splitlines() if expect["message"] in ln]
        assert lines, proc.stderr
        assert expect["where"] in lines[0], lines[0]
    if expect.get("store") == "unchanged":
        assert _snapshot(built) == before
        # ...and queries still answer from it, warning about the failed build.
        ask = subprocess.run(
            [sys.executable, "-m", "showbible", "crossovers", "-u", str(built)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert ask.returncode == 0 and "last good canon" in ask.stderr


def test_symlink_out_of_the_folder(built: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.fountain"
    outside.write_text("INT. VAULT - DAY\n\nMARA\nNot yours.\n")
    (built / "harbour" / "ep9.fountain").symlink_to(outside)
    proc = _cli(built, "build")
    assert proc.returncode == 2 and "outside the universe folder" in proc.stderr
    assert "universe.yaml:6" in proc.stderr


def test_a_100000_line_speech(built: Path) -> None:
    speech = "MARA\n" + "".join(f"Line {i} of a very long speech.\n" for i in range(100_000))
    (built / "harbour" / "ep3.fountain").write_text("INT. ROOM - DAY\n\n" + speech)
    proc = _cli(built, "build")
    assert proc.returncode == 0, proc.stderr


def test_a_50_mb_script_is_refused_clearly(built: Path) -> None:
    before = _snapshot(built)
    scene = "INT. ROOM - DAY\n\nMara paces.\n\nRAFI\nWell?\n\nMARA\nWell what.\n\n"
    (built / "tower" / "t2.fountain").write_text(scene * (50_000_000 // len(scene)))
    proc = _cli(built, "build")
    assert proc.returncode == 2
    assert "tower/t2.fountain: 48 MB is too large for one script" in proc.stderr
    assert "Traceback" not in proc.stderr and _snapshot(built) == before


@pytest.fixture
def tiny_mount(tmp_path: Path) -> Iterator[Path]:
    """A real, tiny filesystem (tmpfs) to fill up or make read-only; needs root."""
    point = tmp_path / "mnt"
    point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", str(point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root): " + mounted.stderr.decode().strip())
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_full_disk_is_a_clear_error(built: Path, tiny_mount: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "showbible",
            "build",
            str(built),
            "--db",
            f"sqlite:///{tiny_mount}/canon.sqlite",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 2, proc.stderr
    assert "disk is full" in proc.stderr and "Traceback" not in proc.stderr


def test_read_only_store_is_a_clear_error(built: Path, tiny_mount: Path) -> None:
    url = f"sqlite:///{tiny_mount}/canon.sqlite"
    assert _cli(built, "build").returncode == 0
    subprocess.run(["mount", "-o", "remount,size=16m", str(tiny_mount)], check=True)
    shutil.copyfile(built / ".showbible" / "canon.sqlite", tiny_mount / "canon.sqlite")
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_mount)], check=True)
    (built / "tower" / "t1.fountain").write_text("INT. X - DAY\n\nRAFI\nHi.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "showbible", "build", str(built), "--db", url],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 2, proc.stderr
    assert "read-only" in proc.stderr and "Traceback" not in proc.stderr


def test_unwritable_store_location(built: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "showbible",
            "build",
            str(built),
            "--db",
            "sqlite:////proc/showbible/canon.sqlite",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 2 and "cannot create the store folder" in proc.stderr
