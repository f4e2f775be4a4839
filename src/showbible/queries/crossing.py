"""Characters who cross between series, the crossover matrix, and the identity doubts
(possible crossovers, walk-ons, suspected merges and splits)."""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import Connection, select

from showbible import store
from showbible.store.lookup import AsOf, Row, visible


def crossovers(conn: Connection, point: AsOf | None = None) -> Row:
    s, p, c = store.scenes.c, store.presence.c, store.characters.c
    series = [
        dict(r._mapping)
        for r in conn.execute(select(store.series_t).order_by(store.series_t.c.position))
    ]
    rows = conn.execute(
        select(p.character, s.series, s.episode, s.number, s.file, p.line, s.release_pos)
        .join(store.scenes, s.id == p.scene)
        .join(store.characters, c.id == p.character)
        .where(p.kind == "present", c.role.is_(False), visible(point))
        .order_by(s.release_pos)
    ).all()
    path: dict[str, dict[str, Row]] = defaultdict(dict)
    for r in rows:
        path[r.character].setdefault(
            r.series,
            {
                "series": r.series,
                "episode": r.episode,
                "scene": r.number,
                "file": r.file,
                "line": r.line,
                "scenes": 0,
            },
        )
        path[r.character][r.series]["scenes"] += 1
    # Appearances the bible declares (news, production facts) count too, marked as declared.
    f = store.facts.c
    for r in conn.execute(
        select(f.subject, f.object, f.file, f.line).where(f.kind == "appears_in").order_by(f.id)
    ):
        path[r.subject].setdefault(
            r.object,
            {
                "series": r.object,
                "episode": None,
                "scene": None,
                "file": r.file,
                "line": r.line,
                "scenes": 0,
                "declared": True,
            },
        )
    crossing = {cid: steps for cid, steps in path.items() if len(steps) > 1}
    names = (
        {r.id: r for r in conn.execute(select(store.characters).where(c.id.in_(list(crossing))))}
        if crossing
        else {}
    )
    labels: dict[str, list[str]] = defaultdict(list)
    if crossing:
        for r in conn.execute(
            select(store.labels.c.character, store.labels.c.label)
            .where(store.labels.c.character.in_(list(crossing)))
            .order_by(store.labels.c.speeches.desc(), store.labels.c.label)
        ):
            if r.label not in labels[r.character]:
                labels[r.character].append(r.label)
    characters = []
    for cid, steps in crossing.items():
        first = next(iter(steps.values()))
        characters.append(
            {
                "id": cid,
                "name": names[cid].name,
                "provisional": names[cid].provisional,
                "labels": labels.get(cid, []),
                "series": list(steps),
                "first": {k: first[k] for k in ("series", "episode", "scene", "file", "line")},
                "path": list(steps.values()),
            }
        )
    characters.sort(key=lambda ch: (-len(ch["series"]), ch["name"]))
    ids = [sr["id"] for sr in series]
    matrix = {a: dict.fromkeys(ids, 0) for a in ids}
    for ch in characters:
        for a in ch["series"]:
            for b in ch["series"]:
                if a != b:
                    matrix[a][b] += 1
    # Shared labels the evidence did not make one character: listed, kept out of the above.
    keys = ("label", "series", "characters", "evidence", "settle", "file", "line")
    possible = [{k: d.get(k) for k in keys} for d in identities(conn)["possible-crossover"]]
    return {
        "series": [{"id": sr["id"], "title": sr["title"]} for sr in series],
        "matrix": matrix,
        "characters": characters,
        "possible": possible,
    }


IDENTITY_KINDS = ("possible-crossover", "walk-on", "suspected-merge", "suspected-split")


def identities(conn: Connection) -> Row:
    """The canon's identity doubts (canon/identity.py) by kind, each with its evidence for and
    against and the bible line that settles it."""
    f = store.facts.c
    out: Row = {kind: [] for kind in IDENTITY_KINDS}
    for r in conn.execute(
        select(f.kind, f.detail, f.file, f.line).where(f.kind.in_(IDENTITY_KINDS)).order_by(f.id)
    ):
        doc = json.loads(r.detail or "{}")
        out[r.kind].append({**doc, "file": r.file, "line": r.line})
    return out
