"""Patch a compiled canon in memory with re-extracted episodes, and re-check what they reach.

The episodes keep their scenes (same count, same keys: session.py sees to that), so every
release position stays. What the new scenes can change, and how far it reaches:

- their own rows and findings, always;
- the findings whose evidence points into them (lines move);
- when someone is there, heard or referenced who was not (or no longer), or an event changed:
  those characters' appearances and meetings, and every scene where they are (their knowledge,
  deaths and meetings are what rules check there); a place's destruction, every scene there;
- when a story time changed: every story position may move, so every scene is re-checked.

Three rules read the whole canon for each finding (a reference is dangling only if nobody is
ever on screen; a relationship clashes with any earlier one; a misspelt cue points at the first
appearance of who it resembles): when presence or events changed, they run whole.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from showbible.build import Compiled
from showbible.canon import Canon, Encounter, find_encounters, fold_events, pair, story_order
from showbible.canonrows import episode_range
from showbible.events import CanonEvent, Collected, EventCollector
from showbible.extract import PlaceIndex, SceneFacts
from showbible.pipeline import EpisodeResult
from showbible.rules import RULES, Finding, in_file_order, run_rules

WHOLE_CANON_RULES = ("dangling-reference", "relation-contradiction", "unknown-character")


@dataclass
class Patch:
    """What replacing some episodes' scenes changed."""

    scenes: set[str] = field(default_factory=set)  # keys of the replaced scenes
    files: set[str] = field(default_factory=set)  # their scripts
    people: set[str] = field(default_factory=set)  # whose presence or events changed
    places: set[str] = field(default_factory=set)  # where an event changed
    story: bool = False  # a story time changed: story positions may all have moved
    old: list[SceneFacts] = field(default_factory=list)
    new: list[SceneFacts] = field(default_factory=list)
    rechecked: int = 0

    @property
    def outward(self) -> bool:
        """Whether anything beyond the episodes' own rows (and lines) changed."""
        return bool(self.people or self.places or self.story)


def apply(compiled: Compiled, fresh: dict[str, EpisodeResult]) -> Patch:
    """Put the re-extracted episodes into ``compiled`` (in place) and bring its canon, events,
    fold, diagnostics and findings up to date."""
    canon, universe = compiled.canon, compiled.universe
    patch = Patch()
    for key, result in fresh.items():
        old = compiled.extraction.episodes[key].facts
        span = episode_range(canon, old)
        canon.scenes[span.start : span.stop] = result.facts
        compiled.extraction.episodes[key] = result
        patch.files.add(result.episode.rel)
        patch.old.extend(old)
        patch.new.extend(result.facts)
        for before, after in zip(old, result.facts, strict=True):
            _compare(before, after, patch)
    patch.scenes = {s.key for s in patch.new}

    if patch.story:
        canon.story_order = story_order(canon.scenes)
        canon.story_pos = {canon.scenes[i].key: n for n, i in enumerate(canon.story_order)}
    if patch.people:
        _appearances(canon, patch)
    if patch.story:
        canon.encounters = {}
        find_encounters(canon)
    else:
        _encounters(canon, patch)

    places = PlaceIndex({pid: p.aliases for pid, p in universe.bible.places.items()})
    old_events = compiled.collected
    collected = EventCollector(universe, compiled.cast, places, canon.scenes).collect(
        universe.bible.settings.inferred_facts
    )
    if old_events is not None:
        _changed_events(old_events.events + old_events.inferred, collected, patch)
    compiled.collected = collected
    compiled.fold = fold_events(canon, collected.events)
    diagnostics = list(universe.diagnostics)
    for result in compiled.extraction.episodes.values():
        diagnostics.extend(result.diagnostics)
    compiled.diagnostics = diagnostics + collected.diagnostics
    compiled.findings = _recheck(compiled, patch)
    return patch


def _compare(old: SceneFacts, new: SceneFacts, patch: Patch) -> None:
    if old.story != new.story:
        patch.story = True
    people = set(old.present) | set(new.present)
    if (old.place, old.location, old.flashback) != (new.place, new.location, new.flashback):
        patch.people |= people  # where they were (and their meetings' places) changed
        patch.places |= {p for p in (_place(old), _place(new)) if p}
    for cid in people:
        a, b = old.present.get(cid), new.present.get(cid)
        if (a is None) != (b is None) or (
            a is not None and b is not None and (a.how, a.identity) != (b.how, b.identity)
        ):
            patch.people.add(cid)
    patch.people |= set(old.referenced) ^ set(new.referenced)
    patch.people |= set(old.voices) ^ set(new.voices)


def _place(scene: SceneFacts) -> str | None:
    """A scene's place as the rules compare places (see rules/two_places.py)."""
    if scene.place:
        return scene.place
    return "~" + " ".join(scene.location.lower().split()) if scene.location else None


def _appearances(canon: Canon, patch: Patch) -> None:
    inside = sorted(canon.release_pos[s.key] for s in patch.new)
    for cid in patch.people:
        keep = [i for i in canon.appearances.get(cid, ()) if i not in set(inside)]
        keep += [i for i in inside if cid in canon.scenes[i].present]
        if keep:
            canon.appearances[cid] = sorted(keep)
        else:
            canon.appearances.pop(cid, None)

    # In order of first appearance, as a build from nothing has them.
    def first(item: tuple[str, list[int]]) -> tuple[int, int]:
        cid, indexes = item
        return indexes[0], list(canon.scenes[indexes[0]].present).index(cid)

    canon.appearances = dict(sorted(canon.appearances.items(), key=first))


def _encounters(canon: Canon, patch: Patch) -> None:
    """Meetings of the characters whose presence changed, found again from their appearances;
    other meetings only get the new scene objects (same scenes, moved lines)."""
    replaced = {s.key: s for s in patch.new}
    for enc in canon.encounters.values():
        enc.first_release = replaced.get(enc.first_release.key, enc.first_release)
        enc.first_story = replaced.get(enc.first_story.key, enc.first_story)
    people = {c for c in patch.people if not canon.cast.is_role(c)}
    if not people:
        return
    for key in [k for k in canon.encounters if k[0] in people or k[1] in people]:
        del canon.encounters[key]
    shared: dict[tuple[str, str], set[int]] = {}
    for cid in people:
        for i in canon.appearances.get(cid, ()):
            for other in canon.people(canon.scenes[i]):
                if other != cid:
                    shared.setdefault(pair(cid, other), set()).add(i)
    for (a, b), indexes in shared.items():
        first = canon.scenes[min(indexes)]
        first_story = min((canon.scenes[i] for i in indexes), key=lambda s: canon.story_pos[s.key])
        canon.encounters[(a, b)] = Encounter(a, b, first, first_story, len(indexes))
    canon.encounters = dict(
        sorted(
            canon.encounters.items(),
            key=lambda kv: (canon.release_pos[kv[1].first_release.key], kv[0]),
        )
    )


def _event_key(e: CanonEvent) -> tuple[object, ...]:
    data = tuple(sorted((k, repr(v)) for k, v in e.data.items() if k != "sentence"))
    return (e.verb, e.subject, e.obj, e.scene, e.source, e.confidence, data)


def _changed_events(old: list[CanonEvent], collected: Collected, patch: Patch) -> None:
    """Who and where the events that came or went are about (lines aside)."""
    new = collected.events + collected.inferred
    before = Counter(_event_key(e) for e in old)
    after = Counter(_event_key(e) for e in new)
    gone, came = before - after, after - before
    changed = [e for e in old if _event_key(e) in gone]
    changed += [e for e in new if _event_key(e) in came]
    by_key = {s.key: s for s in patch.old + patch.new}
    for e in changed:
        patch.people |= {x for x in (e.subject, e.obj) if x}
        patch.places |= {x for x in (e.subject, e.obj) if x}
        if e.verb == "reveals" and e.scene in by_key:
            # Everyone in the scene learns it; who was there may have changed too.
            patch.people |= set(by_key[e.scene].present)
            patch.people |= {c for s in patch.old if s.key == e.scene for c in s.present}


def _recheck(compiled: Compiled, patch: Patch) -> list[Finding]:
    canon, fold = compiled.canon, compiled.fold
    assert fold is not None
    if patch.story:
        patch.rechecked = len(canon.scenes)
        return run_rules(canon, fold)
    scope = set(patch.scenes)
    if patch.people or patch.places:
        for s in canon.scenes:
            if (
                not patch.people.isdisjoint(s.present)
                or not patch.people.isdisjoint(s.voices)
                or _place(s) in patch.places
            ):
                scope.add(s.key)
    for f in compiled.findings:
        if (
            f.file in patch.files
            or any(e.file in patch.files for e in f.evidence)
            or not patch.people.isdisjoint(f.characters)
        ):
            scope.add(f.scene)
    patch.rechecked = len(scope)
    # When nobody's presence and no event changed, what the whole-canon rules read elsewhere
    # did not change either: they too need only look at the scope.
    whole = WHOLE_CANON_RULES if patch.outward else ()
    kept = [f for f in compiled.findings if f.scene not in scope and f.rule not in whole]
    fresh = run_rules(canon, fold, only=[r for r in RULES if r not in whole], scope=scope)
    if whole:
        fresh += run_rules(canon, fold, only=whole)
    return in_file_order(canon, kept + fresh)
