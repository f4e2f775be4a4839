"""Commands that make and check the canon: init, build, check, check-files, watch, parse."""

from __future__ import annotations

import contextlib
import json
import shlex
import sys
import threading
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from showbible.cli import scope
from showbible.cli.common import (
    DbOpt,
    Exit,
    UniverseArg,
    UniverseOpt,
    app,
    choose,
    err,
    out,
    print_json,
    progress_bar,
    root_of,
    skip_teardown,
    warn_diagnostics,
)
from showbible.model import InputError
from showbible.reading.names import did_you_mean
from showbible.universe.root import find_root

# The engine, the store, the rules and the reports are imported by the commands that use them
# (importing the command line must stay cheap: tests/cli/test_import_cost.py).


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the universe in.")],
    name: Annotated[str | None, typer.Option(help="The universe's name.")] = None,
) -> None:
    """Scaffold a universe: universe.yaml, a series folder and a first episode."""
    from showbible.universe.scaffold import scaffold  # reads the bible: imported when used

    written = scaffold(directory, name)
    for path in written:
        err.print(f"created {path}")
    # Quoted as a shell needs it: `init "My Show"` is followed by `build 'My Show'`.
    err.print(f"next: [bold]showbible build {escape(shlex.quote(str(directory)))}[/]")


@app.command("build")
def build_cmd(
    universe: UniverseArg = None,
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
    force: Annotated[bool, typer.Option(help="Re-fold even if nothing changed.")] = False,
) -> None:
    """Parse and compile the universe into the store, incrementally."""
    from showbible.build.compiler import build  # the engine: imported when used

    root = root_of(universe, universe_opt)
    with progress_bar(err.is_terminal) as report:
        result = build(root, db, force=force, progress=report)
    skip_teardown()  # a canon compiled here: not worth freeing at exit
    warn_diagnostics(result)
    if not result.changed:
        err.print("canon is up to date")
        return
    if result.note:
        err.print(f"note: {result.note}")
    assert result.compiled is not None
    canon = result.compiled.canon
    people = sum(1 for c in result.compiled.cast.characters.values() if not c.role)
    err.print(
        f"built {plural(len(result.compiled.universe.episodes), 'episode')}, "
        f"{plural(len(canon.scenes), 'scene')}, {plural(people, 'character')}, "
        f"{plural(len(canon.encounters), 'pair')} met "
        f"({result.parsed} parsed, {result.cached} unchanged) in {result.seconds:.2f}s"
    )


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


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
    no_daemon: Annotated[
        bool,
        typer.Option(
            "--no-daemon",
            help="Compile here even when a `watch` or `serve` of this universe could answer.",
        ),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Say who answered and how long it took.")
    ] = False,
) -> None:
    """Lint the universe against its canon. Exit 0 clean, 1 errors found, 2 bad input."""
    from showbible.build.check import check as run_check  # the engine: imported when used
    from showbible.report import (
        dumps,
        exit_code,
        grouped_text_lines,
        path_prefix,
        relative_to_universe,
        summarise,
        to_json,
        to_sarif,
    )

    choose(fmt, ("text", "json", "sarif"), "--format")
    root = root_of(universe, universe_opt)
    if rule:
        # The rules live in the engine: imported only to check the ids asked for, so that a
        # check a running `watch` answers imports none of it.
        from showbible.rules import RULES
    for r in rule or ():
        if r not in RULES:
            raise typer.BadParameter(
                f"unknown rule {r!r} (known: {', '.join(RULES)})", param_hint="--rule"
            )
    paths = scope.narrow(root, [relative_to_universe(p, root) for p in only or ()])
    with progress_bar(err.is_terminal and fmt == "text") as report:
        del report
        # The build's warnings are findings of their own rules (rules/input.py): shown below.
        started = time.perf_counter()
        result = run_check(
            root, db, as_of=as_of, only=paths, rules=rule or (), daemon=not no_daemon
        )
    if result.served_by is None:
        skip_teardown()  # a canon compiled here: not worth freeing at exit
    scope.verify(root, db, paths, "--only", result.scripts)
    if verbose:
        who = (
            f"the watch/serve process {result.served_by}"
            if result.served_by
            else "this process (no watch or serve of this universe answered"
            + (f"; {result.how})" if result.how else ")")
        )
        err.print(f"checked by {who} in {time.perf_counter() - started:.2f}s")
    findings = result.findings
    if fmt == "json":
        sys.stdout.write(dumps(to_json(findings)))
    elif fmt == "sarif":
        sys.stdout.write(dumps(to_sarif(findings, root)))
    else:
        for style, line in grouped_text_lines(findings, prefix=path_prefix(root)):
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

    from showbible.build.daemon import Daemon
    from showbible.build.session import Refresh, Session
    from showbible.build.watching import changes
    from showbible.report import path_prefix, summarise, text_lines, to_json

    choose(fmt, ("text", "json"), "--format")
    root = root_of(universe, universe_opt)
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

    def refresh_or_raise() -> str:
        try:
            done = session.refresh()
        except InputError as exc:
            show(None, exc)
            raise
        if done.mode != "unchanged":
            show(done, None)
        return done.mode

    def refresh() -> None:
        with contextlib.suppress(InputError):
            refresh_or_raise()

    # A `check` in another process asks this one (daemon.py) rather than compiling itself; the
    # lock keeps its refreshes and ours from running at once.
    lock = threading.RLock()
    daemon = Daemon(
        session.root,
        session.url,
        refresh_or_raise,
        lambda: session.findings,
        lambda: session.diagnostics,
        lock,
        session.scripts,
    )
    try:
        with progress_bar(err.is_terminal and fmt == "text") as report:
            session.progress = report
            refresh()
        session.progress = None
        daemon.start()
        for _ in changes(session.root, session.ignore, interval, polling=poll):
            with lock:
                if session.changed():
                    refresh()
    except KeyboardInterrupt:
        return
    finally:
        daemon.close()


@app.command("check-files")
def check_files(
    files: Annotated[list[Path], typer.Argument(help="Changed scripts (pre-commit passes them).")],
    fmt: Annotated[str, typer.Option("--format", help="text, json or sarif.")] = "text",
    db: DbOpt = None,
) -> None:
    """Check the universes these files belong to, reporting only on these files (pre-commit)."""
    from showbible.build.check import check as run_check  # the engine: imported when used
    from showbible.report import (
        dumps,
        exit_code,
        grouped_text_lines,
        path_prefix,
        relative_to_universe,
        to_json,
        to_sarif,
    )

    choose(fmt, ("text", "json", "sarif"), "--format")
    by_root: dict[Path, list[str]] = {}
    for f in files:
        if not f.exists():
            near = [str(p) for p in f.parent.iterdir()] if f.parent.is_dir() else []
            raise InputError(f"no such file: {f}" + did_you_mean(str(f), near))
        root = find_root(f.resolve().parent)
        if root is not None:
            by_root.setdefault(root, []).append(relative_to_universe(str(f), root))
    code = 0
    for root, rels in by_root.items():
        # A bible file checks everything; a file of the universe that is no script (a README)
        # has no findings, so reporting on it prints nothing.
        paths = scope.narrow(root, rels)
        result = run_check(root, db, only=paths, daemon=True)
        if result.served_by is None:
            skip_teardown()  # a canon compiled here: not worth freeing at exit
        scope.verify(root, db, [], "check-files", result.scripts)
        if fmt == "json":
            sys.stdout.write(dumps(to_json(result.findings)))
        elif fmt == "sarif":
            sys.stdout.write(dumps(to_sarif(result.findings, root)))
        else:
            for style, line in grouped_text_lines(result.findings, prefix=path_prefix(root)):
                out.print(f"[{style}]{escape(line)}[/]")
        code = max(code, exit_code(result.findings))
    raise Exit(code)


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A script file.", dir_okay=False)],
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """The element stream of one script: each element with its type, text and line."""
    from showbible.formats import read_script  # the readers: imported when used

    choose(fmt, ("text", "json"), "--format")
    script = read_script(file)
    for d in script.diagnostics:
        err.print(f"[yellow]{escape(str(d))}[/]")
    if fmt == "json":
        print_json(
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
