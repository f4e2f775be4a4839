"""Compact, versioned serialisation of parsed scripts for the store's parse cache."""

from __future__ import annotations

import json
import zlib

from showbible.model import Diagnostic, Element, Kind, Script, split_scenes

FORMAT = 1
_FIELDS = ("extensions", "dual", "scene_number", "level", "centered", "forced", "key", "anchor")


def _el(e: Element) -> list[object]:
    row: list[object] = [e.kind.value, e.text, e.line, e.end_line]
    extra = {
        "x": list(e.extensions) if e.extensions else None,
        "d": e.dual or None,
        "n": e.scene_number,
        "l": e.level or None,
        "c": e.centered or None,
        "f": e.forced or None,
        "k": e.key,
        "a": e.anchor if e.anchor >= 0 else None,
    }
    extra = {k: v for k, v in extra.items() if v is not None}
    if extra:
        row.append(extra)
    return row


def _unel(row: list[object]) -> Element:
    kind, text, line, end_line = row[0], row[1], row[2], row[3]
    extra: dict[str, object] = row[4] if len(row) > 4 else {}  # type: ignore[assignment]
    ext = extra.get("x")
    return Element(
        Kind(str(kind)),
        str(text),
        int(line),  # type: ignore[call-overload]
        int(end_line),  # type: ignore[call-overload]
        extensions=tuple(str(x) for x in ext) if isinstance(ext, list) else (),
        dual=bool(extra.get("d", False)),
        scene_number=extra.get("n"),  # type: ignore[arg-type]
        level=int(extra.get("l", 0)),  # type: ignore[call-overload]
        centered=bool(extra.get("c", False)),
        forced=bool(extra.get("f", False)),
        key=extra.get("k"),  # type: ignore[arg-type]
        anchor=int(extra.get("a", -1)),  # type: ignore[call-overload]
    )


def dump_script(script: Script) -> bytes:
    doc = {
        "v": FORMAT,
        "path": script.path,
        "title": [list(t) for t in script.title],
        "elements": [_el(e) for e in script.elements],
        "boneyard": [_el(e) for e in script.boneyard],
        "diagnostics": [[d.line, d.message, d.severity, d.column] for d in script.diagnostics],
    }
    return zlib.compress(json.dumps(doc, separators=(",", ":")).encode(), 3)


def load_script(blob: bytes) -> Script | None:
    """The cached script, or None when the blob is from another format version or damaged."""
    try:
        doc = json.loads(zlib.decompress(blob))
    except (zlib.error, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("v") != FORMAT:
        return None
    path = str(doc["path"])
    elements = tuple(_unel(r) for r in doc["elements"])
    return Script(
        path=path,
        elements=elements,
        title=tuple((str(k), str(v)) for k, v in doc["title"]),
        boneyard=tuple(_unel(r) for r in doc["boneyard"]),
        diagnostics=tuple(
            Diagnostic(path, int(ln), str(msg), str(sev), int(col))
            for ln, msg, sev, col in doc["diagnostics"]
        ),
        scenes=split_scenes(elements),
    )
