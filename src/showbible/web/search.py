"""Search across characters (names, ids, cues), episodes and places the viewer has seen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from showbible.store import tables as store
from showbible.web.state import View

Row = dict[str, Any]
LIMIT = 25
PLACE_SCENES = 20  # the first scenes set at a place, in release order


@dataclass
class Entry:
    kind: str  # character | episode | place
    key: str
    words: str  # lower-cased text searched
    row: Row


def _rank(words: str, q: str) -> int | None:
    """0: a word starts with the query, 1: the query is inside; None: no match."""
    at = words.find(q)
    if at < 0:
        return None
    return 0 if at == 0 or not words[at - 1].isalnum() else 1


def _declared(view: View) -> dict[str, list[str]]:
    """The aliases the bible declares, by character (secret identities' are not stored)."""
    f = store.facts.c
    out: dict[str, list[str]] = {}
    for r in view.conn.execute(select(f.subject, f.object).where(f.kind == "alias")):
        out.setdefault(r.subject, []).append(r.object)
    return out


def _entries(view: View) -> list[Entry]:
    index, sight = view.index, view.sight
    declared = _declared(view)
    out: list[Entry] = []
    for cid, n in sight.appearances.items():
        char = index.characters[cid]
        seen_in = sight.series_of.get(cid, [])
        cues = [label for s, label in index.labels.get(cid, []) if s in seen_in]
        aliases = sorted(set(cues + declared.get(cid, [])) - {char.name})
        out.append(
            Entry(
                "character",
                cid,
                " | ".join([char.name, cid, *aliases]).lower(),
                {
                    "id": cid,
                    "name": char.name,
                    "aliases": aliases[:6],
                    "appearances": n,
                    "role": char.role,
                },
            )
        )
    for e in sight.episodes:
        out.append(
            Entry(
                "episode",
                e.key,
                " | ".join(x for x in (e.title, e.id, e.key) if x).lower(),
                {"key": e.key, "series": e.series, "episode": e.id, "title": e.title},
            )
        )
    places: dict[str, Row] = {}
    for sid in sorted(sight.scenes, key=lambda s: index.scenes[s].release_pos):
        sc = index.scenes[sid]
        pid = sc.place or (sc.location or sc.heading).lower()
        place = places.setdefault(
            pid,
            {
                "id": pid,
                "name": index.place_names.get(pid, sc.location or pid),
                "texts": set(),
                "scenes": [],
            },
        )
        place["texts"].add((sc.location or sc.heading).lower())
        place["scenes"].append(
            {"series": sc.series, "episode": sc.episode, "scene": sc.number, "heading": sc.heading}
        )
    for pid, place in places.items():
        words = " | ".join([place["name"].lower(), pid, *sorted(place["texts"])])
        row = {
            "id": pid,
            "name": place["name"],
            "scenes": place["scenes"][:PLACE_SCENES],
            "scene_count": len(place["scenes"]),
        }
        out.append(Entry("place", pid, words, row))
    return out


def search(view: View, q: str) -> Row:
    """Matches for ``q`` grouped by kind, best first (a word that starts with the query before
    one that merely contains it; the most seen character first)."""
    q = q.strip().lower()
    result: Row = {"query": q, "characters": [], "episodes": [], "places": []}
    if not q:
        return result
    entries = view.cached("search-index", lambda: _entries(view))
    hits: dict[str, list[tuple[int, int, str, Row]]] = {"character": [], "episode": [], "place": []}
    for n, e in enumerate(entries):
        rank = _rank(e.words, q)
        if rank is not None:
            weight = -int(e.row.get("appearances", 0))
            hits[e.kind].append((rank, weight, f"{n:08d}", e.row))
    for kind, plural in (("character", "characters"), ("episode", "episodes"), ("place", "places")):
        found = sorted(hits[kind], key=lambda h: h[:3])
        result[plural] = [h[3] for h in found[:LIMIT]]
        result[plural + "_more"] = max(0, len(found) - LIMIT)
    return result
