"""The JSON API and the pages over the demo universe: shapes, answers, and status codes."""

from __future__ import annotations

from fastapi.testclient import TestClient

from showbible.web import time_pages


def test_summary_counts_the_demo(client: TestClient) -> None:
    data = client.get("/api/summary").json()
    assert data["name"] == "Sallowmouth"
    assert data["as_of"] is None
    assert data["counts"]["series"] == 4 and data["counts"]["episodes"] == 13
    assert [s["id"] for s in data["series"]] == ["magpie", "ferryman", "nightclinic", "highwater"]
    assert data["build"] == {"ok": True, "message": None}


def test_crossovers_mirror_the_cli_json(client: TestClient) -> None:
    data = client.get("/api/crossovers").json()
    assert {"series", "matrix", "characters"} <= set(data)
    ottilie = next(c for c in data["characters"] if c["id"] == "ottilie")
    assert ottilie["series"] == ["magpie", "ferryman", "nightclinic", "highwater"]
    assert {"id", "name", "labels", "series", "first"} <= set(ottilie)
    assert data["matrix"]["magpie"]["highwater"] == 5


def test_who_and_met(client: TestClient) -> None:
    ida = client.get("/api/who/ida").json()
    assert ida["name"] == "Ida Quill" and ida["series"][0] == "magpie"
    assert any(m["id"] == "roz" for m in ida["met"])
    assert {k["secret"] for k in ida["knows"]} >= {"magpie-identity", "floodgate-plan"}
    # by cue label too, as on the command line
    assert client.get("/api/who/MAGPIE").json()["id"] == "ida"
    met = client.get("/api/met", params={"a": "ida", "b": "roz"}).json()
    assert met["met"] is True
    assert (met["release"]["series"], met["release"]["episode"]) == ("nightclinic", "nc2")
    assert "story" in met and met["scenes_together"] >= 1


def test_relations_and_watch_order(client: TestClient) -> None:
    rel = client.get("/api/relations/jonah").json()
    ottilie = next(r for r in rel["relations"] if r["id"] == "ottilie")
    assert [k["kind"] for k in ottilie["now"]] == ["enemies"]
    order = client.get("/api/watch-order/highwater:hw3").json()
    assert order["target"] == "highwater:hw3" and order["episodes"]


def test_findings_in_check_json_shape(client: TestClient) -> None:
    data = client.get("/api/findings").json()
    assert data["summary"]["errors"] == 5 and data["summary"]["sealed"] == 1
    first = data["findings"][0]
    assert {
        "rule",
        "severity",
        "file",
        "line",
        "scene",
        "characters",
        "message",
        "evidence",
        "sealed",
    } <= set(first)
    only = client.get("/api/findings", params={"rule": "dead-character"}).json()
    assert [f["rule"] for f in only["findings"]] == ["dead-character"]
    notes = client.get("/api/findings", params={"severity": "note", "series": "magpie"}).json()
    assert notes["summary"]["notes"] == 2 and not notes["findings"][0]["file"].startswith("high")


def test_episode_graph_search_export_facts(client: TestClient) -> None:
    ep = client.get("/api/episodes/highwater/hw4-draft").json()
    assert ep["title"] == "Salvage (draft)" and len(ep["scenes"]) == 6
    assert any(f["rule"] == "dead-character" for s in ep["scenes"] for f in s["findings"])
    graph = client.get("/api/graph").json()
    ids = {n["data"]["id"] for n in graph["nodes"]}
    assert {"ida", "jonah", "roz"} <= ids and not any(i.startswith("role:") for i in ids)
    assert all({"x", "y"} == set(n["position"]) for n in graph["nodes"])
    capped = client.get("/api/graph", params={"edges": 3, "min": 5}).json()
    assert len(capped["edges"]) == 3
    assert all(n["data"]["appearances"] >= 5 for n in capped["nodes"])
    weights = [e["data"]["weight"] for e in capped["edges"]]
    assert weights == sorted(weights, reverse=True)
    only_ferry = client.get("/api/graph", params=[("series", "ferryman")]).json()
    assert all("ferryman" in n["data"]["series"] for n in only_ferry["nodes"])
    found = client.get("/api/search", params={"q": "gull"}).json()
    assert any(p["id"] == "brass-gull" for p in found["places"])
    assert any(e["key"] == "magpie:mp3" for e in found["episodes"])  # "The Brass Gull"
    assert client.get("/api/search", params={"q": "MAGPIE"}).json()["characters"][0]["id"] == "ida"
    export = client.get("/api/export").json()
    assert set(export) == {"series", "episodes", "scenes", "characters", "encounters"}
    assert isinstance(client.get("/api/facts").json(), list)


def test_unknown_things_are_404_without_traces(client: TestClient) -> None:
    for path in (
        "/api/who/nobody",
        "/api/episodes/magpie/nope",
        "/character/nobody",
        "/episode/magpie/nope",
        "/no/such/page",
    ):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "Traceback" not in r.text
    assert "did you mean" in client.get("/api/who/Ida Quil").json()["detail"]


def test_pages_render(client: TestClient) -> None:
    for path, needle in [
        ("/", "Who meets whom"),
        ("/cast", "Ida Quill"),
        ("/character/ida", "First meetings"),
        ("/episodes", "Pin and Tumbler"),
        ("/episode/highwater/hw4-draft", "dead-character"),
        ("/findings", "premature-knowledge"),
        ("/findings?rule=capability", "cannot swim"),
        ("/search?q=brass", "Brass Gull"),
        ("/docs", "/api/who/{name}"),
    ]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert needle in r.text, (path, needle)
        assert r.headers["content-type"].startswith("text/html")


def test_htmx_requests_get_only_the_results(client: TestClient) -> None:
    r = client.get("/findings?severity=note", headers={"HX-Request": "true"})
    assert r.text.lstrip().startswith('<div id="results">') and "<html" not in r.text
    restore = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    assert "<html" in client.get("/findings?severity=note", headers=restore).text
    r = client.get("/search?q=roz", headers={"HX-Request": "true"})
    assert "Rosalind Achterberg" in r.text and "<header" not in r.text


def test_findings_inline_at_their_lines(client: TestClient) -> None:
    page = client.get("/episode/highwater/hw4-draft").text
    line = page.index('id="L133"')
    card = page.index("Teodor Finch is present here but died", line)
    assert card - line < 2000  # the finding sits right under line 133


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/api/summary",
        "/api/crossovers",
        "/api/who/{name}",
        "/api/met",
        "/api/findings",
        "/api/graph",
        "/api/search",
        "/api/export",
        "/api/facts",
    } <= paths


def test_time_pages_reports_server_timing(client: TestClient) -> None:
    app = client.app
    paths = ["/", "/character/ida", "/episode/highwater/hw4-draft", "/findings", "/api/graph"]
    times = time_pages(app, paths, repeat=3)
    assert set(times) == set(paths)
    for path, t in times.items():
        assert t["status"] == 200, path
        assert t["server_ms"] is not None and t["server_ms"] < 200, (path, t)
