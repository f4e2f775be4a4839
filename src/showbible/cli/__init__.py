"""The `showbible` command line (typer + rich). Data to stdout, messages to stderr.

One module per command group; importing them registers their commands on ``app``.

Exit codes: 0 fine, 1 findings with errors (check), 2 bad input or usage, 3 internal error.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Annotated

import typer
from rich.markup import escape

from showbible.cli import asking, building, db, facts, identities, planning, serving
from showbible.cli.common import Exit, app, end_quickly, ends_quickly, err, out
from showbible.model import InputError
from showbible.version import __version__

# Importing the command groups registered their commands on ``app``.
COMMAND_GROUPS = (asking, building, db, facts, identities, planning, serving)


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


def run() -> None:
    """The process's entry point (``python -m showbible``, the ``showbible`` script): ``main``,
    then, when the command asked for it (``common.end_quickly``), the process ends at once with
    its exit code once what it printed is flushed, instead of tearing its interpreter down
    (which ran a last full collection over a build's canon: 0.7 CPU s of a cold build's 10 s
    critical path at 500 synthetic episodes). Every command's own clean-up (``finally``, ``with``)
    has run by then; the store is closed and the build's children are joined."""
    code: int | str | None = 0
    end_quickly(False)
    try:
        main()
    except SystemExit as exc:
        code = exc.code
        if not ends_quickly():
            raise
    if not ends_quickly():
        return
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # as the interpreter shows a SystemExit's text
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (``| head``)
            stream.flush()
    os._exit(code or 0)
