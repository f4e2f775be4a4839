"""The web application: `create_app` assembles it, `run` serves it with uvicorn.

The app reads the store and nothing else writes through it; it never imports the command line.
Pages and the JSON API share one data layer (overview, people, episodes, findings, search), and
every answer goes through the viewer's "watched up to" cut (see visible.py).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from showbible import queries
from showbible.build.daemon import Daemon
from showbible.model import InputError
from showbible.report import terminal_safe
from showbible.web import api, findings, overview, pages
from showbible.web.render import Renderer
from showbible.web.security import BURST, RATE, Guard
from showbible.web.state import Canon, Watcher

STATIC = Path(__file__).parent / "static"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
log = logging.getLogger("showbible.web")


def create_app(
    root: Path,
    url: str | None = None,
    token: str | None = None,
    *,
    watch: float | None = 2.0,
    rate: float = RATE,
    burst: float = BURST,
    allow_hosts: Iterable[str] | None = None,
) -> FastAPI:
    """The web interface of the universe at ``root`` (store ``url``, default as the CLI's).

    The store is brought up to date now; with ``watch`` (seconds) a background thread rebuilds
    it whenever a file of the universe changes, while the server runs. A failed build leaves
    the last good canon on show under a banner. ``token`` (or env SHOWBIBLE_TOKEN): every
    request must carry it. ``allow_hosts``: the Host names answered (DNS rebinding); None: the
    loopback names (and the test client's), IP addresses always; "*": any."""
    root = Path(root)
    token = token or os.environ.get("SHOWBIBLE_TOKEN") or None
    canon = Canon(root, url)
    # The overview is everyone's first page: have its parts ready after every build.
    canon.warmers += [overview.crossovers, overview.counts, findings.visible_findings]
    canon.rebuild()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        watcher = Watcher(canon, watch) if watch else None
        if watcher is not None:
            watcher.start()
        # `check` in another process asks this server for its findings (build/daemon.py).
        daemon = Daemon(
            canon.session.root,
            canon.url,
            canon.refresh_for_check,
            lambda: canon.session.findings,
            lambda: canon.session.diagnostics,
            canon.build_lock,
            lambda: canon.session.scripts(),
        )
        daemon.start()
        try:
            yield
        finally:
            daemon.close()
            if watcher is not None:
                watcher.stop()
            canon.close()

    app = FastAPI(
        title="showbible",
        summary="The canon of a shared universe, as of any point of the release order.",
        description=(
            "Read-only JSON API mirroring the showbible command line. Every answer is cut at "
            "the viewer's *watched up to* point: the `watched` query parameter (an episode "
            "reference such as `magpie:mp2`) or, failing that, the `watched` cookie the pages "
            "set. Without either, answers cover the whole canon."
        ),
        docs_url=None,  # /docs is our own page: Swagger UI needs a CDN and inline script
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.canon = canon
    app.state.renderer = Renderer(canon)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(queries.NotFound, _not_found)
    app.add_exception_handler(InputError, _bad_input)
    app.add_middleware(Guard, token=token, rate=rate, burst=burst, hosts=allow_hosts)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _not_found(request: Request, exc: Exception) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": str(exc)}, status_code=404)
    renderer: Renderer = request.app.state.renderer
    return renderer.error(request, 404, "Not here", str(exc))


async def _bad_input(request: Request, exc: Exception) -> Response:
    # InputError messages are written for users (file:line: what is wrong), never traces.
    if _wants_json(request):
        return JSONResponse({"detail": str(exc)}, status_code=400)
    renderer: Renderer = request.app.state.renderer
    return renderer.error(request, 400, "That did not work", str(exc))


def run(
    root: Path,
    url: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    *,
    allow_hosts: Iterable[str] = (),
    proxy: bool = False,
) -> None:
    """Serve the universe at ``root`` until interrupted (what `showbible serve` calls). Raises
    InputError, before building anything, when the address cannot be listened on."""
    from showbible.web import server

    sock = server.bind(host, port)  # a busy or bad port is a clear message, not a traceback
    token = token or os.environ.get("SHOWBIBLE_TOKEN") or None
    # Only the names this server is reached by: loopback names, the --host it was given, and
    # --allow-host (never "testserver", which create_app accepts for the test client).
    hosts = {*LOOPBACK, *allow_hosts}
    if host not in ("0.0.0.0", "::", ""):
        hosts.add(host)
    app = create_app(root, url, token, allow_hosts=hosts)
    canon: Canon = app.state.canon
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}/"
    print(f"showbible: serving {root} at {address}", file=sys.stderr)
    if token:
        # Never the token itself: a terminal's scrollback and CI logs are not secret.
        where = "--token" if os.environ.get("SHOWBIBLE_TOKEN") != token else "SHOWBIBLE_TOKEN"
        print(
            f"showbible: sign in once with {address}?token=TOKEN (TOKEN: the one given by "
            f"{where}); or send 'Authorization: Bearer TOKEN'",
            file=sys.stderr,
        )
    elif host not in LOOPBACK:
        print(
            "showbible: warning: shared on the network without a token; anyone who can reach "
            "it can read the canon (use --token)",
            file=sys.stderr,
        )
    if host in ("0.0.0.0", "::") and not allow_hosts:
        print(
            "showbible: note: browsers reach it by IP address; a host name needs --allow-host NAME",
            file=sys.stderr,
        )
    if not canon.status.ok:
        message = terminal_safe(canon.status.message or "")  # it may quote a script's text
        print(f"showbible: warning: build failed: {message}", file=sys.stderr)
    server.serve(app, sock, proxy=proxy)
