"""Joining facts across scenes, in release order: a death or destruction the story takes back
is withdrawn (kept, with the sentence that withdrew it, never used); a confinement ends at the
first later release of the same character; secrets get their ids, their distinctive tells and
everyone who learns them (``learning.spread``). Facts about walk-on roles are dropped (the rules
never apply to them), and a secret whose tells the bible already gives to one of its own
secrets is left to the bible."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from showbible.reading.facts import Inferred, SceneFacts
from showbible.reading.infer.abduction import CAPTORS
from showbible.reading.infer.base import HIGH
from showbible.reading.infer.learning import Occurrences, Secret, distinctive, spread
from showbible.reading.infer.places import place_key


@dataclass(frozen=True)
class Linked:
    """One inferred canon fact, placed: ready to become a canon event."""

    verb: str  # dies destroyed cannot held secret learns
    subject: str
    scene: str
    line: int
    file: str
    confidence: float
    sentence: str
    obj: str | None = None
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


# The facts of secrets: what ``distinctive`` and ``spread`` join by reading every scene's words.
SECRET_VERBS = frozenset({"secret", "learns"})


def link(
    scenes: list[SceneFacts],
    is_role: Callable[[str], bool],
    bible_tells: Iterable[str] = (),
    secret_facts: list[Linked] | None = None,
    occurs: Occurrences | None = None,
) -> list[Linked]:
    """Every inferred fact of the universe (``scenes`` in release order, each with its
    ``inferred``), joined across scenes. ``secret_facts``: those of ``SECRET_VERBS`` when the
    caller knows them to be what these scenes give (relink.py); the rest is cheap to join.
    ``occurs``: where tells are said in these scenes, if the caller keeps it (relink.py)."""
    out: list[Linked] = []
    taken_back: dict[tuple[str, str], tuple[int, str]] = {}  # (kind, subject) -> (index, where)
    # (index, scene key, line, a release from the hold's place only, the scene's place)
    releases: dict[str, list[tuple[int, str, int, bool, str | None]]] = {}
    hints: dict[str, list[Inferred]] = {}
    people = _People(scenes, is_role)
    for i, sc in enumerate(scenes):
        for item in sc.inferred or ():
            if item.kind in ("alive", "intact"):
                kind = "dies" if item.kind == "alive" else "destroyed"
                taken_back.setdefault((kind, item.subject), (i, f"{sc.file}:{item.line}: "
                                                             f"{item.sentence}"))  # fmt: skip
            elif item.kind == "released":
                # Leaving with no hold said ("walks out", medium) ends a hold at its own place
                # only: "Rafi stumbles out" of the weather station he was locked in, not the
                # kitchen he walks out of days later.
                only_there = item.confidence < HIGH
                releases.setdefault(item.subject, []).append(
                    (i, sc.key, item.line, only_there, place_key(sc) if only_there else None)
                )
            elif item.kind == "learns":
                hints.setdefault(sc.key, []).append(item)
    position = {sc.key: i for i, sc in enumerate(scenes)}
    appears: dict[str, list[int]] | None = None  # made the first time a hold needs it
    for i, sc in enumerate(scenes):
        for item in sc.inferred or ():
            base = (sc.key, item.line, sc.file, item.confidence, item.sentence)
            data: dict[str, Any] = {"sentence": item.sentence, "reason": item.reason}
            if item.kind in ("dies", "cannot", "held") and is_role(item.subject):
                continue
            if item.kind in ("dies", "destroyed"):
                back = taken_back.get((item.kind, item.subject))
                if back is not None and back[0] >= i:
                    data["withdrawn"] = back[1]
                out.append(Linked(item.kind, item.subject, *base, data=data))
            elif item.kind == "cannot":
                data["tells"] = list(item.tells) or [item.obj or ""]
                out.append(Linked("cannot", item.subject, *base, obj=item.obj, data=data))
            elif item.kind == "held":
                freed = [
                    (j, k, line)
                    for j, k, line, only_there, at in releases.get(item.subject, ())
                    if not only_there or item.obj == CAPTORS or at == item.obj
                ]
                if any(j == i and line >= item.line for j, _k, line in freed):
                    continue  # held and freed in one scene ("sits zip-tied ... cuts the ties")
                later = [k for j, k, _line in freed if j > i]
                if item.obj == CAPTORS:
                    if appears is None:
                        appears = _appearances(scenes)
                    rescue = position[later[0]] if later else None
                    data["until"], data["until_reason"] = _rescued(
                        scenes, appears.get(item.subject, []), i, rescue
                    )
                    out.append(Linked("held", item.subject, *base, obj=item.obj, data=data))
                    continue
                if later:
                    data["until"] = later[0]
                else:
                    if appears is None:
                        appears = _appearances(scenes)
                    data["until"] = _seen_free(
                        scenes, appears.get(item.subject, []), i, item.subject, item.obj
                    )
                    data["until_reason"] = "seen elsewhere on a later day" if data["until"] else ""
                out.append(Linked("held", item.subject, *base, obj=item.obj, data=data))
    if secret_facts is not None:
        return out + secret_facts
    secrets = confided(scenes, is_role, bible_tells)
    distinctive(secrets, scenes, occurs)
    spread(secrets, scenes, hints, people, occurs)
    return out + _secret_facts(secrets, scenes, position)


def confided_tells(scenes: list[SceneFacts]) -> set[str]:
    """Every tell (normalised) of every confidence in the scenes: what an index of where tells
    are said must cover."""
    return {" ".join(t.lower().split()) for sc in scenes for i in sc.inferred or ()
            if i.kind == "confides" for t in i.tells}  # fmt: skip


def confided(
    scenes: list[SceneFacts], is_role: Callable[[str], bool], bible_tells: Iterable[str] = ()
) -> list[Secret]:
    """The secrets the scenes' confidences set up, in release order, with all their tells (not
    yet only the distinctive ones) and the hearers who are people."""
    in_bible = _Contains(" ".join(t.lower().split()) for t in bible_tells)
    secrets: list[Secret] = []
    for sc in scenes:
        for item in sc.inferred or ():
            if item.kind != "confides":
                continue
            if in_bible(" ".join(item.sentence.lower().split())):
                continue  # the bible already has this secret: its tell is in the confidence
            hearers = tuple(c for c in item.who if not is_role(c))
            secrets.append(Secret(f"~{sc.key}/{item.subject}", sc.key, item.line, sc.file,
                                  item.sentence, item.confidence, item.tells, hearers))  # fmt: skip
    return secrets


class _Contains:
    """Whether a text holds any of many strings, in one Aho-Corasick pass over it: as
    ``any(t in text for t in strings)``, which grew as confidences times the bible's tells
    (45 million tests, 4 CPU s, at 5,000 synthetic episodes, against 0.1 s at 500)."""

    def __init__(self, strings: Iterable[str]) -> None:
        keys = set(strings)
        self.always = "" in keys  # the empty string is in every text
        self.auto: ahocorasick.Automaton | None = None
        keys.discard("")
        if keys:
            self.auto = ahocorasick.Automaton()
            for key in keys:
                self.auto.add_word(key, None)
            self.auto.make_automaton()

    def __call__(self, text: str) -> bool:
        if self.always:
            return True
        if self.auto is None:
            return False
        return next(self.auto.iter(text), None) is not None


def respread(secrets: list[Secret], scenes: list[SceneFacts], is_role: Callable[[str], bool],
             occurs: Occurrences | None = None) -> list[Linked]:  # fmt: skip
    """The facts of ``secrets`` (their tells already the distinctive ones, as ``link`` left
    them) with everyone who learns them found again: what ``link`` gives for these secrets
    when only who was there to hear them may have changed (relink.py). Each secret's knowers
    are its own, so the others need not be joined again."""
    hints: dict[str, list[Inferred]] = {}
    for sc in scenes:
        for item in sc.inferred or ():
            if item.kind == "learns":
                hints.setdefault(sc.key, []).append(item)
    spread(secrets, scenes, hints, _People(scenes, is_role), occurs)
    return _secret_facts(secrets, scenes, {sc.key: i for i, sc in enumerate(scenes)})


def _secret_facts(
    secrets: list[Secret], scenes: list[SceneFacts], position: dict[str, int]
) -> list[Linked]:
    out: list[Linked] = []
    for s in secrets:
        if not s.tells:
            continue
        data = {"sentence": s.sentence, "reason": "shared in confidence", "tells": list(s.tells),
                "hearers": list(s.hearers)}  # fmt: skip
        out.append(Linked("secret", s.id, s.scene, s.line, s.file, s.confidence, s.sentence,
                          data=data))  # fmt: skip
        first = [(c, s.scene, s.line, "confided it" if k == 0 else "heard it")
                 for k, c in enumerate(s.hearers)]  # fmt: skip
        for cid, key, line, how in first + s.learned:
            sc = scenes[position[key]]
            out.append(Linked("learns", cid, key, line, sc.file, s.confidence, s.sentence,
                              obj=s.id, data={"sentence": s.sentence, "reason": how,
                                              "secret": s.id}))  # fmt: skip
    return out


class _People(Mapping[str, list[str]]):
    """Who is present in a scene, walk-on roles left out, worked out only for the scenes a
    lesson is found in (a handful of the thousands)."""

    def __init__(self, scenes: list[SceneFacts], is_role: Callable[[str], bool]) -> None:
        self._scenes = {sc.key: sc for sc in scenes}
        self._is_role = is_role
        self._done: dict[str, list[str]] = {}

    def __getitem__(self, key: str) -> list[str]:
        found = self._done.get(key)
        if found is None:
            sc = self._scenes[key]
            found = self._done[key] = [c for c in sc.present if not self._is_role(c)]
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._scenes)

    def __len__(self) -> int:
        return len(self._scenes)


def _appearances(scenes: list[SceneFacts]) -> dict[str, list[int]]:
    """Each character's scenes, by index in release order."""
    out: dict[str, list[int]] = {}
    for i, sc in enumerate(scenes):
        for cid in sc.present:
            out.setdefault(cid, []).append(i)
    return out


def _rescued(
    scenes: list[SceneFacts], appears: list[int], i: int, rescue: int | None
) -> tuple[str | None, str]:
    """Where a hold at an unknown place (``abduction``) ends. A rescue told later (scene
    ``rescue``) ends it when the story has times to place the scenes between on; without them
    each episode stands alone, so the captive's first scene in another episode ends it if it
    comes first. No rescue told: the next scene that has them (where they are held, or after
    an escape)."""
    nxt = [j for j in appears[bisect_right(appears, i) :] if not scenes[j].flashback]
    held = scenes[i]
    if rescue is None:
        return (scenes[nxt[0]].key, "seen again, no rescue told") if nxt else (None, "")
    if held.story is None:
        for j in nxt:
            if j >= rescue:
                break
            if (scenes[j].series, scenes[j].episode) != (held.series, held.episode):
                return scenes[j].key, "seen in another episode"
    return scenes[rescue].key, ""


def _seen_free(
    scenes: list[SceneFacts], appears: list[int], i: int, who: str, place: str | None
) -> str | None:
    """Where a confinement that the scripts never end must have ended: the first later scene
    that has the character elsewhere on another story day (or, without story times, in another
    episode) -- released off screen. Elsewhere on the same day is what the two-places rule is
    for, so the hold stays."""
    held = scenes[i]
    # Only the character's own later scenes: scanning every later scene for each hold grew as
    # holds times scenes.
    for j in appears[bisect_right(appears, i) :]:
        sc = scenes[j]
        if sc.flashback:
            continue
        here = sc.place or ("~" + " ".join(sc.location.lower().split()) if sc.location else None)
        if here == place:
            continue
        if held.story is not None and sc.story is not None:
            if held.story.kind == sc.story.kind and held.story.parts[:1] == sc.story.parts[:1]:
                continue
        elif (sc.series, sc.episode) == (held.series, held.episode):
            continue
        return sc.key
    return None
