"""Destructions: places that burn, sink, explode or fall.

Reads: a place as the subject of a destruction predicate ("the chapel burns to the ground", "the
Kestrel sinks", "the boathouse explodes", "is reduced to ash", "is a smoking ruin", "is rubble",
"is lost with all hands", "goes down by the stern") or the object of a destroying act ("Ruth
torches the cold store", "the explosion destroys the weather station", "blow up the
lighthouse"), a fire or a force of nature among them ("the sea takes the Kestrel", "the fire
claims the cold store", "the flood sweeps the mill away"). The place is a bible place by any of
its names, the scene's own place ("the building", "the whole place", "it", the head noun of the
heading: "the hangar" in BRANDT AEROWORKS - HANGAR), or another named location ("the Harrow
Street warehouse": a head noun of a building or vessel, or a proper name), keyed like an unknown
heading location. A fire told as what happens to the place, its clause ending there ("the
boathouse burns.", "is ablaze behind them", "is engulfed in flames as they watch", "flames
engulf the chapel") is its destruction. A subject "it" is the place the sentence before names
(one place, and no thing it might be instead: "Ruth locks the cold store. It burns."), or in
a scene's first sentence the heading's; else the scene's own place is only a guess (medium).
Weaker predicates ("collapses", "caves in", "is on fire", "burns with ...") are medium
confidence until a second sign in the scene confirms them.

Refuses: what merely happens in or near a place ("candles burn in the chapel", "Hollis collapses
in the chapel"), possessives that are parts ("the cold store's alarm explodes"), things that are
not places ("Cole destroys the ledger", "the storm takes the lighthouse keeper's boat"), a force
passing through or catching ("the wave swept through the office", "the fire takes hold in the
chapel", "the flood sweeps the yard clean"), figures ("my career went up in flames", "the deal
collapses"), conquest ("the castle falls to the rebels"), light ("ablaze with candles"),
what is not fire ("the fog engulfs the lighthouse", "engulfed in darkness"), an "it" that may
be a thing or one of two places ("Cole lights the fuse. It burns."; in a speech, "it" with no
place named before it in that speech), and as for every kind: questions,
negations, modals, conditions, threats, attempts, near misses, hearsay, imperatives, depictions,
flashbacks and dreams. A later sign that the place stands (``Intact``) withdraws it.
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
from showbible.reading.infer.clauses import blocked, imperative, lead
from showbible.reading.infer.places import THING, place_after, place_before, places_in

_SUBJECT_HIGH = rx.compile(
    r"\b(?:burns? to the ground|burned to the ground|burnt to the ground|burns? down|burned down|"
    r"burnt down|burns? all night|burned all night|burnt all night|"
    # not a room that "explodes into light" or a crowd that "explodes with laughter"
    r"explod(?:es|ed)(?!\s+(?:the|a|an|his|her|their|its)\s)"  # "explodes the doorway"
    r"(?!\s+(?:into|with|in)\s+(?:a\s+|an\s+)?(?:light|colou?rs?|song|laughter|"
    r"applause|cheers?|cheering|action|motion|life|activity|chaos|frenzy|riot|smiles?|grins?|"
    r"tears|dance|dancing|music|sound|noise|movement|celebration|joy|sunlight|brightness|"
    r"white|gold|blue|red|green))|blows up|"
    r"blew up|(?:is|was|gets|got|(?:has|had|have) been) "
    r"(?:destroyed|razed|levelled|leveled|demolished|flattened|gutted|blown up|blown to pieces|"
    r"sunk|torched|burned down|burnt down|obliterated|wiped out|swept away)|"
    r"(?:is|was) reduced to (?:ash|ashes|rubble|cinders|embers)|"
    r"collapses into (?:rubble|the \w+|ruins?)|collapsed into (?:rubble|the \w+)|"
    r"goes up in flames|went up in flames|goes up|went up|sinks|sank|goes down with|went down with|"
    r"breaks apart|broke apart|(?:is|was|lies) in ruins|(?:is|was) (?:a|now a) "
    r"(?:smoking |charred |blackened |burnt-out |burned-out )?(?:ruin|shell|crater|husk|wreck)|"
    r"is a ring of blackened|buckles and crashes|crashes into the sea|collapses|collapsed|"
    r"crumbles|crumbled|caves in|caved in|comes down|came down|"
    r"burns?(?: \w+){0,3} until nothing (?:is )?left|"
    r"(?:is|was|'s|lies) (?:now |nothing but |just |only )?(?:rubble|ash|ashes|cinders|"
    r"smoking rubble|a heap of (?:rubble|ash))|"
    r"(?:is|was) lost with all hands|(?:goes|went) down by the (?:stern|bow|head)|"
    r"(?:slips|slipped|sinks|sank) beneath the (?:waves|surface|water))",
    re.I,
)
# A place where a crowd gathers that "explodes" may be the crowd ("The Parque explodes." as the
# jury crowns the winner, the sixty-sixth blind look's Valledupar festival): a weak sign there,
# which a second one (flames, rubble) confirms, as "collapses" is.
_VENUE = rx.compile(
    r"\b(?:park|parque|parc|stadium|estadio|stade|arena|auditorium|theat(?:re|er)|teatro|plaza|"
    r"piazza|square|stands|bleachers|club|ballroom|gym|gymnasium|coliseum|coliseo|big top|crowd|"
    r"audience|dance floor|cabaret|cantina)\b",
    re.I,
)
_BLAST = rx.compile(
    r"\b(?:fire|flames?|fireball|blast|bomb|debris|smoke|shrapnel|rubble|shatter\w*|ball of)\b",
    re.I,
)
_SUBJECT_MEDIUM = rx.compile(
    r"\b(?:burns|burned|burnt|is burning|was burning|blazes|blazed|(?:is|was) fired|falls|fell|"
    r"(?:'s|is) gone|(?:is|was|'s) (?:now |already |soon |fully |completely )?(?:ablaze|aflame|"
    r"in flames|on fire|an inferno|a (?:sheet|wall|tower|pillar) of (?:flame|fire)|"
    r"engulfed (?:in|by) (?:flames?|fire|the (?:flames|fire|blaze|inferno))))\b",
    re.I,
)
# A fire told as what happens to the place, the clause ending there: "The boathouse burns.",
# "the chapel is ablaze behind them", "The Gull is engulfed in flames as they watch". Said of
# a place, that is its destruction (a later scene set there withdraws it, rules/base.py
# refute). Not when something follows that makes it a light or a feeling: "the chapel burns
# with candlelight", "the forge burns hot", "the lighthouse burns its lamp", "the office
# burns the midnight oil" (nothing of these is in the list below).
_FIRE = rx.compile(
    r"\b(?:burns|burned|burnt|is burning|was burning|blazes|blazed|(?:is|was|'s) (?:now |already "
    r"|fully |completely )?(?:ablaze|aflame|in flames|an inferno|a (?:sheet|wall|tower|pillar) "
    r"of (?:flame|fire)|engulfed (?:in|by) (?:flames?|fire|the (?:flames|fire|blaze|inferno))))"
    r"(?=\s*(?:$|[.;!:,—–]|--)|\s+(?:fiercely|furiously|out of control|unchecked|for hours|"
    r"all night|through the night|into the night|until (?:dawn|morning)|behind (?:them|him|her|"
    r"us|me)|in the distance|below|across the (?:bay|harbou?r|water|river|valley)|against the "
    r"(?:sky|night|dark)|on the (?:hill|horizon|point|shore|far bank)|as (?:they|he|she|we|the|"
    r"\w+ (?:watch|watches|run|runs|flee|flees|row|rows|drive|drives))|while|and (?:the|its|"
    r"no one|nobody))\b)",
    re.I,
)
_OBJECT = rx.compile(
    r"\b(?:destroys?|destroyed|razes?|razed|levels?|levelled|leveled|torch|torches|torched|"
    r"guts|gutted|blows? up|blew up|sinks?|sank|scuttles?|scuttled|demolish|demolishes|"
    r"demolished|flattens?|flattened|bombs?|bombed|fires|burns? down|burned down)\b",
    re.I,
)
# A force of nature or a fire as the subject, the place its object: "the sea takes the Kestrel",
# "the flood sweeps the mill away", "the storm tears the weather station off the cliff".
_FORCES = ("fire", "flames", "blaze", "inferno", "sea", "flood", "floodwater", "tide", "storm",
           "gale", "hurricane", "typhoon", "tornado", "twister", "wave", "avalanche", "landslide",
           "mudslide", "earthquake", "quake", "explosion", "blast")  # fmt: skip
_FORCE_VERBS = ("takes", "took", "claims", "claimed", "swallows", "swallowed", "consumes",
                "consumed", "devours", "devoured", "sweeps", "swept", "tears", "tore", "rips",
                "ripped", "engulf", "engulfs", "engulfed")  # fmt: skip
# Forces that can only burn: what they engulf burns ("the fog engulfs the lighthouse" is
# weather, "the crowd engulfs him" a crowd).
_FIRES = frozenset({"fire", "fires", "flames", "flame", "blaze", "blazes", "inferno", "infernos"})
_ENGULF = frozenset({"engulf", "engulfs", "engulfed"})
_FORCE = rx.compile(
    r"\b(?P<force>" + "|".join(_FORCES) + r")s?\s+(?P<verb>" + "|".join(_FORCE_VERBS) + r")\b"
    r"(?!\s+(?:hold|through|over|across|along|into|at|in)\b)",
    re.I,
)
# Verbs that need the place carried off: "sweeps the mill away", not "sweeps the yard".
_CARRY = frozenset({"sweeps", "swept", "tears", "tore", "rips", "ripped"})
_OFF = rx.compile(r"^\s*(?:away|off|apart|down|loose|to (?:pieces|shreds|splinters))\b", re.I)
_OBJECT_MEDIUM = frozenset({"fires"})
# Parts of a building: their fall is a second sign for the place last seen burning.
_PART = rx.compile(
    r"\b(?:the|its) (?:roof|walls?|ceiling|bell tower|tower|spire|rafters|beams|floors?)\s+"
    r"(?:caves? in|collapses?|comes? down|falls?|crashes|gives way|gave way|fell|came down)\b",
    re.I,
)
_TRIGGER = (
    "burn",
    "explod",
    "blow",
    "blew",
    "destroy",
    "raze",
    "level",
    "demolish",
    "flatten",
    "gut",
    "sunk",
    "sink",
    "sank",
    "torch",
    "obliterat",
    "wiped",
    "swept",
    "reduced",
    "collaps",
    "crumbl",
    "cave",
    "came down",
    "comes down",
    "up in flames",
    "goes up",
    "went up",
    "goes down",
    "went down",
    "apart",
    "ruin",
    "shell",
    "crater",
    "husk",
    "wreck",
    "blacken",
    "buckles",
    "crash",
    "fired",
    "fall",
    "fell",
    "gone",
    "scuttl",
    "bomb",
    "engulf",
    "ablaze",
    "aflame",
    "alight",
    "flame",
    "on fire",
    "inferno",
    "blaz",
    "left of",
    "stump",
    "roof",
    "wall",
    "ceiling",
    "tower",
    "spire",
    "rubble",
    " ash",
    "cinders",
    "all hands",
    "by the stern",
    "by the bow",
    "by the head",
    "beneath the",
    *(f"{force} {verb}" for force in _FORCES for verb in _FORCE_VERBS),
)
_TRIGGER_BIT = stem_bit(_TRIGGER)
_INTACT_STEMS = ("untouched", "stand", "intact", "burn", "unharmed")
_INTACT_BIT = stem_bit(_INTACT_STEMS)
_NOT_AFTER = rx.compile(
    r"^\s*(?:to the (?:rebels|enemy|french|english)|silent|quiet|into a chair|"
    r"to (?:his|her|their) knees|at |on |in love|asleep|apart at)",
    re.I,
)
_IT = rx.compile(r"\bit\b")
_WITH = rx.compile(r"\s+with\b", re.I)
_GLOW = rx.compile(r"ablaze|aflame|on fire|in flames", re.I)
_NOTHING_LEFT = rx.compile(r"\bnothing (?:is )?left of\s*$|\bonly the stump of\s*$", re.I)


_PART_OF = rx.compile(
    r"\b(?:part|parts|piece|pieces|section|corner|side|bits?|chunk|wing|half|top|front|back|"
    r"end|roof|wall|door|window)\s+of\s+(?:the\s+|his\s+|her\s+|their\s+)?$",
    re.I,
)


def _not_the_place(unit: Unit, text: str, start: int, end: int) -> bool:
    """Whether a place phrase is someone, or a part of the place: "The Ice King falls" and "The
    Peppermint Butler explodes" name characters (a name the cast knows inside the phrase), "part
    of the ship explodes" leaves the ship."""
    if any(s < end and start < e for _cid, s, e in unit.named):
        return True
    return _PART_OF.search(text, 0, start) is not None


class Destructions(Component):
    kind = "destroyed"
    stems = _TRIGGER

    def __init__(self) -> None:
        self._soft: dict[str, int] = {}

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        if not holds(unit, _TRIGGER_BIT):
            return
        text = unit.text
        bible = scene.places.spans(text)
        key, words = scene.place_key, scene.location_words
        before = self._previous(unit, scene)
        seen: set[str] = set()
        soft: dict[str, int] = {}  # weak signs in this sentence: where each ends
        for m in _SUBJECT_HIGH.finditer(text):
            place = place_before(text, m.start(), bible, key, words, before)
            if place is None or place.possessive or place.key in seen:
                continue
            if _not_the_place(unit, text, place.start, place.end):
                continue
            if blocked(text, m.start(), subject_at=place.start) is None:
                seen.add(place.key)
                reason = f"subject of {m.group(0).strip()!r}"
                if (
                    m.group(0).lower().startswith("explod")
                    and _VENUE.search(text, place.start, place.end)
                    and not _BLAST.search(text)
                ):
                    soft[place.key] = m.end()  # "The Parque explodes." at the verdict: a crowd
                    yield self._soft_fact(place.key, unit, reason)
                    continue
                confidence = HIGH if place.sure else MEDIUM
                yield fact("destroyed", place.key, unit, self._told(unit, confidence), reason)
        part = _PART.search(text)
        for m in _SUBJECT_MEDIUM.finditer(text):
            if _NOT_AFTER.match(text[m.end() :]):
                continue
            if _WITH.match(text, m.end()) and _GLOW.search(m.group(0)):
                continue  # "ablaze with candles", "on fire with rumours": light, a figure
            place = place_before(text, m.start(), bible, key, words, before)
            if place is None or place.possessive or place.key in seen:
                continue
            if _not_the_place(unit, text, place.start, place.end):
                continue
            if part is not None and part.start() <= place.start < part.end():
                continue  # "the bell tower falls": a part of the place, read below
            if blocked(text, m.start(), subject_at=place.start) is None:
                seen.add(place.key)
                reason = f"subject of {m.group(0).strip()!r}"
                if _FIRE.match(text, m.start()) and place.sure:
                    yield fact("destroyed", place.key, unit, self._told(unit, HIGH), reason)
                    continue
                soft[place.key] = m.end()
                yield self._soft_fact(place.key, unit, reason)
        for m in _OBJECT.finditer(text):
            place = place_after(text, m.end(), bible, key, words)
            if place is None or place.possessive or place.key in seen:
                continue
            if _not_the_place(unit, text, place.start, place.end):
                continue
            if imperative(text, m.start()) or blocked(text, m.start()) is not None:
                continue
            seen.add(place.key)
            verb = m.group(0).lower()
            if verb in _OBJECT_MEDIUM:
                yield self._soft_fact(place.key, unit, f"object of {verb!r}")
            else:
                yield fact("destroyed", place.key, unit, self._told(unit, HIGH),
                           f"object of {verb!r}")  # fmt: skip
        for m in _FORCE.finditer(text):
            place = place_after(text, m.end("verb"), bible, key, words)
            if place is None or place.possessive or place.key in seen:
                continue
            if _not_the_place(unit, text, place.start, place.end):
                continue
            if re.match(r"^\s+[a-z]+(?:'s|’s)\b", text[place.end :]):
                continue  # "takes the lighthouse keeper's boat": the place names its owner
            verb = m.group("verb").lower()
            if verb in _CARRY and not _OFF.match(text[place.end :]):
                continue
            if verb in _ENGULF and m.group("force").lower() not in _FIRES:
                continue
            if blocked(text, m.start()) is None:
                seen.add(place.key)
                yield fact("destroyed", place.key, unit, self._told(unit, HIGH),
                           f"object of {m.group(0).strip()!r}")  # fmt: skip
        for pid, s, _e in bible:
            found = pid not in seen and _NOTHING_LEFT.search(text[:s])
            if found and blocked(text, s, negation=False) is None:
                yield fact("destroyed", pid, unit, HIGH, "nothing left of it")
        strong = any(k not in soft for k in seen)  # "is ablaze, and the roof falls in"
        if part is not None and not strong and blocked(text, part.start()) is None:
            last = list(self._soft) or ([key] if key else [])
            # A weak sign earlier in this sentence counts ("The abbey burns; the bell tower
            # falls last"); a strong one needs no second.
            if last and (last[-1] not in seen or soft.get(last[-1], len(text)) < part.start()):
                yield self._soft_fact(last[-1], unit, f"{part.group(0).strip()!r}")

    def _previous(self, unit: Unit, scene: SceneView) -> list[str] | None:
        """The places the sentence before this one names, for a subject "it" to point back
        to: the one before in the same speech, or the action line or direction before an
        action line (a speech between them changes the subject). None: there is none."""
        if not _IT.search(unit.low):
            return None
        if unit.index == 0 and unit.kind != "speech":
            # The scene's first sentence: "it" can only be what the heading names.
            return [scene.place_key] if scene.place_key else None
        if unit.index == 0:
            return [THING]
        prev = scene.units[unit.index - 1]
        if (prev.kind == "speech") != (unit.kind == "speech") or prev.speech != unit.speech:
            # In a speech, "it" with nothing before it in the speech is what the talk is
            # about, which the heading does not say ("I love how it crumbles").
            return [THING] if unit.kind == "speech" else None
        bible = scene.places.spans(prev.text)
        named = places_in(prev.text, bible, scene.place_key, scene.location_words)
        return named or ([THING] if unit.kind == "speech" else named)

    def _soft_fact(self, key: str, unit: Unit, reason: str) -> Inferred:
        """A weak sign; a second one in the scene makes it certain."""
        count = self._soft.get(key, 0) + 1
        self._soft[key] = count
        confidence = HIGH if count > 1 else MEDIUM
        return fact("destroyed", key, unit, self._told(unit, confidence), reason)

    def _told(self, unit: Unit, confidence: float) -> float:
        return confidence if unit.kind != "speech" else min(confidence, MEDIUM)


_INTACT = rx.compile(
    r"\b(?:stands? untouched|still stands|is still standing|stands intact|is intact|"
    r"(?:didn't|did not|never) burn|survived the fire|unharmed|untouched)\b",
    re.I,
)


class Intact(Component):
    """Standing after all: what withdraws an inferred destruction ("the chapel stands
    untouched", "the chapel didn't burn"). Refuses questions, conditions and hearsay."""

    kind = "intact"
    stems = _INTACT_STEMS

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        if not holds(unit, _INTACT_BIT):
            return
        bible = scene.places.spans(unit.text)
        for m in _INTACT.finditer(unit.text):
            place = place_before(unit.text, m.start(), bible, scene.place_key,
                                 scene.location_words)  # fmt: skip
            if place is None:
                continue
            if blocked(unit.text, m.start(), subject_at=place.start, negation=False) is None:
                yield fact("intact", place.key, unit, HIGH, f"subject of {m.group(0)!r}")


# The alternations searched in each sentence that holds a stem, led by a lookahead of their
# first letters (``clauses.lead``): the same matches, found two to three times faster.
(
    _SUBJECT_HIGH,
    _PART,
    _SUBJECT_MEDIUM,
    _OBJECT,
    _FORCE,
    _INTACT,
) = map(lead, (_SUBJECT_HIGH, _PART, _SUBJECT_MEDIUM, _OBJECT, _FORCE, _INTACT))
