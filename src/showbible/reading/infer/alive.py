"""Alive after all: what withdraws an inferred death (``deaths.Deaths``).

Its own module because a return from death is read by its own phrases and refusals; the
linking (``linking.py``) lets an ``alive`` fact end the death it follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from showbible.quick import rx
from showbible.reading.facts import Inferred
from showbible.reading.infer.base import (
    HIGH,
    Component,
    SceneView,
    Unit,
    fact,
    holds,
    stem_bit,
)
from showbible.reading.infer.clauses import blocked, subject_before

_ALIVE_STEMS = (
    "aliv", "surviv", "dead", "death", "back to life", "reviv", "resurrect", "zombi", "undead",
    "reanimat", "revenant", "grave", "coffin", "tomb",
)  # fmt: skip
_ALIVE_BIT = stem_bit(_ALIVE_STEMS)
_ALIVE = rx.compile(
    r"\b(?:is alive|'s alive|are alive|still alive|very much alive|alive after all|survives|"
    r"survived|(?:is|was|isn't|wasn't|'s) not dead|isn't dead|wasn't dead|am not dead|'m not dead|"
    r"faked (?:his|her|their) (?:own )?death|coughs?, alive|, alive|"
    # a return from death, as fantasy and science fiction tell it
    r"(?:comes|came|come|is brought|was brought|gets brought) back to life|"
    r"(?:is|was|gets|got|has been) (?:revived|resurrected|brought back from the dead)|"
    r"(?:rises|rose|returns|returned|is back|comes back) from the dead|"
    # or as the undead: "rises from his grave", "is reanimated"
    r"(?:rises|arises|rose|climbs|crawls|claws (?:its|his|her|their) way) (?:up )?"
    r"(?:out of|from) (?:the|a|his|her|their) (?:grave|coffin|tomb|crypt)|"
    r"(?:is|was|gets|got|has been) reanimated|reanimates)\b",
    re.I,
)
# One of the dead returning undead: "A zombie Mr. Cream Puff arises and moans."
_UNDEAD = rx.compile(r"\b(?:zombie|zombified|undead|reanimated|revenant)\s+(?=[A-Z])", re.I)
# Someone brings the dead back: "Tikka brings Ward back to life", "the wand resurrects Brown".
_REVIVES = rx.compile(
    r"\b(?:brings?|brought|bringing) (?P<x>\w+(?: \w+)?) back to life\b|"
    r"\b(?:resurrects?|resurrected|revives?|revived) (?=[A-Z])",
)


class Alive(Component):
    """Alive after all: what withdraws an inferred death.

    Reads: a character as the subject of "is alive", "survives", "isn't dead", "wasn't dead",
    "faked his death" (the negation is part of the phrase here, so it is not refused for it),
    "comes back to life", "is revived", "rises from the dead", "rises from his grave", "is
    reanimated", as the one brought back ("brings Ward back to life", "resurrects Brown"), or as
    one of the dead come back undead ("A zombie Mr. Cream Puff arises").
    Refuses: questions, conditions, modals ("may be alive"), wishes and hearsay.
    """

    kind = "alive"
    stems = _ALIVE_STEMS

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        if not holds(unit, _ALIVE_BIT):
            return
        for m in _ALIVE.finditer(unit.text):
            subject = subject_before(unit.ms, m.start(), unit.text)
            if subject is None:
                continue
            if blocked(unit.text, m.start(), subject_at=subject.start, negation=False):
                continue
            yield fact("alive", subject.cid, unit, HIGH, f"subject of {m.group(0).strip()!r}")
        for m in _UNDEAD.finditer(unit.text):
            back = next((x for x in unit.ms if x.start == m.end() and not x.pronoun), None)
            if back is None or blocked(unit.text, m.start(), negation=False):
                continue
            yield fact("alive", back.cid, unit, HIGH, f"returns as {m.group(0).strip()!r}")
        for m in _REVIVES.finditer(unit.text):
            start = m.start("x") if m.group("x") else m.end()
            brought = next((x for x in unit.ms if x.start == start and not x.possessive), None)
            if brought is None or blocked(unit.text, m.start(), negation=False):
                continue
            yield fact("alive", brought.cid, unit, HIGH, f"object of {m.group(0).strip()!r}")
