"""The calendar model: the demo plan's constraints hold in its optimum, an impossible plan is
explained by a minimal set of requests, and on one unit with a scene a day it agrees with the
exact talent DP."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from showbible import compile_universe, load_universe
from showbible.build.compiled import Compiled
from showbible.schedule.plan import (
    BlockConf,
    CalendarConf,
    PerformerConf,
    Plan,
    ProductionConf,
    UnitConf,
    load_plan,
    read_plan_file,
)
from showbible.schedule.result import make_schedule
from showbible.schedule.solver import solve_plan
from showbible.schedule.strips import Strip
from showbible.schedule.talent import TalentProblem, evaluate
from showbible.schedule.talent import solve as talent_solve
from showbible.schedule.talentplan import calendar_order, solve_as_calendar
from showbible.universe.loader import Locator

DEMO = Path(__file__).resolve().parents[2] / "examples" / "sallowmouth"


@pytest.fixture(scope="module")
def compiled() -> Compiled:
    return compile_universe(load_universe(DEMO), rules=False)


@pytest.fixture(scope="module")
def demo(compiled: Compiled) -> dict[str, Any]:
    plan = load_plan(compiled.universe)
    assert plan is not None
    return make_schedule(compiled, plan).to_json()


def _solve_text(compiled: Compiled, tmp_path: Path, text: str) -> dict[str, Any]:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(compiled.universe, read_plan_file(path))
    assert plan is not None
    return make_schedule(compiled, plan).to_json()


def test_demo_plan_is_optimal_and_keeps_every_rule(demo: dict[str, Any]) -> None:
    assert demo["status"] == "optimal" and demo["proven_optimal"]
    scenes = [s for u in demo["units"] for d in u["days"] for s in d["scenes"]]
    keys = Counter(s["key"] for s in scenes)
    assert max(keys.values()) == 1
    assert sum(1 for s in scenes if s["placeholder"]) == 3
    assert len(keys) == 13 + 12 + 3  # ferryman 1-3, night clinic 1-3, the arc's placeholders
    for unit in demo["units"]:
        for day in unit["days"]:
            assert day["eighths"] <= unit["pages_per_day"] * 8
    # one unit a day, a travel day between units, Ottilie away on the 6th
    for p in demo["performers"]:
        calls = [(date.fromisoformat(c["date"]), c["unit"]) for c in p["calls"]]
        assert len({d for d, _u in calls}) == len(calls)
        working = _demo_working_days()
        for (d1, u1), (d2, u2) in pairwise(calls):
            if u1 != u2:  # a working day between them for the travel
                assert working.index(d2) - working.index(d1) >= 2
        paid = (p["paid_days"], p["working_days"], p["holding_days"])
        assert paid[0] == paid[1] + paid[2]
    ottilie = next(p for p in demo["performers"] if p["character"] == "ottilie")
    assert "2026-03-06" not in [c["date"] for c in ottilie["calls"]]
    arc = demo["arcs"][0]
    assert arc["scheduled"] and all("2026-03-09" <= d <= "2026-03-13" for d in arc["days"])
    # nc6 is set on day 9 night, while Odie is held in Warehouse Nine: the canon leaves nc4, nc5
    assert arc["episodes"] == ["nc4", "nc5"]
    costs = sum(p["holding_cost"] for p in demo["performers"])
    assert costs == demo["objective"]["holding_cost"]


def test_an_impossible_plan_names_a_minimal_conflict(compiled: Compiled, tmp_path: Path) -> None:
    text = (DEMO / "production-impossible.yaml").read_text(encoding="utf-8")
    data = _solve_text(compiled, tmp_path, text)
    assert data["status"] == "infeasible"
    assert data["conflicts_minimal"]
    kinds = Counter(c["kind"] for c in data["conflicts"])
    assert kinds["arc"] == 1 and kinds["travel"] == 1
    assert all(c["where"].startswith("plan.yaml:") for c in data["conflicts"])
    # relax one member (Odie's travel day) and a plan exists
    relaxed = text.replace("rate: 900, travel_days: 1", "rate: 900, travel_days: 0")
    assert _solve_text(compiled, tmp_path, relaxed)["status"] != "infeasible"


def test_a_held_character_cannot_cross(compiled: Compiled, tmp_path: Path) -> None:
    # Odie is held in Warehouse Nine from highwater:hw2#4 (day 8) to hw3#4 (day 9 night)
    text = (DEMO / "production.yaml").read_text(encoding="utf-8")
    text = text.replace("between: [nc4, nc6]", "between: [nc6, nc6]").replace(
        "episodes: 2 ", "episodes: 1 "
    )
    data = _solve_text(compiled, tmp_path, text)
    assert data["status"] == "infeasible"
    assert sorted(c["kind"] for c in data["conflicts"]) == ["arc", "canon"]
    canon = next(c for c in data["conflicts"] if c["kind"] == "canon")
    assert "odie is held at tidewater-warehouse from highwater:hw2#4" in canon["request"]


def _demo_working_days() -> list[date]:
    """The demo calendar: Monday 2 to Friday 13 March 2026, weekends off."""
    start = date(2026, 3, 2)
    return [
        start + timedelta(days=i) for i in range(12) if (start + timedelta(days=i)).weekday() < 5
    ]


def test_rotation_weight_spreads_an_arc_to_the_least_seen_candidate(
    compiled: Compiled, tmp_path: Path
) -> None:
    # in Night Clinic so far: Odie 3 of her 22 scenes (14%), Ottilie 2 of 18 (11%)
    text = (DEMO / "production.yaml").read_text(encoding="utf-8")
    text = text.replace("  - character: odie ", "  - character: [odie, ottilie] ", 1)
    text = text.replace("time_limit: 20", "time_limit: 20\nrotation_weight: 1000")
    data = _solve_text(compiled, tmp_path, text)
    assert data["status"] == "optimal"
    arc = data["arcs"][0]
    assert arc["candidates"] == ["odie", "ottilie"]
    assert arc["character"] == "ottilie" and arc["scheduled"]
    assert data["objective"]["rotation"] == 1000 * 11
    placeholders = [
        s for u in data["units"] for d in u["days"] for s in d["scenes"] if s["placeholder"]
    ]
    assert len(placeholders) == 3 and all("ottilie" in s["characters"] for s in placeholders)


def _brute_holding(
    units: list[list[tuple[int, frozenset[int]]]], rates: tuple[int, ...], days: int, travel: int
) -> int | None:
    """The least holding cost over every assignment of scenes to days (None: no plan)."""
    import itertools

    scenes = [(u, size, cast) for u, unit in enumerate(units) for size, cast in unit]
    best = None
    for assign in itertools.product(range(days), repeat=len(scenes)):
        load: Counter[tuple[int, int]] = Counter()
        for (u, size, _cast), t in zip(scenes, assign, strict=True):
            load[(u, t)] += size
        if max(load.values()) > 8:
            continue
        cost, ok = 0, True
        for a, rate in enumerate(rates):
            at = {(t, u) for (u, _s, cast), t in zip(scenes, assign, strict=True) if a in cast}
            if not at:
                continue
            worked = sorted({t for t, _u in at})
            if len(worked) < len(at):
                ok = False  # two units on one day
                break
            for (t1, u1), (t2, u2) in itertools.combinations(sorted(at), 2):
                if u1 != u2 and abs(t2 - t1) <= travel:
                    ok = False
            cost += rate * (worked[-1] - worked[0] + 1 - len(worked))
        if ok and (best is None or cost < best):
            best = cost
    return best


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(
            st.tuples(st.integers(2, 8), st.frozensets(st.integers(0, 2), min_size=1)),
            min_size=1,
            max_size=3,
        ),
        min_size=2,
        max_size=2,
    ),
    st.tuples(*[st.integers(1, 5)] * 3),
    st.integers(0, 1),
)
def test_two_units_agree_with_brute_force(
    units: list[list[tuple[int, frozenset[int]]]], rates: tuple[int, ...], travel: int
) -> None:
    days = 4
    start = date(2026, 1, 5)
    conf = ProductionConf(
        calendar=CalendarConf(start=start, end=start + timedelta(days=days - 1),
                              working_days=("mon", "tue", "wed", "thu", "fri", "sat", "sun")),
        units=tuple(UnitConf(id=f"u{u}", series=f"s{u}", pages_per_day=1,
                             blocks=(BlockConf(episodes=("e",)),)) for u in range(2)),
        performers={f"c{a}": PerformerConf(rate=rates[a]) for a in range(3)},
        travel_days=travel,
    )  # fmt: skip
    plan = Plan(
        conf, Locator(), (), [start + timedelta(days=i) for i in range(days)], {},
        {"s0:e": (0, 0), "s1:e": (1, 0)},
    )  # fmt: skip
    strips = [
        Strip(f"s{u}:e#{k + 1}", f"s{u}", "e", k + 1, "INT. ROOM - DAY", f"room{k}", "INT",
              "DAY", size, tuple(sorted(f"c{a}" for a in cast)), None)
        for u, unit in enumerate(units)
        for k, (size, cast) in enumerate(unit)
    ]  # fmt: skip
    solution = solve_plan(plan, strips, [], time_limit=20)
    expected = _brute_holding(units, rates, days, travel)
    if expected is None:
        assert solution.status == "infeasible"
    else:
        assert solution.status == "optimal"
        assert solution.holding_cost == expected


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(2, 5).flatmap(
        lambda n: st.builds(
            TalentProblem,
            st.tuples(*[st.integers(1, 2)] * n),
            st.tuples(*[st.frozensets(st.integers(0, 2), min_size=1)] * n),
            st.tuples(*[st.integers(1, 5)] * 3),
        )
    )
)
def test_talent_through_the_calendar_model_is_the_dp(problem: TalentProblem) -> None:
    # scenes of one or two whole days: the calendar's multi-day strips and holding days
    solution = solve_as_calendar(problem, time_limit=20)
    assert solution.status == "optimal"
    exact = talent_solve(problem)
    assert solution.holding_cost == exact.holding
    assert evaluate(problem, calendar_order(solution)) == (exact.total, exact.holding)


def test_no_plan_in_time_is_unknown_not_infeasible(
    compiled: Compiled, monkeypatch: pytest.MonkeyPatch
) -> None:
    from showbible.schedule import solver

    def hurried(seconds: float) -> Any:
        made = cp_model.CpSolver()
        made.parameters.max_time_in_seconds = 0.0
        return made

    monkeypatch.setattr(solver, "_solver", hurried)
    plan = load_plan(compiled.universe)
    assert plan is not None
    data = make_schedule(compiled, plan).to_json()
    assert data["status"] == "unknown" and not data["proven_optimal"]
    assert data["conflicts"] == [] and not data["arcs"][0]["scheduled"]
