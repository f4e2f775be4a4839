"""A solved plan as data: units by day, performers' call sheets, arcs, conflicts (the JSON of
`showbible schedule --format json`, which every other format is drawn from)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from showbible.build.compiled import Compiled
from showbible.schedule.canonfit import arc_blocks
from showbible.schedule.plan import Plan
from showbible.schedule.rotation import shares
from showbible.schedule.solver import Solution, solve_plan
from showbible.schedule.strips import Strip, stripboard


@dataclass
class Schedule:
    plan: Plan
    strips: list[Strip]
    solution: Solution
    universe: str

    def to_json(self) -> dict[str, Any]:
        return schedule_json(self)


def make_schedule(compiled: Compiled, plan: Plan, time_limit: float | None = None) -> Schedule:
    """Stripboard, canon checks and the solver: InputError for a bad plan."""
    strips = stripboard(compiled, plan)
    blocks = arc_blocks(compiled, plan, strips)
    solution = solve_plan(plan, strips, blocks, time_limit, shares(compiled.canon))
    return Schedule(plan, strips, solution, compiled.universe.name)


def _scene_json(strip: Strip, part: str = "") -> dict[str, Any]:
    """A strip as shot on one day; `part` ("1/2") when it takes several."""
    return {
        "part": part,
        "key": strip.key,
        "series": strip.series,
        "episode": strip.episode,
        "scene": strip.scene,
        "placeholder": strip.arc is not None,
        "heading": strip.heading,
        "set": strip.set,
        "int_ext": strip.int_ext,
        "day_night": strip.day_night,
        "characters": list(strip.characters),
        "eighths": strip.eighths,
        "pages": strip.pages,
    }


def shooting_days(solution: Solution, strip: Strip) -> list[tuple[int, int]]:
    """(day index, eighths shot that day) for each day the strip takes (none if unplaced)."""
    start = solution.day.get(strip.key)
    if start is None:
        return []
    span = solution.span.get(strip.key, 1)
    share, extra = divmod(strip.eighths, span)
    return [(start + k, share + (1 if k < extra else 0)) for k in range(span)]


def schedule_json(schedule: Schedule) -> dict[str, Any]:
    plan, strips, solution = schedule.plan, schedule.strips, schedule.solution
    days = plan.days
    unit_of = {
        f"{s.series}:{s.episode}": plan.block_of[f"{s.series}:{s.episode}"][0] for s in strips
    }
    units = []
    for ui, unit in enumerate(plan.conf.units):
        by_day: dict[int, list[tuple[Strip, int, str]]] = {}
        for strip in strips:
            if unit_of[f"{strip.series}:{strip.episode}"] != ui:
                continue
            taken = shooting_days(solution, strip)
            for k, (t, eighths) in enumerate(taken):
                part = f"{k + 1}/{len(taken)}" if len(taken) > 1 else ""
                by_day.setdefault(t, []).append((strip, eighths, part))
        units.append(
            {
                "id": unit.id,
                "series": unit.series,
                "pages_per_day": unit.pages_per_day,
                "days": [
                    {
                        "date": days[t].isoformat(),
                        "eighths": sum(e for _s, e, _p in by_day[t]),
                        "scenes": [
                            _scene_json(s, part)
                            for s, _e, part in sorted(by_day[t], key=lambda x: _set_order(x[0]))
                        ],
                    }
                    for t in sorted(by_day)
                ],
            }
        )
    performers = _performers(schedule, unit_of)
    arcs = []
    for ai, arc in enumerate(plan.conf.arcs):
        mine = [s for s in strips if s.arc == ai and s.key in solution.day]
        order = [k.rpartition(":")[2] for k in plan.arc_episodes[ai]]
        placed = sorted({t for s in mine for t, _e in shooting_days(solution, s)})
        arcs.append(
            {
                "character": arc.candidates[mine[0].choice] if mine else arc.who,
                "candidates": list(arc.candidates),
                "series": arc.into,
                "episodes": sorted({s.episode for s in mine}, key=order.index) if mine else [],
                "scenes": arc.scenes,
                "scheduled": bool(placed) and solution.status in ("optimal", "feasible"),
                "days": [days[t].isoformat() for t in placed],
            }
        )
    return {
        "universe": schedule.universe,
        "status": solution.status,
        "proven_optimal": solution.status == "optimal",
        "seconds": round(solution.seconds, 3),
        "objective": {
            "holding_cost": solution.holding_cost,
            "rotation": solution.rotation,
            "shift": solution.shift,
            "company_moves": solution.moves,
        },
        "units": units,
        "performers": performers,
        "arcs": arcs,
        "conflicts": [
            {"kind": r.kind, "request": r.words, "where": r.where} for r in solution.conflicts
        ],
        "conflicts_minimal": solution.minimal,
    }


def _set_order(strip: Strip) -> tuple[str, str]:
    # within a day a unit shoots set by set (the board's order), then in key order
    return (strip.set, strip.key)


def _performers(schedule: Schedule, unit_of: dict[str, int]) -> list[dict[str, Any]]:
    plan, strips, solution = schedule.plan, schedule.strips, schedule.solution
    days = plan.days
    out = []
    for cid in sorted({c for s in strips for c in s.characters}):
        conf = plan.conf.performers.get(cid)
        calls: dict[int, list[Strip]] = {}
        for strip in strips:
            if cid in strip.characters:
                for t, _eighths in shooting_days(solution, strip):
                    calls.setdefault(t, []).append(strip)
        if not calls:
            continue
        first, last = min(calls), max(calls)
        paid = last - first + 1
        rate = conf.rate if conf is not None else 1
        holding = paid - len(calls)
        out.append(
            {
                "character": cid,
                "name": conf.name if conf is not None and conf.name else None,
                "rate": rate,
                "first": days[first].isoformat(),
                "last": days[last].isoformat(),
                "working_days": len(calls),
                "paid_days": paid,
                "holding_days": holding,
                "holding_cost": holding * rate,
                "calls": [
                    {
                        "date": days[t].isoformat(),
                        "unit": plan.conf.units[
                            unit_of[f"{calls[t][0].series}:{calls[t][0].episode}"]
                        ].id,
                        "scenes": [s.key for s in sorted(calls[t], key=_set_order)],
                        "sets": sorted({s.set for s in calls[t]}),
                    }
                    for t in sorted(calls)
                ],
            }
        )
    return out
