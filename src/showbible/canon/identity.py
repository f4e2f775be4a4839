"""Identity doubts: labels that cross series on thin evidence, for the bible to settle.

The same label in two series is one character unless the bible scopes it (DESIGN §3). That is
right for FALSTAFF and wrong for GLOUCESTER; the engine cannot tell them apart, but it can show
which crossings rest on little: a provisional character who is a main character in one series
and a handful of lines in another.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from showbible.canon.fold import Canon

THIN_SPEECHES = 5  # at most this many speeches in a series ...
THIN_EPISODES = 1  # ... in at most this many episodes
MAIN_SPEECHES = 20  # ... while another series gives the label at least this many


@dataclass(frozen=True, slots=True)
class Doubt:
    character: str
    series: tuple[str, ...]
    speeches: dict[str, int]
    file: str
    line: int
    reason: str


def doubtful_identities(canon: Canon) -> list[Doubt]:
    """Provisional characters present in several series where one crossing is thin."""
    out: list[Doubt] = []
    for cid, scene_indexes in canon.appearances.items():
        char = canon.cast.characters.get(cid)
        if char is None or not char.provisional or char.role:
            continue
        speeches: Counter[str] = Counter()
        episodes: dict[str, set[str]] = {}
        first_in: dict[str, tuple[str, int]] = {}
        for i in scene_indexes:
            scene = canon.scenes[i]
            speeches[scene.series] += scene.speeches.get(cid, 0)
            episodes.setdefault(scene.series, set()).add(scene.episode)
            first_in.setdefault(scene.series, (scene.file, scene.present[cid].line))
        if len(episodes) < 2:
            continue
        main = max(speeches.values(), default=0)
        thin = [
            s
            for s in episodes
            if speeches[s] <= THIN_SPEECHES and len(episodes[s]) <= THIN_EPISODES
        ]
        if thin and main >= MAIN_SPEECHES:
            s = thin[0]
            file, line = first_in[s]
            main_series = speeches.most_common(1)[0][0]
            out.append(
                Doubt(
                    cid,
                    tuple(episodes),
                    dict(speeches),
                    file,
                    line,
                    f"{speeches[s]} speech(es) in {s} but {main} in {main_series}: "
                    "the same person? scope the label in the bible if not",
                )
            )
    return out
