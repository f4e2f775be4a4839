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
from showbible.cli.common import Exit, Teardown, app, err, out
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
    """Run the command line, raising SystemExit with its code: our input errors become one
    clear line and exit code 2. For callers in a process that goes on (tests, embedding)."""
    sys.exit(_run())


def run() -> None:
    """The entry point of the `showbible` script and of `python -m showbible`: as ``main``, but
    a command that compiled a canon in this process ends without freeing it (see Teardown)."""
    code = _run()
    if Teardown.skip:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(code)
    sys.exit(code)


def _run() -> int:
    """Run the command line; its exit code."""
    Teardown.skip = False  # a command run before in this process decided for itself
    try:
        code = app(standalone_mode=False)
        return code if isinstance(code, int) else 0
    except InputError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        return 2
    except Exit as exc:
        return exc.code
    except (typer.Abort, KeyboardInterrupt):
        err.print("aborted")
        return 130
    except typer.Exit as exc:
        return exc.exit_code
    except typer.TyperException as exc:  # usage errors: bad options, bad values
        show = getattr(exc, "show", None)
        if callable(show):
            show(file=sys.stderr)
        else:
            err.print(f"[red]error:[/] {escape(str(exc))}")
        return 2
    except Exception as exc:  # our own bugs
        if os.environ.get("SHOWBIBLE_DEBUG"):
            raise
        err.print(
            f"[red]internal error:[/] {type(exc).__name__}: {escape(str(exc))}\n"
            "set SHOWBIBLE_DEBUG=1 for the traceback, and please report it"
        )
        return 3
