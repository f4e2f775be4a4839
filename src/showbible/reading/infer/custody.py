"""Custody (``held``): someone in a place made to hold people, arrested, or shut in one.

Reads: a character in a cell, a brig, a lock-up, a jail or a dungeon as a present state
("Bram sits in a cell, head in his hands", "Joss spends the night in the lock-up", "Rafi is
still in the brig on the Kestrel", "Ruth is behind bars", "Cole is in custody", "Mara is
under house arrest at the lighthouse"); an arrest ("Ruth arrests Cole and takes him to the
precinct", "Cole is taken into custody", "two constables lead Hollis away in handcuffs"); a
holding place's door shut on someone ("Cole bolts the cellar door on Priya"); and someone left
restrained ("They leave Bram tied up in the boathouse"). The place is the bible place named,
else the place named after "to"/"at", else the cell's scene (or the scene a narrated "is behind
bars" shows the prisoner in) or ``~custody`` for an arrest with no place told. Ended like every
hold by a release ("is released", "makes bail" are releases of ``confinement.Release``;
"unlocks the cell" frees the one this scene holds).

Refuses: visitors and staff ("Ruth is in the cell with Bram", "the guard waits in the cell
block"), the past ("I was in prison for ten years", "Mara sat in a cell once"), a door shut
on someone outside ("slams the door on Ruth": only a cell's, cellar's or brig's door shuts
someone in), slaps ("cuffs him round the ear"), nouns ("Cole's arrest warrant"), and as for
every kind: orders ("Arrest him!"), threats and plans ("I'll have you arrested"), questions,
conditions, negations, hearsay, depictions, flashbacks and dreams. In dialogue a custody is a
claim, medium confidence ("I'm still in the brig").
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
from showbible.reading.infer.confinement import place_of, restrained

CUSTODY = "~custody"
_CELL = (
    r"(?:holding\s+|locked\s+|prison\s+|jail\s+|police\s+|punishment\s+)?"
    r"(?P<cell>cell|brig|lock-?up|jail|gaol|prison|dungeon|stockade|cage)"
)
_IN_CELL = rx.compile(
    r"\b(?:is|'s|'m|am|are|sits|sleeps|paces|waits|lies|remains|stays|wakes(?: up)?|huddles|"
    r"spends (?:the|a|another) (?:night|day|week|month)s?)\s+(?:still\s+|now\s+|alone\s+)?"
    r"(?:in|inside)\s+(?:a|the|his|her|their|its)\s+" + _CELL + r"\b(?!\s+(?:block|door|corridor|"
    r"wing|yard|phone|with|next door|keys?)\b)|"
    r"\b(?:is|'s|'m|am|are)\s+(?:still\s+|now\s+)?(?:behind bars|in custody|under (?:house )?"
    r"arrest)\b",
    re.I,
)
_ARREST_OBJECT = rx.compile(r"\b(?:arrests|arrested|handcuffs|handcuffed)\b", re.I)
_ARRESTED = rx.compile(
    r"\b(?:is|gets|'s|are)\s+(?:arrested|taken into custody|taken in for questioning|booked)\b",
    re.I,
)
_LED_AWAY = rx.compile(
    r"\b(?:leads?|led|leading|marches|marched|hauls|hauled|frogmarches|frogmarched|escorts|"
    r"escorted|takes|took)\b(?P<mid>[^.;]{1,30}?)\b(?:away|off|out|to the cells)\s+in\s+"
    r"(?:handcuffs|cuffs|chains|irons|manacles)\b",
    re.I,
)
_DOOR_ON = rx.compile(
    r"\b(?:bolts?|bolted|locks?|locked|slams?|slammed|shuts?|bars?|barred)\s+(?:the\s+)?"
    r"(?P<place>cell|cellar|brig|cage|vault|dungeon|hold|lock-?up)\s+(?:door|hatch|gate|grille)\s+"
    r"on\b",
    re.I,
)
_LEFT = rx.compile(r"\b(?:leaves?|left)\b", re.I)
_LEFT_STATE = rx.compile(
    r"^\s*(?:tied up|tied|bound|gagged|handcuffed|chained|locked (?:up|in)|shackled)\b", re.I
)
_TO_PLACE = rx.compile(r"^[^.;]*?\b(?:to|at)\s+(?P<place>(?:the\s+)?[^.,;!?]*)", re.I)
_TRIGGER = (
    " cell", "brig", "lock-up", "lockup", "jail", "gaol", "prison", "dungeon", "stockade",
    "cage", "behind bars", "custody", "arrest", "handcuff", "booked", "questioning", "cuffs",
    "chains", "irons", "manacles", "vault", "hold door", "hold hatch",
    # someone left restrained: the state, not "left", which every "exits left" holds
    "tied", "bound", "gagged", "chained", "locked up", "locked in", "shackled",
)  # fmt: skip
_TRIGGER_BIT = stem_bit(_TRIGGER)


class Custody(Component):
    kind = "held"
    stems = _TRIGGER

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        if not holds(unit, _TRIGGER_BIT):
            return
        text = unit.text
        told = HIGH if unit.kind != "speech" else MEDIUM
        done: set[str] = set()
        for m in _IN_CELL.finditer(text):
            subject = subject_before(unit.ms, m.start(), text)
            if subject is None or subject.possessive or subject.cid in done:
                continue
            if blocked(text, m.start(), subject_at=subject.start) is not None:
                continue
            cell = m.group("cell")
            place = place_of(unit, scene, cell) if cell else CUSTODY
            where = re.match(r"^\s*(?:at|in)\s+(?P<place>[^.,;!?]*)", text[m.end() :], re.I)
            if cell is None and (scene.places.spans(text) or where):
                place = place_of(unit, scene, where.group("place") if where else "")
            elif cell is None and unit.kind != "speech" and subject.cid in scene.present:
                # "[The Doctor is behind bars.]" in the sheriff's office: held where the scene
                # shows him (a later "In his cell, the Doctor reads" there is the same cell)
                place = scene.place_key or CUSTODY
            if place is None:
                continue
            done.add(subject.cid)
            restrained(scene, subject.cid)
            yield fact("held", subject.cid, unit, told, f"{m.group(0).strip()!r}", obj=place)
        for cid, at, why in self._arrests(unit):
            if cid in done or blocked(text, at) is not None or imperative(text, at):
                continue
            done.add(cid)
            to = _TO_PLACE.match(text[at:])
            place = place_of(unit, scene, to.group("place")) if to else CUSTODY
            yield fact("held", cid, unit, told, why, obj=place or CUSTODY)
        for m in _DOOR_ON.finditer(text):
            obj = object_after(unit.ms, m.end(), text)
            if obj is None or obj.possessive or obj.cid in done:
                continue
            if imperative(text, m.start()) or blocked(text, m.start()) is not None:
                continue
            done.add(obj.cid)
            restrained(scene, obj.cid)
            place = place_of(unit, scene, m.group("place"))
            yield fact("held", obj.cid, unit, told, f"{m.group(0).strip()!r}", obj=place)
        for m in _LEFT.finditer(text):
            obj = object_after(unit.ms, m.end(), text)
            if obj is None or obj.possessive or obj.cid in done:
                continue
            state = _LEFT_STATE.match(text[obj.end :])
            if state is None or blocked(text, m.start()) is not None:
                continue
            rest = text[obj.end + state.end() :]
            into = re.match(r"^\s*(?:in|inside|to|aboard|on)\s+(?P<place>[^.,;!?]*)", rest, re.I)
            done.add(obj.cid)
            restrained(scene, obj.cid)
            place = place_of(unit, scene, into.group("place") if into else "")
            if place is not None:
                yield fact("held", obj.cid, unit, told, f"left {state.group(0).strip()}",
                           obj=place)  # fmt: skip

    def _arrests(self, unit: Unit) -> Iterator[tuple[str, int, str]]:
        """Who is arrested in this sentence: (character, where the predicate starts, why)."""
        text = unit.text
        for m in _ARREST_OBJECT.finditer(text):
            obj = object_after(unit.ms, m.end(), text)
            if obj is None or obj.possessive or obj.pronoun == "speaker":
                continue
            if re.search(r"\b(?:on|onto|upon|at|in)\b", text[m.end() : obj.start], re.I):
                continue  # "enchants handcuffs on Hunson": the noun, and a prepositional object
            if re.match(r"^\s*(?:round|around|on the|across)\b", text[obj.end :], re.I):
                continue  # "handcuffs him on the ear"-like slaps and figures
            yield obj.cid, m.start(), f"object of {m.group(0).lower()!r}"
        for m in _ARRESTED.finditer(text):
            subject = subject_before(unit.ms, m.start(), text)
            if subject is not None and not subject.possessive:
                yield subject.cid, m.start(), f"{m.group(0).strip()!r}"
        for m in _LED_AWAY.finditer(text):
            inside = [x for x in unit.ms if m.start("mid") <= x.start < m.end("mid")]
            if inside and not inside[0].possessive:
                yield inside[0].cid, m.start(), "led away in restraints"


# The alternations searched in each sentence that holds a stem, led by a lookahead of their
# first letters (``clauses.lead``): the same matches, found two to three times faster.
(
    _IN_CELL,
    _DOOR_ON,
    _LEFT,
    _ARREST_OBJECT,
    _ARRESTED,
    _LED_AWAY,
) = map(lead, (_IN_CELL, _DOOR_ON, _LEFT, _ARREST_OBJECT, _ARRESTED, _LED_AWAY))
