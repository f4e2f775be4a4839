"""Commands that ask the canon: who, met, crossovers, export, relations, watch-order."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from showbible.cli.common import (
    AsOfOpt,
    DbOpt,
    Timeline,
    UniverseArg,
    UniverseOpt,
    app,
    choose,
    err,
    out,
    print_json,
    root_of,
    timeline_of,
    with_canon,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection


def _life_lines(life: dict[str, Any]) -> list[str]:
    """`died in h5#7 (per the bible, universe.yaml:40)`, `last seen in h5#9`."""
    out = []

    def at(ref: dict[str, Any]) -> str:
        return f"{ref['series']}:{ref['episode']}#{ref['scene']}"

    died = life["died"]
    if died is not None:
        source = {"inferred": "an inferred fact"}.get(died["source"], f"the {died['source']}")
        said = f": {died['sentence']!r}" if died.get("sentence") else ""
        out.append(
            f"[red]died[/] in {at(died)} (per {source}, "
            f"{escape(died['file'])}:{died['line']}{escape(said)})"
        )
    seen = life["last_seen"]
    if seen is not None:
        out.append(f"last seen in {at(seen)} [dim]{escape(seen['file'])}:{seen['line']}[/]")
    return out


@app.command()
def who(
    name: Annotated[str, typer.Argument(help="A character id, name or cue.")],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="EPISODE, SERIES:EPISODE or ...#SCENE: only canon up to there."
        ),
    ] = None,
    timeline: Timeline = "release",
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """A character: series, appearances, whom they met where."""
    from showbible import queries  # with SQLAlchemy: imported by the commands that ask

    choose(fmt, ("text", "json"), "--format")
    tl = timeline_of(timeline)
    root = root_of(None, universe_opt)

    def ask(conn: Connection) -> dict[str, Any]:
        point = queries.as_of(conn, as_of, tl) if as_of else None
        return queries.who(conn, name, point)

    data = with_canon(root, db, ask)
    if fmt == "json":
        print_json(data)
        return
    kind = " (provisional: not in the bible)" if data["provisional"] else ""
    out.print(f"[bold]{escape(data['name'])}[/] [dim]{data['id']}[/]{kind}")
    if data["as_of"]:
        out.print(f"as of {data['as_of']['ref']} ({data['as_of']['timeline']} order)")
    if data["performer"]:
        out.print(f"played by {escape(data['performer'])}")
    if not data["appeared"] and data["as_of"]:
        out.print(f"not yet seen as of {data['as_of']['ref']}")
        return
    out.print(f"series: {', '.join(data['series']) or '(none yet)'}")
    for line in _life_lines(data["life"]):
        out.print(line)
    labels = sorted({lab["label"] for labs in data["labels"].values() for lab in labs})
    if labels:
        out.print(f"cued as: {escape(', '.join(labels))}")
    out.print("\n[bold]Appearances[/]")
    for ap in data["appearances"]:
        scenes = ", ".join(str(s["scene"]) for s in ap["scenes"])
        out.print(f"  {ap['series']}:{ap['episode']}  scenes {scenes}  [dim]{ap['file']}[/]")
    if data["knows"]:
        out.print("\n[bold]Knows[/]")
        for k in data["knows"]:
            since = k["since"]
            when = (
                "from the start"
                if since is None
                else f"since {since['series']}:{since['episode']}#{since['scene']}"
            )
            out.print(f"  {k['secret']}  {when}  [dim]{k['file']}:{k['line']}[/]")
    if data["relations"]:
        out.print("\n[bold]Relationships now[/]")
        for rel in data["relations"]:
            now = ", ".join(_relation_text(k, data["id"], rel["name"]) for k in rel["now"])
            out.print(f"  {escape(rel['name'])}: {escape(now) or 'nothing now'}")
    out.print("\n[bold]Met[/]")
    if not data["met"]:
        out.print("  nobody yet")
    for m in data["met"]:
        f = m["first"]
        out.print(
            f"  {escape(m['name'])} [dim]({m['id']})[/] first in "
            f"{f['series']}:{f['episode']}#{f['scene']}  [dim]{f['file']}:{f['line']}[/]"
            f"  ({m['scenes_together']} scene(s) together)"
        )


@app.command()
def met(
    a: Annotated[str, typer.Argument(help="A character.")],
    b: Annotated[str, typer.Argument(help="Another character.")],
    as_of: AsOfOpt = None,
    timeline: Timeline = "release",
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """Where and when A and B first met, on both timelines."""
    from showbible import queries  # with SQLAlchemy: imported by the commands that ask

    choose(fmt, ("text", "json"), "--format")
    tl = timeline_of(timeline)
    root = root_of(None, universe_opt)

    def ask(conn: Connection) -> dict[str, Any]:
        point = queries.as_of(conn, as_of, tl) if as_of else None
        return queries.met(conn, a, b, point)

    data = with_canon(root, db, ask)
    if fmt == "json":
        print_json(data)
        return
    an, bn = escape(data["a"]["name"]), escape(data["b"]["name"])
    when = ""
    if data["as_of"]:
        when = f" as of {escape(data['as_of']['ref'])} ({data['as_of']['timeline']} order)"
    if not data["met"]:
        out.print(f"{an} and {bn} have not met on screen{' yet' + when if when else ''}")
        return
    out.print(f"[bold]{an}[/] and [bold]{bn}[/] share {data['scenes_together']} scene(s){when}")
    for key, title in (
        ("release", "first seen together (release order)"),
        ("story", "first met (story order)"),
    ):
        f = data.get(key)
        if f is None:
            continue  # beyond the --as-of point on this timeline
        story = f" [dim]story time {f['story']}[/]" if f["story"] else ""
        out.print(
            f"  {title}: {f['series']}:{f['episode']}#{f['scene']} "
            f"{escape(f['heading'])}  [dim]{f['file']}:{f['line']}[/]{story}"
        )
    for pair in data["relations"]:
        out.print("\n[bold]Relationship[/] (story order)")
        for ch in pair["history"]:
            at = ch["at"]
            where = f"{at['series']}:{at['episode']}#{at['scene']}" if at else "from the start"
            verb = "ends" if ch["verb"] == "ends" else "becomes"
            out.print(
                f"  {where:<28} {verb} {ch['kind'] or '(all)'}  [dim]{ch['file']}:{ch['line']}[/]"
            )
    if data["interaction"]:
        out.print("\n[bold]Interaction[/] per episode (release order): scenes together, exchanges")
        peak = max(r["exchanges"] for r in data["interaction"]) or 1
        for r in data["interaction"]:
            bar = "█" * max(1, round(20 * r["exchanges"] / peak)) if r["exchanges"] else "·"
            out.print(f"  {r['episode']:<28} {r['scenes']:>3} {r['exchanges']:>4}  {bar}")


@app.command()
def crossovers(
    universe: UniverseArg = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="EPISODE, SERIES:EPISODE or ...#SCENE: canon up to there."),
    ] = None,
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """Series x series shared characters and each crossing character's path."""
    from rich.table import Table

    from showbible import queries  # with SQLAlchemy: imported by the commands that ask

    choose(fmt, ("table", "json"), "--format")
    root = root_of(universe, universe_opt)

    def ask(conn: Connection) -> dict[str, Any]:
        return queries.crossovers(conn, queries.as_of(conn, as_of) if as_of else None)

    data = with_canon(root, db, ask)
    if fmt == "json":
        print_json(data)
        return
    ids = [s["id"] for s in data["series"]]
    matrix = Table(title="Characters shared between series", title_justify="left")
    matrix.add_column("")
    for sid in ids:
        matrix.add_column(sid, justify="right")
    for a in ids:
        matrix.add_row(a, *[("·" if a == b else str(data["matrix"][a][b] or "")) for b in ids])
    out.print(matrix)
    paths = Table(title="Crossing characters", title_justify="left")
    paths.add_column("character")
    paths.add_column("cued as")
    paths.add_column("path (first scene in each series)")
    for ch in data["characters"]:
        steps = " → ".join(f"{p['series']}:{p['episode']}#{p['scene']}" for p in ch["path"])
        name = escape(ch["name"]) + (" [dim](provisional)[/]" if ch["provisional"] else "")
        paths.add_row(name, escape(", ".join(ch["labels"][:4])), steps)
    out.print(paths)


@app.command()
def export(
    universe: UniverseArg = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="json, graphml, gexf or csv. Without it: JSON to a pipe, or to "
            "UNIVERSE-NAME.json in this folder when the output is a terminal.",
        ),
    ] = None,
    as_of: AsOfOpt = None,
    timeline: Timeline = "release",
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """The character graph for Gephi, networkx and spreadsheets (csv: one row per pair met)."""
    from showbible import queries  # with SQLAlchemy: imported by the commands that ask
    from showbible.canon.graph import FORMATS as EXPORT_FORMATS
    from showbible.canon.graph import render

    choose(fmt or "json", EXPORT_FORMATS, "--format")
    tl = timeline_of(timeline)
    root = root_of(universe, universe_opt)

    def ask(conn: Connection) -> dict[str, Any]:
        return queries.export(conn, queries.as_of(conn, as_of, tl) if as_of else None)

    data = with_canon(root, db, ask)
    text = render(data, fmt or "json")
    if fmt is None and sys.stdout.isatty():
        # Hundreds of KB of JSON scrolling past helps nobody: a file named after the universe.
        name = slug(root.resolve().name) or "universe"
        path = Path(f"{name}.json")
        path.write_text(text, encoding="utf-8")
        err.print(
            f"wrote {escape(str(path))} ({len(text.encode()) / 1024:,.0f} KB of JSON); "
            "choose a format with --format graphml|gexf|json|csv, or redirect: > cast.json"
        )
        return
    sys.stdout.write(text)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@app.command("relations")
def relations_cmd(
    name: Annotated[str, typer.Argument(help="A character.")],
    other: Annotated[str | None, typer.Argument(help="Only the pair with this character.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Where things stand at REF.")] = None,
    timeline: Annotated[
        str, typer.Option("--timeline", help="story (default) or release.")
    ] = "story",
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """A character's relationships: where each pair stands, and every change with its scene."""
    from showbible import queries  # with SQLAlchemy: imported by the commands that ask

    choose(fmt, ("text", "json"), "--format")
    tl = timeline_of(timeline)
    root = root_of(None, universe_opt)

    def ask(conn: Connection) -> dict[str, Any]:
        point = queries.as_of(conn, as_of, tl) if as_of else None
        return queries.relations(conn, name, point, other)

    data = with_canon(root, db, ask)
    if fmt == "json":
        print_json(data)
        return
    when = f" as of {data['as_of']['ref']}" if data["as_of"] else ""
    out.print(f"[bold]{escape(data['name'])}[/]{when} ({data['timeline']} order)")
    if not data["relations"]:
        out.print("  no declared relationships")
    for pair in data["relations"]:
        now = ", ".join(_relation_text(k, data["id"], pair["name"]) for k in pair["now"])
        out.print(f"\n  with [bold]{escape(pair['name'])}[/]: {escape(now) or 'nothing now'}")
        for ch in pair["history"]:
            at = ch["at"]
            where = f"{at['series']}:{at['episode']}#{at['scene']}" if at else "from the start"
            verb = "ends" if ch["verb"] == "ends" else "becomes"
            out.print(
                f"    {where:<28} {verb} {ch['kind'] or '(all)'}  [dim]{ch['file']}:{ch['line']}[/]"
            )


def _relation_text(k: dict[str, Any], cid: str, other_name: str) -> str:
    if k["mutual"]:
        return str(k["kind"])
    # "hunts Ben" / "Ben hunts them": the verb agrees with a named subject.
    kind = k["kind"]
    return f"{kind} {other_name}" if k["from"] == cid else f"{other_name} {kind} them"


@app.command("watch-order")
def watch_order(
    target: Annotated[str, typer.Argument(help="An episode: EPISODE or SERIES:EPISODE.")],
    deep: Annotated[bool, typer.Option(help="Also what those episodes rely on, in turn.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """The episodes to see before TARGET so that every meeting and secret it relies on is known."""
    from showbible import queries  # with SQLAlchemy: imported by the commands that ask

    choose(fmt, ("text", "json"), "--format")
    root = root_of(None, universe_opt)
    data = with_canon(root, db, lambda conn: queries.watch_order(conn, target, deep))
    if fmt == "json":
        print_json(data)
        return
    if not data["episodes"]:
        out.print(f"{data['target']} relies on nothing from other episodes")
        return
    out.print(f"Before [bold]{data['target']}[/], watch:")
    for ep in data["episodes"]:
        title = f" — {escape(ep['title'])}" if ep["title"] else ""
        out.print(f"  [bold]{ep['episode']}[/]{title}")
        for reason in ep["reasons"]:
            out.print(f"      {escape(reason)}")
