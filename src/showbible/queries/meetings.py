"""A pair: whether and where they first met (on either timeline), and their interaction curve."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import Connection, select

from showbible import store
from showbible.queries.relations import relations
from showbible.store.lookup import AsOf, Row, find_character, scene_ref, visible


def met(conn: Connection, a: str, b: str, point: AsOf | None = None) -> Row:
    """Whether A and B have met (shared stage time in a scene), where first on each timeline,
    and how much they have dealt with each other since — everything only up to ``point``."""
    ca, cb = find_character(conn, a), find_character(conn, b)
    x, y = sorted((ca["id"], cb["id"]))
    e = store.encounters.c
    row = conn.execute(select(store.encounters).where(e.a == x, e.b == y)).first()
    out: Row = {
        "a": {"id": ca["id"], "name": ca["name"]},
        "b": {"id": cb["id"], "name": cb["name"]},
        "as_of": None if point is None else {"timeline": point.timeline, "ref": point.label},
        "met": False,
    }
    if row is None:
        return out
    firsts = {
        key: conn.execute(select(store.scenes).where(store.scenes.c.id == sid)).one()
        for key, sid in (("release", row.release_scene), ("story", row.story_scene))
    }
    if point is not None and getattr(firsts[point.timeline], point.column) > point.position:
        return out  # they meet, but later than the point: not yet
    out["met"] = True
    for key, scene in firsts.items():
        # The other timeline's first meeting can lie beyond the point (a flashback shown
        # later): it is not known yet, so it is left out rather than spoiled.
        if point is None or getattr(scene, point.column) <= point.position:
            out[key] = scene_ref(scene) | {"story": scene.story}
    out["scenes_together"] = (
        row.scenes if point is None else min(row.scenes, shared_scenes(conn, point, [(x, y)])[x, y])
    )
    out["relations"] = relations(conn, ca["id"], point, other=cb["id"])["relations"]
    out["interaction"] = interaction_curve(conn, x, y, point)
    return out


def shared_scenes(
    conn: Connection, point: AsOf, pairs: Iterable[tuple[str, str]] | None = None
) -> Counter[tuple[str, str]]:
    """Scenes up to ``point`` that each pair (sorted ids) is present in together; all pairs of
    people (not roles) when ``pairs`` is None. Counted from presence: the store keeps stage time
    only as each pair's first meeting and whole count, so callers cap this by that count."""
    wanted = None if pairs is None else set(pairs)
    people = None if wanted is None else {c for pair in wanted for c in pair}
    p, s, c = store.presence.c, store.scenes.c, store.characters.c
    q = (
        select(p.scene, p.character)
        .join(store.scenes, s.id == p.scene)
        .join(store.characters, c.id == p.character)
        .where(p.kind == "present", c.role.is_(False), visible(point))
        .order_by(p.scene)
    )
    if people is not None:
        q = q.where(p.character.in_(sorted(people)))
    by_scene: dict[int, set[str]] = {}
    for r in conn.execute(q):
        by_scene.setdefault(r.scene, set()).add(r.character)
    counts: Counter[tuple[str, str]] = Counter()
    for here in by_scene.values():
        ordered = sorted(here)
        for i, one in enumerate(ordered):
            for other in ordered[i + 1 :]:
                if wanted is None or (one, other) in wanted:
                    counts[one, other] += 1
    return counts


def visible_episodes(conn: Connection, point: AsOf) -> set[str]:
    """Keys (SERIES:EPISODE) of the episodes with at least one scene up to ``point``."""
    s = store.scenes.c
    return {
        f"{r.series}:{r.episode}"
        for r in conn.execute(select(s.series, s.episode).where(visible(point)).distinct())
    }


def interaction_curve(conn: Connection, a: str, b: str, point: AsOf | None = None) -> list[Row]:
    """A pair's measured interaction per episode, in release order (up to the episode that
    holds ``point``; interaction is counted per episode, so that episode counts whole)."""
    i = store.interactions.c
    x, y = sorted((a, b))
    seen = None if point is None else visible_episodes(conn, point)
    return [
        {
            "episode": r.episode,
            "scenes": r.scenes,
            "exchanges": r.exchanges,
            f"{x}_to_{y}": r.a_to_b,
            f"{y}_to_{x}": r.b_to_a,
        }
        for r in conn.execute(
            select(store.interactions).where(i.a == x, i.b == y).order_by(i.release_pos)
        )
        if seen is None or r.episode in seen
    ]
