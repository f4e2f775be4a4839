"""The HTML pages. Each is a thin route: open a view at the viewer's point, ask the data
layer, render. The "watched up to" point lives in a cookie set by the one form that posts
(same-origin only; see security.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from showbible import queries
from showbible.web import episodes, findings, overview, people, production
from showbible.web import search as searching
from showbible.web.docs import endpoints, examples_for
from showbible.web.render import Renderer
from showbible.web.state import Canon

router = APIRouter(include_in_schema=False)
WATCHED_COOKIE = "watched"
YEAR = 365 * 24 * 3600
STATIC = Path(__file__).parent / "static"


def _canon(request: Request) -> Canon:
    canon: Canon = request.app.state.canon
    return canon


def _renderer(request: Request) -> Renderer:
    renderer: Renderer = request.app.state.renderer
    return renderer


def _render(request: Request, name: str, block: str | None = None, **ctx: Any) -> HTMLResponse:
    """Render ``name`` for this request's viewer; htmx requests get only ``block``."""
    with _canon(request).view(request.cookies.get(WATCHED_COOKIE)) as view:
        data = {k: (v(view) if callable(v) else v) for k, v in ctx.items()}
        # htmx asks for the whole page when it restores history (Back after a live filter).
        swap = request.headers.get("hx-request") == "true"
        restore = request.headers.get("hx-history-restore-request") == "true"
        partial = block if swap and not restore else None
        return _renderer(request).page(request, view, name, block=partial, **data)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return _render(
        request,
        "overview.html",
        nav="overview",
        counts=overview.counts,
        series=overview.series_list,
        crossovers=overview.crossovers,
        colours=lambda v: {s["id"]: s["colour"] for s in overview.series_list(v)},
        findings=lambda v: findings.filtered(v),
    )


@router.get("/cast", response_class=HTMLResponse)
def cast(request: Request) -> HTMLResponse:
    return _render(request, "cast.html", nav="cast", cast=people.cast)


@router.get("/character/{cid}", response_class=HTMLResponse)
def character(request: Request, cid: str) -> HTMLResponse:
    with _canon(request).view(request.cookies.get(WATCHED_COOKIE)) as view:
        who = people.character(view, cid)
        timeline = people.timeline(view, who)
        return _renderer(request).page(
            request, view, "character.html", nav="cast", c=who, timeline=timeline
        )


@router.get("/episodes", response_class=HTMLResponse)
def episode_list(request: Request) -> HTMLResponse:
    return _render(request, "episodes.html", nav="episodes", episodes=episodes.episode_list)


@router.get("/episode/{series}/{episode}", response_class=HTMLResponse)
def episode(request: Request, series: str, episode: str) -> HTMLResponse:
    return _render(
        request,
        "episode.html",
        nav="episodes",
        ep=lambda v: episodes.episode(v, series, episode),
        file_episode=lambda v: v.index.file_episode,
        names=lambda v: {c: ch.name for c, ch in v.index.characters.items()},
        places=lambda v: v.index.place_names,
    )


@router.get("/findings", response_class=HTMLResponse)
def findings_page(
    request: Request,
    rule: str | None = None,
    severity: str | None = None,
    series: str | None = None,
) -> HTMLResponse:
    return _render(
        request,
        "findings.html",
        block="results",
        nav="findings",
        f=lambda v: findings.findings_page(v, rule, severity, series),
        file_episode=lambda v: v.index.file_episode,
        names=lambda v: {c: ch.name for c, ch in v.index.characters.items()},
    )


@router.get("/production", response_class=HTMLResponse)
def production_page(request: Request) -> HTMLResponse:
    return _render(request, "production.html", nav="production", p=production.production)


@router.get("/production.svg")
def production_svg(request: Request) -> Response:
    with _canon(request).view(request.cookies.get(WATCHED_COOKIE)) as view:
        found = production.production(view)
    if "svg" not in found:
        raise queries.NotFound("no shooting plan to draw here")
    return Response(found["svg"], media_type="image/svg+xml")


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "") -> HTMLResponse:
    return _render(
        request,
        "search.html",
        block="results",
        nav="search",
        r=lambda v: searching.search(v, q),
    )


@router.post("/watched")
async def watched(request: Request) -> Response:
    """Set the "watched up to" point (an episode reference; empty: everything) and go back.
    A POST (a GET could be driven by any page, as a link or an image): the guard lets it
    through only from this site's own pages (its Origin)."""
    form = dict(parse_qsl((await request.body()).decode("utf-8", errors="replace")))
    upto = form.get("upto", "")[:300]
    next = form.get("next", "/")[:2000]
    target = (
        next if next.startswith("/") and not next.startswith("//") and "\\" not in next else "/"
    )
    response = RedirectResponse(target, status_code=303)
    if not upto:
        response.delete_cookie(WATCHED_COOKIE, path="/")
        return response
    with _canon(request).read() as conn:
        queries.as_of(conn, upto, "release")  # NotFound -> 404 page, cookie untouched
    response.set_cookie(WATCHED_COOKIE, upto, max_age=YEAR, path="/", httponly=True, samesite="lax")
    return response


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return _render(
        request,
        "docs.html",
        nav="api",
        endpoints=lambda v: endpoints(spec, examples_for(v)),
        spec=spec,
    )


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")
