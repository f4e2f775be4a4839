"""A talent scheduling instance as a production plan: one unit, a page a day, scene s a strip of
d[s] pages (so d[s] whole days), exactly as many working days as the scenes take. The calendar
model's paid holding days are then the talent problem's holding cost, so `bench/talent.py
--model calendar` runs the real instances through the same CP-SAT model as `schedule`."""

from __future__ import annotations

from datetime import date, timedelta

from showbible.schedule.plan import (
    WEEKDAYS,
    BlockConf,
    CalendarConf,
    PerformerConf,
    Plan,
    ProductionConf,
    UnitConf,
)
from showbible.schedule.solver import Solution, solve_plan
from showbible.schedule.strips import Strip
from showbible.schedule.talent import TalentProblem
from showbible.universe.loader import Locator

START = date(2030, 1, 7)


def talent_plan(problem: TalentProblem, time_limit: float = 60.0) -> tuple[Plan, list[Strip]]:
    days = sum(problem.durations)
    conf = ProductionConf(
        calendar=CalendarConf(
            start=START, end=START + timedelta(days=days - 1), working_days=WEEKDAYS
        ),
        units=(
            UnitConf(
                id="unit", series="talent", pages_per_day=1, blocks=(BlockConf(episodes=("e",)),)
            ),
        ),
        performers={f"a{a}": PerformerConf(rate=rate) for a, rate in enumerate(problem.rates)},
        travel_days=0,
        time_limit=time_limit,
    )
    plan = Plan(
        conf, Locator(), (), [START + timedelta(days=i) for i in range(days)], {},
        {"talent:e": (0, 0)},
    )  # fmt: skip
    strips = [
        Strip(f"talent:e#{s + 1}", "talent", "e", s + 1, f"SCENE {s + 1}", f"scene{s + 1}",
              "", "", 8 * d, tuple(f"a{a}" for a in sorted(cast)), None)
        for s, (d, cast) in enumerate(zip(problem.durations, problem.casts, strict=True))
    ]  # fmt: skip
    return plan, strips


def solve_as_calendar(problem: TalentProblem, time_limit: float = 60.0) -> Solution:
    plan, strips = talent_plan(problem, time_limit)
    return solve_plan(plan, strips, [], time_limit)


def calendar_order(solution: Solution) -> tuple[int, ...]:
    """The scenes (0-based) in the order of their start days."""
    return tuple(
        int(key.rpartition("#")[2]) - 1
        for key, _t in sorted(solution.day.items(), key=lambda kv: kv[1])
    )
