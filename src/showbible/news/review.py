"""Reviewing proposed facts: news facts wait in the store until someone accepts or rejects them.

Accepting writes the fact into the bible file that defines the character or series (or
universe.yaml) by line-level insertion (universe/edit.py), into the existing character when the
bible has it under any name or alias (honorifics aside), with the article and line as its
`source`: the file changes by the added lines only. Rejected and accepted proposals are kept,
so the same fact is not proposed again.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from sqlalchemy import Connection, insert, select, update

from showbible import store
from showbible.model import InputError
from showbible.news.facts import NewsFact
from showbible.reading.names import BUILTIN_TITLES, normalise, slug, strip_titles
from showbible.universe import edit
from showbible.universe.loader import UNIVERSE_FILE, Universe, load_universe

BIBLE_KINDS = ("plays", "showrunner", "appears_in")


def record(conn: Connection, facts: Iterable[NewsFact], universe: Universe | None = None) -> int:
    """Store new proposals, leaving out facts already proposed, accepted or rejected, and facts
    the bible already states."""
    p = store.proposals.c
    seen = {
        (r.kind, r.subject, r.object) for r in conn.execute(select(p.kind, p.subject, p.object))
    }
    rows = []
    for f in facts:
        key = (f.kind, f.subject, f.object)
        if key in seen or (universe is not None and already_canon(universe, f)):
            continue
        seen.add(key)
        rows.append(
            {
                "kind": f.kind,
                "subject": f.subject,
                "object": f.object,
                "file": f.file,
                "line": f.line,
                "sentence": f.sentence,
                "confidence": f.confidence,
                "status": "proposed",
            }
        )
    if rows:
        conn.execute(insert(store.proposals), rows)
    return len(rows)


def already_canon(universe: Universe, fact: NewsFact) -> bool:
    """Whether the bible already says this (so there is nothing to review)."""
    if fact.kind == "showrunner":
        index = _find_series(universe, fact.object)
        if index is None:
            return False
        runners = universe.series[index].showrunners
        names = {normalise(r if isinstance(r, str) else r.name) for r in runners}
        return normalise(fact.subject) in names
    if fact.kind in ("plays", "appears_in"):
        cid = _find_character(universe, fact.object if fact.kind == "plays" else fact.subject)
        if cid is None:
            return False
        char = universe.bible.characters[cid]
        if fact.kind == "plays":
            return normalise(char.performer or "") == normalise(fact.subject)
        index = _find_series(universe, fact.object)
        declared = {a if isinstance(a, str) else a.name for a in char.appears_in}
        return index is not None and universe.series[index].id in declared
    return False


def listing(conn: Connection, status: str | None = "proposed") -> list[dict[str, Any]]:
    q = select(store.proposals).order_by(store.proposals.c.id)
    if status is not None:
        q = q.where(store.proposals.c.status == status)
    return [dict(r._mapping) for r in conn.execute(q)]


def decide(conn: Connection, universe: Universe, pid: int, accept: bool) -> str:
    """Accept (write into the bible) or reject a proposal; returns what was done."""
    row = conn.execute(select(store.proposals).where(store.proposals.c.id == pid)).first()
    if row is None:
        raise InputError(f"no proposal {pid} (see `showbible facts --proposed`)")
    if row.status != "proposed":
        raise InputError(f"proposal {pid} is already {row.status}")
    done = "rejected"
    if accept:
        done = (
            _write(universe, dict(row._mapping))
            if row.kind in BIBLE_KINDS
            else (f"accepted (a {row.kind} fact is kept with the proposals, not in the bible)")
        )
    conn.execute(
        update(store.proposals)
        .where(store.proposals.c.id == pid)
        .values(status="accepted" if accept else "rejected")
    )
    return done


# --- writing the bible -------------------------------------------------------------------------


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100
    return yaml


def _source(row: dict[str, Any]) -> str:
    return f"{Path(row['file']).name}, line {row['line']}"


def _find_character(universe: Universe, name: str) -> str | None:
    """The bible character a name means: by id, name or alias, then with honorifics set aside
    on both sides ("Prince Hal" is the ``hal`` whose aliases say HAL)."""
    titles = frozenset(BUILTIN_TITLES) | {t.upper() for t in universe.bible.titles}
    key = normalise(name)
    bare = strip_titles(key, titles)
    fallback: list[str] = []
    for cid, char in universe.bible.characters.items():
        names = {normalise(cid.replace("-", " ")), normalise(char.name or "")}
        names |= {normalise(a if isinstance(a, str) else a.label) for a in char.aliases}
        if key in names:
            return cid
        if bare in {strip_titles(n, titles) for n in names}:
            fallback.append(cid)
    return fallback[0] if len(fallback) == 1 else None


def _find_series(universe: Universe, name: str) -> int | None:
    key = normalise(name)
    for i, s in enumerate(universe.series):
        if key in {normalise(s.id.replace("-", " ")), normalise(s.title or ""), normalise(s.id)}:
            return i
    return None


def _file_of(universe: Universe, path: tuple[str | int, ...]) -> Path:
    """The bible file that defines this entry (universe.yaml or one of bible/*.yaml)."""
    file, _line, _col = universe.locator.locate(path)
    return universe.root / file


def _write(universe: Universe, row: dict[str, Any]) -> str:
    """Write an accepted fact into the bible with line-level insertion (universe/edit.py): the
    file changes by the added text only."""
    kind, subject, obj = row["kind"], row["subject"], row["object"]
    if kind == "showrunner":
        index = _find_series(universe, obj)
        if index is None:
            raise InputError(f"no series {obj!r} in the bible: add it, then accept again")
        path = _file_of(universe, ("series", index))
        sid = universe.series[index].id
        at = _series_index(_load(path), sid, path)
        edit.add_to_list(path, "series", at, "showrunners",
                         {"name": subject, "source": _source(row)})  # fmt: skip
        return f"{subject} runs {sid} ({path.name})"
    character = subject if kind == "appears_in" else obj
    cid = _find_character(universe, character)
    path = _file_of(universe, ("characters", cid)) if cid else universe.root / UNIVERSE_FILE
    if cid is None:
        cid = slug(character)
        edit.add_entry(path, "characters", cid,
                       {"name": character, "aliases": [character.upper()],
                        "source": _source(row)})  # fmt: skip
        universe = load_universe(universe.root)
    char = universe.bible.characters.get(cid)
    if kind == "plays":
        current = char.performer if char is not None else None
        if current == subject:
            return f"{subject} plays {cid} ({path.name}, already)"
        if current is not None:
            raise InputError(
                f"{cid} is already played by {current!r} in the bible; "
                "edit it by hand if this is a recast"
            )
        edit.add_to_entry(path, "characters", cid, "performer", subject)
        return f"{subject} plays {cid} ({path.name})"
    index = _find_series(universe, obj)
    if index is None:
        raise InputError(f"no series {obj!r} in the bible: add it, then accept again")
    sid = universe.series[index].id
    edit.add_to_list(path, "characters", cid, "appears_in", {"name": sid, "source": _source(row)})
    return f"{cid} appears in {sid} ({path.name})"


def _series_index(doc: Any, sid: str, path: Path) -> int:
    for i, s in enumerate(doc.get("series") or []):
        if s.get("id") == sid:
            return i
    raise InputError(f"series {sid!r} is not defined in {path.name}")


def _load(path: Path) -> Any:
    doc = _yaml().load(path.read_text(encoding="utf-8"))
    return doc if doc is not None else CommentedMap()
