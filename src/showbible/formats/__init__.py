"""Script readers: each turns one file format into the same Script model, parse only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from showbible.model import InputError, Script

Reader = Callable[[Path], Script]


def _fountain(path: Path) -> Script:
    from showbible.formats.fountain import read_fountain

    return read_fountain(path)


def _fdx(path: Path) -> Script:
    from showbible.formats.fdx import read_fdx

    return read_fdx(path)


def _tei(path: Path) -> Script:
    from showbible.formats.tei import read_tei

    return read_tei(path)


def _transcript(path: Path) -> Script:
    from showbible.formats.transcript import read_transcript

    return read_transcript(path)


def _pdf(path: Path) -> Script:
    from showbible.formats.pdf import read_pdf

    return read_pdf(path)


def _subtitles(path: Path) -> Script:
    from showbible.formats.subtitles import read_subtitles

    return read_subtitles(path)


def _highland(path: Path) -> Script:
    from showbible.formats.highland import read_highland

    return read_highland(path)


def _fadein(path: Path) -> Script:
    from showbible.formats.fadein import read_fadein

    return read_fadein(path)


def _manuscript(path: Path) -> Script:
    from showbible.formats.manuscript import read_manuscript

    return read_manuscript(path)


READERS: dict[str, Reader] = {
    ".fountain": _fountain,
    ".spmd": _fountain,
    ".fdx": _fdx,
    ".xml": _tei,
    ".txt": _transcript,
    ".pdf": _pdf,
    ".srt": _subtitles,
    ".vtt": _subtitles,
    ".highland": _highland,
    ".fadein": _fadein,
    ".md": _manuscript,
    ".markdown": _manuscript,
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
