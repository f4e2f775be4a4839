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

from showbible.build.check import CheckResult, check
from showbible.build.compiled import BuildResult, Compiled
from showbible.build.compiler import build, compile_universe
from showbible.build.session import Refresh, Session
from showbible.model import InputError
from showbible.rules import Finding
from showbible.universe.loader import Universe, load_universe
from showbible.version import __version__

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
