"""Confinement (``held``) and release: who is locked up where, and until when.

Reads: a character as the object of confining ("Cole locks Mara in the cold store", "they
chain Priya to a pipe", "throw Tobias into the cellar") or the subject of a confined state
("Rafi is locked in the weather station", "is chained in the hold", "sits chained", "is held
prisoner aboard the Kestrel", "bound and gagged, lies in the cold store", "is committed to the
Tower"), a stage direction that brings someone on as a prisoner ("Enter Soldiers with the Earl
of Kent prisoner", "Lear and Cordelia as prisoners", "Enter Posthumus in chains", "Enter in
prison Junior Brother"), and reported confinement ("they've got Teo locked in the weather
station", "you can't keep me locked in here"). The place is the bible place named in the
sentence, else the location named after the preposition, else the scene's own place. A
release (``Release``: "frees", "cuts Priya free", "unchains", "escapes", "breaks out",
"stumbles out", "is set free") in a later scene ends the hold; the engine links the two
(``until``).

Refuses: locking things ("locks the door behind her", "locks the ledger in the safe"), being
locked out, voluntary seclusion ("locks herself in the chapel to pray", "shuts himself in"),
idioms ("held up in traffic", "locks eyes", "trapped in her marriage", "tied up in meetings",
"chained to his desk", "locked in a passionate embrace", "locked in a custody battle"), a hold
undone in the same sentence ("handcuffed, then uncuffed"), and as for every kind: orders ("Lock
him in the cold store!"), threats and plans, questions, conditions, the past, hearsay,
depictions, flashbacks and dreams.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from showbible.quick import rx
from showbible.reading.facts import Inferred
from showbible.reading.infer.abduction import VEHICLE
from showbible.reading.infer.base import (
    HIGH,
    MEDIUM,
    Component,
    SceneView,
    Unit,
    fact,
    holds,
    may_match,
    stem_bit,
)
from showbible.reading.infer.clauses import (
    blocked,
    imperative,
    lead,
    not_its_subject,
    object_after,
    subject_before,
)
from showbible.reading.infer.places import PLACE_NOUNS, fold

_RESTRAINT = (r"(?:pipe|wall|chair|post|bed|radiator|ring|floor|bars|beam|mast|pillar|table|"
              r"bunk|stake|railing|hook|bolt)")  # fmt: skip
_ACT = rx.compile(
    r"\b(?:locks?|locked|chains?|chained|shackles?|shackled|imprisons?|imprisoned|jails?|jailed|"
    r"throws?|threw|thrown|shoves?|shoved|drags?|dragged|ties|tied|cages?|caged|confines?|"
    r"confined|commits?|committed|keeps?|kept|holding|holds?|padlocks?)\b",
    re.I,
)
_INTO = rx.compile(
    r"^\s*(?:up\b|(?:in|into|inside|to|aboard|on|within)\b\s*(?P<place>[^.,;!?]*))", re.I
)
_STATE = rx.compile(
    r"\b(?:(?:is|was|are|'s|sits|lies|lay|sat|remains|stays|wakes|hangs)\s+(?:still\s+|now\s+)?"
    r"(?:locked|chained|shackled|imprisoned|jailed|confined|caged|bound|trapped|held "
    r"(?:prisoner|captive|hostage)|kept|(?:zip|cable)[- ]?tied|handcuffed|cuffed|"
    r"tied(?=\s+(?:up\s+)?(?:to|in|inside)\b))|"
    r"bound and gagged|locked up|taken prisoner|"
    r"held (?:prisoner|captive|hostage)|in chains|prisoner (?:in|aboard)|"
    r"(?:,\s*|and\s+|is\s+|was\s+)committed to)\b",
    re.I,
)
# A noun after "'s locked" makes the name a possessive ("Jerry's locked door").
_NOUN_NEXT = rx.compile(
    r"^\s+(?!(?:in|into|inside|to|up|away|and|on|at|by|with|there|here|down|out|for|from|"
    r"again|now|still|behind|within|under)\b)[a-z][a-z-]*\b"
)
_NOT_AFTER = rx.compile(
    r"^\s*(?:out\b|eyes\b|in (?:concentration|a bad mood|her marriage|his marriage|meetings|"
    r"traffic|thought)|up in (?:traffic|meetings)|to (?:his|her|their|my) desk|back\b|"
    r"in high regard|at gunpoint for|"
    # "Chandler & Nina are locked in a passionate embrace": a hold of each other, not a place
    r"in (?:an? |their |each other's )?(?:\w+ ){0,2}(?:embrace|kiss|hug|clinch|stare|gaze|"
    r"glare|staring contest|struggle|battle|fight|argument|debate|conversation|duel|dance|"
    r"negotiations?|custody battle|stalemate|competition|rivalry|love|grief)\b)",
    re.I,
)
# "They've got Teo locked in the weather station": a participle right after the name.
_PARTICIPLE = rx.compile(r"\b(?:locked|chained|shackled|imprisoned|caged)(?=\s+(?:up\s+)?"
                         r"(?:in|inside|to|aboard)\b)", re.I)  # fmt: skip
_TRIGGER = (
    "lock",
    "chain",
    "shackl",
    "imprison",
    "jail",
    "throw",
    "threw",
    "thrown",
    "shove",
    "drag",
    "tied",
    "ties",
    "cage",
    "confin",
    "commit",
    "keep",
    "kept",
    "hold",
    "held",
    "bound",
    "trapped",
    "prisoner",
    "padlock",
    "captive",
    "hostage",
    "in prison",
    "fetter",
    "pinion",
    "cuffed",
)
_TRIGGER_BIT = stem_bit(_TRIGGER)
# Brought on as a prisoner, in a stage direction ("Enter Soldiers with the Earl of Kent
# prisoner", "Lear and Cordelia as prisoners", "Enter Posthumus in chains", "Enter Charlemont
# in prison", "Enter in prison Junior Brother"; "bound" only in an entrance): the names right
# before the word, a list of them before a plural.
_ENTRANCE = rx.compile(r"\benter(?:s|ed)?\b", re.I)
_BROUGHT_ON = rx.compile(
    r"(?:\bas\s+)?\b(?P<word>prisoners?|captives?|bound|in chains|fettered|pinioned|in prison)\b",
    re.I,
)
_ENTER_IN_PRISON = rx.compile(r"\benter\s+in\s+prison\s+$", re.I)
_LIST_GAP = rx.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$", re.I)
# Verbs of moving someone: confinement only "into" a place ("throw Tobias into the cellar").
_MOVING = ("throw", "threw", "thrown", "shove", "drag")
# What makes moving someone into a place a confinement: the door shut on them, or a place
# made to hold people ("throw Tobias into the cellar and bolt the door", "thrown in the brig").
_SHUT = rx.compile(r"\b(?:bolts?|bolted|locks?|locked|padlocks?|padlocked|bars?|barred|"
                   r"chains?|chained|wedges?|wedged)\s+(?:the|a|its)\s+(?:\w+\s+)?(?:door|hatch|"
                   r"gate|grille|lid|trapdoor)\b", re.I)  # fmt: skip
_CELL = rx.compile(r"^\s*(?:into|inside|in)\s+(?:the|a|an|his|her|their|its)?\s*(?:[\w'’]+\s+)?"
                   r"(?:cellar|cell|brig|dungeon|cage|hold|pit|vault|oubliette|stocks|lock-up|"
                   r"jail|prison|gaol)\b", re.I)  # fmt: skip
_UNDONE = rx.compile(r"\bthen (?:uncuffed|released|freed|untied|let go)\b|\bbut\b", re.I)
_SELF = rx.compile(r"\b(?:himself|herself|themselves|myself)\b", re.I)
_DETERMINER = rx.compile(r"\b(?:the|a|an|his|her|their|its|my|your|our|these|those)\s+$", re.I)
_HERE = rx.compile(r"^\s*(?:here|there|in here|in there)\b", re.I)
# Led by a lookahead of their first letters (``clauses.lead``): the same matches, faster.
_ACT, _STATE = lead(_ACT), lead(_STATE)


class Confinement(Component):
    kind = "held"
    stems = _TRIGGER

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        if not holds(unit, _TRIGGER_BIT):
            return
        text = unit.text
        if (may_match(unit, _BIT["undone"]) and _UNDONE.search(text)) or (
            may_match(unit, _BIT["self"]) and _SELF.search(text)
        ):
            return
        done: set[str] = set()
        if unit.kind != "speech" and may_match(unit, _BROUGHT_BIT):
            yield from self._brought_on(unit, scene, done)
        for m in _ACT.finditer(text):
            if _DETERMINER.search(text[: m.start()]):
                continue  # "cuts the ties", "rattles his chains": a noun, not the verb
            obj = object_after(unit.ms, m.end(), text)
            if obj is None or obj.possessive or obj.cid in done:
                continue
            if re.search(r"\band\b", text[m.end() : obj.start], re.I):
                continue  # "ties and wraps Priya": the object of another verb
            rest = text[obj.end :]
            verb = m.group(0).lower()
            state_after = re.match(r"^\s*(?:locked|chained|shackled|imprisoned|prisoner|captive)"
                                   r"\b", rest, re.I)  # fmt: skip
            if state_after:
                rest = rest[state_after.end() :]
            into = _INTO.match(rest)
            if into is None and not (verb.startswith(("imprison", "jail")) or state_after):
                continue
            if verb.startswith(_MOVING) and not re.match(r"^\s*(?:into|inside)\b", rest, re.I):
                continue  # "drag her up the stairs": moved, not confined
            if verb.startswith(_MOVING) and VEHICLE.match(rest):
                continue  # "shoves Rafi into the sedan": taken away, for abduction.py
            if verb.startswith(_MOVING) and not (_SHUT.search(text) or _CELL.match(rest)):
                continue  # "drags Joey into the hall": moved, nobody shut in
            if _NOT_AFTER.match(rest):
                continue
            if (
                verb.startswith(("keep", "kept", "hold"))
                and not state_after
                and not (scene.places.spans(rest))
            ):
                continue  # "holds Mara in his arms"; but "holding Ada in the cold store"
            if imperative(text, m.start()) or blocked(text, m.start()) is not None:
                continue
            if obj.pronoun == "speaker" and not state_after:
                continue
            if obj.pronoun and _own_subject(unit, m.start(), obj.cid):
                continue  # "Ser Tavish throws him into a cell": him is someone else
            place = self._place(unit, scene, into.group("place") if into and into.group("place")
                                else "")  # fmt: skip
            if place is None:
                continue
            done.add(obj.cid)
            restrained(scene, obj.cid)
            yield fact("held", obj.cid, unit, self._told(unit), f"object of {verb!r}", obj=place)
        for m in _PARTICIPLE.finditer(text) if may_match(unit, _BIT["participle"]) else ():
            named = [
                x for x in unit.ms if x.end <= m.start() and not text[x.end : m.start()].strip()
            ]
            if not named or named[-1].cid in done or named[-1].possessive:
                continue
            if blocked(text, m.start()) is not None or _NOT_AFTER.match(text[m.end() :]):
                continue
            into = _INTO.match(text[m.end() :])
            place = self._place(unit, scene, into.group("place") if into and into.group("place")
                                else "")  # fmt: skip
            if place is not None:
                done.add(named[-1].cid)
                yield fact("held", named[-1].cid, unit, self._told(unit), f"{m.group(0)!r}",
                           obj=place)  # fmt: skip
        for m in _STATE.finditer(text) if may_match(unit, _BIT["state"]) else ():
            subject = subject_before(unit.ms, m.start(), text)
            if subject is None or subject.cid in done:
                continue
            rest = text[m.end() :]
            if _NOT_AFTER.match(rest):
                continue
            if not_its_subject(text, subject, m.start()):
                continue  # "He checks the door is locked": the door is
            if m.group(0)[:2].lower() in ("'s", "’s") and _NOUN_NEXT.match(rest):
                continue  # "slams into Jerry's locked door": his door, not him
            if blocked(text, m.start(), subject_at=subject.start) is not None:
                continue
            into = _INTO.match(rest)
            place = self._place(unit, scene, into.group("place") if into and into.group("place")
                                else "")  # fmt: skip
            if place is None:
                continue
            done.add(subject.cid)
            restrained(scene, subject.cid)
            yield fact("held", subject.cid, unit, self._told(unit), f"{m.group(0).strip()!r}",
                       obj=place)  # fmt: skip

    def _brought_on(self, unit: Unit, scene: SceneView, done: set[str]) -> Iterator[Inferred]:
        """Prisoners in an entrance direction (see ``_BROUGHT_ON``)."""
        text = unit.text
        names = [x for x in unit.ms if not x.pronoun and not x.possessive]
        for x in names:
            if _ENTER_IN_PRISON.search(text[: x.start]) and x.cid not in done:
                if blocked(text, x.start) is not None:
                    continue  # "He visualizes Leo in prison"
                done.add(x.cid)
                yield fact("held", x.cid, unit, HIGH, "entered in prison", obj="~prison")
        entrance = _ENTRANCE.search(text) is not None
        for m in _BROUGHT_ON.finditer(text):
            if m.group("word").lower() == "bound" and not entrance:
                continue  # "bound for Dover": only an entrance brings someone on bound
            before = [x for x in names if x.end <= m.start()]
            if not before or text[before[-1].end : m.start()].strip(" )(") not in ("", ","):
                continue
            held = [before[-1]]
            if m.group("word").lower().endswith("s"):  # a plural: the list it closes
                for x in reversed(before[:-1]):
                    if not _LIST_GAP.match(text[x.end : held[-1].start]):
                        break
                    held.append(x)
            word = m.group("word").lower()
            place = "~prison" if word == "in prison" else scene.place_key
            for x in held:
                if x.cid not in done and place is not None:
                    done.add(x.cid)
                    yield fact("held", x.cid, unit, HIGH, f"entered {word}", obj=place)

    def _place(self, unit: Unit, scene: SceneView, phrase: str) -> str | None:
        return place_of(unit, scene, phrase)

    def _told(self, unit: Unit) -> float:
        return HIGH if unit.kind != "speech" or unit.speaker is None else MEDIUM


def _own_subject(unit: Unit, at: int, cid: str) -> bool:
    """Whether ``cid`` is the subject of the verb at ``at``: an object pronoun ("him") never
    is its own clause's subject (that would be "himself")."""
    subject = subject_before(unit.ms, at, unit.text)
    return subject is not None and subject.cid == cid


def place_of(unit: Unit, scene: SceneView, phrase: str) -> str | None:
    """Where: a bible place named in the sentence, the scene's place for "here", a
    restraint or the scene's own location, else the named location."""
    spans = scene.places.spans(unit.text)
    if spans:
        return spans[0][0]
    words = fold(phrase).split()
    while words and words[0] in ("the", "a", "an", "his", "her", "their", "its"):
        words = words[1:]
    for k, w in enumerate(words):
        if w in _PHRASE_ENDS:
            words = words[:k]  # "a container with Ood", "the vault until dawn"
            break
    # A restraint is what the head names ("chained to the pipe"), not a word before it ("the
    # pipe room" is a room).
    tied = words and re.fullmatch(_RESTRAINT, words[0]) and (len(words) == 1 or words[1] == "of")
    if not words or _HERE.match(phrase) or tied:
        return scene.place_key
    if scene.location_words & set(words) or words[0] in ("hold", "cell", "cellar", "brig"):
        return scene.place_key
    head = words[: words.index("of")] if "of" in words else words[:4]
    if not head or (head[-1] not in PLACE_NOUNS and not (len(head) > 1 and head[-1] in _ROOMS)):
        return scene.place_key  # "to the ribs of the hull": somewhere in this scene's place
    return "~" + " ".join(head)


# A room with a name of its own is a place of its own ("locked in the pipe room": later scenes
# headed PIPE ROOM are where they are held); "the room", "a container" are this scene's.
_ROOMS = frozenset(
    {"room", "chamber", "container", "vault", "closet", "cupboard", "storeroom", "compartment",
     "bay", "pen", "pit"}
)  # fmt: skip
_PHRASE_ENDS = frozenset(
    {"with", "by", "for", "and", "while", "until", "as", "where", "when", "since"}
)  # fmt: skip


def restrained(scene: SceneView, cid: str) -> None:
    """Note who this scene confines, last last: whose ties "She cuts the ties" cuts."""
    held: list[str] = scene.memo.setdefault("restrained", [])
    if cid in held:
        held.remove(cid)
    held.append(cid)


_RELEASE_SUBJECT = rx.compile(
    r"\b(?:(?:is|was|are|gets|got) (?:freed|released|set free|let out|let go|unchained|untied|"
    r"rescued)|escapes|escaped|breaks out|broke out|stumbles out|walks out|runs out|"
    r"slips (?:out|free|his bonds|her bonds)|is free|are free|kicks the door open|"
    r"breaks free|broke free|wriggles free|climbs out)\b",
    re.I,
)
# Leaving a place, which is a release only from a hold ("climbs out of the trunk", or someone
# this scene confines); "breaks out" and "escapes" are releases wherever they are said.
_LEAVING = rx.compile(r"(?:stumbles|walks|runs|climbs) out|slips out", re.I)
_OUT_OF_HOLD = rx.compile(
    r"\s+(?:of|from)\s+(?:the\s+|his\s+|her\s+|their\s+|a\s+)?(?:[\w-]+\s+)?"
    r"(?:cell|cells|prison|jail|gaol|cage|trunk|boot|cellar|pit|hole|box|crate|locker|brig|"
    r"dungeon|stocks|closet|cupboard|container|bonds|ropes|restraints|handcuffs|cuffs|chains)\b",
    re.I,
)
# Each pattern's match holds one of these (lower-cased; under ``re.I`` none of their letters
# matches anything but itself and its capital). Not "out", which "about", "without", "shout"
# hold (three in five of the sentences it sent here): the patterns' "out" follows a space
# ("walks out"), or the object of "let" ("let Priya out", "lets him out"), which holds "let".
_RELEASE_TRIGGER = (
    "free",
    "releas",
    "let",
    "unchain",
    "untie",
    "rescu",
    "escap",
    "break",
    "broke",
    " out",
    "slip",
    "kick",
    "wriggl",
    "unlock",
    "cut",
    "pick",
    "spring",
    "sprung",
    "untie",
    "undo",
    "undid",
    "snap",
    "saw through",
    "saws through",
    "remov",
)
_RELEASE_BIT = stem_bit(_RELEASE_TRIGGER)
# Undoing a restraint or a cell: the one released is whose it is ("cuts Priya's ties", "cuts
# her bonds"), else the one this scene confines, else the only other character present
# ("Joss unlocks the grille" with Dorian inside).
_UNDO = rx.compile(
    r"\b(?:cuts?|unties|untie|untied|unlocks?|unlocked|undoes|undid|snaps?|saws? through|"
    r"breaks?|slips?|picks?|picked|removes?|removed)\s+(?:off\s+)?(?P<owner>(?:the|her|his|their|[A-Z][\w'’]*(?:'s|’s))\s+)?"
    r"(?:\w+\s+)?(?:zip[- ]?ties|cable ties|ties|ropes?|bonds|cuffs|handcuffs|shackles|chains|"
    r"manacles|restraints|fetters|grille|grate|cell(?: door)?|cage)\b",
    re.I,
)
_RELEASE_OBJECT = rx.compile(
    r"\b(?:frees?|freed|releases?|released|unchains?|unchained|unlocks?|unties|untie|untied|"
    r"rescues?|rescued|lets|let|cuts|cut|picks the lock on|springs|sprung)\b",
    re.I,
)
_RELEASE_SUBJECT, _UNDO, _RELEASE_OBJECT = map(lead, (_RELEASE_SUBJECT, _UNDO, _RELEASE_OBJECT))
# Patterns searched only in a sentence that holds words of their own (``base.may_match``): most
# sentences that hold the components' stems hold none of these ("holds", "walks out"). Each
# stem lies within every match of its pattern (``test_infer_needed_stems.py``).
NEEDED: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    "undone": (_UNDONE, ("uncuffed", "released", "freed", "untied", "let go", "but")),
    "self": (_SELF, ("self", "selves")),
    "participle": (_PARTICIPLE, ("locked", "chained", "shackled", "imprisoned", "caged")),
    "state": (_STATE, ("lock", "chain", "shackl", "imprison", "jail", "confin", "cage", "bound",
                       "trap", "held", "kept", "tied", "cuffed", "prisoner", "commit")),
    "in prison": (_ENTER_IN_PRISON, ("prison",)),
    "brought on": (_BROUGHT_ON, ("prison", "captive", "bound", "chains", "fetter", "pinion")),
    "released": (_RELEASE_SUBJECT, ("free", "releas", "let", "unchain", "untie", "rescu", "escap",
                                    " out", "slip", "kick")),
    "undo": (_UNDO, ("ties", "rope", "bonds", "cuffs", "shackles", "chains", "manacles",
                     "restraints", "fetters", "grille", "grate", "cell", "cage")),
    "release object": (_RELEASE_OBJECT, ("free", "releas", "unchain", "unlock", "untie", "rescu",
                                         "let", "cut", "pick", "spring", "sprung")),
}  # fmt: skip
_BIT = {name: stem_bit(stems) for name, (_pattern, stems) in NEEDED.items()}
_BROUGHT_BIT = stem_bit(tuple({*NEEDED["in prison"][1], *NEEDED["brought on"][1]}))


class Release(Component):
    """The end of a confinement: who is freed or gets out. Refuses the same framings as every
    kind (a plan to free someone is not a release)."""

    kind = "released"
    stems = _RELEASE_TRIGGER

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        if not holds(unit, _RELEASE_BIT):
            return
        text = unit.text
        for m in _RELEASE_SUBJECT.finditer(text) if may_match(unit, _BIT["released"]) else ():
            subject = subject_before(unit.ms, m.start(), text)
            if subject is None:
                continue
            if blocked(text, m.start(), subject_at=subject.start) is not None:
                continue
            said = m.group(0).strip()
            if _LEAVING.fullmatch(said) and not (
                _OUT_OF_HOLD.match(text, m.end()) or subject.cid in scene.memo.get("restrained", ())
            ):
                # "Walt climbs out from behind the wheel", "Mike runs out after Joanna": leaving
                # a room is no release unless a hold is said (a cell, the trunk) or is this
                # scene's; medium, so that only a hold at the same place ends by it (linking).
                yield fact("released", subject.cid, unit, MEDIUM, f"{said!r}, no hold said")
                continue
            yield fact("released", subject.cid, unit, HIGH, f"{said!r}")
        for m in _UNDO.finditer(text) if may_match(unit, _BIT["undo"]) else ():
            who = self._whose(unit, scene, m)
            if who is None or imperative(text, m.start()) or blocked(text, m.start()):
                continue
            yield fact("released", who, unit, HIGH, f"{m.group(0).strip()!r}")
        for m in _RELEASE_OBJECT.finditer(text) if may_match(unit, _BIT["release object"]) else ():
            obj = object_after(unit.ms, m.end(), text)
            if obj is None:
                continue
            tail = text[obj.end : obj.end + 30].lower()
            verb = m.group(0).lower()
            if verb in ("lets", "let") and not tail.lstrip().startswith(("out", "go")):
                continue
            if verb in ("cuts", "cut") and "free" not in tail and "loose" not in tail:
                continue
            if imperative(text, m.start()) or blocked(text, m.start()) is not None:
                continue
            yield fact("released", obj.cid, unit, HIGH, f"object of {verb!r}")

    def _whose(self, unit: Unit, scene: SceneView, m: re.Match[str]) -> str | None:
        subject = subject_before(unit.ms, m.start(), unit.text)
        doer = subject.cid if subject is not None else None
        owner = [x for x in unit.ms if m.group("owner") and m.start("owner") <= x.start < m.end()]
        # "Wren cuts her bonds": "her" follows the last name, the cutter; whose bonds they are
        # is told by the scene, as for "the bonds".
        if owner and owner[0].cid != doer:
            return owner[0].cid
        held: list[str] = scene.memo.get("restrained", [])
        if held:
            return held[-1]
        # Who is there: present, or named in the scene so far (a transcript's directions name
        # people its presence does not count).
        there = set(scene.present) | {
            cid for u in scene.units[: unit.index + 1] for cid, _s, _e in u.named
        }
        others = sorted(c for c in there if c != doer)
        if doer is not None and len(others) == 1:
            return others[0]
        return doer if owner and not others else None  # freed herself
