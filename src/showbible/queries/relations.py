"""Declared relationships of a character: each pair's history and where it stands now."""

from __future__ import annotations

from sqlalchemy import Connection, or_, select

from showbible import store
from showbible.store.lookup import AsOf, Row, find_character


def relations(
    conn: Connection, name: str, point: AsOf | None = None, other: str | None = None
) -> Row:
    """A character's relationships: each pair's history of changes, and where it stands now
    (as of ``point``, on its timeline; story order when no point is given)."""
    char = find_character(conn, name)
    cid = char["id"]
    other_id = find_character(conn, other)["id"] if other else None
    r, s = store.relations.c, store.scenes.c
    q = (
        select(store.relations, s.series, s.episode, s.number, s.release_pos, s.story_pos)
        .outerjoin(store.scenes, s.id == r.scene)
        .where(or_(r.a == cid, r.b == cid))
    )
    timeline = point.timeline if point else "story"
    rows = sorted(
        conn.execute(q).all(),
        key=lambda x: (
            -1 if x.scene is None else (x.release_pos if timeline == "release" else x.story_pos),
            x.line,
        ),
    )
    partners = {x.b if x.a == cid else x.a for x in rows}
    names = {
        x.id: x.name
        for x in conn.execute(
            select(store.characters.c.id, store.characters.c.name).where(
                store.characters.c.id.in_(partners)
            )
        )
    }
    pairs: dict[str, Row] = {}
    for x in rows:
        if point is not None and x.scene is not None and getattr(x, point.column) > point.position:
            continue
        partner = x.b if x.a == cid else x.a
        if other_id is not None and partner != other_id:
            continue
        entry = pairs.setdefault(
            partner, {"id": partner, "name": names.get(partner, partner), "history": [], "now": []}
        )
        where = (
            None
            if x.scene is None
            else {"series": x.series, "episode": x.episode, "scene": x.number}
        )
        change = {
            "verb": x.verb,
            "kind": x.kind,
            "from": x.a,
            "to": x.b,
            "mutual": x.mutual,
            "at": where,
            "file": x.file,
            "line": x.line,
            "source": x.source,
        }
        entry["history"].append(change)
        if x.verb == "ends":
            entry["now"] = [k for k in entry["now"] if x.kind is not None and k["kind"] != x.kind]
        else:
            entry["now"] = [k for k in entry["now"] if k["kind"] != x.kind]
            entry["now"].append({"kind": x.kind, "from": x.a, "to": x.b, "mutual": x.mutual})
    return {
        "id": cid,
        "name": char["name"],
        "as_of": None if point is None else {"timeline": point.timeline, "ref": point.label},
        "timeline": timeline,
        "relations": list(pairs.values()),
    }
