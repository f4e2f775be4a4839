"""The canon: scenes on two timelines, who was where, who met whom first.

Release order is how the audience meets the story; story order is when it happens. A scene with
no story time sits right after the scene before it in release order (DESIGN §3: "where story time
is missing, on the release timeline").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from showbible.canon.company import add_company
from showbible.canon.stage import stage_pairs
from showbible.canon.succession import refine_crossings
from showbible.reading.events import CanonEvent
from showbible.reading.facts import Presence, SceneFacts
from showbible.reading.resolve import Cast
from showbible.universe.loader import Universe


@dataclass
class Encounter:
    """Two characters' meetings: first on each timeline, and how many scenes they shared."""

    a: str
    b: str
    first_release: SceneFacts
    first_story: SceneFacts
    scenes: int = 0


# A meeting as the snapshot keeps it: the pair, the keys of its first scenes in release and in
# story order, and how many scenes they shared.
MetRow = tuple[str, str, str, str, int]


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
    heard: dict[str, list[int]] = field(default_factory=dict)  # (V.O.) voices, release indexes

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


def declared_series_order(universe: Universe) -> dict[str, int]:
    """Each series' rank in the release order, for the series whose release the universe
    declares (a ``released`` date on an episode, or an episode in ``release_order``); the
    order of the series list alone declares nothing (the plays are listed by file name)."""
    declared = {universe.parse_ref(text).episode.series for text in universe.bible.release_order}
    declared |= {ep.series for ep in universe.episodes if ep.released is not None}
    series_of = {ep.key: ep.series for ep in universe.episodes}
    first: dict[str, int] = {}
    for i, key in enumerate(universe.release):
        sid = series_of[key]
        if sid in declared:
            first.setdefault(sid, i)
    return {sid: rank for rank, sid in enumerate(sorted(first, key=first.__getitem__))}


def build_canon(
    universe: Universe,
    cast: Cast,
    by_episode: dict[str, list[SceneFacts]],
    met: list[MetRow] | None = None,
) -> Canon:
    """Fold the extracted scenes into a canon: order both timelines, apply presence overrides,
    find first meetings. ``met``: the meetings of these very scenes as ``met_rows`` gave them
    (the one-shot path's snapshot), taken instead of finding them again."""
    scenes: list[SceneFacts] = []
    for key in universe.release:
        scenes.extend(by_episode.get(key, ()))
    # Crossings the scripts' own deaths contradict are taken apart before anything is counted.
    scenes = refine_crossings(cast, scenes, declared_series_order(universe))
    apply_overrides(universe, scenes)
    release_pos = {s.key: i for i, s in enumerate(scenes)}
    order = story_order(scenes)
    story_pos = {scenes[i].key: n for n, i in enumerate(order)}
    canon = Canon(universe, cast, scenes, order, release_pos, story_pos)
    for i, scene in enumerate(scenes):
        for cid in scene.present:
            canon.appearances.setdefault(cid, []).append(i)
        for cid in scene.voices:
            canon.heard.setdefault(cid, []).append(i)
    if met is None or not restore_encounters(canon, met):
        find_encounters(canon)
    return canon


def apply_overrides(universe: Universe, scenes: Iterable[SceneFacts]) -> None:
    """Presence the scenes imply beyond their own lines (group entrances bring on a known
    company, canon/company.py), then the bible's ``present``/``absent`` events, which win."""
    scenes = list(scenes)
    add_company(scenes)
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


def story_order(scenes: list[SceneFacts]) -> list[int]:
    """The scenes' positions in story order. Scenes follow one another in scene order (DESIGN
    §3): one whose story time is a coarser form of the scene's before it in the same episode
    (the episode's "2023-09-11" after a scene's "[[story: 2023-09-11T11:00]]") comes after it,
    not at the start of its day (the sixtieth blind look's mine shift)."""
    kinds = {"ordinal": 0, "iso": 1}
    keys: list[tuple[tuple[int, ...], int]] = []
    current: tuple[int, ...] = (-1,)
    episode: tuple[str, str] | None = None
    for i, scene in enumerate(scenes):
        if scene.story is not None:
            mine = (kinds.get(scene.story.kind, 2), *scene.story.parts)
            same = episode == (scene.series, scene.episode)
            if not (same and len(mine) < len(current) and current[: len(mine)] == mine):
                current = mine
        episode = (scene.series, scene.episode)
        keys.append((current, i))
    return [i for _key, i in sorted(keys)]


def find_encounters(canon: Canon) -> None:
    """Two people meet in a scene when they share its stage time (canon/stage.py)."""
    met_in: dict[str, list[tuple[str, str]]] = {}
    for scene in canon.scenes:
        met_in[scene.key] = sorted(stage_pairs(scene, canon.people(scene)))
        for a, b in met_in[scene.key]:
            enc = canon.encounters.get((a, b))
            if enc is None:
                canon.encounters[(a, b)] = Encounter(a, b, scene, scene, 1)
            else:
                enc.scenes += 1
    seen: set[tuple[str, str]] = set()
    for scene in canon.in_story_order():
        for a, b in met_in[scene.key]:
            if (a, b) not in seen:
                seen.add((a, b))
                canon.encounters[(a, b)].first_story = scene


def met_rows(canon: Canon) -> list[MetRow]:
    """The canon's meetings, in their order, for ``restore_encounters``."""
    return [
        (e.a, e.b, e.first_release.key, e.first_story.key, e.scenes)
        for e in canon.encounters.values()
    ]


def restore_encounters(canon: Canon, rows: list[MetRow]) -> bool:
    """Put back the meetings ``met_rows`` took from a canon of the same scenes: finding them
    again reads every scene's stage directions for entrances and exits (a fifth of a one-shot
    check). False, and nothing changed, when a row names a scene this canon lacks."""
    try:
        encounters = {
            (a, b): Encounter(a, b, canon.scene(first), canon.scene(story), count)
            for a, b, first, story, count in rows
        }
    except KeyError:
        return False
    canon.encounters = encounters
    return True


# --- the event fold ------------------------------------------------------------------------

INF = 10**9
Moment = tuple[int, int]  # (story position of a scene, line in it)


@dataclass(frozen=True, slots=True)
class Known:
    """When something became canon, and the event that made it so."""

    moment: Moment
    event: CanonEvent


@dataclass
class Fold:
    """Every canon event placed on the story timeline; answers "as of this line of this scene".

    Deaths, destructions, knowledge and capabilities only ever accumulate, so the earliest
    moment of each is all a rule needs: "dead at m" is "died at a moment before m". Events take
    effect after their scene (a character may speak in the scene where they die), except that
    what a character learns in a scene is known from the annotation's line on.
    """

    canon: Canon
    deaths: dict[str, Known] = field(default_factory=dict)
    destroyed: dict[str, Known] = field(default_factory=dict)
    knows: dict[tuple[str, str], Known] = field(default_factory=dict)
    cannot: dict[str, list[Known]] = field(default_factory=dict)
    held: dict[str, list[tuple[Known, Moment]]] = field(default_factory=dict)
    relations: list[Known] = field(default_factory=list)
    secrets: dict[str, Known] = field(default_factory=dict)  # inferred secrets and their tells
    allows: dict[str, dict[str, str]] = field(default_factory=dict)  # scene -> rule -> reason
    events: list[CanonEvent] = field(default_factory=list)

    def moment(self, scene: str | None, line: int = INF) -> Moment:
        if scene is None:
            return (-1, 0)
        return (self.canon.story_pos[scene], line)

    def at(self, scene: SceneFacts, line: int = 0) -> Moment:
        return (self.canon.story_pos[scene.key], line)

    def dead(self, cid: str, when: Moment) -> Known | None:
        k = self.deaths.get(cid)
        return k if k is not None and k.moment < when else None

    def knows_secret(self, cid: str, secret: str, when: Moment) -> bool:
        k = self.knows.get((cid, secret))
        return k is not None and k.moment < when

    def _keep_first(self, table: dict[Any, Known], key: Any, known: Known) -> None:
        if key not in table or known.moment < table[key].moment:
            table[key] = known


def fold_events(canon: Canon, events: Iterable[CanonEvent]) -> Fold:
    fold = Fold(canon)
    for e in events:
        if e.scene is not None and e.scene not in canon.story_pos:
            continue  # a scene outside this canon (e.g. past --as-of)
        fold.events.append(e)
        after = fold.moment(e.scene)
        if e.verb == "dies":
            fold._keep_first(fold.deaths, e.subject, Known(after, e))
        elif e.verb == "destroyed":
            fold._keep_first(fold.destroyed, e.subject, Known(after, e))
        elif e.verb == "learns" and e.obj:
            # An inferred lesson is dated by its line: hearers of a confidence may repeat it.
            line = e.line if e.source in ("annotation", "inferred") else INF
            fold._keep_first(fold.knows, (e.subject, e.obj), Known(fold.moment(e.scene, line), e))
        elif e.verb == "reveals" and e.scene is not None:
            scene = canon.scene(e.scene)
            when = fold.moment(e.scene, e.line if e.source == "annotation" else INF)
            for cid in canon.people(scene):
                fold._keep_first(fold.knows, (cid, e.subject), Known(when, e))
        elif e.verb == "cannot":
            fold.cannot.setdefault(e.subject, []).append(Known(after, e))
        elif e.verb == "held" and e.obj:
            end = e.data.get("until")
            # A hold whose end lies outside this canon (past --as-of) has not ended yet.
            until = fold.moment(end, 0) if end in canon.story_pos else (INF, INF)
            fold.held.setdefault(e.subject, []).append((Known(after, e), until))
        elif e.verb == "secret":
            fold._keep_first(fold.secrets, e.subject, Known(fold.moment(e.scene, e.line), e))
        elif e.verb in ("relation", "ends"):
            fold.relations.append(Known(fold.moment(e.scene, e.line), e))
        elif e.verb == "allow" and e.scene is not None:
            fold.allows.setdefault(e.scene, {})[e.subject] = e.data.get("reason", "")
    for i, a in enumerate(canon.universe.bible.allow):
        ref = canon.universe.parse_ref(a.at)
        keys = (
            [str(ref)]
            if ref.scene is not None
            else [
                s.key
                for s in canon.scenes
                if s.series == ref.episode.series and s.episode == ref.episode.id
            ]
        )
        for key in keys:
            fold.allows.setdefault(key, {})[a.rule] = a.reason or f"universe.yaml allow[{i}]"
    fold.relations.sort(key=lambda k: k.moment)
    return fold
