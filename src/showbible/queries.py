"""Questions asked of a built canon, answered from the store as plain JSON-able data.

One path from SQL to every face of the product: the command line prints these dicts as tables
or JSON, and the web serves the same dicts as HTML and under /api/.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import Connection, and_, or_, select

from showbible import store
from showbible.reading.names import did_you_mean
from showbible.store.lookup import (
    AsOf as AsOf,
)
from showbible.store.lookup import (
    NotFound as NotFound,
)
from showbible.store.lookup import (
    Row as Row,
)
from showbible.store.lookup import (
    Timeline as Timeline,
)
from showbible.store.lookup import (
    as_of as as_of,
)
from showbible.store.lookup import (
    find_character as find_character,
)
from showbible.store.lookup import (
    scene_ref,
    visible,
)

# --- who -----------------------------------------------------------------------------------


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


def met(conn: Connection, a: str, b: str) -> Row:
    ca, cb = find_character(conn, a), find_character(conn, b)
    x, y = sorted((ca["id"], cb["id"]))
    e = store.encounters.c
    row = conn.execute(select(store.encounters).where(e.a == x, e.b == y)).first()
    out: Row = {
        "a": {"id": ca["id"], "name": ca["name"]},
        "b": {"id": cb["id"], "name": cb["name"]},
        "met": row is not None,
    }
    if row is None:
        return out
    for key, sid in (("release", row.release_scene), ("story", row.story_scene)):
        scene = conn.execute(select(store.scenes).where(store.scenes.c.id == sid)).one()
        out[key] = scene_ref(scene) | {"story": scene.story}
    out["scenes_together"] = row.scenes
    out["relations"] = relations(conn, ca["id"], other=cb["id"])["relations"]
    out["interaction"] = interaction_curve(conn, x, y)
    return out


def interaction_curve(conn: Connection, a: str, b: str) -> list[Row]:
    """A pair's measured interaction per episode, in release order."""
    i = store.interactions.c
    x, y = sorted((a, b))
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
    ]


# --- crossovers ------------------------------------------------------------------------------


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


# --- export ----------------------------------------------------------------------------------


def export(conn: Connection) -> Row:
    """Everything about presence and meetings, in the `export --format json` shape."""
    s, p = store.scenes.c, store.presence.c
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
    ]
    present: dict[int, list[str]] = defaultdict(list)
    referenced: dict[int, list[str]] = defaultdict(list)
    for r in conn.execute(
        select(p.scene, p.character, p.kind).order_by(p.scene, p.line, p.character)
    ):
        if r.kind == "present":
            present[r.scene].append(r.character)
        elif r.kind == "referenced":
            referenced[r.scene].append(r.character)
    scene_rows = conn.execute(select(store.scenes).order_by(s.release_pos)).all()
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
        .where(p.kind == "present")
        .order_by(s.release_pos)
    ):
        if r.series not in char_series[r.character]:
            char_series[r.character].append(r.series)
    labels: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(
        select(store.labels).order_by(store.labels.c.speeches.desc(), store.labels.c.label)
    ):
        if r.label not in labels[r.character]:
            labels[r.character].append(r.label)
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
            "appearances": r.appearances,
            "speeches": r.speeches,
        }
        for r in conn.execute(select(store.characters).order_by(store.characters.c.id))
    ]
    encounters = []
    for r in conn.execute(
        select(store.encounters).order_by(
            store.encounters.c.release_scene, store.encounters.c.a, store.encounters.c.b
        )
    ):
        first, story = by_id[r.release_scene], by_id[r.story_scene]
        encounters.append(
            {
                "a": r.a,
                "b": r.b,
                "scenes": r.scenes,
                "first": {"series": first.series, "episode": first.episode, "scene": first.number},
                "first_story": {
                    "series": story.series,
                    "episode": story.episode,
                    "scene": story.number,
                },
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
    ]
    rels = [
        {
            "a": r.a,
            "b": r.b,
            "verb": r.verb,
            "kind": r.kind,
            "mutual": r.mutual,
            "scene": None
            if r.scene is None
            else {
                "series": by_id[r.scene].series,
                "episode": by_id[r.scene].episode,
                "scene": by_id[r.scene].number,
            },
            "file": r.file,
            "line": r.line,
        }
        for r in conn.execute(select(store.relations).order_by(store.relations.c.id))
    ]
    return {
        "series": series,
        "episodes": episodes,
        "scenes": scenes,
        "characters": characters,
        "encounters": encounters,
        "interactions": interactions,
        "relations": rels,
    }


# --- relations ------------------------------------------------------------------------------


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


# --- watch order ----------------------------------------------------------------------------


def watch_order(conn: Connection, target: str, deep: bool = False) -> Row:
    """The episodes, in release order, that show every first meeting and every reveal that the
    target's scenes rely on. ``deep`` follows what those episodes rely on in turn."""
    e = store.episodes.c
    key = _episode_key(conn, target)
    needed: dict[str, list[str]] = {}
    todo, done = [key], set()
    while todo:
        current = todo.pop()
        if current in done:
            continue
        done.add(current)
        for ep, reason in _relies_on(conn, current):
            if ep != key:
                if deep and ep not in needed:
                    todo.append(ep)
                needed.setdefault(ep, [])
                if reason not in needed[ep]:
                    needed[ep].append(reason)
    rows = (
        conn.execute(
            select(store.episodes).where(e.key.in_(list(needed))).order_by(e.release_pos)
        ).all()
        if needed
        else []
    )
    return {
        "target": key,
        "deep": deep,
        "episodes": [
            {"episode": r.key, "title": r.title, "file": r.file, "reasons": needed[r.key]}
            for r in rows
        ],
    }


def _episode_key(conn: Connection, text: str) -> str:
    e = store.episodes.c
    name = text.split("#", 1)[0]
    rows = conn.execute(select(e.key).where(or_(e.key == name, e.id == name))).all()
    if len(rows) == 1:
        return str(rows[0].key)
    if len(rows) > 1:
        raise NotFound(f"{text!r} is in several series: {', '.join(r.key for r in rows)}")
    keys = [r.key for r in conn.execute(select(e.key))]
    raise NotFound(f"no episode {text!r} in this canon{did_you_mean(name, keys)}")


def _relies_on(conn: Connection, key: str) -> list[tuple[str, str]]:
    """(episode key, reason) for each earlier meeting and known secret a target's scenes use."""
    s, p, enc = store.scenes, store.presence.c, store.encounters.c
    series, _, episode = key.partition(":")
    scene_rows = conn.execute(
        select(s).where(s.c.series == series, s.c.episode == episode).order_by(s.c.number)
    ).all()
    if not scene_rows:
        return []
    ids = [r.id for r in scene_rows]
    start = min(r.story_pos for r in scene_rows)
    present: dict[int, list[str]] = defaultdict(list)
    for r in conn.execute(
        select(p.scene, p.character)
        .join(store.characters, store.characters.c.id == p.character)
        .where(p.scene.in_(ids), p.kind == "present", store.characters.c.role.is_(False))
    ):
        present[r.scene].append(r.character)
    names = {
        r.id: r.name for r in conn.execute(select(store.characters.c.id, store.characters.c.name))
    }
    first = s.alias("first")
    out: list[tuple[str, str]] = []
    pairs = {
        tuple(sorted((a, b))) for chars in present.values() for a in chars for b in chars if a < b
    }
    for a, b in sorted(pairs):
        row = conn.execute(
            select(first.c.series, first.c.episode, first.c.number, first.c.story_pos)
            .join(store.encounters, enc.story_scene == first.c.id)
            .where(enc.a == a, enc.b == b)
        ).first()
        if row is not None and row.story_pos < start:
            out.append(
                (
                    f"{row.series}:{row.episode}",
                    f"{names.get(a, a)} and {names.get(b, b)} first meet "
                    f"({row.series}:{row.episode}#{row.number})",
                )
            )
    k, t = store.knowledge.c, store.tells.c
    for r in conn.execute(select(t.character, t.secret).where(t.scene.in_(ids)).distinct()):
        learned = conn.execute(
            select(first.c.series, first.c.episode, first.c.number, k.how)
            .join(store.knowledge, k.scene == first.c.id)
            .where(k.character == r.character, k.secret == r.secret)
        ).first()
        if learned is not None and f"{learned.series}:{learned.episode}" != key:
            out.append(
                (
                    f"{learned.series}:{learned.episode}",
                    f"{names.get(r.character, r.character)} learns {r.secret!r} "
                    f"({learned.series}:{learned.episode}#{learned.number})",
                )
            )
    return out


def facts_list(conn: Connection) -> list[Row]:
    f = store.facts.c
    # Declared aliases are stored for finding characters by name, not as facts to list.
    rows = conn.execute(select(store.facts).where(f.kind != "alias").order_by(f.id))
    return [dict(r._mapping) for r in rows]
