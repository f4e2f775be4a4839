"""Group entrances: "Enter CADE and the rest", "KING HENRY and his train", "with his company".

A stage direction that brings someone on with their company names nobody else, yet a reader
knows who that company is: the people who left the stage with them the last time they left it,
earlier in the scene ("Re-enter WARWICK, GLOUCESTER, CLARENCE, and the rest") or in their last
scene of the episode ("Enter KING HENRY and his train" after "Enter KING HENRY, EXETER, BEDFORD,
GLOUCESTER ... Exeunt"), when they are the leader's followers: never present in a scene of the
episode without the leader. They are present from the direction's line, as "company".

Only named people join: walk-on roles (``ALL``, ``Messenger``) are anonymous, and "his
soldiers", "Attendants" or "forces" name no one, so only the words for a known company count.
The pass reads each episode's scenes in order and works from stage time (canon/stage.py), so it
runs where the bible's presence overrides run, on a whole build and on one re-extracted episode
alike, and gives the same answer twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from showbible.canon.stage import stage_times
from showbible.reading.facts import Presence, SceneFacts
from showbible.reading.groups import entrances as group_entrances

COMPANY = "company"  # Presence.how of someone brought on by a group entrance


def _role(cid: str) -> bool:
    return cid.startswith("role:")


def add_company(scenes: Iterable[SceneFacts]) -> None:
    """Add each group entrance's company to its scene's present characters, in place."""
    by_episode: dict[tuple[str, str], list[SceneFacts]] = {}
    for scene in scenes:
        by_episode.setdefault((scene.series, scene.episode), []).append(scene)
    for episode in by_episode.values():
        episode.sort(key=lambda s: s.number)
        found = [(n, group_entrances(scene)) for n, scene in enumerate(episode)]
        found = [(n, entrances) for n, entrances in found if entrances]
        if not found:
            continue
        # Worked out afresh each time, from the scenes' own presence: the same answer twice.
        # Only a scene with a group entrance can hold company (an edited one is read anew).
        for n, _entrances in found:
            present = episode[n].present
            for cid in [c for c, p in present.items() if p.how == COMPANY]:
                del present[cid]
        scenes_of = _scenes_of(episode)
        for n, entrances in found:
            scene = episode[n]
            for leaders, line in entrances:
                for leader in leaders:
                    mine = scenes_of.get(leader, set())
                    for cid in _company_of(leader, line, scene, episode[:n]):
                        # A follower: never in a scene of the episode without the leader
                        # (a king is not his earl's train, nor an enemy the rebel's rest).
                        if scenes_of.get(cid, set()) <= mine:
                            scene.present.setdefault(cid, Presence(line, COMPANY, shown=False))


def _scenes_of(episode: list[SceneFacts]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for n, scene in enumerate(episode):
        for cid, presence in scene.present.items():
            if presence.how != COMPANY:
                out.setdefault(cid, set()).add(n)
    return out


def _company_of(leader: str, line: int, scene: SceneFacts, earlier: list[SceneFacts]) -> list[str]:
    """Who left the stage with ``leader`` the last time before ``line``: earlier in this
    scene if they were on and went off, else at the end of their last scene before."""
    here = _left_with(leader, scene, before=line)
    if here is not None:
        return here
    for previous in reversed(earlier):
        if leader in previous.present:
            return _left_with(leader, previous, before=None) or []
    return []


def _left_with(leader: str, scene: SceneFacts, before: int | None) -> list[str] | None:
    """The named people whose stage time in ``scene`` ended where the leader's last stretch
    ended (before line ``before``, when given); None when the leader had no such stretch."""
    people = [c for c in scene.present if not _role(c)]
    times = stage_times(scene, people)
    if not times:
        if before is not None:
            return None  # no marked moves: the leader did not go off in this scene
        return [c for c in people if c != leader]
    ends = [end for _start, end in times.get(leader, ()) if before is None or end <= before]
    if not ends:
        return None
    last = max(ends)
    return [
        c
        for c, stretches in times.items()
        if c != leader and any(end == last for _s, end in stretches)
    ]
