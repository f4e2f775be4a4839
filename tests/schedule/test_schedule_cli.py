"""`showbible schedule` and `showbible rotation` as a user runs them: every format, exit codes,
and the outputs read back by their own readers (json, csv, icalendar, an XML parser)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli_runner import run
from showbible.schedule import render, svg
from showbible.schedule.ics import escape, fold

DEMO = Path(__file__).resolve().parents[2] / "examples" / "sallowmouth"


@pytest.fixture(scope="module")
def universe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("schedule") / "sallowmouth"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns(".showbible"))
    return root


def _run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    return run(capsys, *args, str(root), "--db", f"sqlite:///{root.parent}/canon.sqlite")


@pytest.fixture(scope="module")
def plan_json(universe: Path) -> dict[str, Any]:
    from showbible import compile_universe, load_universe
    from showbible.schedule.plan import load_plan
    from showbible.schedule.result import make_schedule

    compiled = compile_universe(load_universe(universe), rules=False)
    plan = load_plan(compiled.universe)
    assert plan is not None
    return make_schedule(compiled, plan).to_json()


def test_json_has_the_contract_shape(capsys: pytest.CaptureFixture[str], universe: Path) -> None:
    code, out, _err = _run(capsys, universe, "schedule", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {"status", "units", "performers", "arcs", "conflicts"} <= set(data)
    assert data["status"] == "optimal"
    scene = data["units"][0]["days"][0]["scenes"][0]
    assert {"series", "episode", "scene", "characters", "eighths"} <= set(scene)
    assert {"id", "days"} <= set(data["units"][0])
    assert {"date", "scenes"} <= set(data["units"][0]["days"][0])
    assert data["arcs"] == [
        {
            "character": "odie",
            "candidates": ["odie"],
            "series": "nightclinic",
            "episodes": ["nc4", "nc5"],
            "scenes": 3,
            "scheduled": True,
            "days": data["arcs"][0]["days"],
        }
    ]


def test_table_with_a_call_sheet(capsys: pytest.CaptureFixture[str], universe: Path) -> None:
    code, out, _err = _run(capsys, universe, "schedule", "--call-sheet", "odie")
    assert code == 0
    assert "unit ferry-unit (ferryman, 4 pages a day)" in out
    assert "call sheet: Priya Castellanos as odie" in out
    assert "(proven optimal)" in out


def test_csv_rows_are_the_scenes(plan_json: dict[str, Any]) -> None:
    rows = list(csv.DictReader(io.StringIO(render.to_csv(plan_json))))
    assert len(rows) == 28
    assert {r["unit"] for r in rows} == {"ferry-unit", "clinic-unit"}
    assert sum(r["placeholder"] == "1" for r in rows) == 3


def test_ics_is_valid_icalendar(plan_json: dict[str, Any]) -> None:
    icalendar = pytest.importorskip("icalendar")
    from showbible.schedule.ics import to_ics

    text = to_ics(plan_json)
    raw = text.encode("utf-8")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\n" not in raw.replace(b"\r\n", b"")
    cal = icalendar.Calendar.from_ical(raw)
    events = cal.walk("VEVENT")
    days = sum(len(u["days"]) for u in plan_json["units"])
    calls = sum(len(p["calls"]) for p in plan_json["performers"])
    assert len(events) == days + calls
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert all("DTSTAMP" in e for e in events)
    odie = to_ics(plan_json, only="odie")
    assert odie.count("BEGIN:VEVENT") == len(
        next(p for p in plan_json["performers"] if p["character"] == "odie")["calls"]
    )


def test_folding_never_splits_a_character() -> None:
    line = "DESCRIPTION:" + "é" * 100
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join(parts) == line


def test_svg_parses(plan_json: dict[str, Any]) -> None:
    out = svg.to_svg(plan_json)
    root = ElementTree.fromstring(out)
    assert root.tag.endswith("svg")
    assert "stripboard: clinic-unit" in out and "Priya Castellanos (odie)" in out


def test_impossible_plan_exits_1_with_conflicts(
    capsys: pytest.CaptureFixture[str], universe: Path
) -> None:
    plan = universe / "production-impossible.yaml"
    code, out, _err = _run(capsys, universe, "schedule", "--plan", str(plan))
    assert code == 1
    assert "no plan meets all requests" in out
    assert "odie needs 1 travel day(s) between units" in out


def test_bad_plan_exits_2_with_file_and_line(
    capsys: pytest.CaptureFixture[str], universe: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    text = (universe / "production.yaml").read_text().replace("into: nightclinic", "into: nc")
    bad.write_text(text)
    code, _out, err = _run(capsys, universe, "schedule", "--plan", str(bad))
    assert code == 2
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "into: nc" in s)
    assert f"bad.yaml:{line}" in err and "unknown series 'nc'" in err


def test_rotation(capsys: pytest.CaptureFixture[str], universe: Path) -> None:
    code, out, _err = _run(capsys, universe, "rotation", "--format", "json")
    assert code == 0
    data = json.loads(out)
    odie = next(r for r in data["characters"] if r["character"] == "odie")
    assert set(odie["series"]) == {"ferryman", "nightclinic", "highwater"}
    assert odie["moves"] == len(odie["path"]) - 1 >= 2
    assert 0 < odie["balance"] < 1
    assert "jonah" not in {r["character"] for r in data["characters"]}  # a lead
    code, out, _err = _run(capsys, universe, "rotation", "--format", "svg")
    assert code == 0 and ElementTree.fromstring(out).tag.endswith("svg")
    code, out, _err = _run(capsys, universe, "rotation")
    assert code == 0 and "Odalys" in out


def test_no_plan_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "sallowmouth"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns(".showbible", "production*.yaml"))
    code, _out, err = run(capsys, "schedule", str(root), "--db", f"sqlite:///{tmp_path}/c.db")
    assert code == 2 and "no production plan" in err


@given(st.text(max_size=400))
def test_folding_keeps_every_line_within_75_octets(text: str) -> None:
    line = "SUMMARY:" + escape(text)
    assert "\r" not in line and "\n" not in line
    parts = fold(line).split("\r\n ")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join(parts) == line
