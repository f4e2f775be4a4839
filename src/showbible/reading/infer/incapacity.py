"""Incapacities (``cannot``): what a character lastingly cannot do.

Reads: a negated ability ("can't", "cannot", "can no longer", "never learned to", "don't know
how to", "have never been able to", "won't ... again", "will never ... again") before a verb of
ability (swim, drive, fly, read, walk, see, use a hand, ...), said by the character of themselves
("I can't swim"), by others of them ("you can't use your right hand", "Teo can't fly any more",
"she can't swim"), or in an action line; an ability told as lost, a past set against now ("back
when I could get off the ground", "when she could still walk", "I used to be able to swim");
the tool of an ability that an injured hand can no longer work ("my hands. I can't feel the
stick" with the hands burned or bandaged in the scene: cannot pilot); and states that take an
ability away ("is blind", "now deaf", "his right hand hangs useless", "her legs are
paralysed", "I'm no swimmer"), or a faculty or limb lost ("lost his sight in the fire", "lost
the use of her legs", "has lost his right hand", "has been in a wheelchair since the crash").
``what`` is the verb (with its object for a limb: "use right hand"); the tells are the words
an action line would use to put the character to it ("swims", "behind the wheel", "right
hand"), for the ``capability`` rule.

Refuses: a moment's difficulty, where the verb has an object or a circumstance of its own ("I
can't open this door", "can't see Cole anywhere", "can't swim in this cold", "can't drive
tonight", "can't swim that far"); a tool out of grip for now ("I can't hold the wheel!" in a
storm: no injured hand in the scene, no "any more"); verbs that are not abilities ("can't
believe", "can't let you", "can't wait", "can't be trusted"); phrasal uses ("can't walk
away"); permission ("you can't go in there", "without a licence"); the past ("when I was six I
couldn't swim"; "when I could swim, I swam daily": a bare "when" without "still" or "back");
and as for every kind: questions, conditions, hearsay, denials ("don't tell me I can't ride"),
pretending, flashbacks and dreams. "Can't write" said of oneself is a lack of craft ("I can't
write! I'm an actor"), medium confidence, unless letters or a hand are in it ("can't read or
write", "can't write my own name").
"""

from __future__ import annotations

import dataclasses
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
    may_match,
    stem_bit,
)
from showbible.reading.infer.clauses import Mention, blocked, lead, subject_before, words

# "See ... again" with its object before the subject (a relative clause: "twelve bucks I'll
# never see again", "people that you will never see again") is meeting, not sight; "I'll never
# see again" at the start of its clause is blindness.
_SEEN_AGAIN = rx.compile(
    r"\b(?!(?:and|but|so|then|now|because|oh|well|if|or|yes|no)\b)[a-z']+\s+"
    r"(?:i'll|i will|you'll|you will|he'll|he will|she'll|she will|we'll|they'll|will|would)\s+"
    r"never (?:ever )?see\s+again\b"
    r"|\b(?:that|who|whom|which)\b[^.!?]*\bnever (?:ever )?see\s+again\b",
    re.I,
)

# "Blind to" ahead of its object: "secret paths to which even you are blind".
_BLIND_TO = rx.compile(r"\bto (?:which|whom|what)\b[^.;!?]*\b(?:blind|deaf)\b", re.I)

# What makes "can't write" a lack of letters, not of a writer's craft.
_LITERACY = rx.compile(
    r"\b(?:read|reading|my (?:own )?name|a (?:single )?word|letters|alphabet|never learned|"
    r"never learnt|school|hand|hands|fingers|arm|wrist)\b",
    re.I,
)

# Verbs of lasting ability, and the words an action line uses to do each.
ABILITIES: dict[str, tuple[str, ...]] = {
    "swim": ("swims", "swimming", "swam", "dives in"),
    "drive": ("drives", "driving", "drove", "behind the wheel"),
    "fly": ("flies", "flying", "flew", "soars", "takes off", "takes flight"),
    "read": ("reads", "reading"),
    "write": ("writes", "writing", "scribbles"),
    "walk": ("walks", "walking", "strides", "paces"),
    "run": ("runs", "running", "sprints"),
    "see": ("sees", "spots", "reads"),
    "hear": ("hears", "overhears"),
    "ride": ("rides", "riding", "gallops"),
    "climb": ("climbs", "climbing", "scales"),
    "dive": ("dives", "diving"),
    "sail": ("sails", "sailing"),
    "shoot": ("shoots", "fires", "takes aim"),
    "fight": ("fights", "punches", "swings at"),
    "pilot": ("pilots", "takes the helm", "flies"),
    "take off": ("takes off", "flies", "soars"),
    "stand": ("stands", "gets up", "rises"),
    "speak": ("speaks",),
}
# Phrases that name an ability by another verb ("back when I could get off the ground").
_PHRASES = {"get off the ground": "take off", "get airborne": "take off"}
_VERB = r"(?P<verb>take off|get off the ground|get airborne|[a-z]+)"
_LIMBS = r"(?:(?:left|right)\s+)?(?:hand|arm|leg|legs|eye|eyes|fingers|wrist)"
_NEG_ABILITY = rx.compile(
    r"\b(?:can't|can not|cannot|can no longer|could never|never could|never learned to|"
    r"never learnt to|don't know how to|doesn't know how to|do not know how to|does not know how "
    r"to|(?:have|has|'ve) never been able to|(?:is|am|'m|are|'s) (?:not |no longer )?(?:un)?able "
    r"to|won't|will never|'ll never|will not|shall never)\s+(?:ever\s+)?" + _VERB,
    re.I,
)
# An ability set in a past that is over: "back when I could fly", "when he could still walk",
# "I used to be able to swim", "I once could read". A bare "when I could" is only a time.
_LOST = rx.compile(
    r"\b(?:(?P<frame>(?:way )?back when|in the (?:old )?days(?: when)?|when)\s+[\w'’]+\s+"
    r"(?P<still>still\s+)?could\s+(?P<still2>still\s+)?|used to be able to\s+|once could\s+|"
    r"could once\s+)" + _VERB,
    re.I,
)
# A tool someone can no longer work with an injured hand ("I can't feel the stick"), or legs
# they no longer feel: the ability it stands for.
_TOOL = rx.compile(
    r"\b(?:can't|can’t|cannot|can not|can no longer)\s+(?:even\s+)?(?P<grip>feel|hold|grip|grasp|"
    r"work|handle)\s+(?:the|my|a|that|this|his|her|your)\s+(?P<tool>stick|controls|yoke|helm|"
    r"wheel|pen|pencil|sword|blade|gun|pistol|rifle|trigger|bow|reins|legs|feet)\b",
    re.I,
)
_TOOL_ABILITY = {"stick": "pilot", "controls": "pilot", "yoke": "pilot", "helm": "pilot",
                 "wheel": "drive", "pen": "write", "pencil": "write", "sword": "fight",
                 "blade": "fight", "gun": "shoot", "pistol": "shoot", "rifle": "shoot",
                 "trigger": "shoot", "bow": "shoot", "reins": "ride", "legs": "walk",
                 "feet": "walk"}  # fmt: skip
# An injured limb that works a tool: what makes "I can't feel the stick" lasting.
_HANDS = rx.compile(r"\b(?:hands?|palms?|fingers?|wrists?|arms?)\b", re.I)
_LEGS = rx.compile(r"\b(?:legs?|feet|spine|back)\b", re.I)
_INJURY = rx.compile(
    r"\b(?:burn(?:s|ed|t)?|blister(?:s|ed)?|sear(?:s|ed)?|scald(?:s|ed)?|crush(?:es|ed)?|"
    r"broken|shatter(?:s|ed)?|mangled|maimed|severed|frostbitten|bandage[sd]?|bandaging|"
    r"wrapped|splint(?:ed|s)?|bleed(?:s|ing)?|useless|paralys(?:ed|is)|paralyz(?:ed|is))\b",
    re.I,
)
_CONTINUES = rx.compile(
    r"^(?:\s*(?:any ?more|again|now|at all|any longer|a word(?: of it)?|a thing|a stroke|"
    r"anything|any of it|whatsoever|"
    r"a step|(?:with|since|after)\b[^.?!]*|not (?:since|with|for|after)\b[^.?!]*|sir|"
    r"[,.;!—-]|$))",
    re.I,
)
_LIMB_OBJECT = rx.compile(
    r"^\s+(?:my|your|his|her|their|that|this|the)\s+(?:own\s+)?(?P<limb>" + _LIMBS + r")", re.I
)
_LANGUAGE = rx.compile(r"^\s+(?P<lang>[A-Z][a-z]+)\b")
_TRIGGER = (
    "can't", "can not", "cannot", "can no", "could never", "never could", "never learn",
    "know how", "been able", "able to", "won't", "will never", "'ll never", "will not",
    "shall never", "blind", "deaf", "no swimmer", "no driver", "no rider", "no pilot",
    "no reader", "no flier", "no flyer", "no climber", "no sailor", "useless", "paralys",
    "paralyz", "limp", "hold", "carry", "can’t", "won’t", "back when", "could still",
    "still could", "in the days", "in the old days", "used to be able", "once could",
    "could once", "lost his", "lost her", "lost my", "lost your", "lost their", "lost the use",
    "loses his", "loses her", "loses the use", "wheelchair",
)  # fmt: skip
_TRIGGER_BIT = stem_bit(_TRIGGER)
_PAST = rx.compile(r"\b(?:when (?:i|he|she|we|you) (?:was|were)|as a (?:child|boy|girl)|used to|"
                   r"once|years ago)\b", re.I)  # fmt: skip
_DENIAL = rx.compile(
    r"\b(?:don't|do not|never) (?:tell|say)\b|\bpretends?\b|\bthink (?:i|he|she)\b|"
    r"\b(?:tell|say to) (?:him|her|them)\b|"
    r"\bwithout (?:a|the)\b|\bno one\b|\bnobody\b",
    re.I,
)
_STATE = rx.compile(
    r"\b(?:(?:is|am|'m|'s|are|now|was)\s+(?:now\s+|totally\s+|completely\s+)?(?P<blind>blind|"
    r"deaf)\b(?!\s+to\b)|"  # "blind to the consequences": a figure
    r"(?:'m|am|is|'s) no (?P<noun>swimmer|driver|rider|pilot|reader|flier|flyer|climber|"
    r"sailor)\b|(?P<lp>(?:left|right)\s+(?:hand|arm|leg)|legs|arm|hand)\s+(?:is|are|hangs?|hung)\s+"
    r"(?:now\s+)?(?:useless|paralysed|paralyzed|dead|limp)|(?P<legs>legs)\s+(?:won't|will not|"
    r"can't) (?:hold|carry)|(?:(?P<pl>(?:left|right)\s+(?:arm|hand|leg)|legs) (?:is|are) "
    r"paralysed))",
    re.I,
)
# A faculty or a limb lost ("lost his sight in the fire", "lost the use of her legs", "has lost
# his right hand"), and the chair that says so ("has been in a wheelchair since the crash").
_LOSS = rx.compile(
    r"\b(?:lost|loses|has lost|had lost)\s+(?:the use of\s+)?(?:his|her|their|my|your)\s+"
    r"(?:own\s+)?(?P<what>sight|eyesight|hearing|legs|feet|arm|leg|(?:left|right)\s+(?:hand|arm|leg))"
    r"\b|\b(?:is|'s|'m|am|are|has been|have been|now|lives|uses)\s+(?:now\s+|still\s+)?"
    r"(?:in\s+)?a\s+wheelchair\b|\bwheelchair[- ]bound\b",
    re.I,
)
_LOSS_WHAT = {"sight": "see", "eyesight": "see", "hearing": "hear", "legs": "walk",
              "feet": "walk", "leg": "walk"}  # fmt: skip
# Senses and stances that fail for a moment as often as for good: lasting only when said so.
_MOMENTARY = frozenset({"see", "hear", "stand", "move"})
# "any more" is "no longer" at a clause's end ("Teo can't fly any more", "... any more since the
# fall"); before a noun, "of" or "than" it is a quantity ("I can't hear any more 'high and
# mighty' advice", "any more than you can").
_LASTING = rx.compile(
    r"^\s*(?:any ?more(?=\s*(?:[,;.!?)—-]|$)|\s+(?:since|after|because|and|but|so|either|now|"
    r"not|anyway|ever|these|today|without|unless|until|like)\b)|again|since|a thing|at all|"
    r"any longer|now)\b",
    re.I,
)
_NOUN_VERB = {"swimmer": "swim", "driver": "drive", "rider": "ride", "pilot": "pilot",
              "reader": "read", "flier": "fly", "flyer": "fly", "climber": "climb",
              "sailor": "sail"}  # fmt: skip


class Incapacity(Component):
    kind = "cannot"
    stems = _TRIGGER

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        for found in self._read(unit, scene):
            if found.obj == "see" and _SEEN_AGAIN.search(unit.text):
                continue  # "twelve bucks I'll never see again": meeting it again, not sight
            if found.obj in ("see", "hear") and _BLIND_TO.search(unit.text):
                continue  # "paths to which even you ... are blind": a figure
            # "I can't write! I'm an actor, I don't have the discipline": writing as a craft,
            # not as a hand's or a schooling's; only literacy or a hand makes it lasting.
            if (
                found.obj == "write"
                and found.confidence >= HIGH
                and unit.kind == "speech"
                and "write" in found.reason.lower()
                and not _LITERACY.search(
                    scene.facts.dialogue[unit.speech].text if unit.speech >= 0 else unit.text
                )
            ):
                found = dataclasses.replace(found, confidence=MEDIUM)
            yield found

    def _read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        if not holds(unit, _TRIGGER_BIT):
            return
        text = unit.text
        if may_match(unit, _BIT["denial"]) and _DENIAL.search(text):
            return
        for m in _LOST.finditer(text) if may_match(unit, _BIT["lost"]) else ():
            if (
                m.group("frame")
                and m.group("frame").lower() == "when"
                and not (m.group("still") or m.group("still2"))
            ):
                continue  # "when I could swim, I swam every day": a time, not a loss
            got = self._ability(unit, m, lost=True)
            if got is not None:
                yield got
        if may_match(unit, _BIT["past"]) and _PAST.search(text):
            return
        for m in _TOOL.finditer(text) if may_match(unit, _BIT["tool"]) else ():
            got = self._tool(unit, scene, m)
            if got is not None:
                yield got
        for m in _NEG_ABILITY.finditer(text):
            got = self._ability(unit, m)
            if got is not None:
                yield got
        for m in _STATE.finditer(text) if may_match(unit, _BIT["state"]) else ():
            got = self._state(unit, m)
            if got is not None:
                yield got
        for m in _LOSS.finditer(text) if may_match(unit, _BIT["loss"]) else ():
            got = self._loss(unit, m)
            if got is not None:
                yield got

    def _ability(self, unit: Unit, m: re.Match[str], lost: bool = False) -> Inferred | None:
        text = unit.text
        verb = " ".join(m.group("verb").lower().split())
        verb = _PHRASES.get(verb, verb)
        if verb not in ABILITIES and verb not in ("use", "move"):
            return None
        rest = text[m.end() :]
        what = verb
        if verb in ("use", "move"):
            limb = _LIMB_OBJECT.match(rest)
            if limb is None:
                return None
            what = f"use {' '.join(limb.group('limb').lower().split())}"
            rest = rest[limb.end() :]
        elif verb == "speak":
            lang = _LANGUAGE.match(rest)
            if lang is None:
                return None
            what = f"speak {lang.group('lang').lower()}"
            rest = rest[lang.end() :]
        elif verb == "write" and re.match(r"^\s+(?:my|his|her|your) (?:own )?name", rest, re.I):
            rest = ""
        if not _CONTINUES.match(rest):
            return None
        negator = m.group(0)[: m.start("verb") - m.start()].lower()
        future = not lost and any(w in negator for w in ("won't", "will", "'ll", "shall"))
        if future and not re.match(r"^[^.?!]*\bagain\b", rest, re.I):
            return None  # "I won't drive you": a refusal, not an incapacity
        # The subject of a lost ability stands inside the match ("back when I could ...").
        subject = subject_before(unit.ms, m.start("verb") if lost else m.start(), text)
        if subject is None:
            return None
        if subject.pronoun == "" and _plural_subject(text, subject):
            return None
        # A lost ability's "could" is its past, not a modal; a negation before it still counts
        # ("not back when I could swim").
        if blocked(text, m.start(), subject_at=subject.start, negation=lost, modal=False):
            return None
        confidence = HIGH
        if unit.kind == "speech" and subject.pronoun == "focus" and unit.focus.ambiguous():
            confidence = MEDIUM  # "he can't swim" with more than one "he" about
        if what in _MOMENTARY and not _LASTING.match(rest) and "no longer" not in negator:
            confidence = MEDIUM  # "I cannot see" in the dark, through tears: maybe for now
        return _cannot(subject, what, unit, confidence, f"{m.group(0).strip()!r}")

    def _tool(self, unit: Unit, scene: SceneView, m: re.Match[str]) -> Inferred | None:
        """``_TOOL``: lasting only when the scene, up to here, shows the subject's limb that
        works the tool injured ("hands wrapped in wet rags", "his palms blister"), or when
        the sentence says so ("any more", "again")."""
        text = unit.text
        tool = m.group("tool").lower()
        if tool in ("legs", "feet") and m.group("grip").lower() != "feel":
            return None  # "can't hold my legs still": not a loss of walking
        rest = text[m.end() :]
        if not _CONTINUES.match(rest):
            return None  # "can't hold the wheel in this wind": the moment's trouble
        subject = subject_before(unit.ms, m.start(), text)
        if subject is None:
            return None
        if blocked(text, m.start(), subject_at=subject.start, negation=False, modal=False):
            return None
        limb = _LEGS if tool in ("legs", "feet") else _HANDS
        if not (_LASTING.match(rest) or _injured(scene, unit, subject.cid, limb)):
            return None
        return _cannot(subject, _TOOL_ABILITY[tool], unit, HIGH, f"{m.group(0).strip()!r}")

    def _loss(self, unit: Unit, m: re.Match[str]) -> Inferred | None:
        """``_LOSS``: whose the lost faculty or limb was, and what it takes away."""
        part = " ".join((m.group("what") or "").lower().split())
        what = _LOSS_WHAT.get(part) or (f"use {part}" if part else "walk")
        if part:
            subject = subject_before(unit.ms, m.start(), unit.text)
        else:  # the chair: its subject right before it ("Cole has been in a wheelchair"), not
            # someone in a clause between ("the patient I'm looking for is in a wheelchair")
            subject = _state_subject(unit, m.start())
        if subject is None or subject.possessive:
            return None
        if blocked(unit.text, m.start(), subject_at=subject.start) is not None:
            return None
        return _cannot(subject, what, unit, HIGH, f"{m.group(0).strip()!r}")

    def _state(self, unit: Unit, m: re.Match[str]) -> Inferred | None:
        text = unit.text
        if m.group("blind"):
            what = "see" if m.group("blind").lower() == "blind" else "hear"
        elif m.group("noun"):
            what = _NOUN_VERB[m.group("noun").lower()]
        elif m.group("legs") or (m.group("pl") or m.group("lp") or "").lower() == "legs":
            what = "walk"
        else:
            limb = " ".join((m.group("lp") or m.group("pl") or "").lower().split())
            what = f"use {limb}"
        subject = _state_subject(unit, m.start())
        if subject is None:
            return None
        if blocked(text, m.start(), subject_at=subject.start, negation=True, modal=True):
            return None
        # "Ah, he's deaf anyway.": said of "he", whom the words alone do not name, and often
        # someone away from the scene; a name or "I" says whose the state is.
        sure = not (unit.kind == "speech" and subject.pronoun == "focus")
        return _cannot(subject, what, unit, HIGH if sure else MEDIUM, f"{m.group(0).strip()!r}")


def _state_subject(unit: Unit, pos: int) -> Mention | None:
    """Whose state it is: the subject, or the owner of the limb ("Rafi's right hand")."""
    before = [m for m in unit.ms if m.start < pos]
    if not before:
        return None
    last = before[-1]
    between = unit.text[last.end : pos]
    gap = words(between)
    if last.possessive or not between.strip(" ,"):
        return last  # "Rafi's right hand hangs useless", "Cole, now deaf,"
    if len(gap) <= 1 and "," not in between and not any(w[:1].isupper() for w in between.split()):
        return last  # "Wren is now blind"; not "Pistol, Fortune is painted blind"
    return None


def _injured(scene: SceneView, unit: Unit, cid: str, limb: re.Pattern[str]) -> bool:
    """Whether a sentence of the scene up to ``unit`` names ``cid`` and an injury of the
    limb (the owner told by name, pronoun or "my": "Joss stumbles in, hands wrapped in rags")."""
    return any(
        limb.search(other.text)
        and _INJURY.search(other.text)
        and any(x.cid == cid for x in other.ms)
        for other in scene.units[: unit.index + 1]
    )


def _plural_subject(text: str, subject: Mention) -> bool:
    return bool(re.match(r"^\s+and\b", text[subject.end :]))


def _cannot(subject: Mention, what: str, unit: Unit, confidence: float, reason: str) -> Inferred:
    if what.startswith("use "):
        limb = what[4:]
        tells: tuple[str, ...] = (limb,) if " " in limb else (f"{limb}",)
    elif what.startswith("speak "):
        tells = (f"in {what[6:]}",)
    else:
        tells = ABILITIES.get(what, (what,))
    return fact("cannot", subject.cid, unit, confidence, reason, obj=what, tells=tells)


# The alternations searched in each sentence that holds a stem, led by a lookahead of their
# first letters (``clauses.lead``): the same matches, found two to three times faster.
(
    _DENIAL,
    _LOST,
    _PAST,
    _TOOL,
    _NEG_ABILITY,
    _STATE,
    _LOSS,
) = map(lead, (_DENIAL, _LOST, _PAST, _TOOL, _NEG_ABILITY, _STATE, _LOSS))
# Of these, the patterns searched only in a sentence that holds words of their own
# (``base.may_match``): most sentences with a stem ("hold", "can't") hold none of them. Each
# stem lies within every match of its pattern (``test_infer_needed_stems.py``).
NEEDED: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    "denial": (_DENIAL, ("tell", "say", "pretend", "think", "without", "no one", "nobody")),
    "lost": (_LOST, ("could", "used to be able")),
    "past": (_PAST, ("when", "as a ", "used to", "once", "years ago")),
    "tool": (_TOOL, ("feel", "hold", "grip", "grasp", "work", "handl")),
    "state": (_STATE, ("blind", "deaf", "swimmer", "driver", "rider", "pilot", "reader", "flier",
                       "flyer", "climber", "sailor", "useless", "paralys", "paralyz", "dead",
                       "limp", "hold", "carry")),
    "loss": (_LOSS, ("lost", "loses", "wheelchair")),
}  # fmt: skip
_BIT = {name: stem_bit(stems) for name, (_pattern, stems) in NEEDED.items()}
