"""Inferred facts: deaths and destructions that action lines state plainly.

Proposed, never imposed: each carries its line and a confidence, `showbible facts --inferred`
lists them, and the bible's `settings.inferred_facts` decides which the rules use (default:
high-confidence ones). Patterns are deliberately narrow; a missed death costs a finding, a
wrong one costs the writer's trust.
"""

from __future__ import annotations

import re

from showbible.reading.extract import ENTRANCE
from showbible.reading.facts import Inferred, SceneFacts, Sentence
from showbible.universe.bible import BibleConf

HIGH = 0.9
MEDIUM = 0.6

_DEATH_SUBJECT = [
    (
        re.compile(
            r"\b(?:dies|is dead|lies dead|falls dead|drops dead|is killed|is slain|"
            r"breathes (?:his|her|their) last|dies instantly|is murdered)\b",
            re.I,
        ),
        HIGH,
    ),
    (re.compile(r"\b(?:slumps|goes still|stops breathing|collapses)\b.*\bdead\b", re.I), HIGH),
    (re.compile(r"\b(?:goes limp|goes still|stops breathing|flatlines)\b", re.I), MEDIUM),
]
_DEATH_OBJECT = re.compile(
    r"\b(?:kills|murders|slays|executes|shoots dead|strangles|stabs to death)\s+$", re.I
)
_DEAD_ALONE = re.compile(r"^\W*(?:dead|she'?s dead|he'?s dead|they'?re dead)\W*$", re.I)
_DIES_DIRECTION = re.compile(r"^\W*dies\W*$", re.I)
_DESTROY = [
    (
        re.compile(
            r"\b(?:is destroyed|explodes|burns to the ground|burns to (?:its|the) stones|"
            r"is razed|collapses into rubble|is reduced to (?:rubble|ash|ashes)|"
            r"burns down|is blown up|goes up in flames|is demolished)\b",
            re.I,
        ),
        HIGH,
    ),
    (re.compile(r"\b(?:burns|collapses|crumbles|is flooded)\b", re.I), MEDIUM),
]


class PlaceNames:
    """Finds the bible's places named in a sentence: one regex for all their names."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        self._owner = {n.lower(): pid for pid, ns in names.items() for n in ns if n.strip()}
        alternatives = sorted(self._owner, key=len, reverse=True)
        self._regex = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)", re.I)
            if alternatives
            else None
        )

    def find(self, text: str) -> list[str]:
        if self._regex is None:
            return []
        return list(
            dict.fromkeys(self._owner[m.group(0).lower()] for m in self._regex.finditer(text))
        )


def infer_scene(
    facts: SceneFacts, places: PlaceNames, last_speaker_before: dict[int, str]
) -> list[Inferred]:
    """Deaths and destructions stated in a scene's action lines.

    ``last_speaker_before`` maps an action line number to the character who spoke just before
    it, for a bare ``Dies`` direction (as in printed plays).
    """
    out: list[Inferred] = []
    previous: Sentence | None = None
    for sent in facts.sentences:
        text = sent.text
        if ENTRANCE.match(text):
            previous = sent
            continue
        if _DIES_DIRECTION.match(text) and sent.line in last_speaker_before:
            out.append(Inferred("dies", last_speaker_before[sent.line], sent.line, HIGH, text))
        elif sent.names:
            first = sent.names[0]
            for pattern, confidence in _DEATH_SUBJECT:
                if pattern.search(text):
                    out.append(Inferred("dies", first, sent.line, confidence, text))
                    break
            for name, idx in zip(sent.names[1:], sent.starts[1:], strict=False):
                if _DEATH_OBJECT.search(text[:idx]):
                    out.append(Inferred("dies", name, sent.line, HIGH, text))
        elif _DEAD_ALONE.match(text) and previous is not None and previous.names:
            out.append(
                Inferred("dies", previous.names[0], sent.line, HIGH, previous.text + " " + text)
            )
        # Destruction words first: they are rare, place names are not.
        for pattern, confidence in _DESTROY:
            if pattern.search(text):
                for pid in places.find(text):
                    out.append(Inferred("destroyed", pid, sent.line, confidence, text))
                break
        previous = sent
    return _dedupe(out)


def _speaker_before(scene: SceneFacts) -> dict[int, str]:
    """For each action sentence line, the character whose speech came just before it."""
    out: dict[int, str] = {}
    speeches = sorted(scene.dialogue, key=lambda d: d.line)
    i = 0
    last: str | None = None
    for sent in scene.sentences:
        while i < len(speeches) and speeches[i].line < sent.line:
            last = speeches[i].character
            i += 1
        if last is not None and not sent.names:
            out[sent.line] = last
    return out


def place_names(bible: BibleConf) -> PlaceNames:
    """The finder for every name and alias of the bible's places."""
    names: dict[str, list[str]] = {}
    for pid, place in bible.places.items():
        names[pid] = [*place.aliases, *([place.name] if place.name else [])]
    return PlaceNames(names)


def infer_facts(facts: SceneFacts, places: PlaceNames) -> list[Inferred]:
    """Deaths and destructions a scene states (see infer_scene)."""
    return infer_scene(facts, places, _speaker_before(facts))


def _dedupe(items: list[Inferred]) -> list[Inferred]:
    best: dict[tuple[str, str], Inferred] = {}
    for item in items:
        key = (item.kind, item.subject)
        if key not in best or item.confidence > best[key].confidence:
            best[key] = item
    return list(best.values())
