"""Spoiler safety: with "watched up to" set before the team-up, nothing that only the team-up
shows may reach any page or API answer: not a character who first appears there, not an
episode title, not a finding, not a meeting, not what someone learns there."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

# Before the team-up: the three solo series are out, High Water is not.
BEFORE_TEAM_UP = "nightclinic:nc3"


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [str(k), *strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [str(value)]


def text_of(body: bytes, content_type: str) -> str:
    """What a reader could read in a response: JSON strings, or HTML with entities decoded."""
    if content_type.startswith("application/json"):
        return "\n".join(strings(json.loads(body)))
    return html.unescape(body.decode())


@pytest.fixture(scope="module")
def canon(client_all: TestClient) -> dict[str, Any]:
    """The whole canon, to know what the team-up alone shows."""
    return {
        "export": client_all.get("/api/export").json(),
        "findings": client_all.get("/api/findings").json()["findings"],
        "crossovers": client_all.get("/api/crossovers").json(),
    }


@pytest.fixture(scope="module")
def client_all(app: Any) -> Any:
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def watcher(app: Any) -> Any:
    with TestClient(app) as c:
        r = c.post("/watched", data={"upto": BEFORE_TEAM_UP, "next": "/"}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/"
        assert "watched=" in r.headers["set-cookie"] and "HttpOnly" in r.headers["set-cookie"]
        assert c.cookies.get("watched") == BEFORE_TEAM_UP
        yield c


def later_only(canon: dict[str, Any], early_text: str) -> dict[str, list[str]]:
    export = canon["export"]
    later_eps = [e for e in export["episodes"] if e["series"] == "highwater"]
    early_scenes = [s for s in export["scenes"] if s["series"] != "highwater"]
    early_people = {c for s in early_scenes for c in s["present"]}
    later_people = [
        c for c in export["characters"] if c["id"] not in early_people and c["appearances"] > 0
    ]
    lowered = early_text.lower()

    def unseen(words: list[str]) -> list[str]:
        # A word the early scripts themselves say is no spoiler when it shows up.
        return [w for w in words if w and w.lower() not in lowered]

    return {
        "titles": unseen([e["title"] for e in later_eps]),
        "characters": unseen([c["id"] for c in later_people] + [c["name"] for c in later_people]),
        "findings": unseen(
            [f["message"] for f in canon["findings"] if f["scene"].startswith("highwater:")]
        ),
    }


def test_nothing_after_the_point_leaks(
    watcher: TestClient, canon: dict[str, Any], demo: tuple[Path, str]
) -> None:
    root = demo[0]
    early_eps = [e for e in canon["export"]["episodes"] if e["series"] != "highwater"]
    early_text = "\n".join((root / e["file"]).read_text() for e in early_eps)
    secret = later_only(canon, early_text)
    # The demo has all three kinds, so this test is not vacuous.
    assert "Unmasked" in secret["titles"] and "Salvage (draft)" in secret["titles"]
    assert "otilie" in secret["characters"] and "role:priest" in secret["characters"]
    assert len(secret["findings"]) >= 7

    visible = watcher.get("/api/characters").json()
    episodes = watcher.get("/api/episodes").json()
    assert episodes and all(e["series"] != "highwater" for e in episodes)
    paths = [
        "/",
        "/cast",
        "/episodes",
        "/findings",
        "/findings?severity=error",
        "/docs",
        "/search?q=a",
        "/search?q=e",
        "/search?q=chapel",
        "/search?q=priest",
        "/search?q=otil",
        "/search?q=unmasked",
        "/search?q=salvage",
        "/search?q=water",
        "/api/summary",
        "/api/crossovers",
        "/api/characters",
        "/api/episodes",
        "/api/findings",
        "/api/facts",
        "/api/graph",
        "/api/export",
        "/api/search?q=a",
        "/api/search?q=e",
        "/api/watch-order/nightclinic:nc3?deep=true",
    ]
    for c in visible:
        paths += [f"/character/{c['id']}", f"/api/who/{c['id']}", f"/api/relations/{c['id']}"]
        paths += [f"/api/met?a={c['id']}&b={d['id']}" for d in visible if d["id"] > c["id"]]
    for e in episodes:
        paths += [
            f"/episode/{e['series']}/{e['episode']}",
            f"/api/episodes/{e['series']}/{e['episode']}",
        ]
    for path in paths:
        r = watcher.get(path)
        assert r.status_code == 200, path
        text = text_of(r.content, r.headers["content-type"])
        if path.startswith("/api/"):
            # The data never even names a later episode or series (the pages' "watched up to"
            # menu does, by reference only, so that the viewer can move on).
            assert "highwater" not in text, f"{path} names the team-up"
        for kind, words in secret.items():
            for word in words:
                assert word not in text, f"{path} leaks the {kind[:-1]} {word!r}"


def test_later_things_are_not_found(watcher: TestClient) -> None:
    for path in (
        "/episode/highwater/hw1",
        "/character/otilie",
        "/character/role:priest",
        "/api/who/otilie",
        "/api/episodes/highwater/hw2",
        "/api/watch-order/highwater:hw3",
        "/api/met?a=otilie&b=ida",
    ):
        r = watcher.get(path)
        assert r.status_code == 404, path
        assert "did you mean" not in r.text  # suggestions could name later characters


def test_meetings_knowledge_relations_are_cut(watcher: TestClient) -> None:
    # Ida and Jonah first meet in the team-up; Jonah learns who the Magpie is there.
    jonah = watcher.get("/api/who/jonah").json()
    assert jonah["as_of"] == {"timeline": "release", "ref": BEFORE_TEAM_UP}
    assert "ida" not in {m["id"] for m in jonah["met"]}
    assert "magpie-identity" not in {k["secret"] for k in jonah["knows"]}
    assert "highwater" not in jonah["series"]
    assert watcher.get("/api/met?a=ida&b=jonah").json()["met"] is False
    rel = watcher.get("/api/relations/jonah").json()
    ida = [r for r in rel["relations"] if r["id"] == "ida"]
    assert not ida
    ottilie = next(r for r in rel["relations"] if r["id"] == "ottilie")
    assert [k["kind"] for k in ottilie["now"]] == ["distrusts"]  # enemies only in High Water
    # Known "from the start" by the bible, but no viewer has been told yet.
    ottilie_knows = watcher.get("/api/who/ottilie").json()["knows"]
    assert "ottilie-payroll" not in {k["secret"] for k in ottilie_knows}


def test_counts_and_scene_counts_are_cut(watcher: TestClient, client_all: TestClient) -> None:
    cut = watcher.get("/api/summary").json()
    full = client_all.get("/api/summary").json()
    assert cut["counts"]["episodes"] == 9 < full["counts"]["episodes"]
    assert cut["counts"]["encounters"] < full["counts"]["encounters"]
    assert [s["id"] for s in cut["series"]] == ["magpie", "ferryman", "nightclinic"]
    ida = {m["id"]: m for m in watcher.get("/api/who/ida").json()["met"]}
    ida_full = {m["id"]: m for m in client_all.get("/api/who/ida").json()["met"]}
    assert ida["roz"]["scenes_together"] < ida_full["roz"]["scenes_together"]


def test_query_parameter_overrides_cookie(watcher: TestClient) -> None:
    early = watcher.get("/api/summary", params={"watched": "magpie:mp1"}).json()
    assert early["counts"]["episodes"] == 1
    everything = watcher.get("/api/summary", params={"watched": ""}).json()
    assert everything["counts"]["episodes"] == 13
    bad = watcher.get("/api/summary", params={"watched": "nope:zz"})
    assert bad.status_code == 404


def test_mid_episode_point_hides_later_scenes(client_all: TestClient) -> None:
    ep = client_all.get("/api/episodes/magpie/mp3", params={"watched": "magpie:mp3#2"}).json()
    assert [s["scene"] for s in ep["scenes"]] == [1, 2] and ep["partial"] is True


def test_stale_cookie_shows_nothing(app: Any) -> None:
    with TestClient(app, cookies={"watched": "gone:ep9"}) as c:
        page = c.get("/").text
        assert "is not in this canon any more" in page
        assert re.search(r"<dt>episodes</dt><dd>0</dd>", page)
        assert "Ida Quill" not in c.get("/cast").text


def test_watched_form_rejects_unknown_points_and_foreign_redirects(
    client_all: TestClient,
) -> None:
    r = client_all.post("/watched", data={"upto": "nope"}, follow_redirects=False)
    assert r.status_code == 404 and "set-cookie" not in r.headers
    r = client_all.post(
        "/watched", data={"upto": "magpie:mp1", "next": "//evil.example/"}, follow_redirects=False
    )
    assert r.headers["location"] == "/"
    r = client_all.post("/watched", data={"upto": "", "next": "/cast"}, follow_redirects=False)
    assert r.headers["location"] == "/cast" and 'watched=""' in r.headers["set-cookie"]
