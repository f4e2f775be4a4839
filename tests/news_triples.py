"""What a news test reads from its own sentences: the proposed facts as (kind, subject, object)
triples, of the kinds it asks for (the relations between people, roles and shows by default)."""

from __future__ import annotations

from showbible.news import extract_text

FACTS = tuple[str, str, str]


def triples(text: str, kinds: tuple[str, ...] = ("plays", "appears_in")) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind in kinds}


def played(text: str) -> set[tuple[str, str]]:
    """The (performer, character) pairs of the ``plays`` facts proposed for a text."""
    return {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "plays"}
