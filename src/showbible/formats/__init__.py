"""Script readers: each turns one file format into the same Script model, parse only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from showbible.model import InputError, Script

Reader = Callable[[Path], Script]


def _fountain(path: Path) -> Script:
    from showbible.formats.fountain import read_fountain

    return read_fountain(path)


READERS: dict[str, Reader] = {
    ".fountain": _fountain,
    ".spmd": _fountain,
}


def reader_for(path: Path) -> Reader:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(
            f"no reader for {path.suffix or 'files without a suffix'} (known: {known})",
            file=str(path),
        )
    return reader


def read_script(path: Path) -> Script:
    """Read any supported script file; raises InputError naming the file on failure."""
    return reader_for(path)(path)
