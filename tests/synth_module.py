"""bench/synth.py for the tests. bench/ is not a package, so the script is loaded as a module,
once, and registered before it runs (its dataclasses look their module up in sys.modules)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SYNTH = Path(__file__).resolve().parents[1] / "bench" / "synth.py"


def load() -> ModuleType:
    if "synth" in sys.modules:
        return sys.modules["synth"]
    spec = importlib.util.spec_from_file_location("synth", SYNTH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = module
    spec.loader.exec_module(module)
    return module
