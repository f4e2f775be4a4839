"""The `showbible` command line (typer + rich). Data to stdout, messages to stderr.

Exit codes: 0 fine, 1 findings with errors (check), 2 bad input or usage, 3 internal error.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import Connection

from showbible import __version__, queries, review
from showbible.build import BuildResult, build
from showbible.check import check as run_check
from showbible.formats import read_script
from showbible.graph import FORMATS as EXPORT_FORMATS
from showbible.graph import render
from showbible.model import InputError
from showbible.news import extract_facts, facts_to_json, format_fact
from showbible.report import (
    dumps,
    exit_code,
    path_prefix,
    relative_to_universe,
    summarise,
    text_lines,
    to_json,
    to_sarif,
)
from showbible.rules import RULES
from showbible.scaffold import scaffold
from showbible.store import Store, resolve_url
from showbible.universe import UNIVERSE_FILE, find_root, load_universe

app = typer.Typer(
    name="showbible",
    help="A continuity engine for shared universes: who appeared where, who met whom, "
    "who knows what, as of any episode.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# soft_wrap: never break a file:line message or a path across lines.
out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)

T = TypeVar("T")

UniverseOpt = Annotated[
    Path | None,
    typer.Option(
        "--universe", "-u", help="The universe folder (default: nearest upward).", file_okay=False
    ),
]
UniverseArg = Annotated[
    Path | None,
    typer.Argument(help="The universe folder (default: nearest upward).", show_default=False),
]
DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Store URL (default: SQLite in UNIVERSE/.showbible/; env SHOWBIBLE_DB).",
        show_default=False,
    ),
]
Timeline = Annotated[
    str, typer.Option("--timeline", help="release (as the audience met it) or story.")
]


class Exit(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def _root(arg: Path | None, opt: Path | None) -> Path:
    chosen = opt or arg
    if chosen is not None:
        if not (chosen / UNIVERSE_FILE).is_file():
            raise InputError(f"no {UNIVERSE_FILE} here", file=str(chosen))
        return chosen
    found = find_root()
    if found is None:
        raise InputError(
            f"no {UNIVERSE_FILE} in this folder or any above it; "
            "pass -u DIR or run `showbible init DIR`"
        )
    return found


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    if not enabled:
        yield None
        return
    names = {"read": "Reading scripts", "store": "Writing canon"}
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        tasks: dict[str, Any] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(names.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield report


def _warn_diagnostics(result: BuildResult, limit: int = 20) -> None:
    for d in result.diagnostics[:limit]:
        err.print(f"[yellow]{escape(str(d))}[/]")
    if len(result.diagnostics) > limit:
        err.print(f"[yellow]... and {len(result.diagnostics) - limit} more warnings[/]")


def _with_canon(root: Path, db: str | None, fn: Callable[[Connection], T]) -> T:
    """Bring the store up to date, then answer from it; if the build fails, answer from the
    last good canon with the build error as a warning."""
    url = resolve_url(root, db)
    try:
        with _progress(err.is_terminal) as report:
            result = build(root, url, progress=report)
        _warn_diagnostics(result, limit=5)
    except InputError as exc:
        st = Store(url)
        try:
            st.ensure_schema()
            if not st.has_canon():
                raise
        finally:
            st.dispose()
        err.print(
            f"[yellow]warning: build failed, answering from the last good canon: "
            f"{escape(str(exc))}[/]"
        )
    st = Store(url)
    try:
        with st.read() as conn:
            return fn(conn)
    finally:
        st.dispose()


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


# --- commands ----------------------------------------------------------------------------


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the universe in.")],
    name: Annotated[str | None, typer.Option(help="The universe's name.")] = None,
) -> None:
    """Scaffold a universe: universe.yaml, a series folder and a first episode."""
    written = scaffold(directory, name)
    for path in written:
        err.print(f"created {path}")
    err.print(f"next: [bold]showbible build {directory}[/]")


@app.command("build")
def build_cmd(
    universe: UniverseArg = None,
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
    force: Annotated[bool, typer.Option(help="Re-fold even if nothing changed.")] = False,
) -> None:
    """Parse and compile the universe into the store, incrementally."""
    root = _root(universe, universe_opt)
    with _progress(err.is_terminal) as report:
        result = build(root, db, force=force, progress=report)
    _warn_diagnostics(result)
    if not result.changed:
        err.print("canon is up to date")
        return
    assert result.compiled is not None
    canon = result.compiled.canon
    people = sum(1 for c in result.compiled.cast.characters.values() if not c.role)
    err.print(
        f"built {len(result.compiled.universe.episodes)} episodes, {len(canon.scenes)} scenes, "
        f"{people} characters, {len(canon.encounters)} pairs met "
        f"({result.parsed} parsed, {result.cached} unchanged) in {result.seconds:.2f}s"
    )


@app.command("check")
def check_cmd(
    universe: UniverseArg = None,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Report only on this script or folder (repeatable)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text, json or sarif.")] = "text",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Check against the canon released up to REF.")
    ] = None,
    rule: Annotated[
        list[str] | None, typer.Option("--rule", help="Report only this rule (repeatable).")
    ] = None,
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """Lint the universe against its canon. Exit 0 clean, 1 errors found, 2 bad input."""
    _choice(fmt, ("text", "json", "sarif"), "--format")
    root = _root(universe, universe_opt)
    for r in rule or ():
        if r not in RULES:
            raise typer.BadParameter(
                f"unknown rule {r!r} (known: {', '.join(RULES)})", param_hint="--rule"
            )
    paths = [relative_to_universe(p, root) for p in only or ()]
    with _progress(err.is_terminal and fmt == "text") as report:
        del report
        result = run_check(root, db, as_of=as_of, only=paths, rules=rule or ())
    for d in result.diagnostics:
        err.print(f"[yellow]{escape(str(d))}[/]")
    findings = result.findings
    if fmt == "json":
        sys.stdout.write(dumps(to_json(findings)))
    elif fmt == "sarif":
        sys.stdout.write(dumps(to_sarif(findings, root)))
    else:
        for style, line in text_lines(findings, prefix=path_prefix(root)):
            out.print(f"[{style}]{escape(line)}[/]")
        s = summarise(findings)
        err.print(
            f"{s['errors']} error(s), {s['warnings']} warning(s), {s['notes']} note(s), "
            f"{s['sealed']} sealed"
        )
    raise Exit(exit_code(findings))


@app.command("watch")
def watch_cmd(
    universe: UniverseArg = None,
    fmt: Annotated[
        str, typer.Option("--format", help="text, or json: one JSON object per line.")
    ] = "text",
    interval: Annotated[
        float,
        typer.Option(help="Seconds between looks at the files when polling.", min=0.05),
    ] = 0.5,
    poll: Annotated[
        bool,
        typer.Option(
            "--poll",
            help="Look at the files every --interval instead of waiting for the system's "
            "change notifications (for network filesystems).",
        ),
    ] = False,
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """Keep the canon compiled and re-check on every save (Ctrl-C to stop).

    An edit inside an episode is re-checked in about a tenth of a second, whatever the size
    of the universe; edits that reach other episodes rebuild everything from the caches."""
    from datetime import datetime

    from showbible.session import Refresh, Session
    from showbible.watching import changes

    _choice(fmt, ("text", "json"), "--format")
    root = _root(universe, universe_opt)
    session = Session(root, db)
    prefix = path_prefix(root)
    seen: set[tuple[str, str, tuple[str, ...], str]] = set()

    def show(done: Refresh | None, error: InputError | None) -> None:
        nonlocal seen
        findings = session.findings
        if fmt == "json":
            doc: dict[str, Any] = {"error": str(error) if error else None}
            if done is not None:
                doc.update(
                    mode=done.mode,
                    files=done.files,
                    seconds=round(done.seconds, 4),
                    rechecked=done.rechecked,
                    reason=done.reason or None,
                )
            doc["diagnostics"] = [str(d) for d in session.diagnostics]
            doc.update(to_json(findings))
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
            sys.stdout.flush()
            return
        stamp = datetime.now().strftime("%H:%M:%S")
        if error is not None:
            err.print(f"[dim]{stamp}[/] [red]error:[/] {escape(str(error))} (canon unchanged)")
            return
        assert done is not None
        what = ", ".join(done.files) or "the universe"
        how = f"{done.rechecked} scene(s) re-checked" if done.mode == "episodes" else "rebuilt"
        why = f" ({done.reason})" if done.reason and done.mode == "build" else ""
        err.print(f"[dim]{stamp}[/] {escape(what)}: {how} in {done.seconds:.2f}s{escape(why)}")
        # Warnings (a mistyped annotation, an unknown secret) of the files just read.
        for d in session.diagnostics:
            if done.mode == "build" or d.file in done.files:
                err.print(f"[yellow]{escape(str(d))}[/]")
        new = [f for f in findings if f.key not in seen]
        for style, line in text_lines(new, prefix=prefix):
            out.print(f"[{style}]{escape(line)}[/]")
        gone = len(seen - {f.key for f in findings})
        seen = {f.key for f in findings}
        s = summarise(findings)
        err.print(
            f"{s['errors']} error(s), {s['warnings']} warning(s), {s['notes']} note(s), "
            f"{s['sealed']} sealed; {len(new)} new, {gone} resolved — watching (Ctrl-C to stop)"
        )

    def refresh() -> None:
        try:
            done = session.refresh()
            if done.mode != "unchanged":
                show(done, None)
        except InputError as exc:
            show(None, exc)

    try:
        with _progress(err.is_terminal and fmt == "text") as report:
            session.progress = report
            refresh()
        session.progress = None
        for _ in changes(session.root, session.ignore, interval, polling=poll):
            if session.changed():
                refresh()
    except KeyboardInterrupt:
        return


@app.command("check-files")
def check_files(
    files: Annotated[list[Path], typer.Argument(help="Changed scripts (pre-commit passes them).")],
    fmt: Annotated[str, typer.Option("--format", help="text, json or sarif.")] = "text",
    db: DbOpt = None,
) -> None:
    """Check the universes these files belong to, reporting only on these files (pre-commit)."""
    _choice(fmt, ("text", "json", "sarif"), "--format")
    by_root: dict[Path, list[str]] = {}
    for f in files:
        root = find_root(f.resolve().parent)
        if root is not None:
            by_root.setdefault(root, []).append(relative_to_universe(str(f), root))
    code = 0
    for root, paths in by_root.items():
        result = run_check(root, db, only=paths)
        for d in result.diagnostics:
            if d.file in paths:
                err.print(f"[yellow]{escape(str(d))}[/]")
        if fmt == "json":
            sys.stdout.write(dumps(to_json(result.findings)))
        elif fmt == "sarif":
            sys.stdout.write(dumps(to_sarif(result.findings, root)))
        else:
            for style, line in text_lines(result.findings, prefix=path_prefix(root)):
                out.print(f"[{style}]{escape(line)}[/]")
        code = max(code, exit_code(result.findings))
    raise Exit(code)


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A script file.", dir_okay=False)],
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """The element stream of one script: each element with its type, text and line."""
    _choice(fmt, ("text", "json"), "--format")
    script = read_script(file)
    for d in script.diagnostics:
        err.print(f"[yellow]{escape(str(d))}[/]")
    if fmt == "json":
        _print_json(
            {
                "file": str(file),
                "title": dict(script.title),
                "elements": [e.to_json() for e in script.elements],
                "scenes": [
                    {
                        "scene": s.number,
                        "heading": s.heading.text if s.heading else None,
                        "line": s.line,
                        "end_line": s.end_line,
                    }
                    for s in script.scenes
                ],
                "boneyard": [e.to_json() for e in script.boneyard],
                "diagnostics": [str(d) for d in script.diagnostics],
            }
        )
        return
    for e in script.elements:
        extra = f" ({', '.join(e.extensions)})" if e.extensions else ""
        text = e.text.replace("\n", "⏎")
        out.print(f"{e.line:>6}  {e.kind.value:<13} {escape(text)}{escape(extra)}")


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
    _choice(fmt, ("text", "json"), "--format")
    tl = _timeline(timeline)
    root = _root(None, universe_opt)

    def ask(conn: Connection) -> dict[str, Any]:
        point = queries.as_of(conn, as_of, tl) if as_of else None
        return queries.who(conn, name, point)

    data = _with_canon(root, db, ask)
    if fmt == "json":
        _print_json(data)
        return
    kind = " (provisional: not in the bible)" if data["provisional"] else ""
    out.print(f"[bold]{escape(data['name'])}[/] [dim]{data['id']}[/]{kind}")
    if data["as_of"]:
        out.print(f"as of {data['as_of']['ref']} ({data['as_of']['timeline']} order)")
    if data["performer"]:
        out.print(f"played by {escape(data['performer'])}")
    out.print(f"series: {', '.join(data['series']) or '(none yet)'}")
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
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """Where and when A and B first met, on both timelines."""
    _choice(fmt, ("text", "json"), "--format")
    root = _root(None, universe_opt)
    data = _with_canon(root, db, lambda conn: queries.met(conn, a, b))
    if fmt == "json":
        _print_json(data)
        return
    an, bn = escape(data["a"]["name"]), escape(data["b"]["name"])
    if not data["met"]:
        out.print(f"{an} and {bn} have not met on screen")
        return
    out.print(f"[bold]{an}[/] and [bold]{bn}[/] share {data['scenes_together']} scene(s)")
    for key, title in (
        ("release", "first seen together (release order)"),
        ("story", "first met (story order)"),
    ):
        f = data[key]
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
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """Series x series shared characters and each crossing character's path."""
    _choice(fmt, ("table", "json"), "--format")
    root = _root(universe, universe_opt)
    data = _with_canon(root, db, lambda conn: queries.crossovers(conn))
    if fmt == "json":
        _print_json(data)
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
    fmt: Annotated[str, typer.Option("--format", help="json, graphml, gexf or csv.")] = "json",
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """The character graph for Gephi, networkx and spreadsheets (csv: one row per pair met)."""
    _choice(fmt, EXPORT_FORMATS, "--format")
    root = _root(universe, universe_opt)
    data = _with_canon(root, db, queries.export)
    sys.stdout.write(render(data, fmt))


@app.command()
def facts(
    universe: UniverseArg = None,
    inferred: Annotated[
        bool,
        typer.Option(
            "--inferred", help="Only the facts inferred from action lines, with their confidence."
        ),
    ] = False,
    proposed: Annotated[
        bool,
        typer.Option(
            "--proposed",
            help="The facts proposed from news articles (`showbible news`), waiting for review.",
        ),
    ] = False,
    accept: Annotated[
        list[int] | None,
        typer.Option("--accept", help="Accept proposal ID: write it into the bible (repeatable)."),
    ] = None,
    reject: Annotated[
        list[int] | None, typer.Option("--reject", help="Reject proposal ID (repeatable).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """Canon facts with their sources: bible, annotations, inferred, and the engine's doubts;
    with --proposed/--accept/--reject, the review of facts proposed from the news."""
    _choice(fmt, ("text", "json"), "--format")
    root = _root(universe, universe_opt)
    if proposed or accept or reject:
        _review(root, db, accept or [], reject or [], fmt)
        return
    rows = _with_canon(root, db, queries.facts_list)
    if inferred:
        rows = [r for r in rows if r["source"] == "inferred"]
    if fmt == "json":
        _print_json({"facts": rows})
        return
    for r in rows:
        detail = json.loads(r["detail"]) if r["detail"] else {}
        what = f"{r['kind']} {r['subject']}" + (f" {r['object']}" if r["object"] else "")
        extra = ""
        if r["kind"] == "provisional-character" and detail.get("suggestion"):
            extra = f"  looks like a misspelling of {detail['suggestion']}"
        elif r["kind"] == "doubtful-identity":
            extra = f"  {detail.get('reason', '')}"
        elif r["source"] == "inferred":
            used = "used" if detail.get("used") else "not used"
            extra = f"  confidence {r['confidence']:.1f}, {used}: {detail.get('sentence', '')!r}"
        elif detail.get("source"):
            extra = f"  (source: {detail['source']})"
        out.print(
            f"{r['file']}:{r['line']}: [bold]{escape(what)}[/] [dim]({r['source']})[/]"
            f"{escape(extra)}"
        )


def _review(root: Path, db: str | None, accept: list[int], reject: list[int], fmt: str) -> None:
    universe = load_universe(root)
    st = Store(resolve_url(root, db))
    try:
        st.ensure_schema()
        with st.write() as conn:
            for pid in accept:
                err.print(f"accepted {pid}: {review.decide(conn, universe, pid, True)}")
                universe = load_universe(root)  # the bible changed
            for pid in reject:
                review.decide(conn, universe, pid, False)
                err.print(f"rejected {pid}")
            rows = review.listing(conn)
    finally:
        st.dispose()
    if fmt == "json":
        _print_json({"proposals": rows})
        return
    if not rows:
        err.print("no proposals waiting for review")
    for r in rows:
        out.print(
            f"[bold]{r['id']:>4}[/] {r['kind']:<11} {escape(r['subject'])} → "
            f"{escape(r['object'][:80])}  [dim]{escape(r['file'])}:{r['line']} "
            f"({r['confidence']:.2f})[/]"
        )


@app.command()
def news(
    files: Annotated[list[Path], typer.Argument(help="Article text files, as crawled.")],
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """Production facts from news articles: who plays whom, showrunners, characters moving
    between series, quotes, outlets. With a universe, names are matched to its bible and the
    facts are kept for review (`showbible facts --proposed`)."""
    _choice(fmt, ("text", "json"), "--format")
    root = universe_opt if universe_opt is not None else find_root()
    universe = load_universe(root) if root is not None else None
    found = extract_facts(files, universe.bible if universe else None)
    if fmt == "json":
        _print_json(facts_to_json(found))
    else:
        for fact in found:
            out.print(escape(format_fact(fact)))
            out.print(f"    [dim]{escape(fact.sentence[:160])}[/]")
    if root is not None:
        st = Store(resolve_url(root, db))
        try:
            st.ensure_schema()
            with st.write() as conn:
                added = review.record(conn, found, universe)
        finally:
            st.dispose()
        err.print(f"{len(found)} fact(s), {added} new for review: showbible facts --proposed")


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
    _choice(fmt, ("text", "json"), "--format")
    tl = _timeline(timeline)
    root = _root(None, universe_opt)

    def ask(conn: Connection) -> dict[str, Any]:
        point = queries.as_of(conn, as_of, tl) if as_of else None
        return queries.relations(conn, name, point, other)

    data = _with_canon(root, db, ask)
    if fmt == "json":
        _print_json(data)
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
    return f"{k['kind']} them" if k["from"] == cid else f"they {k['kind']} this one"


@app.command("watch-order")
def watch_order(
    target: Annotated[str, typer.Argument(help="An episode: EPISODE or SERIES:EPISODE.")],
    deep: Annotated[bool, typer.Option(help="Also what those episodes rely on, in turn.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """The episodes to see before TARGET so that every meeting and secret it relies on is known."""
    _choice(fmt, ("text", "json"), "--format")
    root = _root(None, universe_opt)
    data = _with_canon(root, db, lambda conn: queries.watch_order(conn, target, deep))
    if fmt == "json":
        _print_json(data)
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


@app.command()
def serve(
    universe: UniverseArg = None,
    host: Annotated[
        str, typer.Option(help="Address to bind; 127.0.0.1 keeps it on this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help="A token every request must carry "
            "(env SHOWBIBLE_TOKEN); set one before sharing with --host."
        ),
    ] = None,
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """The web interface and its JSON API (read-only; spoiler-safe "watched up to")."""
    from showbible.web import run

    root = _root(universe, universe_opt)
    run(root, db, host=host, port=port, token=token)


db_app = typer.Typer(help="The canon store: schema migrations.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(universe_opt: UniverseOpt = None, db: DbOpt = None) -> None:
    """Create the store's schema or migrate it to this version (alembic)."""
    root = _root(None, universe_opt)
    st = Store(resolve_url(root, db))
    try:
        before = st.revision()
        st.ensure_schema()
        after = st.revision()
    finally:
        st.dispose()
    if before == after:
        err.print(f"store is at schema {after}: nothing to do")
    else:
        err.print(f"store migrated from {before or 'nothing'} to schema {after}")


@db_app.command("current")
def db_current(universe_opt: UniverseOpt = None, db: DbOpt = None) -> None:
    """Print the store's schema revision."""
    root = _root(None, universe_opt)
    st = Store(resolve_url(root, db))
    try:
        out.print(st.revision() or "(empty store)")
    finally:
        st.dispose()


def _choice(value: str, allowed: tuple[str, ...], option: str) -> None:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=option)


def _timeline(value: str) -> queries.Timeline:
    if value == "release":
        return "release"
    if value == "story":
        return "story"
    raise typer.BadParameter(f"{value!r} is not release or story", param_hint="--timeline")


def _version(value: bool) -> None:
    if value:
        out.print(f"showbible {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """showbible: continuity for shared universes."""


def main() -> None:
    """Entry point: turns our input errors into one clear line and exit code 2."""
    try:
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except InputError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        sys.exit(2)
    except Exit as exc:
        sys.exit(exc.code)
    except (typer.Abort, KeyboardInterrupt):
        err.print("aborted")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.TyperException as exc:  # usage errors: bad options, bad values
        show = getattr(exc, "show", None)
        if callable(show):
            show(file=sys.stderr)
        else:
            err.print(f"[red]error:[/] {escape(str(exc))}")
        sys.exit(2)
    except Exception as exc:  # our own bugs
        if os.environ.get("SHOWBIBLE_DEBUG"):
            raise
        err.print(
            f"[red]internal error:[/] {type(exc).__name__}: {escape(str(exc))}\n"
            "set SHOWBIBLE_DEBUG=1 for the traceback, and please report it"
        )
        sys.exit(3)
