"""The code's layout holds to DESIGN §6: one folder per stage, no import circles (type-only
imports included), nothing below the command line and the web imports them, small modules."""

from __future__ import annotations

import ast
import fnmatch
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "showbible"
STAGES = (
    "universe",
    "formats",
    "reading",
    "canon",
    "rules",
    "build",
    "store",
    "news",
    "web",
    "cli",
)
MAX_LINES = 700
MAX_FLAT = 6


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Every showbible module this one imports, anywhere in it (TYPE_CHECKING blocks and
    function bodies too): a circle through any of them is a circle."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if not base.startswith("showbible"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in known else base)
    found.discard(name)
    return {m for m in found if m in known}


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {name: _imports(path, name, known) for name, path in mods.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    # Tarjan's strongly connected components: any component of two or more is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp: list[str] = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_circles() -> None:
    assert _cycles(_graph()) == []


def test_cycle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_nothing_below_imports_the_command_line_or_the_web() -> None:
    bad = [
        (mod, dep)
        for mod, deps in _graph().items()
        if not mod.startswith(("showbible.cli", "showbible.web", "showbible.__main__"))
        and mod != "showbible"
        for dep in deps
        if dep.startswith(("showbible.cli", "showbible.web"))
    ]
    assert bad == []


def test_stages_are_folders_and_few_modules_are_flat() -> None:
    for stage in STAGES:
        assert (SRC / stage / "__init__.py").is_file(), stage
    flat = sorted(p.name for p in SRC.glob("*.py"))
    assert len(flat) <= MAX_FLAT, flat


def test_no_module_over_the_line_limit() -> None:
    long = {
        str(p.relative_to(SRC)): n
        for p in SRC.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_test_folder_is_collected(pytestconfig: pytest.Config) -> None:
    """pytest leaves out folders its ``norecursedirs`` names ("build" by default): a stage's test
    folder left out would never run, in CI or anywhere (tests/build was, for a while)."""
    tests = Path(__file__).parent
    folders = [p for p in tests.rglob("*") if p.is_dir() and any(p.glob("test_*.py"))]
    skipped = pytestconfig.getini("norecursedirs")
    for folder in folders:
        for part in folder.relative_to(tests).parts:
            assert not any(fnmatch.fnmatch(part, pattern) for pattern in skipped), (folder, part)
