"""Where every question about a built canon starts: a character found by any name, and a point
on a timeline ("as of") found by its reference. Shared by the queries and the web's views."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from rapidfuzz import process, utils
from sqlalchemy import Connection, and_, func, select

from showbible.model import InputError
from showbible.reading.names import did_you_mean, normalise
from showbible.store import tables as store

Timeline = Literal["release", "story"]
Row = dict[str, Any]


class NotFound(InputError):
    """A name or reference that the canon does not know (with suggestions)."""


@dataclass(frozen=True, slots=True)
class AsOf:
    """A point on a timeline: scenes at positions <= ``position`` have happened."""

    timeline: Timeline
    position: int
    label: str

    @property
    def column(self) -> str:
        return "release_pos" if self.timeline == "release" else "story_pos"


def scene_ref(row: Any) -> Row:
    return {
        "series": row.series,
        "episode": row.episode,
        "scene": row.number,
        "heading": row.heading,
        "file": row.file,
        "line": row.line,
    }


def find_character(conn: Connection, name: str) -> Row:
    """A character by id, name, any label it was cued by or any alias the bible declares, or an
    unambiguous part of one (``Falstaff`` for ``Sir John Falstaff``), case-insensitively. When
    several characters answer to it, the error lists them; otherwise it suggests close names."""
    c = store.characters.c
    row = conn.execute(select(store.characters).where(c.id == name)).first()
    if row is not None:
        return dict(row._mapping)
    wanted = normalise(name)
    rows = {r.id: r for r in conn.execute(select(store.characters))}
    names: dict[str, set[str]] = {cid: {normalise(r.name)} for cid, r in rows.items()}
    for r in conn.execute(select(store.labels.c.character, store.labels.c.label)):
        names.setdefault(r.character, set()).add(normalise(r.label))
    f = store.facts.c
    for r in conn.execute(select(f.subject, f.object).where(f.kind == "alias")):
        if r.subject in names and r.object:
            names[r.subject].add(normalise(r.object))
    found = sorted(cid for cid, ns in names.items() if cid in rows and wanted in ns)
    if not found and wanted:
        # An unambiguous part: the words of the query, in order, inside a name.
        part = f" {wanted} "
        found = sorted(
            cid
            for cid, ns in names.items()
            if cid in rows and not rows[cid].role and any(part in f" {n} " for n in ns)
        )
    if len(found) == 1:
        return dict(rows[found[0]]._mapping)
    if found:
        listed = ", ".join(
            f"{rows[cid].name} ({cid}" + (f", {rows[cid].home}" if rows[cid].home else "") + ")"
            for cid in found[:12]
        )
        more = f" and {len(found) - 12} more" if len(found) > 12 else ""
        raise NotFound(f"{name!r} names several characters: {listed}{more}; use an id")
    choices: dict[str, str] = {}
    for cid, r in rows.items():
        if not r.role:
            choices[cid] = cid
            choices[r.name] = cid
    for r in conn.execute(select(store.labels.c.label, store.labels.c.character)):
        choices.setdefault(r.label, r.character)
    best = process.extract(
        name, list(choices), processor=utils.default_process, limit=3, score_cutoff=60
    )
    hint = ""
    if best:
        hint = " (did you mean " + " or ".join(repr(b[0]) for b in best) + "?)"
    raise NotFound(f"no character {name!r} in this canon{hint}")


def as_of(conn: Connection, ref: str, timeline: Timeline = "release") -> AsOf:
    """``EPISODE``, ``SERIES:EPISODE`` or ``...#SCENE``: everything up to and including it."""
    s, ep = store.scenes.c, store.episodes.c
    text, _, scene_text = ref.partition("#")
    series, _, episode = text.rpartition(":")
    if scene_text and not scene_text.isdigit():
        raise NotFound(f"scene number in {ref!r} must be a whole number")
    # Scenes are found by their unique key ("SERIES:EPISODE#N"), whose index makes this a
    # lookup rather than a scan of every scene (a query's p99 at 500 episodes depends on it).
    if series:
        keys = [f"{series}:{episode}"]
    else:
        keys = [r.key for r in conn.execute(select(ep.key).where(ep.id == episode))]
    col = s.release_pos if timeline == "release" else s.story_pos
    rows: list[Any] = []
    for key in keys:
        if scene_text:
            where = s.key == f"{key}#{int(scene_text)}"
        else:
            # Every scene key of the episode, and none of "ep10" for "ep1": "#" sorts before
            # any digit, and "$" is the next character after it.
            where = and_(s.key > f"{key}#", s.key < f"{key}$")
        rows += conn.execute(
            select(s.series, func.max(col).label("pos")).where(where).group_by(s.series)
        ).all()
    if not rows:
        eps = [r.key for r in conn.execute(select(store.episodes.c.key, store.episodes.c.id))]
        ids = [k.split(":", 1)[1] for k in eps]
        hint = did_you_mean(episode or text, ids + eps)
        raise NotFound(f"no episode or scene {ref!r} in this canon{hint}")
    if len(rows) > 1:
        raise NotFound(
            f"{ref!r} is in several series ({', '.join(r.series for r in rows)}); "
            "write SERIES:EPISODE"
        )
    return AsOf(timeline, int(rows[0].pos), ref)


def visible(point: AsOf | None) -> Any:
    if point is None:
        return True
    return getattr(store.scenes.c, point.column) <= point.position
