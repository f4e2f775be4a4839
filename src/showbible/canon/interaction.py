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

from showbible.canon.fold import Canon
from showbible.reading.facts import SceneFacts


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
    # Counted in plain lists keyed by (a, b, episode), made into rows at the end: a build
    # counts a few hundred thousand pairs, and a method call per count was most of the cost.
    counts: dict[tuple[str, str, tuple[str, str]], list[int]] = {}
    first_pos: dict[tuple[str, str], int] = {}
    is_role = canon.cast.is_role
    for scene in canon.scenes if scenes is None else scenes:
        ep = (scene.series, scene.episode)
        first_pos.setdefault(ep, len(first_pos))
        people = sorted(c for c in scene.present if not is_role(c))
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                got = counts.get((a, b, ep))
                if got is None:
                    counts[(a, b, ep)] = [1, 0, 0, 0]
                else:
                    got[0] += 1
        here = set(people)
        previous: str | None = None
        for speech in scene.dialogue:
            speaker = speech.character
            if speaker not in here or speech.voice:
                previous = None
                continue
            # Whom a speech addresses: the one it answers, and anyone here it names (once
            # each; a speech's names never include its speaker: see extract.py).
            if previous is not None and previous != speaker:
                got = _count(counts, speaker, previous, ep)
                got[1] += 1
                got[2 if speaker < previous else 3] += 1
            for name in speech.names:
                if name in here and name != previous:
                    _count(counts, speaker, name, ep)[2 if speaker < name else 3] += 1
            previous = speaker
    rows = [PairEpisode(a, b, ep[0], ep[1], first_pos[ep], *c) for (a, b, ep), c in counts.items()]
    return sorted(rows, key=lambda r: (r.release_pos, r.a, r.b))


def _count(
    counts: dict[tuple[str, str, tuple[str, str]], list[int]], a: str, b: str, ep: tuple[str, str]
) -> list[int]:
    key = (a, b, ep) if a < b else (b, a, ep)
    got = counts.get(key)
    if got is None:
        got = counts[key] = [0, 0, 0, 0]
    return got


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
