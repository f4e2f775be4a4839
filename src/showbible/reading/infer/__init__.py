"""Inferred facts: what the scripts themselves establish, one component per kind of fact.

| kind | component | reads |
|---|---|---|
| ``dies`` | ``deaths.Deaths`` (withdrawn by ``alive.Alive``) | deaths shown or told |
| ``destroyed`` | ``destructions.Destructions`` (withdrawn by ``Intact``) | places destroyed |
| ``cannot`` | ``incapacity.Incapacity`` | what someone lastingly cannot do |
| ``held`` | ``confinement.Confinement`` (ended by ``Release``) | who is locked up where |
| ``held`` | ``abduction.Abduction`` (ended by ``Release``) | who is taken away by force |
| ``held`` | ``custody.Custody`` (ended by ``Release``) | who is in a cell, arrested, shut in |
| ``confides`` | ``secrets.Secrets`` | information shared in confidence |
| ``learns`` | ``learning.Learning`` and ``learning.spread`` | who comes to know a secret |

Proposed, never imposed: each fact carries its sentence, line, a confidence and the reason;
``showbible facts --inferred`` lists them, ``settings.inferred_facts`` (none | high | all,
default high) decides which the rules use, and the bible overrides them. Each component reads
the same stream of sentences (``base.walk``: every format's action lines, stage directions and
speeches) and refuses what is not asserted through the shared structure in ``clauses``
(questions, negation, modality, conditions, wishes, threats, hearsay, depictions); a scene that
is a flashback or a dream gives no facts at all. What needs more than one scene (a death taken
back, a release, a secret spreading) is joined in ``linking``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import ahocorasick

from showbible.model import Scene
from showbible.reading.facts import Inferred, SceneFacts
from showbible.reading.infer.abduction import Abduction
from showbible.reading.infer.alive import Alive
from showbible.reading.infer.base import (
    HARM_BIT,
    HARM_STEMS,
    HIGH,
    LOW,
    MEDIUM,
    STEM_TESTS,
    Component,
    Finder,
    SceneView,
    unreal,
    walk,
)
from showbible.reading.infer.confinement import Confinement, Release
from showbible.reading.infer.custody import Custody
from showbible.reading.infer.deaths import Deaths
from showbible.reading.infer.destructions import Destructions, Intact
from showbible.reading.infer.incapacity import Incapacity
from showbible.reading.infer.learning import Learning
from showbible.reading.infer.places import PlaceNames, fold, place_key, place_names
from showbible.reading.infer.secrets import Secrets

__all__ = [
    "COMPONENTS",
    "HIGH",
    "LOW",
    "MEDIUM",
    "PlaceNames",
    "infer_facts",
    "place_names",
]

# Every component, in the order their facts are listed.
COMPONENTS: tuple[Callable[[], Component], ...] = (
    Deaths, Alive, Destructions, Intact, Incapacity, Confinement, Abduction, Custody,
    Release, Secrets,
    Learning,
)  # fmt: skip


_GLUE = frozenset({"and", "the", "for", "with", "from", "into", "onto", "off", "near", "outside",
                   "inside", "over", "under", "behind", "across", "via", "day", "night", "later",
                   "continuous", "same", "time", "morning", "evening", "afternoon"})  # fmt: skip


def infer_facts(
    facts: SceneFacts,
    places: PlaceNames,
    scene: Scene | None = None,
    finder: Finder | None = None,
    resolve: Callable[[str], str] | None = None,
    *,
    every: bool = False,
) -> list[Inferred]:
    """Every fact one scene states. ``scene`` (its elements) adds the directions inside
    speeches; ``finder`` finds names in dialogue; ``resolve`` maps a TEI ``who`` label to its
    character. Without them, action lines and pronouns are still read. ``every``: call every
    component on every sentence instead of only those whose stems it holds (the definition
    the stem prefilter must agree with, for tests: the sentences are then walked without
    the automaton, and the components' own tests of stems search each text)."""
    if unreal(facts):
        return []
    stems, unguarded = _prefilter()
    units = walk(facts, scene, finder, resolve, None if every else stems)
    location = fold(facts.location)
    key = place_key(facts)
    view = SceneView(
        facts,
        units,
        key,
        # The heading's own words name its place ("the hangar" of BRANDT AEROWORKS - HANGAR);
        # "and" of MONICA AND RACHEL'S names nothing ("slips and falls" is no fall of the flat).
        frozenset(w for w in location.replace("-", " ").split() if len(w) > 2 and w not in _GLUE),
        places,
        frozenset(facts.present),
    )
    out: list[Inferred] = []
    components = [make() for make in COMPONENTS]
    mine = (1 << len(components)) - 1  # the components' bits (not HARM_BIT)
    pending = [(1 << k, c) for k, c in enumerate(components) if type(c).pending is not _NEVER]
    for unit in units:
        if every:
            mask = -1
        else:
            assert unit.stems is not None  # walk looked for the stems
            mask = unguarded | unit.stems & mine
            for bit, component in pending:
                if not mask & bit and component.pending(unit):
                    mask |= bit
        if not mask:
            continue
        readers = _CALLED.get(mask)
        if readers is None:
            readers = _CALLED[mask] = tuple(k for k in range(len(components)) if mask >> k & 1)
        for k in readers:
            out.extend(components[k].read(unit, view))
    for component in components:
        out.extend(component.close(view))
    return _dedupe(out)


_NEVER = Component.pending
# The components a set of bits calls (their places in COMPONENTS, in order), worked out once
# per set for the process: a build meets a few dozen sets, and testing eleven bits for each
# sentence, or once per set in each scene, added up (125,000 lists at 500 episodes).
_CALLED: dict[int, tuple[int, ...]] = {}


@functools.cache
def _prefilter() -> tuple[ahocorasick.Automaton, int]:
    """One automaton of every component's stems, each stem's value the bits of the
    components (by their place in COMPONENTS) that hold it, and of the stems of harmful acts
    (HARM_BIT, for ``walk``) and of the components' other tests (``STEM_TESTS``, for
    ``holds``); and the bits of the components without stems, which read every sentence."""
    assert len(COMPONENTS) < HARM_BIT.bit_length() - 1
    bits: dict[str, int] = {stem: HARM_BIT for stem in HARM_STEMS}
    for bit, tested in STEM_TESTS.items():
        for stem in tested:
            bits[stem] = bits.get(stem, 0) | bit
    unguarded = 0
    for k, make in enumerate(COMPONENTS):
        stems: tuple[str, ...] = getattr(make, "stems", ())
        if not stems:
            unguarded |= 1 << k
        for stem in stems:
            bits[stem] = bits.get(stem, 0) | 1 << k
    auto = ahocorasick.Automaton()
    for stem, mask in bits.items():
        auto.add_word(stem, mask)
    auto.make_automaton()
    return auto, unguarded


def _dedupe(items: list[Inferred]) -> list[Inferred]:
    """One fact per kind, subject and object: the most confident, then the first."""
    best: dict[tuple[str, str, str | None], Inferred] = {}
    for item in items:
        key = (item.kind, item.subject, item.obj)
        if item.kind in ("confides", "learns"):
            key = (item.kind, item.subject, f"{item.obj}@{item.line}")
        if key not in best or item.confidence > best[key].confidence:
            best[key] = item
    return sorted(best.values(), key=lambda i: i.line)
