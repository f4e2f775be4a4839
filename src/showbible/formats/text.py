"""Bytes to text for every reader: UTF-8 (BOM optional), or UTF-16/32 when a BOM says so.

Invalid bytes never stop a read: they are replaced with U+FFFD and reported once, with the line
of the first bad byte, so a writer can find and fix it.
"""

from __future__ import annotations

from showbible.model import Diagnostic


def decode_text(data: bytes, path: str) -> tuple[str, list[Diagnostic]]:
    """Decode bytes as UTF-8 (BOM optional), or UTF-16/32 when a BOM says so.

    Invalid bytes are replaced with U+FFFD and reported once, at the line of the first bad
    byte. Line endings are normalised to ``\\n``.
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encoding, label = "utf-32", "UTF-32"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, label = "utf-16", "UTF-16"
    else:
        encoding, label = "utf-8-sig", "UTF-8"
    diagnostics: list[Diagnostic] = []
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        before = data[: err.start].decode(encoding, errors="replace")
        line = normalise_newlines(before).count("\n") + 1
        message = f"invalid {label} at byte {err.start}: bad bytes replaced with U+FFFD"
        diagnostics.append(Diagnostic(path, line, message))
        text = data.decode(encoding, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return normalise_newlines(text), diagnostics


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
