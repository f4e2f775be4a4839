"""The scene as inference reads it: one stream of sentences from every format, each with its
speaker, the characters it names (with their places in the text) and who its pronouns mean.

Every reader gives the same elements (DESIGN §2), so inference reads elements, not formats:
action lines and stage directions (Fountain and FDX action, TEI ``<stage>``, bracketed
transcript directions), directions inside a speech (TEI ``<stage>`` within ``<sp>``,
parentheticals), and dialogue. A TEI ``<stage who>`` arrives as a ``present:`` note on the same
line; it names the subject of a bare direction ("Dies.") exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Protocol

from ahocorasick import Automaton

from showbible.model import Kind, Scene
from showbible.quick import rx
from showbible.reading.facts import Inferred, SceneFacts, Speech
from showbible.reading.infer.clauses import (
    UNREAL_SCENE,
    Focus,
    Mention,
    has_any,
    lead,
    mentions,
    sentences,
)

HIGH = 0.9
MEDIUM = 0.6
LOW = 0.3

# A name as written, without a possessive 's ("O'Neill" keeps its apostrophe).
_PART = r"[A-Z][\w.-]*(?:['’](?![sS]\b)\w+)?"
_NAME_RUN = rx.compile(_PART + r"(?:\s+(?:of\s+|de\s+)?" + _PART + r")*")
_HARM = rx.compile(
    r"\b(?:stabs?|stabbed|shoots?|shot|strikes?|struck|hits?|kills?|killed|wounds?|wounded|"
    r"runs?\s+\w+\s+through|poisons?|poisoned|strangles?|strangled|slays?|slew|"
    r"smites?|smote|cuts?\s+down)\b",
    re.I,
)
_HARM = lead(_HARM)  # searched in every sentence with a harmful stem ("hit" of "white")


# The bit ``walk``'s stem automaton gives the stems of a harmful act (``HARM_STEMS``), apart
# from the components' bits: one pass of one automaton per sentence finds both.
HARM_BIT = 1 << 62
HARM_STEMS = ("stab", "shoot", "shot", "strik", "struck", "hit", "kill", "wound", "runs", "run ",
               "poison", "strangl", "slay", "slew", "smit", "smote", "cut")  # fmt: skip

# Stems that components test a sentence for (``holds``), each tuple with a bit of its own above
# HARM_BIT in the same automaton: the test is then a bit of what ``walk``'s one pass found,
# where it was another automaton pass over the sentence (``has_any``: 2.5% of a cold build's
# CPU at 500 synthetic episodes, most of it a test of every speech for a confidence's
# markers). Registered as the component modules load, before ``infer_facts`` makes the
# automaton (``infer._prefilter``).
STEM_TESTS: dict[int, tuple[str, ...]] = {}


def stem_bit(stems: tuple[str, ...]) -> int:
    """The bit that ``holds`` tests for ``stems`` (lower-case), registered for the automaton."""
    bit = HARM_BIT << (1 + len(STEM_TESTS))
    STEM_TESTS[bit] = stems
    return bit


class Finder(Protocol):
    """Finds characters named in text (the extraction's NameMatcher)."""

    def find(self, text: str) -> Sequence[object]: ...


@dataclass(slots=True)
class Unit:
    """One sentence to read: of an action line (``action``), a direction inside a speech
    (``direction``), or a speech (``speech``).

    Slotted: a build makes half a million of them, and their dictionaries' making and freeing
    was a tenth of the inference."""

    kind: str
    text: str
    line: int
    speaker: str | None
    named: list[tuple[str, int, int]]  # the characters it names, with their spans
    focus: Focus  # who pronouns meant as the sentence began
    who: tuple[str, ...] = ()  # TEI <stage who>: the characters a direction is about
    index: int = 0  # position in the scene's stream
    victim: str | None = None  # who a harmful act here strikes ("Stabs him")
    speech: int = -1  # for a speech's sentences: the index of the speech in the scene
    first: bool = False  # the first sentence of its speech
    low: str = ""  # the text in lower case, for the components' quick tests
    # The bits of the stems its text holds, from the automaton ``walk`` was given (None:
    # none given): which components ``infer_facts`` calls, and HARM_BIT.
    stems: int | None = field(default=None, repr=False, compare=False)
    # For a speech's first sentence: the bits of the stems its whole speech holds (None: not
    # worked out), which ``speech_holds`` reads.
    said: int | None = field(default=None, repr=False, compare=False)
    _ms: list[Mention] | None = field(default=None, repr=False, compare=False)

    @property
    def ms(self) -> list[Mention]:
        """Names and resolved pronouns, worked out only for a sentence a component reads."""
        if self._ms is None:
            self._ms = mentions(self.text, self.named, self.focus, among=self.who)
        return self._ms


@dataclass
class SceneView:
    """What components may ask of the scene around a sentence."""

    facts: SceneFacts
    units: list[Unit]
    place_key: str | None  # the scene's own place, as rules compare places
    location_words: frozenset[str]
    places: PlaceFinder
    present: frozenset[str]
    found: list[Inferred] = field(default_factory=list)
    # What components work out once per scene and ask of many sentences (by name): asked
    # again per sentence, it made a scene of 25,000 speeches take minutes.
    memo: dict[str, Any] = field(default_factory=dict)

    def speaks_after(self, cid: str, line: int) -> bool:
        last: dict[str, int] | None = self.memo.get("last_spoken")
        if last is None:
            last = self.memo["last_spoken"] = {}
            for d in self.facts.dialogue:
                if not d.voice and d.line > last.get(d.character, -1):
                    last[d.character] = d.line
        return last.get(cid, -1) > line


class PlaceFinder(Protocol):
    def find(self, text: str) -> list[str]: ...

    def spans(self, text: str) -> list[tuple[str, int, int]]: ...


class Component:
    """One kind of fact. ``read`` sees each sentence of a scene in order; ``close`` sees the
    scene once all its sentences were read (for facts that need the whole scene).

    ``stems``: lower-case stems without one of which ``read`` finds nothing in a sentence and
    changes nothing. ``infer_facts`` looks for every component's stems in one pass over each
    sentence and calls only the components whose stems it holds (and those ``pending`` asks
    for): most sentences state nothing, and calling nine components on each of them was most
    of the inference's cost. Empty: every sentence is read."""

    kind = ""
    stems: tuple[str, ...] = ()

    def pending(self, unit: Unit) -> bool:
        """Whether to read a sentence without any of ``stems`` all the same (what an earlier
        sentence left open)."""
        return False

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        return iter(())

    def close(self, scene: SceneView) -> Iterator[Inferred]:
        return iter(())


def holds(unit: Unit, bit: int) -> bool:
    """Whether the sentence's lower-cased text holds any of the stems registered as ``bit``
    (``stem_bit``): ``has_any(unit.low, stems)``, read from the bits ``walk`` found."""
    if unit.stems is None:  # walked without the automaton
        return has_any(unit.low, STEM_TESTS[bit])
    return bool(unit.stems & bit)


def may_match(unit: Unit, bit: int) -> bool:
    """Whether a case-blind pattern, each of whose matches holds one of the stems registered as
    ``bit``, may match the sentence: always for a text beyond ASCII, where ``re.I`` also
    matches "ſ", "ı", "İ" and the Kelvin sign for "s", "i" and "k", which a lower-cased text
    does not hold as those letters; else only when the text holds a stem (``holds``)."""
    return not unit.text.isascii() or holds(unit, bit)


def speech_holds(unit: Unit, scene: SceneView, bit: int) -> bool:
    """Whether the whole speech whose first sentence is ``unit`` holds any of the stems
    registered as ``bit``: ``has_any(speech.lower(), stems)``, read from the bits of its
    sentences, which ``walk`` made one after another. Equal because a sentence ends only at a
    stop, a dash or a blank line (``clauses.sentences``), and no stem holds any of them: a stem
    found in the speech lies within one of its sentences."""
    if unit.stems is None:
        return has_any(scene.facts.dialogue[unit.speech].text.lower(), STEM_TESTS[bit])
    if unit.said is not None:
        return bool(unit.said & bit)
    units, ref = scene.units, unit.speech
    for k in range(unit.index, len(units)):
        other = units[k]
        if other.speech != ref or other.kind != "speech":
            return False
        if other.stems is not None and other.stems & bit:
            return True
    return False


def fact(
    kind: str,
    subject: str,
    unit: Unit,
    confidence: float,
    reason: str,
    *,
    obj: str | None = None,
    tells: tuple[str, ...] = (),
    who: tuple[str, ...] = (),
) -> Inferred:
    return Inferred(
        kind, subject, unit.line, confidence, unit.text.strip(), obj, reason, tells, who
    )


def unreal(facts: SceneFacts) -> bool:
    """A scene outside the story's present: a flashback, a dream, a screen."""
    return facts.flashback or bool(UNREAL_SCENE.search(facts.heading or ""))


def _spans(text: str, names: Sequence[str], starts: Sequence[int]) -> list[tuple[str, int, int]]:
    out = []
    for cid, s in zip(names, starts, strict=False):
        m = _NAME_RUN.match(text, s)
        out.append((cid, s, m.end() if m else s + 1))
    return out


_LINE_ORDER = itemgetter(0, 1)  # a stream's line, then its order on the line


def walk(
    facts: SceneFacts,
    scene: Scene | None,
    finder: Finder | None,
    resolve: Callable[[str], str] | None,
    stems: Automaton | None = None,
) -> list[Unit]:
    """Every sentence of the scene in script order, with names and pronouns resolved.
    ``stems``: an Aho-Corasick automaton whose values are bits, ``HARM_STEMS`` among its
    words with HARM_BIT; each unit's ``stems`` is then the bits its text holds."""
    focus = Focus()
    stream: list[tuple[int, int, str, object]] = []
    for k, sent in enumerate(facts.sentences):
        stream.append((sent.line, 1, "action", k))
    for k, speech in enumerate(facts.dialogue):
        stream.append((speech.line, 2, "speech", k))
    who_at: dict[int, tuple[str, ...]] = {}
    for ann in facts.annotations:
        if ann.verb == "present" and resolve is not None:
            names = [n for n in re.split(r"\s*,\s*|\s+and\s+", ann.args) if n]
            who_at[ann.line] = tuple(cid for n in names if (cid := resolve(n)))
    if scene is not None:
        speaker: str | None = None
        cue_to_char = {d.cue_line: d.character for d in facts.dialogue}
        for el in scene.elements:
            if el.kind is Kind.CHARACTER:
                speaker = cue_to_char.get(el.line, speaker) if el.text.strip() else None
            elif el.kind is Kind.PARENTHETICAL:
                stream.append((el.line, 0, "direction", (speaker, el.text)))
            elif el.kind in (Kind.ACTION, Kind.HEADING, Kind.TRANSITION):
                speaker = None
    stream.sort(key=_LINE_ORDER)
    speakers = [d.character for d in facts.dialogue if not d.voice]
    units: list[Unit] = []
    last_speaker: str | None = None
    spoken = 0
    # Each unit keeps the focus as its sentence began. Most sentences leave it as it was, so
    # units share one copy until something changes it (``snap`` is None then); no component
    # writes to a unit's focus. A copy per sentence was a tenth of the walk.
    snap: Focus | None = None
    for line, _order, kind, ref in stream:
        if kind == "action":
            assert isinstance(ref, int)
            sent = facts.sentences[ref]
            if focus.speaker is not None:
                focus.speaker = snap = None
            spans = _spans(sent.text, sent.names, sent.starts) if sent.names else []
            if snap is None:
                snap = focus.copy()
            unit = Unit("action", sent.text, line, last_speaker, spans, snap,
                        who_at.get(line, ()), len(units), low=sent.text.lower())  # fmt: skip
            units.append(unit)
            if _after(unit, focus, facts, stems):
                snap = None
        elif kind == "direction":
            assert isinstance(ref, tuple)
            who, text = ref
            if focus.speaker is not None:
                focus.speaker = snap = None
            if snap is None:
                snap = focus.copy()
            unit = Unit("direction", text, line, who, [], snap, who_at.get(line, ()),
                        len(units), low=text.lower())  # fmt: skip
            units.append(unit)
            if _after(unit, focus, facts, stems):
                snap = None
        else:
            assert isinstance(ref, int)
            speech = facts.dialogue[ref]
            if speech.voice:
                continue
            found = _names(speech.text, finder) if speech.names else []
            addressee = _addressee(speech.text, speech.character, speakers, spoken, facts,
                                   found)  # fmt: skip
            if focus.speaker != speech.character or focus.addressee != addressee:
                focus.speaker, focus.addressee, snap = speech.character, addressee, None
            spoken += 1
            if stems is not None and not found:
                snap = _plain_speech(speech, ref, units, focus, snap, facts, stems)
                last_speaker = speech.character
                continue
            # Lines and names are counted on as the sentences go: a speech of 100,000 lines
            # must not be rescanned from its start for each of its sentences.
            sline, counted, k = speech.line, 0, 0
            opening = len(units)
            for n, (offset, text) in enumerate(sentences(speech.text)):
                end = offset + len(text)
                sline += speech.text.count("\n", counted, offset)
                counted = offset
                while k < len(found) and found[k][1] < offset:
                    k += 1
                named = []
                while k < len(found) and found[k][1] < end:
                    c, s, e = found[k]
                    named.append((c, s - offset, e - offset))
                    k += 1
                if snap is None:
                    snap = focus.copy()
                unit = Unit("speech", text, sline, speech.character, named, snap,
                            index=len(units), speech=ref, first=n == 0,
                            low=text.lower())  # fmt: skip
                units.append(unit)
                if _after(unit, focus, facts, stems):
                    snap = None
            if stems is not None and opening < len(units):
                # What the whole speech holds, on its first sentence: its sentences follow one
                # another, so this is what ``speech_holds`` would OR them to.
                said = 0
                for u in units[opening:]:
                    said |= u.stems or 0
                units[opening].said = said
            last_speaker = speech.character
    return units


def _names(text: str, finder: Finder | None) -> list[tuple[str, int, int]]:
    """Characters named in a speech, with their spans (one search per speech)."""
    out: list[tuple[str, int, int]] = []
    for m in finder.find(text) if finder is not None else ():
        cid = getattr(m, "character", None)
        if isinstance(cid, str):
            out.append((cid, int(getattr(m, "start", 0)), int(getattr(m, "end", 0))))
    out.sort(key=lambda t: t[1])
    return out


def _after(unit: Unit, focus: Focus, facts: SceneFacts, stems: Automaton | None) -> bool:
    """Update who is in focus once a sentence is read; whether anything changed."""
    if stems is not None:
        bits = 0
        for _end, found in stems.iter(unit.low):
            bits |= found
        unit.stems = bits
        harmful = bool(bits & HARM_BIT)
    else:
        harmful = has_any(unit.low, HARM_STEMS)
    return _settle(unit, focus, facts, harmful)


def _settle(unit: Unit, focus: Focus, facts: SceneFacts, harmful: bool) -> bool:
    """``_after`` once it is known whether the sentence holds a harmful act's stem."""
    changed = focus.victim is not None
    focus.victim = None
    harm = _HARM.search(unit.text) if harmful else None
    if harm is not None:
        after = [m for m in unit.ms if m.start >= harm.end() and not m.possessive]
        if after and not after[0].pronoun:
            focus.victim = after[0].cid
        elif unit.kind != "speech":
            focus.victim = _struck(unit, harm.start(), facts)
        unit.victim = focus.victim
        changed = changed or focus.victim is not None
    if not unit.named:
        return changed
    names = [cid for cid, _s, _e in unit.named]
    for cid in names:
        if cid != focus.speaker:
            changed = focus.named(cid) or changed
    if unit.kind == "action":
        changed = focus.named(names[0]) or changed  # the subject stays in focus over the objects
    return changed


def _plain_speech(
    speech: Speech,
    ref: int,
    units: list[Unit],
    focus: Focus,
    snap: Focus | None,
    facts: SceneFacts,
    stems: Automaton,
) -> Focus | None:
    """``walk``'s units for a speech that names nobody (nine speeches in ten), as its general
    loop makes them, without looking for names in each sentence: a fifth of the walk of
    Friends + The Office. Returns the focus snapshot to go on with."""
    sline, counted = speech.line, 0
    text_all, cid = speech.text, speech.character
    lines = "\n" in text_all
    said = 0
    opening = len(units)
    index = opening
    for n, (offset, text) in enumerate(sentences(text_all)):
        if lines:
            sline += text_all.count("\n", counted, offset)
            counted = offset
        if snap is None:
            snap = focus.copy()
        low = text.lower()
        bits = 0
        for _end, found in stems.iter(low):
            bits |= found
        said |= bits
        unit = Unit("speech", text, sline, cid, [], snap, (), index, None, ref, n == 0, low, bits)
        units.append(unit)
        index += 1
        if bits & HARM_BIT:
            if _settle(unit, focus, facts, True):
                snap = None
        elif focus.victim is not None:  # what _settle does with no harm and no names
            focus.victim = snap = None
    if index > opening:
        units[opening].said = said
    return snap


def _struck(unit: Unit, at: int, facts: SceneFacts) -> str | None:
    """Whom "Stabs him" strikes: the TEI ``who`` that is not the striker, else the one who spoke
    last before it and never speaks again in the scene (the striker being the sentence's subject
    or, in a bare direction, the last speaker)."""
    subject = next((m.cid for m in unit.ms if m.start < at and not m.pronoun), None)
    striker = subject or unit.speaker
    others = [c for c in unit.who if c != striker]
    if others:
        return others[-1]
    before = [d for d in facts.dialogue if d.line < unit.line and not d.voice]
    later = {d.character for d in facts.dialogue if d.line > unit.line}
    for d in reversed(before):
        if d.character != striker and d.character not in later:
            return d.character
    return None


def _addressee(
    text: str,
    speaker: str,
    speakers: list[str],
    k: int,
    facts: SceneFacts,
    found: list[tuple[str, int, int]],
) -> str | None:
    """Whom a speech is spoken to: a name in the vocative, else the one who spoke just before
    or just after, else the only other character there."""
    for cid, start, end in found:
        if cid == speaker:
            continue
        before, after = text[:start].rstrip(), text[end:].lstrip()
        if (not before or before[-1] in ",.!?;") and (not after or after[0] in ",.!?;"):
            return cid
    for j in (k - 1, k + 1):
        if 0 <= j < len(speakers) and speakers[j] != speaker:
            return speakers[j]
    others = [c for c in facts.present if c != speaker]
    return others[0] if len(others) == 1 else None
