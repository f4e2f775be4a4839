"""The character graph for Gephi, networkx and spreadsheets: GraphML, GEXF, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

FORMATS = ("json", "graphml", "gexf", "csv")


def character_graph(data: dict[str, Any], include_roles: bool = False) -> nx.Graph[str]:
    """Characters as nodes (with their series and counts), first meetings as weighted edges."""
    # networkx costs a sixth of a second to import: only `export` pays for it.
    import networkx as nx

    g: nx.Graph[str] = nx.Graph()
    keep = set()
    for ch in data["characters"]:
        if ch["role"] and not include_roles:
            continue
        if not ch["appearances"] and not ch["series"]:
            continue
        keep.add(ch["id"])
        node: dict[str, Any] = {
            "label": ch["name"],
            "series": ";".join(ch["series"]),
            "home": ch["home"] or "",
            "appearances": int(ch["appearances"]),
            "provisional": bool(ch["provisional"]),
            "crossover": len(ch["series"]) > 1,
        }
        if ch["speeches"] is not None:  # null in an export as of a point (whole-canon count)
            node["speeches"] = int(ch["speeches"])
        g.add_node(ch["id"], **node)
    for e in data["encounters"]:
        if e["a"] in keep and e["b"] in keep:
            # As of a point on the story timeline, the release meeting may lie beyond it.
            first = e["first"] or e["first_story"]
            g.add_edge(
                e["a"],
                e["b"],
                weight=int(e["scenes"]),
                first_series=first["series"],
                first_episode=first["episode"],
                first_scene=int(first["scene"]),
            )
    return g


def render(data: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False)
    import networkx as nx

    g = character_graph(data)
    if fmt == "graphml":
        return graphml_booleans("\n".join(nx.generate_graphml(g)) + "\n")
    if fmt == "gexf":
        return "\n".join(nx.generate_gexf(g)) + "\n"
    if fmt == "csv":
        return edges_csv(g)
    raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")


def graphml_booleans(text: str) -> str:
    """networkx writes booleans as Python's ``True``/``False``; the GraphML spec (and Gephi,
    yEd and igraph) read ``true``/``false``."""
    keys = set(re.findall(r'<key [^>]*?id="([^"]+)"[^>]*attr\.type="boolean"', text))
    keys |= set(re.findall(r'<key [^>]*attr\.type="boolean"[^>]*?id="([^"]+)"', text))
    if not keys:
        return text
    return re.sub(
        r'<data key="([^"]+)">(?:True|False)</data>', lambda m: _lower_value(m, keys), text
    )


def _lower_value(m: re.Match[str], keys: set[str]) -> str:
    if m.group(1) not in keys:
        return m.group(0)
    return m.group(0).replace(">True<", ">true<").replace(">False<", ">false<")


def edges_csv(g: nx.Graph[str]) -> str:
    """One row per pair who met: names, scenes shared, where they first met."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(
        ["a", "b", "a_name", "b_name", "scenes", "first_series", "first_episode", "first_scene"]
    )
    for a, b, d in sorted(g.edges(data=True), key=lambda t: (t[0], t[1])):
        x, y = sorted((a, b))
        w.writerow(
            [
                x,
                y,
                g.nodes[x]["label"],
                g.nodes[y]["label"],
                d["weight"],
                d["first_series"],
                d["first_episode"],
                d["first_scene"],
            ]
        )
    return out.getvalue()
