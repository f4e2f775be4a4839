"""A reader for Highland documents (``.highland``): a zip holding a TextBundle whose
``text.fountain`` (older versions: ``text.md``) is the script in Fountain.

The zip is opened by ``formats.zips`` (paths outside the archive and bombs refused), the
Fountain text read by the Fountain reader; line numbers are those of the Fountain text inside.
"""

from __future__ import annotations

import os

from showbible.formats.files import read_file
from showbible.formats.fountain import parse_fountain
from showbible.formats.text import decode_text
from showbible.formats.zips import open_zip
from showbible.model import InputError, Script

__all__ = ["parse_highland", "read_highland"]

_TEXTS = (".fountain", "text.md", "text.markdown", "text.txt")


def parse_highland(data: bytes, path: str = "<bytes>") -> Script:
    """Parse the bytes of a ``.highland`` file. Raises only InputError."""
    members = open_zip(data, path, "Highland")
    name = members.find(*_TEXTS)
    if name is None:
        raise InputError(
            "Highland file without a script: no text.fountain (or text.md) inside", file=path
        )
    text, diagnostics = decode_text(members.read(name), path)
    script = parse_fountain(text, path)
    if diagnostics:
        return Script(
            path=script.path,
            elements=script.elements,
            title=script.title,
            boneyard=script.boneyard,
            diagnostics=tuple(diagnostics) + script.diagnostics,
            scenes=script.scenes,
        )
    return script


def read_highland(path: str | os.PathLike[str]) -> Script:
    name = os.fspath(path)
    return parse_highland(read_file(name), name)
