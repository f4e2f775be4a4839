"""The cast's plain records: a character, one an action line introduces, what a cue resolved
to (``reading/resolve.py`` makes them; re-exported there), and whose a label is in a series."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Character:
    """A character of the universe: from the bible, or provisional (seen only in scripts)."""

    id: str
    name: str
    provisional: bool = False
    role: bool = False
    home: str | None = None
    performer: str | None = None
    suggestion: str | None = None  # for a provisional cue that looks like a misspelling
    identities: dict[str, str] = field(default_factory=dict)  # normalised label -> identity

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "provisional": self.provisional,
            "role": self.role,
            "home": self.home,
            "performer": self.performer,
        }


@dataclass(frozen=True, slots=True)
class Introduced:
    """A character an action line introduces (``Cast.introduce``): id, name, series, label.
    With ``form``, no new character: ``label`` is a full form of the character ``id`` already
    has (reading/fullforms.py)."""

    id: str
    name: str
    series: str
    label: str
    form: bool = False


@dataclass(frozen=True, slots=True)
class Cue:
    """What a cue resolved to."""

    character: str
    label: str  # normalised label
    identity: str | None = None  # the named identity (``masked``) when the bible groups them


def pick_owner(owners: Iterable[tuple[str, frozenset[str] | None]], series: str) -> str | None:
    """The owner of a label in a series: a scoped owner wins over an unscoped one."""
    unscoped = None
    for cid, scope in owners:
        if scope is None:
            unscoped = unscoped or cid
        elif series in scope:
            return cid
    return unscoped
