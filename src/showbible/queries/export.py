"""The whole canon of presence and meetings as one document: `export --format json`, GraphML
and GEXF are made from it."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, select

from showbible import store
from showbible.queries.meetings import shared_scenes, visible_episodes
from showbible.store.lookup import AsOf, Row, visible


def export(conn: Connection, point: AsOf | None = None) -> Row:
    """Everything about presence and meetings, in the `export --format json` shape; with a
    ``point``, only what has happened by then on its timeline (a graph of the cast as of an
    episode). Speech counts are kept for the whole canon only, so as of a point they are null."""
    s, p = store.scenes.c, store.presence.c
    seen = None if point is None else visible_episodes(conn, point)
    series = [
        r.id for r in conn.execute(select(store.series_t.c.id).order_by(store.series_t.c.position))
    ]
    episodes = [
        {
            "series": r.series,
            "episode": r.id,
            "title": r.title,
            "released": r.released,
            "story": r.story,
            "file": r.file,
            "release_pos": r.release_pos,
        }
        for r in conn.execute(select(store.episodes).order_by(store.episodes.c.release_pos))
        if seen is None or r.key in seen
    ]
    present: dict[int, list[str]] = defaultdict(list)
    referenced: dict[int, list[str]] = defaultdict(list)
    for r in conn.execute(
        select(p.scene, p.character, p.kind)
        .join(store.scenes, s.id == p.scene)
        .where(visible(point))
        .order_by(p.scene, p.line, p.character)
    ):
        if r.kind == "present":
            present[r.scene].append(r.character)
        elif r.kind == "referenced":
            referenced[r.scene].append(r.character)
    scene_rows = conn.execute(
        select(store.scenes).where(visible(point)).order_by(s.release_pos)
    ).all()
    scenes = [
        {
            "series": r.series,
            "episode": r.episode,
            "scene": r.number,
            "heading": r.heading,
            "line": r.line,
            "file": r.file,
            "place": r.place,
            "story": r.story,
            "flashback": r.flashback,
            "present": present.get(r.id, []),
            "referenced": referenced.get(r.id, []),
        }
        for r in scene_rows
    ]
    by_id = {r.id: r for r in scene_rows}
    char_series: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(
        select(p.character, s.series)
        .join(store.scenes, s.id == p.scene)
        .where(p.kind == "present", visible(point))
        .order_by(s.release_pos)
    ):
        if r.series not in char_series[r.character]:
            char_series[r.character].append(r.series)
    labels: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(
        select(store.labels).order_by(store.labels.c.speeches.desc(), store.labels.c.label)
    ):
        if point is not None and r.series not in char_series.get(r.character, ()):
            continue  # a cue from a series the character has not been seen in yet
        if r.label not in labels[r.character]:
            labels[r.character].append(r.label)
    appeared: dict[str, int] | None = None
    mentioned: set[str] = set()
    if point is not None:
        appeared = defaultdict(int)
        for chars in present.values():
            for cid in chars:
                appeared[cid] += 1
        mentioned = {cid for chars in referenced.values() for cid in chars}
    characters = [
        {
            "id": r.id,
            "name": r.name,
            "labels": labels.get(r.id, []),
            "series": char_series.get(r.id, []),
            "provisional": r.provisional,
            "role": r.role,
            "home": r.home,
            "performer": r.performer,
            "appearances": r.appearances if appeared is None else appeared.get(r.id, 0),
            "speeches": r.speeches if appeared is None else None,
        }
        for r in conn.execute(select(store.characters).order_by(store.characters.c.id))
        if appeared is None or r.id in appeared or r.id in mentioned
    ]
    together = None if point is None else shared_scenes(conn, point)
    encounters = []
    for r in conn.execute(
        select(store.encounters).order_by(
            store.encounters.c.release_scene, store.encounters.c.a, store.encounters.c.b
        )
    ):
        first, story = by_id.get(r.release_scene), by_id.get(r.story_scene)
        if point is not None and (story if point.timeline == "story" else first) is None:
            continue  # they have not met yet at this point
        encounters.append(
            {
                "a": r.a,
                "b": r.b,
                "scenes": r.scenes if together is None else min(r.scenes, together[r.a, r.b]),
                "first": _where(first),
                "first_story": _where(story),
            }
        )
    interactions = [
        {
            "a": r.a,
            "b": r.b,
            "episode": r.episode,
            "scenes": r.scenes,
            "exchanges": r.exchanges,
            "a_to_b": r.a_to_b,
            "b_to_a": r.b_to_a,
        }
        for r in conn.execute(
            select(store.interactions).order_by(
                store.interactions.c.release_pos, store.interactions.c.a, store.interactions.c.b
            )
        )
        if seen is None or r.episode in seen
    ]
    rels = [
        {
            "a": r.a,
            "b": r.b,
            "verb": r.verb,
            "kind": r.kind,
            "mutual": r.mutual,
            "scene": None if r.scene is None else _where(by_id[r.scene]),
            "file": r.file,
            "line": r.line,
        }
        for r in conn.execute(select(store.relations).order_by(store.relations.c.id))
        if r.scene is None or r.scene in by_id
    ]
    return {
        "as_of": None if point is None else {"timeline": point.timeline, "ref": point.label},
        "series": series,
        "episodes": episodes,
        "scenes": scenes,
        "characters": characters,
        "encounters": encounters,
        "interactions": interactions,
        "relations": rels,
    }


def _where(scene: Any) -> Row | None:
    if scene is None:
        return None
    return {"series": scene.series, "episode": scene.episode, "scene": scene.number}
