"""`showbible serve`: the web interface and its JSON API."""

from __future__ import annotations

from typing import Annotated

import typer

from showbible.cli.common import (
    DbOpt,
    UniverseArg,
    UniverseOpt,
    app,
    root_of,
)


@app.command()
def serve(
    universe: UniverseArg = None,
    host: Annotated[
        str, typer.Option(help="Address to bind; 127.0.0.1 keeps it on this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port (0: any free one).", min=0, max=65535)] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help="A token every request must carry "
            "(env SHOWBIBLE_TOKEN); set one before sharing with --host."
        ),
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="A host name browsers use to reach it (repeatable); loopback names and IP "
            "addresses always work. Other names are refused (DNS rebinding).",
        ),
    ] = None,
    proxy: Annotated[
        bool,
        typer.Option(
            "--proxy",
            help="Behind a reverse proxy: trust its X-Forwarded-For (from FORWARDED_ALLOW_IPS, "
            "default 127.0.0.1).",
        ),
    ] = False,
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """The web interface and its JSON API (read-only; spoiler-safe "watched up to")."""
    from showbible.web import run

    root = root_of(universe, universe_opt)
    run(root, db, host=host, port=port, token=token, allow_hosts=allow_host or (), proxy=proxy)
