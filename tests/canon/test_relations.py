"""Relationships that change over time, and measured interaction, on the demo universe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection

from demo_store import built_demo
from showbible import compile_universe, load_universe, queries
from showbible.canon.fold import Canon
from showbible.canon.interaction import curve, measure, totals
from showbible.reading.facts import SceneFacts

DEMO = Path(__file__).resolve().parents[2] / "examples" / "sallowmouth"


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connection]:
    with built_demo(tmp_path_factory.mktemp("u")) as (_, c):
        yield c


def test_a_relationship_that_changes_twice(conn: Connection) -> None:
    data = queries.relations(conn, "jonah", other="ottilie")
    (pair,) = data["relations"]
    becomes = [h["kind"] for h in pair["history"] if h["verb"] == "relation"]
    assert becomes[:3] == ["allies", "distrusts", "enemies"]
    assert [k["kind"] for k in pair["now"]] == ["enemies"]


@pytest.mark.parametrize(
    ("ref", "kind"),
    [("ferryman:fm2", "allies"), ("ferryman:fm3", "distrusts"), ("highwater:hw3", "enemies")],
)
def test_where_a_pair_stands_as_of(conn: Connection, ref: str, kind: str) -> None:
    point = queries.as_of(conn, ref, "story")
    (pair,) = queries.relations(conn, "jonah", point, "ottilie")["relations"]
    assert [k["kind"] for k in pair["now"]] == [kind]


def test_met_shows_history_and_interaction(conn: Connection) -> None:
    data = queries.met(conn, "ida", "jonah")
    assert [k["kind"] for k in data["relations"][0]["now"]] == ["allies"]
    episodes = [r["episode"] for r in data["interaction"]]
    assert episodes[0] == "highwater:hw1" and len(episodes) >= 3
    assert all(r["scenes"] >= 1 for r in data["interaction"])


def test_who_lists_relationships_now(conn: Connection) -> None:
    who = queries.who(conn, "jonah")
    assert {r["id"]: [k["kind"] for k in r["now"]] for r in who["relations"]}["ida"] == ["allies"]


def test_export_carries_interactions_and_relations(conn: Connection) -> None:
    data = queries.export(conn)
    assert any(i["a"] == "jonah" and i["b"] == "ottilie" for i in data["interactions"])
    assert {"allies", "distrusts", "enemies"} <= {r["kind"] for r in data["relations"]}


def test_interaction_counts_are_measured() -> None:
    canon = compile_universe(load_universe(DEMO)).canon
    rows = measure(canon)
    fm1 = curve(rows, "ottilie", "jonah")[0]
    assert fm1["episode"] == "fm1" and fm1["scenes"] == 3
    # Every exchange is a reply to someone present, so it is also counted as addressing them.
    t = totals(rows)[("jonah", "ottilie")]
    assert t["exchanges"] <= t["a_to_b"] + t["b_to_a"]
    assert t["a_to_b"] > 0 and t["b_to_a"] > 0


def _reference_measure(canon: Canon) -> dict[tuple[str, str, str, str], list[int]]:
    """The counts as the docstring of interaction.py defines them, written plainly."""
    out: dict[tuple[str, str, str, str], list[int]] = {}

    def row(a: str, b: str, scene: SceneFacts) -> list[int]:
        x, y = sorted((a, b))
        return out.setdefault((x, y, scene.series, scene.episode), [0, 0, 0, 0])

    for scene in canon.scenes:
        people = sorted(canon.people(scene))
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                row(a, b, scene)[0] += 1
        previous = None
        for speech in scene.dialogue:
            if speech.character not in people or speech.voice:
                previous = None
                continue
            targets = {n for n in speech.names if n in people}
            if previous is not None and previous != speech.character:
                targets.add(previous)
                row(speech.character, previous, scene)[1] += 1
            for t in targets:
                row(speech.character, t, scene)[2 if speech.character < t else 3] += 1
            previous = speech.character
    return out


def test_interaction_counts_match_their_definition() -> None:
    canon = compile_universe(load_universe(DEMO)).canon
    got = {
        (r.a, r.b, r.series, r.episode): [r.scenes, r.exchanges, r.a_to_b, r.b_to_a]
        for r in measure(canon)
    }
    assert got == _reference_measure(canon)
