"""Production planning commands: schedule (the shooting plan of every unit, §7) and rotation."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from showbible.cli.common import (
    DbOpt,
    Exit,
    UniverseArg,
    UniverseOpt,
    app,
    choose,
    err,
    print_json,
    progress_bar,
    root_of,
    warn_diagnostics,
)
from showbible.model import InputError

if TYPE_CHECKING:
    from showbible.build.compiled import Compiled

SCHEDULE_FORMATS = ("table", "json", "csv", "ics", "svg")


def _compiled(root: Path, db: str | None) -> Compiled:
    """The canon in memory, the store brought up to date on the way (as every query does)."""
    from showbible.build.compiler import build, compile_universe  # the engine: when used
    from showbible.store import resolve_url
    from showbible.universe.loader import load_universe

    with progress_bar(err.is_terminal) as report:
        result = build(root, resolve_url(root, db), progress=report)
    warn_diagnostics(result, limit=5)
    if result.compiled is not None:
        return result.compiled
    return compile_universe(load_universe(root), rules=False)


@app.command()
def schedule(
    universe: UniverseArg = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json, csv, ics or svg.")] = "table",
    plan_file: Annotated[
        Path | None,
        typer.Option("--plan", help="A plan file (default: production.yaml or `production:`)."),
    ] = None,
    only: Annotated[
        str | None, typer.Option("--for", help="ics: only this unit's or character's events.")
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option("--call-sheet", help="table: also print this character's call sheet."),
    ] = None,
    time_limit: Annotated[
        float | None, typer.Option("--time-limit", help="Seconds for the solver.", min=0.1)
    ] = None,
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """The shooting plan of every unit with the requested crossover arcs (exit 1: no plan)."""
    # imported here: CP-SAT brings pandas and a second of imports no other command needs
    from showbible.schedule import ics, render, svg
    from showbible.schedule.plan import load_plan, read_plan_file
    from showbible.schedule.result import make_schedule

    choose(fmt, SCHEDULE_FORMATS, "--format")
    root = root_of(universe, universe_opt)
    compiled = _compiled(root, db)
    source = read_plan_file(plan_file) if plan_file is not None else None
    plan = load_plan(compiled.universe, source)
    if plan is None:
        raise InputError(
            "no production plan: write production.yaml beside universe.yaml (docs/schedule.md)",
            file=str(root),
        )
    if only is not None:
        known = {u.id for u in plan.conf.units} | set(compiled.universe.bible.characters)
        if only not in known:
            raise typer.BadParameter(
                f"{only!r} is neither a unit nor a character", param_hint="--for"
            )
    data = make_schedule(compiled, plan, time_limit).to_json()
    if fmt == "json":
        print_json(data)
    elif fmt == "csv":
        sys.stdout.write(render.to_csv(data))
    elif fmt == "ics":
        sys.stdout.buffer.write(ics.to_ics(data, only).encode("utf-8"))
        sys.stdout.flush()
    elif fmt == "svg":
        sys.stdout.write(svg.to_svg(data))
    else:
        sys.stdout.write(render.table(data))
        if sheet is not None:
            sys.stdout.write("\n" + render.call_sheet(data, sheet))
    if data["status"] in ("infeasible", "unknown"):
        if fmt != "table":
            unknown = data["status"] == "unknown"
            message = "no plan found within the time limit" if unknown else None
            err.print(message or render.conflicts_text(data), markup=False)
        raise Exit(1)


@app.command()
def rotation(
    universe: UniverseArg = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json or svg (heatmap).")] = "table",
    leads: Annotated[
        bool, typer.Option("--leads", help="Include each series' lead character.")
    ] = False,
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """How the supporting cast moves between series over the release order."""
    from showbible.schedule import svg
    from showbible.schedule.rotation import rotation as rotation_data
    from showbible.schedule.rotation import rotation_table

    choose(fmt, ("table", "json", "svg"), "--format")
    root = root_of(universe, universe_opt)
    data = rotation_data(_compiled(root, db).canon, include_leads=leads)
    if fmt == "json":
        print_json(data)
    elif fmt == "svg":
        sys.stdout.write(svg.rotation_svg(data))
    else:
        sys.stdout.write(rotation_table(data))
