"""Every route of the app, found in its own route table, answers at a "watched up to" point
without naming what comes later: a character first seen later, a later episode's title, a
secret nobody has learned on screen yet, a finding in a later scene. A route added later is
covered without touching this file, or fails it until its parameters are taught here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route
from test_web_spoilers import text_of

POINTS = ("magpie:mp1", "nightclinic:nc3")
# Routes that change state or serve files, not canon.
NOT_CANON = {"/watched", "/favicon.ico", "/static"}


def routes(app: FastAPI) -> Iterator[tuple[str, set[str]]]:
    """(path, methods) of every route, through included routers (FastAPI keeps them nested)."""

    def walk(items: list[Any]) -> Iterator[tuple[str, set[str]]]:
        for r in items:
            inner = getattr(r, "original_router", None)
            if inner is not None:
                yield from walk(list(inner.routes))
            elif isinstance(r, Mount):
                yield r.path, set()
            elif isinstance(r, Route) or hasattr(r, "methods"):
                yield r.path, set(getattr(r, "methods", None) or ())

    yield from walk(list(app.routes))


@pytest.fixture(scope="module")
def whole(app: FastAPI) -> dict[str, Any]:
    with TestClient(app) as c:
        export = c.get("/api/export").json()
        who = {ch["id"]: c.get(f"/api/who/{ch['id']}").json() for ch in export["characters"]}
        findings = c.get("/api/findings").json()["findings"]
        episodes = c.get("/api/episodes").json()  # in release order
    return {"export": export, "who": who, "findings": findings, "episodes": episodes}


def _position(release: list[str], ref: str) -> tuple[int, int]:
    episode, _, scene = ref.partition("#")
    return release.index(episode), int(scene) if scene else 10**6


def later_only(whole: dict[str, Any], point: str, root: Path) -> dict[str, list[str]]:
    """The strings only what comes after ``point`` may show, minus words the seen scripts say."""
    export, episodes = whole["export"], whole["episodes"]
    release = [e["key"] for e in episodes]
    upto = _position(release, point)
    seen_eps = [e for e in episodes if _position(release, e["key"])[0] <= upto[0]]
    said = "\n".join((root / e["file"]).read_text() for e in seen_eps).lower()

    def seen_scene(s: dict[str, Any]) -> bool:
        return _position(release, f"{s['series']}:{s['episode']}#{s['scene']}") <= upto

    seen_people = {c for s in export["scenes"] if seen_scene(s) for c in s["present"]}
    later_people = [  # never present at all is not "later" (a dangling reference names them)
        c for c in export["characters"] if c["id"] not in seen_people and c["appearances"] > 0
    ]
    told: set[str] = set()
    statements: dict[str, str] = {}
    for data in whole["who"].values():
        for k in data.get("knows", []):
            statements[k["secret"]] = k.get("statement") or ""
            since = k.get("since")
            if isinstance(since, dict) and "series" in since:
                ref = f"{since['series']}:{since['episode']}#{since['scene']}"
                if _position(release, ref) <= upto:
                    told.add(k["secret"])
    untold = [s for s in statements if s not in told and not s.startswith("~")]
    words = {
        "titles": [e["title"] for e in episodes if e not in seen_eps and e["title"]],
        "characters": [c["id"] for c in later_people] + [c["name"] for c in later_people],
        "secrets": untold + [statements[s] for s in untold if statements[s]],
        "findings": [
            f["message"]
            for f in whole["findings"]
            if f["scene"] and _position(release, f["scene"]) > upto
        ],
    }
    return {k: [w for w in v if w and w.lower() not in said] for k, v in words.items()}


def fillings(whole: dict[str, Any]) -> dict[str, list[str]]:
    """Values for every path and query parameter the routes take: everyone and everything,
    seen or not (an unseen one must be 'not found', never shown)."""
    export = whole["export"]
    ids = [c["id"] for c in export["characters"]]
    keys = [e["key"] for e in whole["episodes"]]
    return {
        "name": ids,
        "cid": ids,
        "id": ids,
        "target": keys,
        "series": sorted({e["series"] for e in export["episodes"]}),
        "episode": sorted({e["episode"] for e in export["episodes"]}),
        "path": ["app.css"],
    }


def expand(path: str, values: dict[str, list[str]]) -> list[str]:
    names = re.findall(r"{(\w+)(?::\w+)?}", path)
    missing = [n for n in names if n not in values]
    assert not missing, f"teach test_web_spoiler_routes the parameter(s) {missing} of {path}"
    out = [path]
    for n in names:
        out = [re.sub(r"{" + n + r"(?::\w+)?}", v, p, count=1) for p in out for v in values[n]]
    return out


QUERIES = {
    "/api/met": ["a={a}&b={b}"],
    "/api/search": ["q=a", "q=e", "q=o"],
    "/search": ["q=a", "q=e", "q=o"],
    "/api/watch-order/{target}": ["deep=true"],
}


@pytest.mark.parametrize("point", POINTS)
def test_every_route_honours_watched(
    app: FastAPI, whole: dict[str, Any], demo: tuple[Path, str], point: str
) -> None:
    secret = later_only(whole, point, demo[0])
    assert secret["characters"] and secret["titles"] and secret["secrets"], secret  # not vacuous
    values = fillings(whole)
    ids = values["name"]
    answered: dict[str, int] = {}  # route -> answers checked (200)
    asked: dict[str, int] = {}  # route -> requests (a 404 is right for a route shown only later)
    with TestClient(app) as c:
        c.cookies.set("watched", point)
        for route, methods in routes(app):
            if route in NOT_CANON or (methods and "GET" not in methods):
                continue
            answered.setdefault(route, 0)
            asked.setdefault(route, 0)
            urls = expand(route, values)
            extra = QUERIES.get(route, [""])
            if route == "/api/met":
                extra = [f"a={a}&b={b}" for a in ids for b in ids if a < b]
            for url in urls:
                for q in extra:
                    sep = "&" if "?" in url else "?"
                    full = url + (sep + q if q else "")
                    if full.startswith("/api/"):
                        full += ("&" if "?" in full else "?") + f"watched={point}"
                    r = c.get(full)
                    asked[route] += 1
                    assert r.status_code in (200, 404), (full, r.status_code)
                    if r.status_code != 200:
                        continue
                    answered[route] += 1
                    text = text_of(r.content, r.headers["content-type"])
                    for kind, words in secret.items():
                        for word in words:
                            assert word not in text, f"{full} leaks the {kind[:-1]} {word!r}"
    assert all(asked.values()), asked
    api = [r for r in answered if r.startswith("/api/")]
    assert len(api) >= 12 and all(answered[r] for r in api), answered


def test_facts_keep_untold_secrets(client: TestClient) -> None:
    # Ottilie knows the payroll secret "from the start", but no viewer is told before it is
    # learned on screen: /api/facts must agree with /api/who (the leak the probe found).
    who = client.get("/api/who/ottilie", params={"watched": "magpie:mp1"}).json()
    facts = client.get("/api/facts", params={"watched": "magpie:mp1"}).json()
    known = {k["secret"] for k in who["knows"]}
    in_facts = {f["object"] for f in facts if f["kind"] == "learns"}
    assert "ottilie-payroll" not in known and "ottilie-payroll" not in in_facts
    assert all(
        "used" not in f["detail"] and "withdrawn" not in f["detail"] for f in facts if f["detail"]
    )
