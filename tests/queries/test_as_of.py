"""`met` and `export` as of a point: only what has happened by then, on the point's timeline,
and exactly the whole canon once the point is the last episode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, select

from cli_runner import run
from demo_store import built_demo
from showbible import build, queries, store
from showbible.canon.graph import render
from showbible.store import Store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Connection]]:
    with built_demo(tmp_path_factory.mktemp("u")) as built:
        yield built


def _episodes(conn: Connection) -> list[str]:
    e = store.episodes.c
    return [r.key for r in conn.execute(select(e.key).order_by(e.release_pos))]


def _first_pos(conn: Connection, scene_id: int, column: str) -> int:
    row = conn.execute(select(store.scenes).where(store.scenes.c.id == scene_id)).one()
    return int(getattr(row, column))


@pytest.mark.parametrize("timeline", ["release", "story"])
def test_export_as_of_holds_only_what_has_happened(
    demo: tuple[Path, Connection], timeline: queries.Timeline
) -> None:
    _, conn = demo
    whole = queries.export(conn)
    encounters = conn.execute(select(store.encounters)).all()
    for key in _episodes(conn):
        point = queries.as_of(conn, key, timeline)
        data = queries.export(conn, point)
        assert data["as_of"] == {"timeline": timeline, "ref": key}
        col = point.column
        first_col = "story_scene" if timeline == "story" else "release_scene"
        expected = {
            (r.a, r.b)
            for r in encounters
            if _first_pos(conn, getattr(r, first_col), col) <= point.position
        }
        assert {(x["a"], x["b"]) for x in data["encounters"]} == expected
        full = {(x["a"], x["b"]): x["scenes"] for x in whole["encounters"]}
        assert all(1 <= x["scenes"] <= full[x["a"], x["b"]] for x in data["encounters"])
        shown = {(s["series"], s["episode"], s["scene"]) for s in data["scenes"]}
        assert shown <= {(s["series"], s["episode"], s["scene"]) for s in whole["scenes"]}
        people = {c["id"] for c in data["characters"]}
        for s in data["scenes"]:
            assert set(s["present"]) | set(s["referenced"]) <= people
        assert all(c["speeches"] is None for c in data["characters"])
        eps = {f"{e['series']}:{e['episode']}" for e in data["episodes"]}
        assert {i["episode"] for i in data["interactions"]} <= eps


def _without(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in keys}


def test_export_as_of_the_last_episode_is_the_whole_canon(
    demo: tuple[Path, Connection],
) -> None:
    _, conn = demo
    whole = queries.export(conn)
    last = _episodes(conn)[-1]
    data = queries.export(conn, queries.as_of(conn, last))
    assert _without(data, "as_of", "characters") == _without(whole, "as_of", "characters")
    strip = [{k: v for k, v in c.items() if k != "speeches"} for c in whole["characters"]]
    seen = {c["id"] for c in data["characters"]}
    assert [{k: v for k, v in c.items() if k != "speeches"} for c in data["characters"]] == [
        c for c in strip if c["id"] in seen
    ]
    # Characters left out are the ones no scene shows or mentions (declared only in the bible).
    assert all(c["appearances"] == 0 for c in strip if c["id"] not in seen)


def test_met_as_of_turns_true_once_at_the_first_meeting(demo: tuple[Path, Connection]) -> None:
    _, conn = demo
    whole = queries.met(conn, "roz", "ida")
    assert whole["met"] and whole["as_of"] is None
    first = f"{whole['release']['series']}:{whole['release']['episode']}"
    states, counts = [], []
    for key in _episodes(conn):
        data = queries.met(conn, "roz", "ida", queries.as_of(conn, key))
        states.append((key, data["met"]))
        if data["met"]:
            counts.append(data["scenes_together"])
            assert data["release"] == whole["release"]
            assert len(data["interaction"]) <= len(whole["interaction"])
    pairs = zip(states[1:], states, strict=False)
    flips = [key for (key, now), (_, before) in pairs if now != before]
    assert flips == [first]
    assert counts == sorted(counts) and counts[-1] == whole["scenes_together"]


FLASHBACK_UNIVERSE = """\
name: Flashback
series:
  - id: s
    scripts: ["s/*.fountain"]
    episodes:
      e1: {story: "day 9"}
      e2: {story: "day 9"}
characters:
  ann: {name: Ann Lark, aliases: [ANN]}
  bo: {name: Bo Reyes, aliases: [BO]}
"""
E1 = """INT. DOCK - NIGHT

ANN
Bo. It's been years.

BO
Not long enough.
"""
E2 = """INT. SCHOOLYARD - DAY

[[flashback]]
[[story: day 1]]

ANN
Hi. I'm Ann.

BO
Bo.
"""


def test_met_as_of_on_the_story_timeline_hides_a_later_release_meeting(tmp_path: Path) -> None:
    """Two people first seen together in e1 whose story-first meeting is e2's flashback: as of
    the flashback on the story timeline, they have met there, and the release meeting (later in
    story time) is not known yet; on the release timeline as of e1, only the release one is."""
    root = tmp_path / "u"
    (root / "s").mkdir(parents=True)
    (root / "universe.yaml").write_text(FLASHBACK_UNIVERSE)
    (root / "s" / "e1.fountain").write_text(E1)
    (root / "s" / "e2.fountain").write_text(E2)
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    build(root, url)
    st = Store(url)
    try:
        with st.read() as conn:
            whole = queries.met(conn, "ann", "bo")
            assert whole["release"]["episode"] == "e1" and whole["story"]["episode"] == "e2"
            story = queries.met(conn, "ann", "bo", queries.as_of(conn, "s:e2", "story"))
            assert story["met"] and story["story"]["episode"] == "e2" and "release" not in story
            assert story["scenes_together"] == 1
            release = queries.met(conn, "ann", "bo", queries.as_of(conn, "s:e1", "release"))
            assert release["met"] and "story" not in release
            assert release["scenes_together"] == 1 and release["interaction"] == [
                whole["interaction"][0]
            ]
            graph = queries.export(conn, queries.as_of(conn, "s:e2", "story"))
            (enc,) = graph["encounters"]
            assert enc["first"] is None and enc["first_story"]["episode"] == "e2"
            # The graph files take the story meeting as the edge's first, and leave the
            # whole-canon speech counts out.
            assert "ann,bo,Ann Lark,Bo Reyes,1,s,e2,1" in render(graph, "csv")
            graphml = render(graph, "graphml")
            assert 'attr.name="speeches"' not in graphml and "<edge" in graphml
    finally:
        st.dispose()


def test_cli_met_and_export_take_as_of(
    demo: tuple[Path, Connection], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = demo
    where = ("-u", str(root), "--db", f"sqlite:///{root.parent}/canon.sqlite")
    code, text, _ = run(capsys, "met", "roz", "ida", "--as-of", "ferryman:fm1", *where)
    assert code == 0 and "have not met on screen yet as of ferryman:fm1" in text
    code, text, _ = run(capsys, "met", "roz", "ida", "--as-of", "nightclinic:nc2", *where)
    assert code == 0 and "as of nightclinic:nc2" in text and "first seen together" in text
    code, text, _ = run(capsys, "export", "--format", "json", "--as-of", "ferryman:fm1", *where)
    assert code == 0 and '"ref": "ferryman:fm1"' in text
    code, _, error = run(capsys, "met", "roz", "ida", "--as-of", "nowhere9", *where)
    assert code == 2 and "nowhere9" in error
