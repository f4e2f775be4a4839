"""What to watch before an episode, and the list of facts."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, or_, select

from showbible import store
from showbible.reading.names import did_you_mean
from showbible.store.lookup import NotFound, Row


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
