"""The canon: scenes on two timelines, who was where, who met whom first.

Release order is how the audience meets the story; story order is when it happens. A scene with
no story time sits right after the scene before it in release order (DESIGN §3: "where story time
is missing, on the release timeline").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations

from showbible.extract import Presence, SceneFacts
from showbible.resolve import Cast
from showbible.universe import Universe


@dataclass
class Encounter:
    """Two characters' meetings: first on each timeline, and how many scenes they shared."""

    a: str
    b: str
    first_release: SceneFacts
    first_story: SceneFacts
    scenes: int = 0


@dataclass
class Canon:
    universe: Universe
    cast: Cast
    scenes: list[SceneFacts]  # release order
    story_order: list[int]  # indexes into ``scenes``, in story order
    release_pos: dict[str, int] = field(default_factory=dict)
    story_pos: dict[str, int] = field(default_factory=dict)
    encounters: dict[tuple[str, str], Encounter] = field(default_factory=dict)
    appearances: dict[str, list[int]] = field(default_factory=dict)  # release indexes

    def scene(self, key: str) -> SceneFacts:
        return self.scenes[self.release_pos[key]]

    def in_story_order(self) -> Iterator[SceneFacts]:
        for i in self.story_order:
            yield self.scenes[i]

    def people(self, scene: SceneFacts) -> list[str]:
        """Characters (not walk-on roles) present in a scene."""
        return [c for c in scene.present if not self.cast.is_role(c)]

    def series_of(self, cid: str) -> list[str]:
        seen: dict[str, None] = {}
        for i in self.appearances.get(cid, ()):
            seen.setdefault(self.scenes[i].series, None)
        return list(seen)


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def build_canon(universe: Universe, cast: Cast, by_episode: dict[str, list[SceneFacts]]) -> Canon:
    """Fold the extracted scenes into a canon: order both timelines, apply presence overrides,
    find first meetings."""
    scenes: list[SceneFacts] = []
    for key in universe.release:
        scenes.extend(by_episode.get(key, ()))
    _apply_overrides(universe, scenes)
    release_pos = {s.key: i for i, s in enumerate(scenes)}
    story_order = _story_order(scenes)
    story_pos = {scenes[i].key: n for n, i in enumerate(story_order)}
    canon = Canon(universe, cast, scenes, story_order, release_pos, story_pos)
    for i, scene in enumerate(scenes):
        for cid in scene.present:
            canon.appearances.setdefault(cid, []).append(i)
    _encounters(canon)
    return canon


def _apply_overrides(universe: Universe, scenes: Iterable[SceneFacts]) -> None:
    by_key = {s.key: s for s in scenes}
    for event in universe.bible.events:
        if event.present is None and event.absent is None:
            continue
        ref = universe.parse_ref(event.at)
        targets = (
            [by_key[str(ref)]]
            if ref.scene is not None and str(ref) in by_key
            else [s for s in by_key.values() if s.series == ref.episode.series
                  and s.episode == ref.episode.id]
        )  # fmt: skip
        for scene in targets:
            for cid in event.present or ():
                scene.present.setdefault(cid, Presence(scene.line, "bible"))
            for cid in event.absent or ():
                scene.present.pop(cid, None)


def _story_order(scenes: list[SceneFacts]) -> list[int]:
    kinds = {"ordinal": 0, "iso": 1}
    keys: list[tuple[tuple[int, ...], int]] = []
    current: tuple[int, ...] = (-1,)
    for i, scene in enumerate(scenes):
        if scene.story is not None:
            current = (kinds.get(scene.story.kind, 2), *scene.story.parts)
        keys.append((current, i))
    return [i for _key, i in sorted(keys)]


def _encounters(canon: Canon) -> None:
    for scene in canon.scenes:
        for a, b in combinations(sorted(canon.people(scene)), 2):
            enc = canon.encounters.get((a, b))
            if enc is None:
                canon.encounters[(a, b)] = Encounter(a, b, scene, scene, 1)
            else:
                enc.scenes += 1
    seen: set[tuple[str, str]] = set()
    for scene in canon.in_story_order():
        for a, b in combinations(sorted(canon.people(scene)), 2):
            if (a, b) not in seen:
                seen.add((a, b))
                canon.encounters[(a, b)].first_story = scene
