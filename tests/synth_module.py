"""bench/synth.py for the tests. bench/ is not a package, so the script is loaded as a module,
once, and registered before it runs (its dataclasses look their module up in sys.modules)."""

from __future__ import annotations

from types import ModuleType

import bench_module


def load() -> ModuleType:
    return bench_module.load("synth")
