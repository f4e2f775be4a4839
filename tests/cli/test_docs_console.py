"""Every console example in README.md and docs/ runs as shown (issue 17, item 12).

A ```console block holds ``$ command`` lines, each followed by the output it shows. The blocks of
one document run in order in one scratch folder (a copy of examples/), so ``cd`` carries over,
as it does for a reader typing them. Each command must exit 0 (``check`` may exit 1 when its
shown output reports errors), print no traceback, and print every output line shown, except
``...`` lines (elisions) and with timings (``0.05s``) matched loosely. A comment just before a
block directs the runner:

    <!-- console: cd examples/sallowmouth -->   start this block in that folder
    <!-- console: skip (a server) -->           do not run it, and say why
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
_BLOCK = re.compile(
    r"(?:<!--\s*console:\s*(?P<directive>.*?)\s*-->\s*\n)?```console\n(?P<body>.*?)```", re.S
)
# "  # a comment" after a command (a "#" inside a word, as in ep1#2, is not one).
_COMMENT = re.compile(r"\s{2,}#\s.*$")
_TIMING = re.compile(r"\d+\.\d+s\b")


@dataclass
class Command:
    line: str
    shown: list[str] = field(default_factory=list)


@dataclass
class Block:
    document: Path
    number: int
    directive: str
    commands: list[Command]


def blocks(document: Path) -> list[Block]:
    out = []
    text = document.read_text(encoding="utf-8")
    for n, m in enumerate(_BLOCK.finditer(text), 1):
        commands: list[Command] = []
        for raw in m.group("body").splitlines():
            if raw.startswith("$ "):
                commands.append(Command(_COMMENT.sub("", raw[2:]).strip()))
            elif commands and raw.strip():
                commands[-1].shown.append(raw)
        out.append(Block(document, n, (m.group("directive") or "").strip(), commands))
    return out


ALL = [b for d in DOCUMENTS for b in blocks(d)]
DOCS_WITH_BLOCKS = sorted({b.document for b in ALL})


def _loose(line: str) -> str:
    parts = _TIMING.split(line)
    return r"[\d.]+s".join(re.escape(p) for p in parts)


def _run(cmd: Command, cwd: Path, env: dict[str, str]) -> Path:
    words = shlex.split(cmd.line)
    if words[0] == "cd":
        target = (cwd / words[1]).resolve()
        assert target.is_dir(), f"cd {words[1]}: no such folder"
        return target
    proc = subprocess.run(
        cmd.line, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    said = proc.stdout + proc.stderr
    assert "Traceback" not in said and "internal error" not in said, said
    reports_errors = words[:2] == ["showbible", "check"] and "error(s)" in "".join(cmd.shown)
    allowed = {0, 1} if reports_errors else {0}
    assert proc.returncode in allowed, f"$ {cmd.line}\nexit {proc.returncode}\n{said}"
    for shown in cmd.shown:
        if shown.strip().startswith("..."):
            continue
        assert re.search(_loose(shown.strip()), said), (
            f"$ {cmd.line}\nshown: {shown.strip()}\nprinted:\n{said}"
        )
    return cwd


@pytest.mark.parametrize("document", DOCS_WITH_BLOCKS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_console_examples_run_as_shown(document: Path, tmp_path: Path) -> None:
    shutil.copytree(
        REPO / "examples", tmp_path / "examples", ignore=shutil.ignore_patterns(".showbible")
    )
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.pop("SHOWBIBLE_DB", None)
    env["COLUMNS"] = "200"  # no wrapped lines to match against
    cwd = tmp_path
    for block in (b for b in ALL if b.document == document):
        if block.directive.startswith("skip"):
            assert "(" in block.directive, "say why a block is skipped: skip (reason)"
            continue
        if block.directive.startswith("cd "):
            cwd = tmp_path / block.directive[3:].strip()
        for cmd in block.commands:
            cwd = _run(cmd, cwd, env)


def test_every_block_is_run_or_says_why_not() -> None:
    for b in ALL:
        assert b.commands, f"{b.document.name} block {b.number}: no $ command"
        assert b.directive == "" or b.directive.startswith(("cd ", "skip (")), b.directive
