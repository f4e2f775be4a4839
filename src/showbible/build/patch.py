"""Patch a compiled canon in memory with re-extracted episodes, and re-check what they reach.

The episodes keep their scenes (same count, same keys: session.py sees to that), so every
release position stays. What the new scenes can change, and how far it reaches:

- their own rows and findings, always;
- the findings whose evidence points into them (lines move);
- when someone is there, heard or referenced who was not (or no longer), or an event changed:
  those characters' appearances and meetings, and every scene where they are (their knowledge,
  deaths and meetings are what rules check there); a place's destruction, every scene there;
- when a story time changed: every story position may move, so every scene is re-checked.

Each rule declares what it reads about characters and places beyond the scene it reports on
(READS): a death re-checks the dead-character rule in that character's scenes, not every rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from showbible.build.compiled import Compiled
from showbible.build.pipeline import EpisodeResult
from showbible.build.rows import episode_range
from showbible.canon.fold import Canon, Encounter, find_encounters, fold_events, story_order
from showbible.canon.stage import stage_pairs
from showbible.reading.events import CanonEvent, Collected, EventCollector
from showbible.reading.extract import PlaceIndex, place_key
from showbible.reading.facts import SceneFacts
from showbible.reading.infer.relink import Replaced
from showbible.rules import INPUT_RULE_IDS, RULES, Finding, in_file_order, run_rules
from showbible.rules.capability import refuted_in

# What each rule reads about a character (or place) beyond the scene it reports on: a rule
# re-checks the scenes of whoever changed in one of these ways. "presence" is being in a scene
# (or heard, or referenced), and where and when that scene is.
READS: dict[str, tuple[str, ...]] = {
    "dead-character": ("presence", "dies"),
    "destroyed-place": ("destroyed",),
    "premature-knowledge": ("presence", "knows"),
    "capability": ("cannot",),
    "reintroduction": ("presence", "knows"),
    "two-places": ("presence", "held"),
}
# These read the whole canon for every finding (a reference is dangling only if nobody is ever
# on screen; a relationship clashes with any earlier one; a misspelt cue points at the first
# appearance of whom it resembles): they run whole when what they read changed.
WHOLE: dict[str, tuple[str, ...]] = {
    "dangling-reference": ("presence",),
    "relation-contradiction": ("relation",),
    "unknown-character": ("presence",),
}
# Of those, the ones whose findings are each about one character and depend on nothing but
# that character: re-checked for the touched characters only.
PER_CHARACTER = frozenset({"dangling-reference"})
# Rules that drop the findings of an inferred fact the story refutes, where what refutes it (a
# contradicting action line) is no change READS sees: what their kept counts refute, by
# character, compared before and after a patch; a character whose refutations changed is
# re-checked in every scene.
REFUTES: dict[str, Callable[[Any], dict[str, tuple[bool, ...]]]] = {"capability": refuted_in}


@dataclass
class Patch:
    """What replacing some episodes' scenes changed."""

    scenes: set[str] = field(default_factory=set)  # keys of the replaced scenes
    files: set[str] = field(default_factory=set)  # their scripts
    # Who (or which place) changed, by the kinds of READS: "presence", "dies", "knows",
    # "cannot", "held", "destroyed" (places), "relation".
    changed: dict[str, set[str]] = field(default_factory=dict)
    story: bool = False  # a story time changed: story positions may all have moved
    old: list[SceneFacts] = field(default_factory=list)
    new: list[SceneFacts] = field(default_factory=list)
    rechecked: int = 0

    def add(self, kind: str, *who: str | None) -> None:
        self.changed.setdefault(kind, set()).update(w for w in who if w)

    @property
    def people(self) -> set[str]:
        """Whose presence changed: their appearances and meetings change too."""
        return self.changed.get("presence", set())


def apply(compiled: Compiled, fresh: dict[str, EpisodeResult], places: PlaceIndex) -> Patch:
    """Put the re-extracted episodes into ``compiled`` (in place) and bring its canon, events,
    fold, diagnostics and findings up to date. ``places``: the bible's (as extraction had)."""
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

    old_events = compiled.collected
    cast = compiled.cast
    # An annotation naming a provisional character resolves only if that character is seen
    # somewhere: if such a character came or went, every scene's annotations are read again.
    reuse = old_events
    if any(cast.characters[c].provisional for c in patch.people if c in cast.characters):
        reuse = None
    last_scene = {k: r.facts[-1].key for k, r in compiled.extraction.episodes.items() if r.facts}
    collector = EventCollector(
        universe,
        cast,
        places,
        canon.scenes,
        by_key=_ByKey(canon),
        last_scene=last_scene,
        seen=set(canon.appearances) | set(canon.heard),
    )
    # The inferred facts joined again, reading no more of the canon's words than the edit can
    # change (reading/infer/relink.py).
    relinked = (
        None
        if old_events is None
        else Replaced(old_events.linked, patch.old, patch.new, old_events.occurs)
    )
    collected = collector.collect(
        universe.bible.settings.inferred_facts,
        reuse,
        frozenset(patch.scenes),
        relinked=relinked,
    )
    if old_events is not None:
        only = None if reuse is None else patch.scenes
        _changed_events(_events(old_events, only), _events(collected, only), patch)
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
        patch.add("presence", *people)  # where they were (and their meetings' places) changed
        patch.add("destroyed", place_key(old), place_key(new))
    for cid in people:
        a, b = old.present.get(cid), new.present.get(cid)
        if (a is None) != (b is None) or (
            a is not None
            and b is not None
            and (a.how, a.identity, a.shown) != (b.how, b.identity, b.shown)
        ):
            patch.add("presence", cid)
    if stage_pairs(old, old.present) != stage_pairs(new, new.present):
        patch.add("presence", *people)  # an entrance or exit moved: who met whom may change
    patch.add("presence", *(set(old.referenced) ^ set(new.referenced)))
    patch.add("presence", *(set(old.voices) ^ set(new.voices)))


def _appearances(canon: Canon, patch: Patch) -> None:
    inside = sorted(canon.release_pos[s.key] for s in patch.new)
    outside = set(inside)
    for cid in patch.people:
        for index, where in ((canon.appearances, "present"), (canon.heard, "voices")):
            keep = [i for i in index.get(cid, ()) if i not in outside]
            keep += [i for i in inside if cid in getattr(canon.scenes[i], where)]
            if keep:
                index[cid] = sorted(keep)
            else:
                index.pop(cid, None)

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
            scene = canon.scenes[i]
            for a, b in stage_pairs(scene, canon.people(scene)):
                if cid in (a, b):
                    shared.setdefault((a, b), set()).add(i)
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


class _ByKey(Mapping[str, SceneFacts]):
    """The canon's scenes by key, without another index of them."""

    def __init__(self, canon: Canon) -> None:
        self.canon = canon

    def __getitem__(self, key: str) -> SceneFacts:
        return self.canon.scenes[self.canon.release_pos[key]]

    def __iter__(self) -> Iterator[str]:
        return (s.key for s in self.canon.scenes)

    def __len__(self) -> int:
        return len(self.canon.scenes)


def _events(collected: Collected, scenes: set[str] | None) -> list[CanonEvent]:
    """Every event (the used inferred ones twice: both sides alike), or only the bible's and
    those of ``scenes``."""
    every = collected.events + collected.inferred
    if scenes is None:
        return every
    return [e for e in every if e.source == "bible" or e.scene in scenes]


def _changed_events(old: list[CanonEvent], new: list[CanonEvent], patch: Patch) -> None:
    """Who and where the events that came or went are about (lines aside)."""
    before = Counter(_event_key(e) for e in old)
    after = Counter(_event_key(e) for e in new)
    gone, came = before - after, after - before
    changed = [e for e in old if _event_key(e) in gone]
    changed += [e for e in new if _event_key(e) in came]
    by_key = {s.key: s for s in patch.old + patch.new}
    old_by_key = {s.key: s for s in patch.old}
    for e in changed:
        if e.verb in ("dies", "cannot", "held"):
            patch.add(e.verb, e.subject)
        elif e.verb == "destroyed":
            patch.add("destroyed", e.subject)
        elif e.verb == "learns":
            patch.add("knows", e.subject)
        elif e.verb == "reveals" and e.scene is not None:
            # Everyone in the scene learns it (and who was there may have changed too).
            for scene in (by_key.get(e.scene), old_by_key.get(e.scene)):
                if scene is not None:
                    patch.add("knows", *scene.present)
        elif e.verb in ("relation", "ends"):
            patch.add("relation", e.subject, e.obj)


def _recheck(compiled: Compiled, patch: Patch) -> list[Finding]:
    canon, fold = compiled.canon, compiled.fold
    assert fold is not None
    kept = compiled.kept
    if patch.story:
        patch.rechecked = len(canon.scenes)
        return run_rules(canon, fold, diagnostics=compiled.diagnostics, kept=kept)
    # What the rules counted over the canon stays true outside the replaced scenes.
    stale = frozenset(patch.scenes)
    base = set(patch.scenes)
    base |= {
        f.scene
        for f in compiled.findings
        if f.file in patch.files or any(e.file in patch.files for e in f.evidence)
    }
    where = _scenes_of(canon, patch)
    findings: list[Finding] = []
    rechecked: set[str] = set()
    for rule in RULES:
        if rule in INPUT_RULE_IDS:  # the diagnostics were all worked out again: cheap
            findings += run_rules(
                canon, fold, only=[rule], diagnostics=compiled.diagnostics, kept=kept, stale=stale
            )
            continue
        kinds = WHOLE.get(rule) or READS.get(rule, ())
        touched: set[str] = set()
        for kind in kinds:
            touched |= patch.changed.get(kind, set())
        old = [f for f in compiled.findings if f.rule == rule]
        if rule in PER_CHARACTER and touched:
            # Findings about the touched characters, wherever they are; the rest as they were,
            # except in the edited scenes (lines move).
            fresh = run_rules(canon, fold, only=[rule], characters=touched, kept=kept, stale=stale)
            fresh += run_rules(canon, fold, only=[rule], scope=base, kept=kept, stale=stale)
            keep = {f.key for f in fresh}
            findings += [
                f
                for f in old
                if f.scene not in base and touched.isdisjoint(f.characters) and f.key not in keep
            ]
            findings += list({f.key: f for f in fresh}.values())
            rechecked |= base
            continue
        if rule in WHOLE and touched:
            findings += run_rules(canon, fold, only=[rule], kept=kept, stale=stale)
            continue
        scope = set(base)
        for who in touched:
            scope |= where.get(who, set())
        scope |= {f.scene for f in old if not touched.isdisjoint(f.characters)}
        rechecked |= scope
        refutes = REFUTES.get(rule)
        before = refutes(kept[rule]) if refutes is not None and rule in kept else None
        mine = [f for f in old if f.scene not in scope]
        mine += run_rules(canon, fold, only=[rule], scope=scope, kept=kept, stale=stale)
        if refutes is not None:
            after = refutes(kept.get(rule))
            flipped = (
                set(after)
                if before is None
                else {c for c in before.keys() | after.keys() if before.get(c) != after.get(c)}
            )
            if flipped:
                mine = [f for f in mine if flipped.isdisjoint(f.characters)]
                mine += run_rules(
                    canon, fold, only=[rule], characters=flipped, kept=kept, stale=stale
                )
                rechecked |= set(canon.release_pos)
        findings += mine
    patch.rechecked = len(rechecked)
    return in_file_order(canon, findings)


def _scenes_of(canon: Canon, patch: Patch) -> dict[str, set[str]]:
    """The scenes where each changed character is present or heard, or each place is."""
    out: dict[str, set[str]] = {}
    for kind, who in patch.changed.items():
        for name in who:
            if name in out:
                continue
            indexes = [*canon.appearances.get(name, ()), *canon.heard.get(name, ())]
            out[name] = {canon.scenes[i].key for i in indexes}
        if kind == "destroyed" and who:
            for s in canon.scenes:
                place = place_key(s)
                if place in who:
                    out.setdefault(place, set()).add(s.key)
    return out
