"""Importing the command line stays cheap (issue 21: a one-shot check's whole budget is half a
CPU second, and `import showbible.cli` alone once took that): the engine, the store, SQLAlchemy
and the other heavy libraries are imported by the commands that use them, not at start-up."""

from __future__ import annotations

import json
import subprocess
import sys

# Each of these, imported at start-up, costs every command (and `--help`) its import time.
HEAVY = (
    "sqlalchemy",
    "pydantic",
    "ruamel.yaml",
    "natsort",
    "networkx",
    "numpy",
    "ortools",
    "rich.progress",
    "rich.table",
    "showbible.build",
    "showbible.canon",
    "showbible.formats",
    "showbible.news",
    "showbible.queries",
    "showbible.report",
    "showbible.rules",
    "showbible.schedule",
    "showbible.store",
    "showbible.universe.loader",
    "showbible.web",
)


def _loaded_after(statement: str) -> list[str]:
    """The HEAVY modules a fresh interpreter holds after running ``statement``."""
    code = (
        f"import json, sys\n{statement}\n"
        f"print(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    loaded: list[str] = json.loads(done.stdout)
    return loaded


def test_importing_the_command_line_imports_no_heavy_module() -> None:
    assert _loaded_after("import showbible.cli") == []


def test_importing_the_package_imports_no_heavy_module() -> None:
    assert _loaded_after("import showbible") == []


def test_the_list_names_modules_the_engine_does_import() -> None:
    # Guards the two tests above against a list of misspelt names, which would always pass.
    loaded = _loaded_after("import showbible.build.compiler, showbible.store.engine")
    assert {"sqlalchemy", "showbible.build", "showbible.rules", "showbible.store"} <= set(loaded)


def test_the_engine_of_a_one_shot_check_imports_no_sqlalchemy() -> None:
    # Its store is read and written in plain SQL (store/access.py): SQLAlchemy Core and its
    # dialect were a quarter of a one-shot check's imports.
    loaded = _loaded_after(
        "import showbible.cli, showbible.build.oneshot, showbible.build.check, showbible.report"
    )
    assert "showbible.rules" in loaded and "sqlalchemy" not in loaded


def test_the_api_is_there_on_first_use() -> None:
    # The subpackage showbible.build, loaded first, must not hide the function `build`.
    code = (
        "import showbible.build.check, showbible\n"
        "from showbible import InputError, Session, build, check, load_universe\n"
        "from showbible.build.compiler import build as compiler_build\n"
        "assert build is compiler_build and showbible.build is compiler_build\n"
        "assert callable(check) and isinstance(Session, type) and callable(load_universe)\n"
        "assert issubclass(InputError, Exception)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
