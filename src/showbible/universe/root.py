"""Where a universe is: its bible file's name, and the nearest folder upward holding one.

Apart from loader.py so that the command line can find a universe without importing what
reads one (pydantic, the YAML reader)."""

from __future__ import annotations

from pathlib import Path

UNIVERSE_FILE = "universe.yaml"


def find_root(start: Path | None = None) -> Path | None:
    """The nearest folder upward from ``start`` holding a universe.yaml (as git finds a repo)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / UNIVERSE_FILE).is_file():
            return folder
    return None
