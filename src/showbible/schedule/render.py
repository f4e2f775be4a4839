"""A schedule as text: the plan per unit and day, call sheets, conflicts (table), and CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from showbible.schedule.strips import format_eighths


def table(data: dict[str, Any]) -> str:
    lines = [f"{data['universe']}: schedule {data['status']}"]
    if data["status"] == "unknown":
        lines.append("no plan found within the time limit, and none proven impossible: give it")
        lines.append("more time (--time-limit, or time_limit: in the plan)")
        return "\n".join(lines) + "\n"
    if data["status"] == "infeasible":
        lines.append(conflicts_text(data))
        return "\n".join(lines) + "\n"
    objective = data["objective"]
    lines.append(
        f"holding cost {objective['holding_cost']}, shift from baseline {objective['shift']} "
        f"day(s), company moves {objective['company_moves']}"
        + (" (proven optimal)" if data["proven_optimal"] else " (best found in the time limit)")
        + f", {data['seconds']:.2f} s"
    )
    for unit in data["units"]:
        lines.append("")
        lines.append(f"unit {unit['id']} ({unit['series']}, {unit['pages_per_day']:g} pages a day)")
        for day in unit["days"]:
            lines.append(f"  {day['date']}  {format_eighths(day['eighths']):>6} pages")
            for scene in day["scenes"]:
                where = " ".join(
                    x for x in (scene["int_ext"], scene["set"], scene["day_night"]) if x
                )
                cast = ", ".join(scene["characters"])
                pages = format_eighths(scene["eighths"])
                key = scene["key"] + (f" ({scene['part']})" if scene["part"] else "")
                lines.append(f"    {key:<28} {pages:>6}  {where:<36} {cast}")
    lines.append("")
    lines.append("performers (paid from first to last shooting day)")
    for p in data["performers"]:
        name = f"{p['name']} ({p['character']})" if p["name"] else p["character"]
        lines.append(
            f"  {name:<34} {p['first']} .. {p['last']}  work {p['working_days']:>2}  "
            f"paid {p['paid_days']:>2}  holding {p['holding_days']:>2}  cost {p['holding_cost']}"
        )
    if data["arcs"]:
        lines.append("")
        lines.append("arcs")
        for arc in data["arcs"]:
            state = "scheduled " + ", ".join(arc["days"]) if arc["scheduled"] else "not scheduled"
            eps = ", ".join(arc["episodes"])
            lines.append(f"  {arc['character']} into {arc['series']} ({eps}): {state}")
    return "\n".join(lines) + "\n"


def conflicts_text(data: dict[str, Any]) -> str:
    if not data["conflicts"]:
        return "no plan exists, and no smaller set of requests could be singled out"
    qualifier = "" if data["conflicts_minimal"] else " (not shrunk to a minimal set in time)"
    lines = [f"no plan meets all requests; these {len(data['conflicts'])} conflict{qualifier}:"]
    for c in data["conflicts"]:
        lines.append(f"  - {c['request']}  [{c['where']}]")
    lines.append("relax any one of them and a plan exists.")
    return "\n".join(lines)


def call_sheet(data: dict[str, Any], character: str) -> str:
    """One performer's calls, day by day, with each scene's set and pages."""
    scenes = {s["key"]: s for unit in data["units"] for day in unit["days"] for s in day["scenes"]}
    for p in data["performers"]:
        if p["character"] != character:
            continue
        name = f"{p['name']} as {character}" if p["name"] else character
        lines = [
            f"call sheet: {name}",
            f"  paid {p['first']} .. {p['last']}: {p['paid_days']} day(s), "
            f"{p['working_days']} working, {p['holding_days']} on hold",
        ]
        for call in p["calls"]:
            lines.append(f"  {call['date']}  {call['unit']}")
            for key in call["scenes"]:
                s = scenes[key]
                where = " ".join(x for x in (s["int_ext"], s["set"], s["day_night"]) if x)
                lines.append(f"    {key:<28} {format_eighths(s['eighths']):>6}  {where}")
        return "\n".join(lines) + "\n"
    return f"{character} has no call in this plan\n"


def to_csv(data: dict[str, Any]) -> str:
    """One row per scheduled scene: date, unit and the strip's columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["date", "unit", "series", "episode", "scene", "placeholder", "set", "int_ext",
         "day_night", "eighths", "pages", "characters"]
    )  # fmt: skip
    for unit in data["units"]:
        for day in unit["days"]:
            for s in day["scenes"]:
                writer.writerow(
                    [day["date"], unit["id"], s["series"], s["episode"],
                     "" if s["scene"] is None else s["scene"], int(s["placeholder"]), s["set"],
                     s["int_ext"], s["day_night"], s["eighths"], s["pages"],
                     " ".join(s["characters"])]
                )  # fmt: skip
    return buffer.getvalue()
