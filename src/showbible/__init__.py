"""showbible: a continuity engine for shared universes.

The public API, small enough to read in one sitting:

- ``load_universe(dir)`` reads and validates a universe folder (``universe.Universe``);
- ``build(dir, url=None)`` brings its canon store up to date, incrementally;
- ``compile_universe(universe)`` folds the canon in memory, without a store;
- ``check(dir, url=None, as_of=None, only=(), rules=())`` returns the continuity findings;
- ``Session(dir, url=None)`` keeps the canon compiled in memory: ``refresh()`` after each edit
  brings memory and store up to date in a tenth of a second (what ``watch`` and ``serve`` run);
- ``InputError`` is raised for bad input, with the file and line at fault.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from showbible.version import __version__

if TYPE_CHECKING:
    from showbible.build.check import CheckResult, check
    from showbible.build.compiled import BuildResult, Compiled
    from showbible.build.compiler import build, compile_universe
    from showbible.build.session import Refresh, Session
    from showbible.model import InputError
    from showbible.rules import Finding
    from showbible.universe.loader import Universe, load_universe

# Loaded on first use (PEP 562), not here: importing any showbible module imports this package
# first, and the API pulls in the whole engine and SQLAlchemy (half a CPU second), which the
# command line's help, or a one-shot check's argument parsing, must not pay for.
_WHERE = {
    "BuildResult": "showbible.build.compiled",
    "CheckResult": "showbible.build.check",
    "Compiled": "showbible.build.compiled",
    "Finding": "showbible.rules",
    "InputError": "showbible.model",
    "Refresh": "showbible.build.session",
    "Session": "showbible.build.session",
    "Universe": "showbible.universe.loader",
    "build": "showbible.build.compiler",
    "check": "showbible.build.check",
    "compile_universe": "showbible.build.compiler",
    "load_universe": "showbible.universe.loader",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'showbible' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once: later lookups find it without this function
    return value


class _Api(types.ModuleType):
    """This package, where ``build`` stays the API's function: the import system binds each
    subpackage here when it first loads it, and the subpackage ``showbible.build`` would hide
    the function (the eager imports this replaces rebound it after loading the subpackage)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "build" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Api


__all__ = [
    "BuildResult",
    "CheckResult",
    "Compiled",
    "Finding",
    "InputError",
    "Refresh",
    "Session",
    "Universe",
    "__version__",
    "build",
    "check",
    "compile_universe",
    "load_universe",
]
