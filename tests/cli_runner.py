"""Run the real `showbible` entry point in-process and capture what it prints (shared by the
command-line tests)."""

from __future__ import annotations

import sys

import pytest

from showbible.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``showbible ARGS``, through main() and its error handling."""
    old = sys.argv
    sys.argv = ["showbible", *args]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.argv = old
    captured = capsys.readouterr()
    return code, captured.out, captured.err
