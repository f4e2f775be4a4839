"""A character: who they are, where they appeared, whether and where they died, whom they
have met and what they know, as of any point."""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import Connection, and_, or_, select

from showbible import store
from showbible.queries.relations import relations
from showbible.store.lookup import AsOf, Row, Timeline, find_character, scene_ref, visible


def who(conn: Connection, name: str, point: AsOf | None = None) -> Row:
    char = find_character(conn, name)
    cid = char["id"]
    s, p = store.scenes.c, store.presence.c
    rows = conn.execute(
        select(store.scenes, p.line.label("pline"), p.how, p.identity)
        .join(store.presence, p.scene == s.id)
        .where(p.character == cid, p.kind == "present", visible(point))
        .order_by(s.release_pos)
    ).all()
    appearances: dict[tuple[str, str], Row] = {}
    series_order: list[str] = []
    for r in rows:
        key = (r.series, r.episode)
        if r.series not in series_order:
            series_order.append(r.series)
        entry = appearances.setdefault(
            key, {"series": r.series, "episode": r.episode, "file": r.file, "scenes": []}
        )
        entry["scenes"].append(
            {
                "scene": r.number,
                "line": r.pline,
                "how": r.how,
                "identity": r.identity,
                "heading": r.heading,
            }
        )
    declared = [
        {
            "series": r.object,
            "file": r.file,
            "line": r.line,
            "source": json.loads(r.detail or "{}").get("source"),
        }
        for r in conn.execute(
            select(store.facts).where(
                store.facts.c.kind == "appears_in", store.facts.c.subject == cid
            )
        )
    ]
    labels = defaultdict(list)
    for r in conn.execute(select(store.labels).where(store.labels.c.character == cid)):
        if point is None or r.series in series_order:  # no cue from a series not yet seen
            labels[r.series].append({"label": r.label, "speeches": r.speeches})
    if point is not None and not appearances:
        # Not on screen yet at this point: saying whom they will meet would spoil it.
        declared, labels = [], defaultdict(list)
    last = rows[-1] if rows else None
    return {
        "id": cid,
        "name": char["name"],
        "provisional": char["provisional"],
        "role": char["role"],
        "performer": char["performer"],
        "home": char["home"],
        "as_of": None if point is None else {"timeline": point.timeline, "ref": point.label},
        "series": series_order,
        "declared_series": declared,
        "labels": dict(labels),
        "appearances": list(appearances.values()),
        "appeared": bool(appearances),
        "life": {
            "died": death(conn, cid, point),
            "last_seen": None if last is None else {**scene_ref(last), "line": last.pline},
        },
        "met": met_list(conn, cid, point) if appearances or point is None else [],
        "knows": knows_list(conn, cid, point) if appearances or point is None else [],
        "relations": [
            {"id": r["id"], "name": r["name"], "now": r["now"]}
            for r in relations(conn, cid, point)["relations"]
        ]
        if appearances or point is None
        else [],
    }


def death(conn: Connection, cid: str, point: AsOf | None = None) -> Row | None:
    """Where a character died, per which source (the bible, an annotation, or an inferred fact
    the canon uses), if that has happened by ``point``; else None."""
    f, s = store.facts.c, store.scenes.c
    q = (
        select(f.file, f.line, f.source, f.detail, s.series, s.episode, s.number, s.heading)
        .join(store.scenes, s.id == f.scene)
        .where(f.kind == "dies", f.subject == cid, visible(point))
        .order_by(s.story_pos, s.release_pos)
    )
    for r in conn.execute(q):
        detail = json.loads(r.detail or "{}")
        if not detail.get("used", True):
            continue  # an inferred death the canon does not use (withdrawn, or contradicted)
        return {
            "series": r.series,
            "episode": r.episode,
            "scene": r.number,
            "heading": r.heading,
            "file": r.file,
            "line": r.line,
            "source": r.source,
            "sentence": detail.get("sentence"),
        }
    return None


def knows_list(conn: Connection, cid: str, point: AsOf | None = None) -> list[Row]:
    """The secrets a character knows, and since when (None: from the start)."""
    k, s = store.knowledge.c, store.scenes.c
    q = (
        select(
            store.knowledge, s.series, s.episode, s.number, s.heading, s.release_pos, s.story_pos
        )
        .outerjoin(store.scenes, s.id == k.scene)
        .where(k.character == cid)
    )
    out = []
    for r in conn.execute(q):
        if point is not None and r.scene is not None and getattr(r, point.column) > point.position:
            continue
        since = (
            None
            if r.scene is None
            else {
                "series": r.series,
                "episode": r.episode,
                "scene": r.number,
                "file": r.file,
                "line": r.line,
            }
        )
        out.append(
            {
                "secret": r.secret,
                "how": r.how,
                "since": since,
                "source": r.source,
                "file": r.file,
                "line": r.line,
            }
        )
    out.sort(key=lambda x: (x["since"] is not None, x["secret"]))
    return out


def met_list(conn: Connection, cid: str, point: AsOf | None = None) -> list[Row]:
    e = store.encounters.c
    timeline: Timeline = point.timeline if point else "release"
    first_col = e.release_scene if timeline == "release" else e.story_scene
    s = store.scenes.alias("s")
    other = store.characters.alias("o")
    q = (
        select(e.a, e.b, e.scenes, s, other.c.name.label("other_name"))
        .join(s, s.c.id == first_col)
        .join(other, or_(and_(e.a == cid, other.c.id == e.b), and_(e.b == cid, other.c.id == e.a)))
        .where(or_(e.a == cid, e.b == cid))
        .order_by(s.c.release_pos if timeline == "release" else s.c.story_pos, e.a, e.b)
    )
    if point is not None:
        q = q.where(getattr(s.c, point.column) <= point.position)
    out = []
    for r in conn.execute(q):
        other_id = r.b if r.a == cid else r.a
        out.append(
            {
                "id": other_id,
                "name": r.other_name,
                "scenes_together": r.scenes,
                "first": scene_ref(r),
            }
        )
    return out


# --- met -------------------------------------------------------------------------------------
