"""The JSON API under /api/: the command line's answers, as of the viewer's point.

Each endpoint mirrors a command (`who`, `met`, `crossovers`, `check --format json`, `facts`,
`watch-order`, `relations`, `export --format json`) and returns the same shapes, cut at the
`watched` query parameter or cookie.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from showbible import queries
from showbible.report import to_json
from showbible.web import episodes, findings, overview, people
from showbible.web import search as searching
from showbible.web.state import Canon, View

router = APIRouter(prefix="/api", tags=["canon"])
Row = dict[str, Any]
Watched = Annotated[
    str | None,
    Query(
        description="Watched up to this episode (`SERIES:EPISODE`, `EPISODE` or `...#SCENE`); "
        "overrides the cookie. Empty: everything.",
        max_length=300,
    ),
]


def _json(data: Any) -> JSONResponse:
    """Answers are plain JSON already: skip FastAPI's per-value encoder, which costs seconds
    on an export of a large universe."""
    return JSONResponse(data)


@contextmanager
def _view(request: Request, watched: str | None) -> Iterator[View]:
    canon: Canon = request.app.state.canon
    ref = watched if watched is not None else request.cookies.get("watched")
    with canon.view(ref) as view:
        if view.cut.problem:
            raise queries.NotFound(view.cut.problem)
        yield view


def _as_of(view: View) -> Row | None:
    cut = view.cut
    return None if cut.everything else {"timeline": "release", "ref": cut.ref}


@router.get("/summary", summary="The universe: counts, series, build status")
def summary(request: Request, watched: Watched = None) -> JSONResponse:
    with _view(request, watched) as view:
        return _json(
            {
                "name": view.index.name,
                "as_of": _as_of(view),
                "counts": overview.counts(view),
                "series": overview.series_list(view),
                "build": {"ok": view.canon.status.ok, "message": view.canon.status.message},
                "built_at": view.canon.meta(view.conn, "built_at"),
            }
        )


@router.get("/crossovers", summary="`crossovers --format json`: series x series, paths")
def crossovers(request: Request, watched: Watched = None) -> JSONResponse:
    with _view(request, watched) as view:
        return _json(overview.crossovers(view))


@router.get("/characters", summary="Every character seen so far, most seen first")
def characters(request: Request, watched: Watched = None) -> JSONResponse:
    with _view(request, watched) as view:
        return _json(people.cast(view))


@router.get("/who/{name}", summary="`who NAME`: series, appearances, meetings, knowledge")
def who(request: Request, name: str, watched: Watched = None) -> JSONResponse:
    with _view(request, watched) as view:
        data = people.character(view, name)
        data.pop("colour", None)
        data.pop("cues", None)
        return _json(data)


@router.get("/met", summary="`met A B`: where and when two characters first met")
def met(
    request: Request,
    a: Annotated[str, Query(max_length=200)],
    b: Annotated[str, Query(max_length=200)],
    watched: Watched = None,
) -> JSONResponse:
    with _view(request, watched) as view:
        return _json(people.met(view, a, b))


@router.get("/relations/{name}", summary="`relations NAME`: each relationship and its history")
def relations(request: Request, name: str, watched: Watched = None) -> JSONResponse:
    with _view(request, watched) as view:
        return _json(people.relations(view, name))


@router.get("/episodes", summary="The episodes seen so far, in release order")
def episode_list(request: Request, watched: Watched = None) -> JSONResponse:
    with _view(request, watched) as view:
        return _json(
            [{k: v for k, v in e.items() if k != "colour"} for e in episodes.episode_list(view)]
        )


@router.get("/episodes/{series}/{episode}", summary="One episode: scenes, presence, findings")
def episode(request: Request, series: str, episode: str, watched: Watched = None) -> JSONResponse:
    with _view(request, watched) as view:
        return _json(episodes.episode_json(episodes.episode(view, series, episode)))


@router.get("/findings", summary="`check --format json`, filtered by rule, severity, series")
def check(
    request: Request,
    rule: str | None = None,
    severity: str | None = None,
    series: str | None = None,
    watched: Watched = None,
) -> JSONResponse:
    with _view(request, watched) as view:
        return _json(to_json(findings.filtered(view, rule, severity, series)))


@router.get("/facts", summary="`facts`: canon facts with their sources")
def facts(request: Request, watched: Watched = None) -> JSONResponse:
    with _view(request, watched) as view:
        rows = queries.facts_list(view.conn)
        if view.cut.everything:
            return _json(rows)
        return _json([_cut_fact(view, r) for r in rows if _fact_seen(view, r)])


# What a fact's detail may carry into a cut answer; any other key (one added later, or one
# worked out over the whole canon, like "used", "withdrawn" or "conflict") is left out.
_FACT_DETAIL = frozenset(
    {"kind", "mutual", "reason", "sentence", "tells", "hearers", "secret", "scene", "id", "until"}
)


def _fact_seen(view: View, r: Row) -> bool:
    """A fact stands once its scene is seen and everyone it names has been seen; a fact about
    a secret with no scene (the bible's "known from the start") once someone has learned the
    secret on screen (before that the viewer has not been told there is one)."""
    sight, chars = view.sight, view.index.characters
    if r.get("scene") is not None and not sight.sees_scene(r["scene"]):
        return False
    for key in ("subject", "object"):
        value = r.get(key)
        if value in chars and not sight.sees_character(value):
            return False
    secret = r.get("object") if r.get("kind") == "learns" else None
    if r.get("kind") == "secret":
        secret = r.get("subject")
    if r.get("scene") is None and (secret is not None or r.get("kind") in ("secret", "learns")):
        return secret in sight.secrets
    return True


def _cut_fact(view: View, r: Row) -> Row:
    raw = r.get("detail")
    if not raw:
        return r
    try:
        detail = json.loads(raw)
    except ValueError:
        return dict(r, detail=None)
    if not isinstance(detail, dict):
        return dict(r, detail=None)
    kept = {k: v for k, v in detail.items() if k in _FACT_DETAIL}
    until = kept.get("until")
    if isinstance(until, str):
        scene = view.index.scene_by_key.get(until)
        if scene is None or not view.sight.sees_scene(scene.id):
            kept.pop("until")  # released later: when they get out is a spoiler
    hearers = kept.get("hearers")
    if isinstance(hearers, list):
        kept["hearers"] = [h for h in hearers if view.sight.sees_character(h)]
    return dict(r, detail=json.dumps(kept))


@router.get("/watch-order/{target}", summary="`watch-order TARGET`: what to see first")
def watch_order(
    request: Request, target: str, deep: bool = False, watched: Watched = None
) -> JSONResponse:
    with _view(request, watched) as view:
        data = queries.watch_order(view.conn, target, deep)
        if not view.sight.sees_episode(data["target"]):
            raise queries.NotFound(f"no episode {target!r} in what you have watched")
        data["episodes"] = [e for e in data["episodes"] if view.sight.sees_episode(e["episode"])]
        return _json(data)


@router.get("/graph", summary="The character graph as cytoscape.js elements")
def graph(
    request: Request,
    series: Annotated[list[str] | None, Query(description="keep characters seen in these")] = None,
    min: Annotated[int, Query(ge=1, description="minimum appearances (scenes)")] = 1,
    edges: Annotated[int, Query(ge=0, le=100_000, description="the heaviest N edges")] = 4000,
    watched: Watched = None,
) -> JSONResponse:
    with _view(request, watched) as view:
        return _json(overview.graph(view, series, min, edges))


@router.get("/search", summary="Characters, aliases, episodes and places matching q")
def search(
    request: Request, q: Annotated[str, Query(max_length=200)] = "", watched: Watched = None
) -> JSONResponse:
    with _view(request, watched) as view:
        return _json(searching.search(view, q))


@router.get("/export", summary="`export --format json`: presence and meetings")
def export(request: Request, watched: Watched = None) -> JSONResponse:
    with _view(request, watched) as view:
        full = view.canon.cached(("export", view.version), lambda: queries.export(view.conn))
        return _json(view.cached("export", lambda: _cut_export(view, full)))


def _cut_export(view: View, data: Row) -> Row:
    """Only the keys we know how to cut are passed on: a key added to the export later must
    be taught its spoiler rule here before the web serves it."""
    if view.cut.everything:
        keys = ("series", "episodes", "scenes", "characters", "encounters")
        return {k: data[k] for k in keys if k in data}
    sight, index = view.sight, view.index
    seen_eps = {e.key for e in sight.episodes}

    def scene_seen(s: Row) -> bool:
        sc = index.scene_by_key.get(f"{s['series']}:{s['episode']}#{s['scene']}")
        return sc is not None and sight.sees_scene(sc.id)

    scenes = []
    for s in data["scenes"]:
        if scene_seen(s):
            s = dict(s)
            s["referenced"] = [c for c in s["referenced"] if sight.sees_character(c)]
            scenes.append(s)
    characters = []
    for c in data["characters"]:
        if sight.sees_character(c["id"]):
            c = dict(c, appearances=sight.appearances[c["id"]])
            c["series"] = [s for s in c["series"] if s in sight.series_ids]
            c["labels"] = list(
                dict.fromkeys(
                    label for s, label in index.labels.get(c["id"], []) if s in sight.series_ids
                )
            )
            if c.get("home") not in c["series"]:
                c["home"] = None
            c.pop("speeches", None)  # counted over every episode; not cut
            characters.append(c)
    encounters = []
    for e in data["encounters"]:
        if scene_seen(e["first"]):
            e = {k: v for k, v in e.items() if k != "scenes"}
            if not scene_seen(e["first_story"]):
                e.pop("first_story")
            encounters.append(e)
    return {
        "series": [s for s in data["series"] if s in sight.series_ids],
        "episodes": [e for e in data["episodes"] if f"{e['series']}:{e['episode']}" in seen_eps],
        "scenes": scenes,
        "characters": characters,
        "encounters": encounters,
    }
