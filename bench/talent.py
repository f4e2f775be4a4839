"""Talent scheduling instances (MiniZinc .dzn) solved by showbible's ordering core.

    python bench/talent.py FILE.dzn...      one JSON object per line:
    {"instance", "total", "holding", "order", "proven_optimal", "seconds"}

`order` is 1-based, as in the MiniZinc models. The solver is showbible.schedule.talent, the code
that orders each unit's scenes for `showbible schedule`. With no files it reads the instances in
../shared/data/scheduling/talent/ (when present) and checks them against optima.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from showbible.model import InputError
from showbible.schedule.dzn import read_dzn
from showbible.schedule.talent import solve

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "scheduling" / "talent"


def run(
    files: list[Path], time_limit: float = 60.0, dense_limit: int | None = None
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in files:
        solution = solve(read_dzn(path), time_limit=time_limit, dense_limit=dense_limit)
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
        "--dense-limit",
        type=int,
        default=None,
        help="largest problem for the exhaustive table (0: the branch and bound alone)",
    )
    args = parser.parse_args(argv)
    files = args.files or sorted(DATA.glob("*.dzn"))
    try:
        for row in run(files, args.time_limit, args.dense_limit):
            print(json.dumps(row), flush=True)
    except (InputError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
