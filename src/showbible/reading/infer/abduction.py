"""Abduction (``held``, place unknown): someone taken away by force, to be held elsewhere.

Reads: a character as the object of being forced into a vehicle in a scene that shows the
coercion ("They bundle her into the car" with "two pistols" and "You're coming with me" in the
scene; "the men drag Rafi into the back of a van", "Cole is shoved into the boot at gunpoint"),
and the verbs that say it outright ("Marrow's men kidnap Priya", "Teo is abducted", "they
snatch Ada off the street"). Where the captive is held is not said, so the place is
``~captors``: any scene that has the character elsewhere before a release ("cuts the ties", see
``confinement.Release``) contradicts it. A hold nobody ends is ended by the character's first
appearance elsewhere on a later story day (``linking``), so an abduction without a told rescue
only ever constrains its own day.

Refuses: a vehicle without coercion in the scene ("Ruth bundles Teo into the car and drives
him home"), things and groups ("bundles the kids into the van"), oneself ("throws himself into
the cab"), and as for every kind: orders ("Get him in the van!"), threats and plans ("we'll
snatch her tonight"), questions, conditions, hearsay, the past in dialogue, flashbacks and
dreams. A claim in a speech ("They took Priya") is not read: who took whom is for the scene
to show.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from showbible.quick import rx
from showbible.reading.facts import Inferred
from showbible.reading.infer.base import (
    HIGH,
    MEDIUM,
    Component,
    SceneView,
    Unit,
    fact,
    holds,
    stem_bit,
)
from showbible.reading.infer.clauses import (
    blocked,
    imperative,
    lead,
    object_after,
    subject_before,
)

CAPTORS = "~captors"
_FORCE = rx.compile(
    r"\b(?:bundles?|bundled|forces?|forced|drags?|dragged|throws?|threw|thrown|shoves?|shoved|"
    r"hustles?|hustled|pushes|pushed|hauls?|hauled|manhandles?|manhandled)\b",
    re.I,
)
VEHICLE = rx.compile(
    r"^\s*(?:in|into|inside)\s+(?:the\s+back\s+(?:seat\s+)?of\s+)?(?:the|a|an|his|her|their|"
    r"its)?\s*(?:\w+\s+)?(?P<vehicle>car|van|truck|lorry|boot|trunk|cab|jeep|wagon|carriage|"
    r"helicopter|chopper|limo|limousine|suv|skiff|shuttle|sedan|hatchback)\b",
    re.I,
)
_KIDNAP = rx.compile(r"\b(?:kidnaps?|kidnapped|kidnapping|abducts?|abducted|snatch(?:es|ed)?)\b",
                     re.I)  # fmt: skip
_PASSIVE = rx.compile(r"\b(?:is|was|are|were|gets|got|been)\s+(?:being\s+)?(?P<verb>kidnapped|"
                      r"abducted|snatched)\b", re.I)  # fmt: skip
# What shows that the one moved does not go of their own will: weapons, orders to come,
# struggle, restraint, a hood.
_COERCION = rx.compile(
    r"\b(?:guns?|pistols?|rifles?|revolvers?|shotguns?|knife|knives|blade|at gunpoint|"
    r"coming with (?:me|us)|struggl\w*|kicking|screaming|gag|gagged|hood|hooded|blindfold\w*|"
    r"zip[- ]?ties?|cuffs|handcuff\w*|chloroform\w*|by the arm|by the collar|by the hair)\b",
    re.I,
)
_PROTEST = rx.compile(r"\bme\b|\bhelp\b|\blet go\b|\bget off\b", re.I)
# The vehicle or the verb that says it: a forcing verb alone ("push", "force") is everywhere.
_TRIGGER = (
    " car", " van", " truck", " lorry", " boot", " trunk", " cab", " jeep", " wagon",
    " carriage", " helicopter", " chopper", " limo", " suv", " skiff", " shuttle", " sedan",
    " hatchback", "kidnap", "abduct", "snatch",
)  # fmt: skip
_TRIGGER_BIT = stem_bit(_TRIGGER)
_SELF = rx.compile(r"\b(?:himself|herself|themselves|myself)\b", re.I)


class Abduction(Component):
    kind = "held"
    stems = _TRIGGER

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        if unit.kind == "speech" or not holds(unit, _TRIGGER_BIT) or _SELF.search(unit.text):
            return
        text = unit.text
        for m in _FORCE.finditer(text):
            obj = object_after(unit.ms, m.end(), text)
            if obj is None or obj.possessive:
                continue
            vehicle = VEHICLE.match(text[obj.end :])
            if vehicle is None or not _coerced(scene):
                continue
            if imperative(text, m.start()) or blocked(text, m.start()) is not None:
                continue
            who = obj.cid if obj.pronoun != "focus" else _captive(unit, scene, m.start())
            if who is None:
                continue
            yield fact("held", who, unit, HIGH, f"forced into the {vehicle.group('vehicle')}",
                       obj=CAPTORS)  # fmt: skip
        for m in _KIDNAP.finditer(text):
            obj = object_after(unit.ms, m.end(), text)
            if obj is None or obj.possessive:
                continue
            if imperative(text, m.start()) or blocked(text, m.start()) is not None:
                continue
            yield fact("held", obj.cid, unit, HIGH, f"object of {m.group(0).lower()!r}",
                       obj=CAPTORS)  # fmt: skip
        for m in _PASSIVE.finditer(text):
            subject = subject_before(unit.ms, m.start(), text)
            if subject is None or subject.possessive:
                continue
            if blocked(text, m.start(), subject_at=subject.start) is not None:
                continue
            confidence = HIGH if subject.pronoun != "focus" else MEDIUM
            yield fact("held", subject.cid, unit, confidence, f"{m.group(0).strip()!r}",
                       obj=CAPTORS)  # fmt: skip


def _captive(unit: Unit, scene: SceneView, at: int) -> str | None:
    """Whom "They bundle her into the car" takes: pronouns follow the last name, which here is
    often the one protesting ("PRIYA: Teo, stay down!"), so the pronoun is read as the one
    the scene's force was aimed at -- the object of its last coercive sentence before this
    one ("Marrow takes Priya by the arm") -- when they speak no more in the scene."""
    subject = next((x.cid for x in unit.ms if x.start < at), None)
    for other in reversed(scene.units[: unit.index]):
        if other.kind == "speech" or not _COERCION.search(other.text):
            continue
        aimed = [x for x in other.ms if not x.pronoun and not x.possessive][1:]
        for x in aimed:
            if x.cid != subject and not scene.speaks_after(x.cid, unit.line):
                return x.cid
        if aimed:
            return None
    # The force aimed at nobody by name ("Two men with pistols step out"): the one who spoke
    # last, protesting as its object ("MARA: Get off me!"), and speaks no more -- not the one
    # who gave the order ("COLE: Take him.").
    last = unit.speaker
    if last is None or last == subject or scene.speaks_after(last, unit.line):
        return None
    said = next((u.text for u in reversed(scene.units[: unit.index]) if u.kind == "speech"), "")
    return last if _PROTEST.search(said) else None


def _coerced(scene: SceneView) -> bool:
    found: bool | None = scene.memo.get("coerced")
    if found is None:
        found = scene.memo["coerced"] = any(_COERCION.search(u.text) for u in scene.units)
    return found


# The alternations searched in each sentence that holds a stem, led by a lookahead of their
# first letters (``clauses.lead``): the same matches, found two to three times faster.
(
    _SELF,
    _FORCE,
    _KIDNAP,
    _PASSIVE,
) = map(lead, (_SELF, _FORCE, _KIDNAP, _PASSIVE))
