"""`identities`: who may be who — possible crossovers, walk-on labels, suspected merges and
splits, each with its evidence and the bible line that settles it."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from showbible.cli.common import (
    DbOpt,
    UniverseArg,
    UniverseOpt,
    app,
    choose,
    err,
    out,
    print_json,
    progress_bar,
    root_of,
    warn_diagnostics,
)

TITLES = {
    "possible-crossover": "Possible crossovers (a label in several series, not yet one character)",
    "suspected-merge": "Suspected merges (asserted crossings that rest on little)",
    "suspected-split": "Suspected splits (two labels that may be one person)",
    "walk-on": "Walk-on labels (never cross)",
}


@app.command()
def identities(
    universe: UniverseArg = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """Suspected merges and splits, possible crossovers and walk-on labels, each with its
    evidence and the bible line that settles it. A universe that cannot build is an error."""
    from showbible import queries  # the engine and the store: imported when used
    from showbible.build.compiler import build
    from showbible.store import Store, resolve_url

    choose(fmt, ("text", "json"), "--format")
    root = root_of(universe, universe_opt)
    url = resolve_url(root, db)
    # No answering from an older canon here: doubts about a universe that does not build
    # would be doubts about another universe (the error says why; exit 2).
    with progress_bar(err.is_terminal) as report:
        result = build(root, url, progress=report)
    warn_diagnostics(result, limit=5)
    st = Store(url)
    try:
        with st.read() as conn:
            data = queries.identities(conn)
    finally:
        st.dispose()
    if fmt == "json":
        print_json(data)
        return
    _print(data)


def _print(data: dict[str, list[dict[str, Any]]]) -> None:
    if not any(data.values()):
        out.print("No identity doubts: every label names one character.")
        return
    for kind, title in TITLES.items():
        rows = data.get(kind) or []
        if not rows:
            continue
        out.print(f"[bold]{escape(title)}[/]: {len(rows)}")
        for row in rows:
            where = f"{row['file']}:{row['line']}" if row.get("file") else ""
            series = ", ".join(row.get("series") or [])
            out.print(f"  [bold]{escape(row['label'])}[/] ({escape(series)}) {escape(where)}")
            if kind == "walk-on":
                for line in row["evidence"].get("for", []):
                    out.print(f"    {escape(line)}")
                continue
            for line in row["evidence"].get("for", []):
                out.print(f"    [green]+[/] {escape(line)}")
            for line in row["evidence"].get("against", []):
                out.print(f"    [red]-[/] {escape(line)}")
            out.print(f"    settle: [cyan]{escape(row['settle'])}[/]")
            if row.get("apart"):
                out.print(f"    or keep apart: [cyan]{escape(row['apart'])}[/]")
