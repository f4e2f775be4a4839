"""Measured interaction: for every pair, per episode, how much they actually deal with each other.

Declared relationships say what the writers intend; these counts show what the scripts do. Per
pair and episode: scenes together, dialogue exchanges (one speaks right after the other), and who
addresses whom (a speech that answers the other's, or names them). Over the release order this is
the pair's interaction curve — the "switches back and forth" made visible.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from showbible.canon import Canon
from showbible.extract import SceneFacts


@dataclass
class PairEpisode:
    a: str
    b: str
    series: str
    episode: str
    release_pos: int  # position of the episode's first scene in release order
    scenes: int = 0
    exchanges: int = 0
    a_to_b: int = 0  # speeches of a addressed to b
    b_to_a: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "series": self.series,
            "episode": self.episode,
            "scenes": self.scenes,
            "exchanges": self.exchanges,
            "a_to_b": self.a_to_b,
            "b_to_a": self.b_to_a,
        }


def measure(canon: Canon, scenes: Iterable[SceneFacts] | None = None) -> list[PairEpisode]:
    """Interaction counts for every pair that shares a scene, per episode, in release order.
    ``scenes``: only these (whole episodes of them), for an incremental update."""
    rows: dict[tuple[str, str, str, str], PairEpisode] = {}
    first_pos: dict[tuple[str, str], int] = {}

    def row(a: str, b: str, series: str, episode: str) -> PairEpisode:
        x, y = (a, b) if a < b else (b, a)
        key = (x, y, series, episode)
        if key not in rows:
            pos = first_pos.setdefault((series, episode), len(first_pos))
            rows[key] = PairEpisode(x, y, series, episode, pos)
        return rows[key]

    for scene in canon.scenes if scenes is None else scenes:
        first_pos.setdefault((scene.series, scene.episode), len(first_pos))
        people = sorted(canon.people(scene))
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                row(a, b, scene.series, scene.episode).scenes += 1
        here = set(people)
        previous: str | None = None
        for speech in scene.dialogue:
            speaker = speech.character
            if speaker not in here or speech.voice:
                previous = None
                continue
            targets: set[str] = set()
            if previous is not None and previous != speaker:
                targets.add(previous)
                row(speaker, previous, scene.series, scene.episode).exchanges += 1
            targets.update(n for n in speech.names if n in here)
            for target in targets:
                r = row(speaker, target, scene.series, scene.episode)
                if speaker == r.a:
                    r.a_to_b += 1
                else:
                    r.b_to_a += 1
            previous = speaker
    return sorted(rows.values(), key=lambda r: (r.release_pos, r.a, r.b))


def curve(rows: list[PairEpisode], a: str, b: str) -> list[dict[str, object]]:
    """One pair's interaction per episode, in release order."""
    x, y = (a, b) if a < b else (b, a)
    out = [r.to_json() for r in rows if (r.a, r.b) == (x, y)]
    return out


def totals(rows: list[PairEpisode]) -> dict[tuple[str, str], dict[str, int]]:
    agg: dict[tuple[str, str], dict[str, int]] = defaultdict(
        lambda: {"scenes": 0, "exchanges": 0, "a_to_b": 0, "b_to_a": 0}
    )
    for r in rows:
        t = agg[(r.a, r.b)]
        t["scenes"] += r.scenes
        t["exchanges"] += r.exchanges
        t["a_to_b"] += r.a_to_b
        t["b_to_a"] += r.b_to_a
    return dict(agg)
