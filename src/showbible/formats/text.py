"""Bytes to text for every reader: UTF-8 (BOM optional), UTF-16/32 when a BOM says so, or the
legacy encoding (Windows-1252 and the like) that charset-normalizer finds for older files.

Undecodable bytes never stop a read: a legacy encoding, or bytes replaced with U+FFFD, is
reported once, with the line of the first byte that is not UTF-8, so a writer can fix it.
"""

from __future__ import annotations

from showbible.model import Diagnostic


def decode_text(data: bytes, path: str) -> tuple[str, list[Diagnostic]]:
    """Decode bytes as UTF-8 (BOM optional), or UTF-16/32 when a BOM says so, or, when they
    are not UTF-8, as the legacy encoding charset-normalizer finds (Windows-1252 preferred).

    A legacy encoding is reported once, with how to re-save the file as UTF-8. Bytes that fit
    no encoding are replaced with U+FFFD and reported once, at the line of the first bad byte.
    Line endings are normalised to ``\\n``.
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
        # A UTF-8 byte order mark says what the file means to be: bad bytes stay bad bytes.
        bom = data.startswith(b"\xef\xbb\xbf")
        legacy = _legacy_encoding(data) if label == "UTF-8" and not bom else None
        before = data[: err.start].decode(encoding, errors="replace")
        line = normalise_newlines(before).count("\n") + 1
        if legacy is not None:
            name = _NAMES.get(legacy, legacy)
            message = (
                f"not UTF-8: read as {name} (first non-UTF-8 byte here); re-save it as UTF-8 "
                "(in most editors: Save As / Save with Encoding -> UTF-8; or "
                f"`iconv -f {legacy} -t utf-8`) so every tool reads the names alike"
            )
            diagnostics.append(Diagnostic(path, line, message, code="encoding"))
            text = data.decode(legacy)
        else:
            message = f"invalid {label} at byte {err.start}: bad bytes replaced with U+FFFD"
            diagnostics.append(Diagnostic(path, line, message, code="encoding"))
            text = data.decode(encoding, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return normalise_newlines(text), diagnostics


_NAMES = {"cp1252": "Windows-1252", "cp1251": "Windows-1251", "cp1250": "Windows-1250"}
# Western single-byte code pages that charset-normalizer cannot tell apart on a short script
# (it ranks Windows-1250 first for "Renée"): Windows-1252, by far the commonest, wins the tie.
_PREFERRED = "cp1252"


def _legacy_encoding(data: bytes) -> str | None:
    """The legacy encoding of bytes that are not UTF-8, or None when nothing fits."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[: 1 << 20]))
    if not matches:
        return None
    best = matches[0]
    for m in matches:
        if m.chaos <= best.chaos and _PREFERRED in m.could_be_from_charset:
            best_encoding = _PREFERRED
            break
    else:
        best_encoding = best.encoding
    try:
        data.decode(best_encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return best_encoding


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
