"""The universe at a glance: series, counts, the crossover matrix and the character graph."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from showbible import queries, store
from showbible.web.state import View
from showbible.web.visible import PALETTE, Index, Sight

Row = dict[str, Any]


def crossovers(view: View) -> Row:
    """`crossovers --format json`, as of the viewer's point, over the series they have seen."""

    def compute() -> Row:
        data = queries.crossovers(view.conn, view.cut.point)
        if view.cut.everything:
            return data
        return _cut_crossovers(view, data)

    return view.cached("crossovers", compute)


def _cut_crossovers(view: View, data: Row) -> Row:
    """Crossovers as the viewer knows them: each path keeps the steps of scenes seen (and
    appearances the bible declares in series already seen), a character needs two series
    left to cross, and the matrix is counted again from what is left."""
    sight, scenes = view.sight, view.index.scene_by_key
    seen = sight.series_ids

    def step_seen(step: Row) -> bool:
        if step.get("scene") is None:
            return step.get("series") in seen and bool(step.get("declared"))
        sc = scenes.get(f"{step['series']}:{step['episode']}#{step['scene']}")
        return sc is not None and sight.sees_scene(sc.id)

    characters = []
    for ch in data["characters"]:
        if not sight.sees_character(ch["id"]):
            continue
        path = [step for step in ch.get("path", []) if step_seen(step)]
        if len({step["series"] for step in path}) < 2:
            continue
        seen_in = sight.series_of.get(ch["id"], [])
        seen_labels = [label for s, label in view.index.labels.get(ch["id"], []) if s in seen_in]
        characters.append(
            {
                "id": ch["id"],
                "name": ch["name"],
                "provisional": ch.get("provisional", False),
                "labels": [x for x in ch.get("labels", []) if x in seen_labels],
                "series": [step["series"] for step in path],
                "first": {
                    k: path[0].get(k) for k in ("series", "episode", "scene", "file", "line")
                },
                "path": path,
            }
        )
    ids = [s["id"] for s in data["series"] if s["id"] in seen]
    matrix = {a: dict.fromkeys(ids, 0) for a in ids}
    for ch in characters:
        for a in ch["series"]:
            for b in ch["series"]:
                if a != b and a in matrix and b in matrix:
                    matrix[a][b] += 1
    # A possible crossover is shown once the viewer has seen each of its series' characters.
    possible = [
        p
        for p in data.get("possible", [])
        if all(sight.sees_character(cid) for cid in p.get("characters", []))
    ]
    return {
        "series": [s for s in data["series"] if s["id"] in seen],
        "matrix": matrix,
        "characters": characters,
        "possible": possible,
    }


def counts(view: View) -> Row:
    def compute() -> Row:
        sight, index = view.sight, view.index
        met = select(func.count()).select_from(store.encounters)
        if not view.cut.everything:
            met = met.join(store.scenes, store.scenes.c.id == store.encounters.c.release_scene)
            met = met.where(store.scenes.c.release_pos <= view.cut.position)
        return {
            "series": len(sight.series),
            "episodes": len(sight.episodes),
            "scenes": len(sight.scenes),
            "characters": sum(1 for c in sight.appearances if not index.characters[c].role),
            "encounters": int(view.conn.execute(met).scalar() or 0),
        }

    return view.cached("counts", compute)


MAJOR_LABELS = 30


def series_list(view: View) -> list[Row]:
    index, sight = view.index, view.sight
    per_series = Counter(e.series for e in sight.episodes)
    return [
        {"id": sid, "title": title, "episodes": per_series[sid], "colour": index.colour(sid)}
        for sid, title in sight.series
    ]


# --- the character graph -----------------------------------------------------------------


@dataclass
class Graph:
    """Everything the graph needs at one point, before the viewer's filters."""

    nodes: dict[str, Row]  # id -> node data (with position)
    edges: list[tuple[str, str, int]]  # (a, b, scenes together), heaviest first


def _graph(index: Index, sight: Sight) -> Graph:
    weights: Counter[tuple[str, str]] = Counter()
    for sid in sight.scenes:
        people = sorted(c for c in index.present.get(sid, ()) if not index.characters[c].role)
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                weights[(a, b)] += 1
    nodes: dict[str, Row] = {}
    for cid, seen_in in sight.series_of.items():
        char = index.characters[cid]
        if char.role:
            continue
        home = index.home_of(cid, seen_in)
        nodes[cid] = {
            "id": cid,
            "label": char.name,
            "home": home,
            "colour": PALETTE[index.colour(home)],
            "series": seen_in,
            "appearances": sight.appearances[cid],
            "provisional": char.provisional,
        }
    _layout(nodes)
    edges = sorted(((a, b, w) for (a, b), w in weights.items()), key=lambda e: (-e[2], e[0], e[1]))
    return Graph(nodes, edges)


GOLDEN = math.pi * (3 - math.sqrt(5))
SPACING = 42.0


def _layout(nodes: dict[str, Row]) -> None:
    """Positions computed here, not in the browser: a force layout of 2,000 nodes takes the
    browser many seconds, while clusters by home series (crossing characters in the middle),
    each a sunflower spiral with the most seen characters at its heart, take milliseconds and
    stay put when the viewer filters. Small graphs are refined by a force layout client-side."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for node in nodes.values():
        groups["" if len(node["series"]) > 1 else node["home"]].append(node)
    radius = {g: SPACING * math.sqrt(len(members)) + SPACING for g, members in groups.items()}
    around = [g for g in groups if g]
    centre_r = radius.get("", 0.0)
    ring = sum(2 * radius[g] for g in around) / (2 * math.pi) if around else 0.0
    ring = max(ring, centre_r + max((radius[g] for g in around), default=0.0) + SPACING)
    centres = {"": (0.0, 0.0)}
    for i, g in enumerate(around):
        angle = 2 * math.pi * i / len(around) - math.pi / 2
        centres[g] = (
            (ring * math.cos(angle), ring * math.sin(angle))
            if len(around) > 1
            else (
                ring,
                0.0,
            )
        )
    for g, members in groups.items():
        cx, cy = centres[g]
        members.sort(key=lambda n: (-n["appearances"], n["id"]))
        for i, node in enumerate(members):
            r = SPACING * math.sqrt(i)
            node["position"] = {
                "x": round(cx + r * math.cos(i * GOLDEN), 1),
                "y": round(cy + r * math.sin(i * GOLDEN), 1),
            }


def graph(
    view: View,
    series: list[str] | None = None,
    min_appearances: int = 1,
    max_edges: int = 4000,
) -> Row:
    """The graph as cytoscape elements, filtered: only characters seen in one of ``series``
    and present in at least ``min_appearances`` scenes, and the ``max_edges`` heaviest edges
    between them (a dense graph of 2,000 people is a hairball without a cap)."""
    full = view.cached("graph", lambda: _graph(view.index, view.sight))
    wanted = set(series) if series else None
    keep = {
        cid: n
        for cid, n in full.nodes.items()
        if n["appearances"] >= min_appearances and (wanted is None or wanted & set(n["series"]))
    }
    edges = []
    for a, b, w in full.edges:
        if a in keep and b in keep:
            edges.append({"data": {"id": f"{a}|{b}", "source": a, "target": b, "weight": w}})
            if len(edges) >= max_edges:
                break
    top = max((n["appearances"] for n in keep.values()), default=1)
    # Names for the most seen only (the rest on zoom or hover): 178 labels are a smear.
    ranked = sorted(keep, key=lambda c: -keep[c]["appearances"])
    major = set(ranked[:MAJOR_LABELS])
    nodes = []
    for n in keep.values():
        data = {k: v for k, v in n.items() if k != "position"}
        data["size"] = round(12 + 30 * math.sqrt(n["appearances"] / top), 1)
        data["major"] = data["id"] in major
        nodes.append({"data": data, "position": n["position"]})
    return {
        "series": [
            {"id": s["id"], "title": s["title"], "colour": PALETTE[s["colour"]]}
            for s in series_list(view)
        ],
        "total": {"nodes": len(full.nodes), "edges": len(full.edges)},
        "nodes": nodes,
        "edges": edges,
    }
