"""The process's entry point (``showbible.cli.run``): a build ends the process at once with its
exit code, what it printed flushed, where other commands end as ``main`` does."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from showbible import cli

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "greyharbor"


class _Ended(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def _run(monkeypatch: pytest.MonkeyPatch, *args: str) -> int | None:
    """The exit code ``run`` ended the process with (None: it returned, as ``main`` does)."""

    def ended(code: int) -> None:
        raise _Ended(code)

    monkeypatch.setattr(cli.os, "_exit", ended)
    monkeypatch.setattr(sys, "argv", ["showbible", *args])
    try:
        cli.run()
    except _Ended as exc:
        return exc.code
    return None


def test_a_build_ends_the_process_and_other_commands_return(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "u"
    shutil.copytree(FIXTURE, root)
    assert _run(monkeypatch, "build", str(root)) == 0
    assert "built 3 episodes" in capsys.readouterr().err
    # The next command in the same process does not inherit the build's request.
    assert _run(monkeypatch, "facts", str(root), "--format", "json") is None
    with pytest.raises(SystemExit) as exc:
        _run(monkeypatch, "build", str(tmp_path / "nowhere"))
    assert exc.value.code == 2


def test_python_m_showbible_build_prints_and_exits_as_before(tmp_path: Path) -> None:
    root = tmp_path / "u"
    shutil.copytree(FIXTURE, root)
    done = subprocess.run(
        [sys.executable, "-m", "showbible", "build", str(root)], capture_output=True, text=True
    )
    assert done.returncode == 0 and "built 3 episodes" in done.stderr
    (root / "universe.yaml").write_text((root / "universe.yaml").read_text() + "\nname x\n")
    done = subprocess.run(
        [sys.executable, "-m", "showbible", "build", str(root)], capture_output=True, text=True
    )
    assert done.returncode == 2 and "error:" in done.stderr and "Traceback" not in done.stderr
