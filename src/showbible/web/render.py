"""Jinja2 rendering: the page frame every template shares, and the URL helpers.

Autoescaping is on for every template, and nothing is ever marked safe: script text, names
and messages are all data, shown as text.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from showbible.version import __version__
from showbible.web.state import Canon, View
from showbible.web.visible import PALETTE

log = logging.getLogger("showbible.web")


def seg(text: str) -> str:
    return quote(text, safe=":@")


def character_url(cid: str) -> str:
    return f"/character/{seg(cid)}"


def episode_url(series: str, episode: str, scene: int | None = None) -> str:
    url = f"/episode/{seg(series)}/{seg(episode)}"
    return url if scene is None else f"{url}#scene-{scene}"


def scene_key_url(key: str) -> str:
    """``series:episode#n`` -> its scene on the episode page."""
    text, _, number = key.partition("#")
    series, _, episode = text.partition(":")
    return episode_url(series, episode, int(number) if number.isdigit() else None)


def pretty(ident: str) -> str:
    return ident.replace("-", " ").replace("_", " ")


class Renderer:
    def __init__(self, canon: Canon) -> None:
        self.canon = canon
        self.env = Environment(
            loader=PackageLoader("showbible.web", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(
            character_url=character_url,
            episode_url=episode_url,
            scene_key_url=scene_key_url,
            pretty=pretty,
            palette=PALETTE,
            version=__version__,
        )

    def frame(self, request: Request, view: View | None) -> dict[str, Any]:
        """What the header and footer of every page need."""
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        ctx: dict[str, Any] = {
            "here": here,
            "banner": self.canon.status.message,
            "universe": "showbible",
            "cut": None,
            "watch": [],
            "next_episode": None,
            "built_at": None,
        }
        if view is not None:
            ctx.update(
                universe=view.index.name,
                cut=view.cut,
                watch=view.cached("watch-options", lambda: watch_options(view)),
                next_episode=next_episode(view),
                built_at=view.canon.meta(view.conn, "built_at"),
            )
        return ctx

    def page(
        self,
        request: Request,
        view: View,
        name: str,
        block: str | None = None,
        status: int = 200,
        **ctx: Any,
    ) -> HTMLResponse:
        """A whole page, or with ``block`` only that block (what an htmx request swaps in)."""
        template = self.env.get_template(name)
        context = self.frame(request, view) | ctx
        if block is not None:
            body = "".join(template.blocks[block](template.new_context(context)))
        else:
            body = template.render(context)
        return HTMLResponse(body, status_code=status)

    def error(self, request: Request, status: int, title: str, message: str) -> HTMLResponse:
        template = self.env.get_template("error.html")
        try:
            with self.canon.view(request.cookies.get("watched")) as view:
                context = self.frame(request, view)
        except Exception:
            # The store itself may be what failed: show the error without the frame's data.
            log.exception("cannot read the store for an error page")
            context = self.frame(request, None)
        context |= {"title": title, "message": message, "status": status}
        return HTMLResponse(template.render(context), status_code=status)


def watch_options(view: View) -> list[dict[str, Any]]:
    """The "watched up to" choices: every episode in release order. Those not yet seen are
    named by reference only, since a title can give away what happens."""
    seen = {e.key for e in view.sight.episodes}
    series_titles = dict(view.sight.series)
    out = []
    for e in view.index.episodes:
        if e.key in seen:
            label = f"{series_titles.get(e.series, e.series)} · {e.id}"
            if e.title:
                label += f" — {e.title}"
        else:
            label = e.key
        out.append({"key": e.key, "label": label, "seen": e.key in seen})
    return out


def next_episode(view: View) -> str | None:
    if view.cut.everything:
        return None
    seen = {e.key for e in view.sight.episodes}
    return next((e.key for e in view.index.episodes if e.key not in seen), None)
