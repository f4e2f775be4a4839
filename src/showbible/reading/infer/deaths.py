"""Deaths: who dies in a scene, shown or told.

Reads: a character as the subject of a death predicate ("Hollis dies", "is slain", "lies dead",
"drowns", "breathes his last", "eyes open and empty", "floats face down in the sluice": not "...,
then surfaces"), as the object of a killing ("Douglas kills Blunt", "shoots Rafi dead", "slits
Cole's throat", "they bury Tobias"), a body that is someone's ("Bram's body floats face down", "the
body of Mortimer", "bearing off Tybalt's body"), what the dead leave, as theirs ("at Hollis's
grave", "lower Tobias's coffin", "scatters Mara's ashes off the pier", "the late Hollis Quint":
presupposed, so a modal or a negation does not undo it, a condition, plan or dream does), what is
theirs ("Hollis's heart gives out", "a bullet in Cole's head", "the sheet over Tobias's face"), a
killing force ("the fever takes Tobias in the night", "the sea takes Hollis"; not "takes Mara out
past the bar"), "doesn't make it", "never sees the morning", the last breath, a burial ("is buried
at sea", "laid to rest"), and a bare stage direction ("Dies", "[Dies]", "He dies", the old prints'
"Dyes") whose subject is the TEI ``who``, else the one who just spoke; "Exit with the body" after a
blow is the one struck, unless the sentence names whose body it is. The early prints' spellings
("kils", "slaine", "murther'd") and their directions in the imperative ("kill him.", the deed done,
medium for a pronoun) count as well. Softer signs ("stops breathing", "goes still", "flatlines") are
medium confidence until the scene confirms them ("No pulse.", "She's gone."). Told in dialogue, a
death is high confidence only from a witness ("I saw them pull him out") or over the body (the dead
one is there); otherwise it is a claim, medium confidence.

Refuses: questions, negations, modals and futures, conditions, wishes and threats ("I'll kill
you", "you're a dead man"), attempts, near misses ("nearly drowns", "falls down as if he were
dead"), hearsay ("they say"), imperatives ("Kill him!"), depictions (dreams, screens,
pretending), first-person deaths ("I died in that skiff": the speaker is alive to say it),
possessives that are not the person ("Mara's phone is dead"), and whole scenes that are
flashbacks or dreams. A later "alive" (``Alive``) withdraws the death, and so does the dead one
speaking again later in the scene after being seen dead in action (not after a killing: a
play's victim speaks after the blow).
"""

from __future__ import annotations

import bisect
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
from showbible.reading.infer.clauses import (
    Mention,
    blocked,
    clause_start,
    imperative,
    lead,
    not_its_subject,
    object_after,
    subject_before,
)

_PRONOUN_DEAD = r"(?:his|her|their|its)"
# The reasons of a death seen as a state ("is dead", "eyes open and empty", "floats face down",
# "found dead"), which someone speaking a moment later takes back.
_SEEN_DEAD = rx.compile(
    r"^(?:subject of .*\b(?:dead|lifeless|eyes|face[ -]?down|no more)\b|two signs of death|"
    r"found dead|a death confirmed)",
    re.I,
)
# The subject dies.
_SUBJECT_HIGH = rx.compile(
    # "dies down", "dies away", "died out." are a fire's, a sound's, a kind's ("Hollis dies out
    # on the rocks" is his)
    r"\b(?:dies(?!\s+(?:down|away|off)\b|\s+out\s*(?:[,;.!?]|$))|"
    r"dyes(?=\s*[,;.!]|\s*$|\s+and\b)|died(?!\s+(?:down|away|off)\b|\s+out\s*(?:[,;.!?]|$))|"
    r"is dead|was dead|'s dead|are dead|"
    r"lies dead|lay dead|falls dead|fell dead|"
    r"drops dead|dropped dead|(?:is|was|gets|got) (?:killed|slain|murdered|executed|hanged|"
    r"strangled|beheaded|assassinated|shot dead|stabbed to death|strangled to death|burned alive|"
    r"crushed to death)|drowns|drowned|has drowned|bleeds out|bled out|breathes "
    + _PRONOUN_DEAD
    + r" last|succumbs|succumbed|perishes|perished|has died|(?<!there )is no more(?!\s+[a-z])|"
    r"(?:lies|hangs|floats|slumps|lay|hung)\b[^.;]{0,30}?\blifeless|"
    r"eyes (?:open and )?(?:empty|glassy|unseeing|vacant|lifeless)|"
    # A body in the water: "floats face down in the sluice" (not "..., then surfaces").
    r"(?:floats|floated|is floating|was floating|drifts|drifted|bobs|bobbed) face[ -]?down"
    r"(?![^.;]*\b(?:then|surfaces?|surfacing|gasps?|gasping|comes up|rolls over|kicks|"
    r"snorkel\w*|breathes|breathing|coughs|sputters|splutters|laughing|laughs|swims)\b)|"
    r"dead before (?:he|she|they) (?:hits?|falls?|lands?)|"
    r"(?:takes|took|draws|drew) (?:his|her|their) (?:last|final) breath|"
    r"(?:doesn't|does not|didn't|did not|never) make it(?=\s*(?:[.,;!]|$|through the night))|"
    r"never (?:sees|saw) (?:the )?(?:morning|dawn|sunrise|daylight|another (?:day|dawn))|"
    r"(?:is|was) (?:laid to rest|buried at sea|buried in the (?:churchyard|cemetery|graveyard|"
    r"family plot|family vault))|"
    r"been dead|is slaine?|am slaine?|art slaine?|are slaine?|are killed|were slaine?|"
    r"were killed|(?:are|is) both slaine?)\b",
    re.I,
)
_SUBJECT_MEDIUM = rx.compile(
    r"\b(?:stops breathing|stopped breathing|goes still|goes limp|flatlines|does not move again|"
    r"doesn't move again|never moves again|never surfaces|never wakes)\b",
    re.I,
)
# Falling after a shot or a blow: a sign of death, medium until the scene confirms it.
_FALLS = rx.compile(
    r"\b(?:falls|fell|goes down|went down|drops|dropped|crumples|crumpled|slumps|collapses|"
    r"topples)\b",
    re.I,
)
_SHOT = rx.compile(r"\b(?:fires|fired|shoots|shot|stabs|stabbed|strikes|struck|swings)\b", re.I)
_CONFIRM = rx.compile(
    r"\b(?:no pulse|nothing|dead|(?:he|she|they)(?:'s| is| are)? gone|is gone|lifeless)\b", re.I
)
# The object dies: the verb and what may stand between it and the object.
_OBJECT = rx.compile(
    r"\b(?:kills|killed|killeth|murders|murdered|slays|slew|executes|executed|assassinates|"
    r"assassinated|beheads|beheaded|bury|buries|buried|drowns|strangles|strangled|"
    r"poisons|poisoned|smothers|smothered|"
    # the early prints' spellings
    r"kils|kild|killes|kill'd|murthers|murthered|murther'd|"
    # the plural present, after its subject ("The Myrmidons kill Hector", "they strangle him")
    r"(?:(?<=\bthey )|(?<=\bboth )|(?<=\ball )|(?<=[a-z]s ))"
    r"(?:kill|strangle|slay|murder|murther))\b",
    re.I,
)
# Harm that kills only when the sentence says so: "shoots Rafi dead", "stabs her to death".
_HARM = rx.compile(
    r"\b(?:shoots|shot|stabs|stabbed|hacks|hacked|beats|beat|runs \w+ through|cuts down)\b", re.I
)
_OBJECT_MEDIUM = frozenset(
    {"strangles", "strangled", "poisons", "poisoned", "smothers", "smothered"}
)
_BARE_FORMS = frozenset({"kill", "strangle", "slay", "murder", "murther"})
# A printed play's direction in the imperative is the deed done ("Stab him." "kill him."), not
# an order: read as the object of a killing, in a stage direction only.
_DIRECTED = rx.compile(r"^\W*(?:then\s+)?(?:kill|kils|slay|strangle|murder|murther)\b", re.I)
# "The Duke Ioyeux slaine.": a direction's bare participle.
_SLAIN_DIRECTION = rx.compile(r"\bslaine?\W*$", re.I)
_DEAD_AFTER = rx.compile(r"\s*(?:dead|to death)\b", re.I)
_THROAT = rx.compile(
    r"\b(?:cuts|cut|slits|slit|breaks|broke|snaps|snapped)\s*$", re.I
)  # "... slits Cole's throat" (checked before a possessive name)
_BODY_OF = rx.compile(
    r"\b(?:the (?:dead )?body(?: and (?:the )?(?:severed )?head)? of|the corpse of|"
    r"the remains of|the bodies of)\s*(?:\w+\s+)?$",
    re.I,
)
_POSSESSED_BODY = rx.compile(
    r"^(?:'s|’s)\s+(?:corpse|dead body|lifeless body|remains|"
    r"body\s+(?:floats|lies|lay|is found|is dragged|is carried|is pulled|washes|hangs|"
    r"is borne|is brought|is laid)|body\b|throat|neck|eyes)",
    re.I,
)
# What is left of the dead, as someone's: "at Hollis's grave", "Tobias's coffin is lowered",
# "scatters Mara's ashes". The noun ends its phrase ("Hollis's grave face" is a look).
_TRACE = rx.compile(
    r"^(?:'s|’s)\s+(?:grave|coffin|casket|funeral|wake|headstone|gravestone|tombstone|burial|"
    r"ashes|urn)(?=\s*(?:[,.;:!?]|$)|\s+(?:in|into|on|at|by|beside|under|is|was|and|with|as|"
    r"where|while|for|to|from|off|over|across|onto|along|stands|lies|sits|goes|begins|ends|"
    r"are|were)\b)",
    re.I,
)
# Told through what is theirs: "Hollis's heart gives out", "puts a bullet in Cole's head", "pulls
# the sheet over Tobias's face".
_THEIRS = rx.compile(r"^(?:'s|’s)\s+(?:heart (?:gives out|gave out|gives up|fails|failed)"
                     r"(?!\s+(?:him|her|them|me|you|at)\b)|"
                     r"(?P<part>head|brain|skull|face)\b)", re.I)  # fmt: skip
_BEFORE_PART = {
    "head": rx.compile(r"\b(?:puts?|fires|pumps|sends) (?:a|two|three|another|one) (?:bullet|"
                       r"round)s? (?:in|into|through)\s*$", re.I),
    "face": rx.compile(r"\b(?:pulls?|draws?|lays?|drapes?) (?:the|a) (?:sheet|blanket|shroud|"
                       r"tarp) over\s*$", re.I),
}  # fmt: skip
_BEFORE_PART["brain"] = _BEFORE_PART["skull"] = _BEFORE_PART["head"]
# A killing force takes someone: "the sea takes Hollis", "the fever takes Tobias in the night";
# not carried somewhere ("the tide takes Mara out past the bar").
_FORCES = ("fever", "sickness", "illness", "plague", "cancer", "cold", "sea", "flood", "fire",
           "flames", "storm", "waves", "tide", "river", "current", "disease", "infection",
           "poison")  # fmt: skip
_FORCE_TAKES = rx.compile(
    r"\b(?:" + "|".join(_FORCES) + r")\s+(?:takes|took|claims|claimed)\b", re.I
)
_CARRIED_OFF = rx.compile(r"^\s*(?:out|away|back|home|to|into|across|past|along|up|down|over|"
                          r"under|downstream|by|with|aboard|ashore|off)\b", re.I)  # fmt: skip
# "the late Hollis Quint": the name right after.
_LATE = rx.compile(r"\b(?:the|our|my|your|his|her|their) late\s+$", re.I)
# Stems without which no pattern here can match: a quick test before the full ones.
_TRIGGER = (
    "die", "dead", "kill", "slai", "slay", "slew", "murder", "execut", "drown", "bleed", "bled",
    "breath", "succumb", "perish", "lifeless", "empty", "glassy", "unseeing", "vacant", "body",
    "bodies", "corpse", "remains", "throat", "neck", "eyes", "stab", "shoot", "shot", "buri",
    "bury", "strangl", "poison", "smother", "behead", "assassin", "no more", "still", "limp",
    "flatline", "surface", "wake", "hack", "beat", "cut down", "runs", "aliv", "surviv",
    "move again", "moves again", "dyes", "kils", "kild", "murther", "strangle", "grave",
    "coffin", "casket", "funeral", "headstone", "tombstone", "burial", "ashes", " urn", "the late ",
    "my late ", "our late ", "his late ", "her late ", "your late ", "their late ",
    "laid to rest", "n't make it", "not make it", "never make it", "never see", "never saw",
    "heart give", "heart gave", "heart fail", "bullet in", "bullet through", "round in",
    "round through", "sheet over", "blanket over", "shroud over", "tarp over", "face down",
    "face-down",
    *(f"{force} {verb}" for force in _FORCES for verb in ("takes", "took", "claim")),
)  # fmt: skip
# Falling is a sign only after a shot or a blow.
_FALL_STEMS = ("fall", "fell", "down", "drop", "crumpl", "slump", "collaps", "toppl")
_SIGN_BIT, _FALL_BIT = stem_bit(_TRIGGER), stem_bit(_FALL_STEMS)
# After a predicate that stands after a comma, a word that goes on a noun phrase: the
# predicate is an attributive participle ("a second, drowned house"), not the first named
# one's ("Rafi slumps against the wheel, dead"; "..., dead in the water", "..., killed
# instantly").
_ATTRIBUTIVE = rx.compile(
    r"\s+(?!(?:in|on|at|by|with|from|to|and|or|but|as|like|for|of|under|over|beside|near|"
    r"again|too|now|then|already|instantly|still|where|when|while|before|after)\b)[a-z][\w'-]*"
)
_STATIVE = rx.compile(r"(?:\bis|'s|\blies|\bbeen) (?:dead|slain)\b", re.I)
_NOT_AFTER = rx.compile(r"^\s*(?:him |her |them )?not\b", re.I)
_STAB = rx.compile(
    r"^\W*(?:\w+\s+)?(?:stabs|strikes|kills|shoots|smites|runs)\s+(?:him|her)\b", re.I
)
# "Exit with the body": the one struck is borne off dead; "traps the trio with her body" is her
# body as a tool, alive.
_WITH_BODY = rx.compile(
    r"\bwith\s+the (?:dead )?body\b|\b(?:bearing|bear(?:s)? (?:away|off|out)?|carrying|dragging)"
    r"\s+(?:out\s+)?(?:the|his|her) (?:dead )?body\b|\bbear away (?:his|her) body\b",
    re.I,
)
# A body doing something of its own lives: "Amethyst's body trying to round itself up".
_BODY_LIVES = rx.compile(
    r"\s+(?:\w+ly\s+)?(?:is\s+|was\s+)?(?:trying|tries|tried|struggl(?:es|ing)|twitch(?:es|ing)|"
    r"trembl(?:es|ing)|shak(?:es|ing)|shudder(?:s|ing)|tens(?:es|ing)|relaxes|reform(?:s|ing)|"
    r"glow(?:s|ing)|heal(?:s|ing)|regenerates|stir(?:s|ring)|mov(?:es|ing)|ris(?:es|ing)|"
    r"jerk(?:s|ing)|arch(?:es|ing)|responds|reacts|breath(?:es|ing)|upright|goes\s+(?:stiff|"
    r"rigid|tense|taut))\b",
    re.I,
)
_CARRIED = rx.compile(
    # not a bare "over": "grass starts spreading over Finn's body" covers a living one
    r"\b(?:with|bearing|bear|bears|carrying|carry|carries|drags|dragging|pulls|beside|"
    r"sees|finds|takes up|lifts|kneels by|kneels over|weeps over|stands over|sheet over)"
    r"(?:\s+(?:off|away|out|in|up))?\s*$",
    re.I,
)
# "Dies." and the early printed plays' "Dyes."
_BARE = rx.compile(r"^\W*(?:(?:he|she|and|then)\s+)?d[iy]es\W*$", re.I)
# Whose body it is, told by the sentence itself ("bearing the body of Martius"): then it is no
# matter who was struck last.
_NAMED_BODY = rx.compile(
    r"\b(?:body|corpse) of (?:the )?[A-Z]|[A-Z]\w*(?:'s|’s|’|') (?:dead )?body"
)
_BARE_DEAD = rx.compile(r"^\W*(?:dead|(?:he|she)(?:'s| is) dead)\W*$", re.I)
_DEPICTIVE = rx.compile(r",\s*(?:already\s+)?dead\W*$", re.I)
_WITNESS = rx.compile(
    r"\b(?:i saw|i watched|we saw|i found|we found|we buried|i buried|i held|saw (?:him|her) "
    r"(?:die|go under|fall)|pulled (?:him|her) out|in my arms|i killed|i've killed|i have killed|"
    r"i slew|have slain)\b",
    re.I,
)
_REFLEXIVES = frozenset(("himself", "herself", "themselves", "themself", "itself"))
_FIGURE_AFTER = rx.compile(
    r"^\s*(?:tired|serious|end|of night|line|weight|ringer|centre|center|wrong|right|set|"
    r"beat|calm|drunk|broke|laughing|of embarrassment|for|to|down|away|out)\b",
    re.I,
)
# The alternations read in every sentence that holds a stem, led by a lookahead of their first
# letters (``clauses.lead``): the same matches, found two to three times faster.
_SUBJECT_HIGH, _SUBJECT_MEDIUM, _OBJECT, _HARM, _FORCE_TAKES = map(
    lead, (_SUBJECT_HIGH, _SUBJECT_MEDIUM, _OBJECT, _HARM, _FORCE_TAKES)
)
# Of the patterns read in every sentence that holds one of ``Deaths.stems``, each needs words of
# its own, without which it is not searched (``may_match``): most of those sentences hold only
# a common stem ("still", "down", "body") and no pattern matches them, and the searches were
# two thirds of the component's time (500 synthetic episodes: 0.9 -> 0.2 CPU s). Each stem
# lies within every match of its pattern (``test_infer_deaths_stems.py``).
NEEDED: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    "high": (_SUBJECT_HIGH, (
        "die", "dyes", "dead", "kill", "slai", "murder", "execut", "hanged", "strangl", "behead",
        "assassin", "death", "burned alive", "drown", "bleed", "bled", "breath", "succumb",
        "perish", "no more", "lifeless", "empty", "glassy", "unseeing", "vacant", "face down",
        "face-down", "facedown", "make it", "never see", "never saw", "laid to rest", "buri",
    )),
    "medium": (_SUBJECT_MEDIUM, ("breathing", "goes still", "goes limp", "flatline",
                                 "move again", "moves again", "never surface", "never wake")),
    "object": (_OBJECT, ("kil", "murder", "murther", "slay", "slew", "execut", "assassin",
                         "behead", "bury", "buri", "drown", "strangl", "poison", "smother")),
    "harm": (_HARM, ("shot", "shoot", "stab", "hack", "beat", "runs ", "cuts down")),
    "force": (_FORCE_TAKES, ("take", "took", "claim")),
    "borne": (_WITH_BODY, ("body",)),
}  # fmt: skip
_HIGH_BIT, _MEDIUM_BIT, _OBJECT_BIT, _HARM_BIT, _FORCE_BIT, _BORNE_BIT = (
    stem_bit(stems) for _pattern, stems in NEEDED.values()
)


class Deaths(Component):
    kind = "dies"
    # _BARE and _BARE_DEAD need "die" and "dead", which _TRIGGER holds.
    stems = _TRIGGER + _FALL_STEMS

    def __init__(self) -> None:
        self._soft: list[tuple[str | None, Unit]] = []

    def pending(self, unit: Unit) -> bool:
        # A soft sign waits for its confirmation over the next six sentences (``_confirm``).
        return bool(self._soft) and unit.index - self._soft[-1][1].index <= 6

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        for found in self._read(unit, scene):
            # Seen dead in action, and then the dead one speaks again in the scene (not a voice
            # over): the story says at once that they live ("Cole is dead." then COLE). Not a
            # killing or a dying: a play's victim speaks after the blow ("He kills Polonius",
            # then "O, I am slain!").
            if (
                unit.kind == "action"
                and _SEEN_DEAD.search(found.reason)
                and scene.speaks_after(found.subject, unit.line)
            ):
                continue
            yield found

    def _read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        signs = holds(unit, _SIGN_BIT)
        falls = unit.kind == "action" and holds(unit, _FALL_BIT)
        if not self._soft and not signs and not falls and not _BARE.match(unit.text):
            return
        text = unit.text
        if unit.kind != "speech" and _BARE.match(text):
            victim = _last_struck(scene, unit.index)
            struck = victim is not None and victim[0] > _last_speech(scene, unit.index)
            cid = (
                unit.who[0]
                if len(unit.who) == 1
                else (victim[1] if struck and victim else unit.speaker)
            )
            if cid is None and not unit.who:
                cid = unit.focus.other()
            if cid is not None:
                yield fact("dies", cid, unit, HIGH, "a stage direction: dies")
            return
        yield from self._confirm(unit)
        if falls and any(
            _SHOT.search(u.text) for u in scene.units[max(0, unit.index - 2) : unit.index + 1]
        ):
            for m in _FALLS.finditer(text):
                for got in self._subject(unit, scene, m, MEDIUM):
                    if any(cid == got.subject for cid, _u in self._soft):
                        got = fact("dies", got.subject, unit, HIGH, "two signs of death")
                    self._soft.append((got.subject, unit))
                    yield dataclasses.replace(got, reason="falls after a shot or a blow")
        if not signs:
            return
        borne = unit.kind != "speech" and may_match(unit, _BORNE_BIT) and _WITH_BODY.search(text)
        victim = _last_struck(scene, unit.index) if borne else None
        if borne and victim is not None and not _NAMED_BODY.search(text):
            yield fact("dies", victim[1], unit, HIGH, "struck down, then borne off")
            return
        if unit.kind == "action" and _BARE_DEAD.match(text) and unit.index:
            before = scene.units[unit.index - 1]
            named = [m for m in before.ms if not m.pronoun and not m.possessive]
            if before.kind == "action" and named:
                # "Ruth finds Bram at the bottom of the well. Dead.": the one found
                yield fact("dies", named[-1].cid, unit, HIGH, "found dead: " + before.text)
            return
        for m in _DEPICTIVE.finditer(text):
            yield from self._subject(unit, scene, m, HIGH)
        for m in _SUBJECT_HIGH.finditer(text) if may_match(unit, _HIGH_BIT) else ():
            yield from self._subject(unit, scene, m, HIGH)
        for m in _SUBJECT_MEDIUM.finditer(text) if may_match(unit, _MEDIUM_BIT) else ():
            got_any = False
            for got in self._subject(unit, scene, m, MEDIUM):
                got_any = True
                if any(cid == got.subject for cid, _u in self._soft):
                    got = fact("dies", got.subject, unit, HIGH, "two signs of death")
                self._soft.append((got.subject, unit))
                yield got
            if not got_any and blocked(text, m.start()) is None:
                self._soft.append((None, unit))  # "The monitor flatlines." -- whose, comes next
        for m in _OBJECT.finditer(text) if may_match(unit, _OBJECT_BIT) else ():
            yield from self._object(unit, scene, m, need_dead=False)
        if unit.kind != "speech":
            directed = _DIRECTED.match(text)
            if directed is not None:
                yield from self._object(unit, scene, directed, need_dead=False, directed=True)
            for m in _SLAIN_DIRECTION.finditer(text):
                yield from self._subject(unit, scene, m, HIGH)
        for m in _HARM.finditer(text) if may_match(unit, _HARM_BIT) else ():
            yield from self._object(unit, scene, m, need_dead=True)
        if unit.named:
            # What follows reads only the names a sentence holds (each pass steps over its
            # pronouns), and each of the three needs words of its own first: without them the
            # sentence's pronouns are not resolved for nothing (``unit.ms``; most sentences
            # read here hold a common stem, "body" of "nobody", "still", and state nothing).
            low = unit.low
            apostrophe = "'" in text or "’" in text  # a possessive name: "'s", "’s"
            if apostrophe:
                yield from self._possessed(unit, scene)
            # _BODY_OF's words, and none with an "i" or an "s", which re.I also finds as
            # "ı", "İ" and "ſ" where a lower-cased text does not hold an "i" or an "s".
            if "the " in low and ("bod" in low or "corp" in low or "rema" in low):
                yield from self._body_of(unit)
            if apostrophe or "late" in low:  # _TRACE and _THEIRS, or _LATE
                yield from self._traces(unit, scene)
        yield from self._taken(unit, scene)

    def _possessed(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        """A possessive name and what of the dead is theirs ("Bram's body floats")."""
        text = unit.text
        for x in unit.ms:
            if not x.possessive or x.pronoun:
                continue
            after = _POSSESSED_BODY.match(text[x.end :])
            if after is None:
                continue
            part = after.group(0).lower()
            if part.endswith(("throat", "neck")) and not _THROAT.search(text[: x.start]):
                continue
            if part.endswith("eyes") and not re.search(r"\bcloses\s*$", text[: x.start], re.I):
                continue
            if part.endswith("body") and (
                not _CARRIED.search(text[: x.start]) or _BODY_LIVES.match(text, x.end + after.end())
            ):
                continue  # "sees Amethyst's body trying to round itself up": alive
            why = blocked(text, x.start)
            if why is None:
                yield fact("dies", x.cid, unit, self._told(unit, scene, x.cid, HIGH),
                           f"{part.lstrip(chr(39) + '’s ')} of the dead")  # fmt: skip

    def _body_of(self, unit: Unit) -> Iterator[Inferred]:
        """A name after "the body of" ("the body of Mortimer")."""
        text = unit.text
        for x in unit.ms:
            if x.pronoun or not _BODY_OF.search(text[: x.start]):
                continue
            if x.possessive:
                continue  # "The remains of George's car": the car's, not George's
            if blocked(text, x.start) is None:
                yield fact("dies", x.cid, unit, HIGH, "the body of the dead")

    def _taken(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        """``_FORCE_TAKES``: the one a killing force takes, when not carried somewhere."""
        text = unit.text
        for m in _FORCE_TAKES.finditer(text) if may_match(unit, _FORCE_BIT) else ():
            obj = object_after(unit.ms, m.end(), text)
            if obj is None or obj.possessive or obj.pronoun == "speaker":
                continue
            if _CARRIED_OFF.match(text[obj.end :]) or blocked(text, m.start()) is not None:
                continue
            yield fact("dies", obj.cid, unit, self._told(unit, scene, obj.cid, HIGH),
                       f"object of {m.group(0).strip()!r}")  # fmt: skip

    def _traces(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        """What the dead leave, as theirs ("Hollis's grave", "the late Hollis"): a death
        presupposed, which a modal or a negation does not undo ("we can't even visit
        Hollis's grave"), but a condition, a plan or a depiction does."""
        text = unit.text
        for x in unit.ms:
            if x.pronoun:
                continue
            trace = _TRACE.match(text[x.end :]) if x.possessive else None
            late = _LATE.search(text[: x.start])
            theirs = _THEIRS.match(text[x.end :]) if x.possessive else None
            if theirs is not None and theirs.group("part"):
                before = _BEFORE_PART.get(theirs.group("part").lower())
                if before is None or not before.search(text[: x.start]):
                    theirs = None
            if theirs is not None and blocked(text, x.start) is None:
                yield fact("dies", x.cid, unit, self._told(unit, scene, x.cid, HIGH),
                           f"{theirs.group(0).lstrip(chr(39) + '’s ')!r}")  # fmt: skip
                continue
            if trace is None and late is None:
                continue
            if blocked(text, x.start, negation=False, modal=False) is not None:
                continue
            what = trace.group(0).lstrip("'’s ").lower() if trace else "the late"
            yield fact("dies", x.cid, unit, self._told(unit, scene, x.cid, HIGH),
                       f"{what!r}: said of the dead")  # fmt: skip

    def _subject(
        self, unit: Unit, scene: SceneView, m: re.Match[str], confidence: float
    ) -> Iterator[Inferred]:
        text = unit.text
        if _FIGURE_AFTER.match(text[m.end() :]) and m.group(0).lower().endswith("dead"):
            return
        subject = subject_before(unit.ms, m.start(), text)
        if subject is None and len(unit.who) == 1 and unit.kind != "speech":
            subject = Mention(unit.who[0], 0, 0)
        if subject is None:
            return
        if subject.start < clause_start(text, m.start()) and _ATTRIBUTIVE.match(text, m.end()):
            return  # "like a second, drowned house": the word the predicate comes before died
        if not subject.pronoun and not_its_subject(text, subject, m.start()):
            return  # "the fire behind Finn dies down": a thing's
        if subject.pronoun in ("speaker", "addressee") and unit.kind == "speech":
            return  # "I died in that skiff", "you're dead": figures and threats
        if blocked(text, m.start(), subject_at=subject.start) is not None:
            return
        if _NOT_AFTER.match(text[m.end() :]):
            return  # "he died not", "I slew him not"
        stative = bool(_STATIVE.search(m.group(0)))
        if unit.who and subject.cid not in unit.who:
            confidence = min(confidence, MEDIUM)  # the TEI's who says it is someone else
        yield fact("dies", subject.cid, unit,
                   self._told(unit, scene, subject.cid, confidence, stative),
                   f"subject of {m.group(0).strip()!r}")  # fmt: skip

    def _object(
        self,
        unit: Unit,
        scene: SceneView,
        m: re.Match[str],
        *,
        need_dead: bool,
        directed: bool = False,
    ) -> Iterator[Inferred]:
        text = unit.text
        obj = object_after(unit.ms, m.end(), text)
        if obj is None or obj.possessive:
            return
        if need_dead and not _DEAD_AFTER.match(text[obj.end :]):
            return
        if obj.pronoun == "speaker" or (obj.pronoun == "addressee" and unit.kind == "speech"):
            return  # "you're killing me", "I'll kill you"
        if text[obj.start : obj.end].lower() in _REFLEXIVES:
            # "My mom had just killed herself": the self is the subject's, here no one's.
            subject = subject_before(unit.ms, m.start(), text)
            if subject is None or subject.cid != obj.cid:
                return
        if (not directed and imperative(text, m.start())) or blocked(text, m.start()) is not None:
            return
        if _NOT_AFTER.match(text[obj.end :]):
            return
        verb = m.group(0).lower().strip()
        confidence = MEDIUM if verb in _OBJECT_MEDIUM else HIGH
        if obj.pronoun and (directed or verb in _BARE_FORMS):
            # "They kill him", "kill him.": who "him" is, the bare form does not say (in 2 Henry
            # VI it is the soldier who ran on, not Cade, the one in focus)
            confidence = MEDIUM
        if unit.who and obj.cid not in unit.who:
            confidence = MEDIUM  # the TEI names who this direction is about, and not this one
        elif obj.pronoun and unit.kind != "speech":
            # "kills him": sure only when the TEI names exactly one other on stage with it
            others = [c for c in unit.who if c != obj.cid and c not in _subjects(unit, m.start())]
            if len(others) > 1:
                confidence = MEDIUM
        yield fact("dies", obj.cid, unit, self._told(unit, scene, obj.cid, confidence),
                   f"object of {verb!r}")  # fmt: skip

    def _told(
        self, unit: Unit, scene: SceneView, cid: str, confidence: float, stative: bool = False
    ) -> float:
        """Dialogue is a claim: high only from a witness, or over the body ("he's dead", of a
        character named or unmistakable who is there and says nothing more)."""
        if unit.kind != "speech" or confidence < HIGH:
            return confidence
        pronoun = _pronoun_subject(unit, cid)
        if _WITNESS.search(unit.text) or _WITNESS.search(_speech_of(unit, scene)):
            # A witness's word, but of whom? The Spanish Tragedy's prologue: the Ghost of Andrea
            # "saw" the underworld, and "He died in warre" (the judge, of Andrea) was read as
            # Horatio's death: a "he" that nothing in the speech or on stage names is a guess.
            guessed = pronoun and not _named_in_speech(unit, scene, cid)
            # Named in action only as someone away ("all except Chandler are staring out the
            # window", then "I killed him!" of the neighbour) is no naming of the "him".
            if guessed and not (_named_in_action(scene, unit, cid) and cid in scene.present):
                return MEDIUM
            # "Joey ate my last stick of gum, so I killed him." -- and Joey answers: the one
            # the witness speaks of talks on in the same scene, so it was a figure or a joke.
            return MEDIUM if scene.speaks_after(cid, unit.line) else HIGH
        if (
            stative
            and not (pronoun and (unit.focus.ambiguous() or not _named_in_action(scene, unit, cid)))
            and cid in scene.present
            and cid != unit.speaker
            and not scene.speaks_after(cid, unit.line)
        ):
            return HIGH
        return MEDIUM

    def _confirm(self, unit: Unit) -> Iterator[Inferred]:
        """A soft death confirmed by the next sentences ("No pulse.", "She's gone.")."""
        keep: list[tuple[str | None, Unit]] = []
        for cid, soft in self._soft:
            if unit.index - soft.index > 6 or unit.index == soft.index:
                keep.append((cid, soft))
                continue
            m = _CONFIRM.search(unit.text)
            if m is None or blocked(unit.text, m.start(), negation=False) is not None:
                keep.append((cid, soft))
                continue
            if cid is None:
                subject = subject_before(unit.ms, m.start(), unit.text)
                if subject is None:
                    keep.append((cid, soft))
                    continue
                cid = subject.cid
            yield fact("dies", cid, unit, HIGH, "a death confirmed: " + unit.text.strip())
        self._soft = keep


def _last_struck(scene: SceneView, at: int) -> tuple[int, str] | None:
    """The last one struck in an action line or a direction up to sentence ``at``: (its index,
    who). Looked up in the scene, not kept as sentences are read, because ``Deaths`` does not
    read the sentences without its stems."""
    struck: list[tuple[int, str]] | None = scene.memo.get("struck")
    if struck is None:
        struck = scene.memo["struck"] = [
            (u.index, u.victim) for u in scene.units if u.kind != "speech" and u.victim is not None
        ]
    k = bisect.bisect_right(struck, at, key=lambda t: t[0])
    return struck[k - 1] if k else None


def _last_speech(scene: SceneView, at: int) -> int:
    """The index of the last sentence of a speech up to sentence ``at`` (-1: none)."""
    spoken: list[int] | None = scene.memo.get("spoken")
    if spoken is None:
        spoken = scene.memo["spoken"] = [u.index for u in scene.units if u.kind == "speech"]
    k = bisect.bisect_right(spoken, at)
    return spoken[k - 1] if k else -1


def _speech_of(unit: Unit, scene: SceneView) -> str:
    """The whole speech a sentence belongs to."""
    return scene.facts.dialogue[unit.speech].text if unit.speech >= 0 else ""


def _named_in_speech(unit: Unit, scene: SceneView, cid: str) -> bool:
    """Whether the speech the sentence belongs to names the character outright."""
    if unit.speech is None:
        return False
    return cid in scene.facts.dialogue[unit.speech].names


def _pronoun_subject(unit: Unit, cid: str) -> bool:
    return any(m.cid == cid and m.pronoun for m in unit.ms)


def _subjects(unit: Unit, before: int) -> set[str]:
    return {m.cid for m in unit.ms if m.start < before}


def _named_in_action(scene: SceneView, unit: Unit, cid: str) -> bool:
    """Whether an action line before this speech names the character (the body on stage)."""
    return any(
        u.kind == "action" and any(m.cid == cid and not m.pronoun for m in u.ms)
        for u in scene.units[: unit.index]
    )
