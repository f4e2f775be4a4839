"""What a viewer may see: the "watched up to" cut and the canon indexed for filtering by it.

Spoiler safety rests on one rule, applied everywhere: a scene is visible when its position on
the release timeline is at or before the viewer's point, and everything else is visible only
through visible scenes — a character once present in one, a meeting whose first scene is one,
a secret once someone learns it in one, a finding whose scene and evidence are all visible.
Each page and API answer is built from an `Index` (the whole canon, per build) seen through a
`Sight` (per build and point), both cached, so the filter costs nothing per request.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from showbible import queries, store

# Series colours: the graph, the legend, the matrix and the badges use the same index.
PALETTE = (
    "#2f6fb0",
    "#c0392b",
    "#2e8b57",
    "#8e44ad",
    "#d35400",
    "#16a085",
    "#b8860b",
    "#c2185b",
    "#5d6d7e",
    "#6d4c41",
)


@dataclass(frozen=True, slots=True)
class Cut:
    """The viewer's point. ``position`` None: everything (no spoiler protection asked for)."""

    ref: str | None = None
    position: int | None = None
    point: queries.AsOf | None = None
    problem: str | None = None  # the cookie named a point this canon no longer has

    @property
    def everything(self) -> bool:
        return self.position is None

    def sees(self, release_pos: int) -> bool:
        return self.position is None or release_pos <= self.position


def resolve_cut(conn: Connection, ref: str | None) -> Cut:
    """The cut for a "watched up to" reference. An unknown reference hides everything rather
    than nothing: a stale cookie must never turn into a spoiler."""
    if not ref:
        return Cut()
    try:
        point = queries.as_of(conn, ref, "release")
    except queries.NotFound as exc:
        return Cut(ref, -1, queries.AsOf("release", -1, ref), problem=str(exc))
    return Cut(ref=ref, position=point.position, point=point)


def known(data: dict[str, Any], keys: tuple[str, ...], cut: Cut) -> dict[str, Any]:
    """Under a cut, only the keys whose spoiler rule the web knows: a key that the query layer
    gains later is held back until someone teaches the web how to cut it. Without a cut, the
    answer is the command line's, whole."""
    if cut.everything:
        return data
    return {k: data[k] for k in keys if k in data}


@dataclass(frozen=True, slots=True)
class SceneRow:
    id: int
    key: str
    series: str
    episode: str
    number: int
    heading: str
    file: str
    line: int
    end_line: int
    place: str | None
    location: str | None
    story: str | None
    flashback: bool
    release_pos: int

    @property
    def episode_key(self) -> str:
        return f"{self.series}:{self.episode}"


@dataclass(frozen=True, slots=True)
class EpisodeRow:
    key: str
    series: str
    id: str
    title: str | None
    released: str | None
    file: str | None
    release_pos: int


@dataclass(frozen=True, slots=True)
class CharacterRow:
    id: str
    name: str
    provisional: bool
    role: bool
    home: str | None
    performer: str | None


@dataclass
class Index:
    """The whole canon of one build, in memory, in the shapes the pages filter."""

    name: str
    series: list[tuple[str, str]]  # (id, title) in series order
    episodes: list[EpisodeRow]  # release order
    scenes: dict[int, SceneRow]
    scene_by_key: dict[str, SceneRow]
    characters: dict[str, CharacterRow]
    labels: dict[str, list[tuple[str, str]]]  # character -> [(series, label)], most used first
    present: dict[int, list[str]]  # scene -> characters present, in order of first line
    referenced: dict[int, list[str]]
    first_scene: dict[str, int]  # episode key -> its first scene's release position
    episode_scenes: dict[str, list[int]]  # episode key -> its scene ids
    knowledge_scenes: dict[str, list[int]]  # secret -> scenes in which someone learns it
    file_episode: dict[str, str] = field(default_factory=dict)  # script path -> episode key
    place_names: dict[str, str] = field(default_factory=dict)  # from the bible, when it loads
    secret_statements: dict[str, str] = field(default_factory=dict)

    def home_of(self, cid: str, seen_in: list[str]) -> str | None:
        """The series a character is coloured by: their home, once seen there; else the first
        series they were seen in."""
        home = self.characters[cid].home
        return home if home in seen_in else (seen_in[0] if seen_in else None)

    def colour(self, series: str | None) -> int:
        ids = [s for s, _ in self.series]
        return ids.index(series) % len(PALETTE) if series in ids else len(PALETTE) - 2


def load_index(conn: Connection) -> Index:
    s = store.scenes.c
    scenes = {
        r.id: SceneRow(
            r.id,
            r.key,
            r.series,
            r.episode,
            r.number,
            r.heading,
            r.file,
            r.line,
            r.end_line,
            r.place,
            r.location,
            r.story,
            bool(r.flashback),
            r.release_pos,
        )
        for r in conn.execute(select(store.scenes).order_by(s.release_pos))
    }
    first_scene: dict[str, int] = {}
    episode_scenes: dict[str, list[int]] = defaultdict(list)
    for sc in scenes.values():
        first_scene.setdefault(sc.episode_key, sc.release_pos)
        episode_scenes[sc.episode_key].append(sc.id)
    episodes = [
        EpisodeRow(r.key, r.series, r.id, r.title, r.released, r.file, r.release_pos)
        for r in conn.execute(select(store.episodes).order_by(store.episodes.c.release_pos))
    ]
    characters = {
        r.id: CharacterRow(r.id, r.name, bool(r.provisional), bool(r.role), r.home, r.performer)
        for r in conn.execute(select(store.characters))
    }
    labels: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in conn.execute(select(store.labels).order_by(store.labels.c.speeches.desc())):
        labels[r.character].append((r.series, r.label))
    present: dict[int, list[str]] = defaultdict(list)
    referenced: dict[int, list[str]] = defaultdict(list)
    p = store.presence.c
    for r in conn.execute(select(p.scene, p.character, p.kind).order_by(p.scene, p.line)):
        bucket = present if r.kind == "present" else referenced if r.kind == "referenced" else None
        if bucket is not None and r.character not in bucket[r.scene]:
            bucket[r.scene].append(r.character)
    knowledge: dict[str, list[int]] = defaultdict(list)
    k = store.knowledge.c
    for r in conn.execute(select(k.secret, k.scene).where(k.scene.is_not(None))):
        knowledge[r.secret].append(r.scene)
    series = [
        (r.id, r.title or r.id)
        for r in conn.execute(select(store.series_t).order_by(store.series_t.c.position))
    ]
    name = conn.execute(select(store.meta.c.value).where(store.meta.c.key == "universe_name"))
    return Index(
        name=str(name.scalar() or "universe"),
        series=series,
        episodes=episodes,
        scenes=scenes,
        scene_by_key={sc.key: sc for sc in scenes.values()},
        characters=characters,
        labels=dict(labels),
        present=dict(present),
        referenced=dict(referenced),
        first_scene=first_scene,
        episode_scenes=dict(episode_scenes),
        knowledge_scenes=dict(knowledge),
        file_episode={e.file: e.key for e in episodes if e.file},
    )


@dataclass
class Sight:
    """The canon as a viewer at one point sees it."""

    cut: Cut
    scenes: set[int]
    episodes: list[EpisodeRow]  # visible, in release order
    series: list[tuple[str, str]]  # visible, in series order
    appearances: Counter[str]  # character -> visible scenes present (roles included)
    secrets: set[str]  # secrets that someone has learned on screen by now
    series_of: dict[str, list[str]]  # character -> series seen in, in order of first scene

    def sees_scene(self, scene_id: int | None) -> bool:
        return scene_id is not None and scene_id in self.scenes

    def sees_character(self, cid: str) -> bool:
        return cid in self.appearances

    def sees_episode(self, key: str) -> bool:
        return any(e.key == key for e in self.episodes)

    def sees_whole_episode(self, index: Index, key: str) -> bool:
        """Every scene of the episode seen (a point may fall inside an episode)."""
        return self.cut.everything or all(
            sid in self.scenes for sid in index.episode_scenes.get(key, ())
        )

    @property
    def series_ids(self) -> set[str]:
        return {s for s, _ in self.series}


def sight(index: Index, cut: Cut) -> Sight:
    visible = {sid for sid, sc in index.scenes.items() if cut.sees(sc.release_pos)}
    keys = {index.scenes[sid].episode_key for sid in visible}
    # Without a cut, episodes without any scene (a bible-only entry) are listed too.
    episodes = [e for e in index.episodes if cut.everything or e.key in keys]
    series_seen = {e.series for e in episodes}
    appearances: Counter[str] = Counter()
    series_of: dict[str, list[str]] = defaultdict(list)
    for sid in sorted(visible, key=lambda s: index.scenes[s].release_pos):
        people = index.present.get(sid, ())
        appearances.update(people)
        series = index.scenes[sid].series
        for c in people:
            if series not in series_of[c]:
                series_of[c].append(series)
    secrets = {
        secret
        for secret, scene_ids in index.knowledge_scenes.items()
        if cut.everything or any(sid in visible for sid in scene_ids)
    }
    return Sight(
        cut=cut,
        scenes=visible,
        episodes=episodes,
        series=[s for s in index.series if s[0] in series_seen],
        appearances=appearances,
        secrets=secrets,
        series_of=dict(series_of),
    )
