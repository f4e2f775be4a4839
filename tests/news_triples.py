"""What a news test reads from its own sentences: the proposed facts as (kind, subject, object)
triples, of the kinds it asks for (the relations between people, roles and shows by default)."""

from __future__ import annotations

from showbible.news import extract_text

FACTS = tuple[str, str, str]


def triples(
    text: str, kinds: tuple[str, ...] = ("plays", "appears_in"), *, tv_only: bool = False
) -> set[FACTS]:
    return {
        (f.kind, f.subject, f.object)
        for f in extract_text(text, "a.txt", tv_only=tv_only)
        if f.kind in kinds
    }


def media(text: str) -> dict[FACTS, str]:
    """The world each role and appearance is marked with ("" for television)."""
    return {
        (f.kind, f.subject, f.object): f.medium
        for f in extract_text(text, "a.txt")
        if f.kind in ("plays", "appears_in")
    }


def played(text: str) -> set[tuple[str, str]]:
    """The (performer, character) pairs of the ``plays`` facts proposed for a text."""
    return {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "plays"}
