"""Inline annotations: Fountain notes of the form ``[[verb: args]]``.

Any other note is prose. A note that looks like a mistyped verb (``[[died: TOBIAS]]``) is
reported with the closest verb so that canon is not silently lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from showbible.quick import rx
from showbible.reading.names import suggest

VERBS = (
    "dies",
    "destroyed",
    "learns",
    "reveals",
    "flashback",
    "story",
    "relation",
    "ends",
    "allow",
    "present",
    "absent",
    "cannot",
)
_NO_ARGS = frozenset({"flashback"})
_FORM = rx.compile(r"^\s*([A-Za-z][A-Za-z_-]*)\s*(?::\s*(.*?))?\s*$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Annotation:
    verb: str
    args: str
    line: int


@dataclass(frozen=True, slots=True)
class AnnotationProblem:
    line: int
    message: str


def parse_note(text: str, line: int) -> Annotation | AnnotationProblem | None:
    """An annotation, a problem with something that tried to be one, or None for prose."""
    m = _FORM.match(text)
    if not m:
        return None
    verb = m.group(1).lower()
    args = " ".join((m.group(2) or "").split())
    if verb in VERBS:
        if verb not in _NO_ARGS and not args:
            return AnnotationProblem(line, f"[[{verb}: ...]] needs arguments")
        return Annotation(verb, args, line)
    if m.group(2) is None and " " in text.strip():
        return None  # a sentence of prose, not a verb
    best = suggest(verb, VERBS, cutoff=75)
    if best is not None:
        return AnnotationProblem(line, f"unknown annotation verb {verb!r} (did you mean {best!r}?)")
    return None
