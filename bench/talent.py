"""Talent scheduling instances (MiniZinc .dzn) solved by showbible's ordering core.

    python bench/talent.py FILE.dzn...      one JSON object per line:
    {"instance", "total", "holding", "order", "proven_optimal", "seconds"}

`order` is 1-based, as in the MiniZinc models. The solver is showbible.schedule.talent, the code
that orders each unit's scenes for `showbible schedule`; `--model calendar` runs schedule's CP-SAT
calendar model instead (one unit, a scene of d days as d whole days), to compare. With no files
it reads the instances in ../shared/data/scheduling/talent/ (when present).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from showbible.model import InputError
from showbible.schedule.dzn import read_dzn
from showbible.schedule.talent import TalentProblem, evaluate, solve
from showbible.schedule.talentplan import calendar_order, solve_as_calendar

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "scheduling" / "talent"


def run(
    files: list[Path],
    time_limit: float = 60.0,
    dense_limit: int | None = None,
    model: str = "dp",
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in files:
        problem = read_dzn(path)
        if model == "calendar":
            rows.append(_calendar_row(path, problem, time_limit))
            continue
        solution = solve(problem, time_limit=time_limit, dense_limit=dense_limit)
        rows.append(
            {
                "instance": path.stem,
                "total": solution.total,
                "holding": solution.holding,
                "order": [s + 1 for s in solution.order],
                "proven_optimal": solution.proven_optimal,
                "seconds": round(solution.seconds, 4),
            }
        )
    return rows


def _calendar_row(path: Path, problem: TalentProblem, time_limit: float) -> dict[str, object]:
    """The instance through the CP-SAT calendar model of `schedule` (talentplan.py)."""
    started = time.perf_counter()
    calendar = solve_as_calendar(problem, time_limit)
    order = calendar_order(calendar)
    total, holding = evaluate(problem, order) if order else (0, 0)
    return {
        "instance": path.stem,
        "total": total,
        "holding": holding,
        "order": [s + 1 for s in order],
        "proven_optimal": calendar.status == "optimal",
        "seconds": round(time.perf_counter() - started, 4),
    }


def against_optima(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """The rows with the proven optimum beside each (for `make bench`)."""
    optima = json.loads((DATA / "optima.json").read_text(encoding="utf-8"))["instances"]
    table = []
    for row in rows:
        known = optima.get(str(row["instance"]), {})
        table.append(
            {
                "instance": row["instance"],
                "total": row["total"],
                "optimum": known.get("total", "?"),
                "holding": row["holding"],
                "proven": row["proven_optimal"],
                "seconds": row["seconds"],
            }
        )
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds per instance")
    parser.add_argument(
        "--model",
        choices=("dp", "calendar"),
        default="dp",
        help="dp: the ordering core (default); calendar: schedule's CP-SAT model, for comparison",
    )
    parser.add_argument(
        "--dense-limit",
        type=int,
        default=None,
        help="largest problem for the exhaustive table (0: the branch and bound alone)",
    )
    args = parser.parse_args(argv)
    files = args.files or sorted(DATA.glob("*.dzn"))
    try:
        for row in run(files, args.time_limit, args.dense_limit, args.model):
            print(json.dumps(row), flush=True)
    except (InputError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
