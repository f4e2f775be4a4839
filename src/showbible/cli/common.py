"""What every command shares: the app, the consoles, the universe and store options, finding
the universe, the progress bar, and answering from the last good canon when a build fails.

Exit codes: 0 fine, 1 findings with errors (check), 2 bad input or usage, 3 internal error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.segment import Segment

from showbible.model import InputError
from showbible.universe.root import UNIVERSE_FILE, find_root

# The engine, the store (SQLAlchemy) and the reports are imported where a command uses them:
# importing the command line must stay cheap for `--help` and a one-shot check's start
# (tests/cli/test_import_cost.py).
if TYPE_CHECKING:
    from sqlalchemy import Connection

    from showbible import queries
    from showbible.build.compiled import BuildResult


def _flag_type(self: Any, ctx: Any) -> str | None:
    """No type column for on/off flags: typer 0.2x prints ``--version <bool>``, which reads as if
    the flag took a value."""
    return None if self.is_flag else _option_type(self, ctx)


_option_type = typer.core.TyperOption.display_type_rich
typer.core.TyperOption.display_type_rich = _flag_type  # type: ignore[method-assign]

app = typer.Typer(
    name="showbible",
    help="A continuity engine for shared universes: who appeared where, who met whom, "
    "who knows what, as of any episode.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class SafeConsole(Console):
    """A console that shows control characters in what it prints as escapes (report.py's
    terminal_safe): a name or cue holding ``\\e]0;...\\a`` or ``\\e[2K`` must not retitle the
    window or erase a line of a terminal or CI log. Applied to the text of every segment, so
    tables, panels and markup are covered alike; rich's own styling is added after it."""

    def render(self, renderable: Any, options: Any = None) -> Iterator[Segment]:
        from showbible.report import terminal_safe  # report.py imports the rules: only on output

        for seg in super().render(renderable, options):
            if seg.control is None and seg.text:
                safe = terminal_safe(seg.text)
                if safe is not seg.text:
                    seg = Segment(safe, seg.style, seg.control)
            yield seg


# soft_wrap: never break a file:line message or a path across lines.
out = SafeConsole(soft_wrap=True, highlight=False)


err = SafeConsole(stderr=True, soft_wrap=True, highlight=False)


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
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="EPISODE, SERIES:EPISODE or ...#SCENE: only canon up to there."),
]


class Exit(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


class Teardown:
    """Whether the process may end without freeing its objects: ``cli.run``, the entry point
    of the `showbible` script and of `python -m showbible`, then flushes the output and leaves
    through ``os._exit`` (``cli.main``, for a process that goes on, never does). A command
    that compiled a canon in this process holds millions of objects, and the interpreter's
    ordinary exit frees them one by one: a fifth of a one-shot `check` at 500 episodes (0.25
    of 1.4 CPU s), spent after the answer is printed. As mypy does. Only for a command that
    has nothing left to release: its store connections closed, no child processes (the
    build's pools are shut before it returns)."""

    skip = False


def skip_teardown() -> None:
    """This command's process may end without freeing its objects (see Teardown)."""
    Teardown.skip = True


def root_of(arg: Path | None, opt: Path | None) -> Path:
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
def progress_bar(enabled: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    if not enabled:
        yield None
        return
    from rich.progress import (  # only a terminal that is shown a bar needs it
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

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


def warn_diagnostics(result: BuildResult, limit: int = 20) -> None:
    for d in result.diagnostics[:limit]:
        err.print(f"[yellow]{escape(str(d))}[/]")
    if len(result.diagnostics) > limit:
        err.print(f"[yellow]... and {len(result.diagnostics) - limit} more warnings[/]")


def with_canon(root: Path, db: str | None, fn: Callable[[Connection], T]) -> T:
    """Bring the store up to date, then answer from it; if the build fails, answer from the
    last good canon with the build error as a warning."""
    from showbible.build.compiler import build  # the engine and the store: only when used
    from showbible.store import Store, resolve_url

    url = resolve_url(root, db)
    try:
        with progress_bar(err.is_terminal) as report:
            result = build(root, url, progress=report)
        warn_diagnostics(result, limit=5)
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


def print_json(data: Any) -> None:
    from showbible.report import json_safe  # report.py imports the rules: only on output

    sys.stdout.write(json_safe(json.dumps(data, indent=2, ensure_ascii=False, default=str)) + "\n")


def choose(value: str, allowed: tuple[str, ...], option: str) -> None:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=option)


def timeline_of(value: str) -> queries.Timeline:
    if value == "release":
        return "release"
    if value == "story":
        return "story"
    raise typer.BadParameter(f"{value!r} is not release or story", param_hint="--timeline")
