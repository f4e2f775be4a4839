"""Episodes: the list, and one episode's scenes with its script and findings at their lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from showbible import queries, store
from showbible.build.serial import load_script
from showbible.formats.files import read_file
from showbible.model import Element, InputError, Kind, Script, split_scenes
from showbible.rules import Finding
from showbible.web.findings import visible_findings
from showbible.web.state import View
from showbible.web.visible import SceneRow

Row = dict[str, Any]


def episode_list(view: View) -> list[Row]:
    """The episodes seen so far, in release order, with their scene counts."""
    scenes_of: dict[str, int] = {}
    for sid in view.sight.scenes:
        key = view.index.scenes[sid].episode_key
        scenes_of[key] = scenes_of.get(key, 0) + 1
    return [
        {
            "key": e.key,
            "series": e.series,
            "episode": e.id,
            "title": e.title,
            "released": e.released,
            "file": e.file,
            "scenes": scenes_of.get(e.key, 0),
            "colour": view.index.colour(e.series),
        }
        for e in view.sight.episodes
    ]


@dataclass
class Line:
    """One element of the script as the page shows it."""

    kind: str
    text: str
    line: int
    css: str = ""
    findings: list[Finding] = field(default_factory=list)


@dataclass
class SceneView:
    scene: SceneRow
    present: list[Row]
    referenced: list[Row]
    lines: list[Line]
    findings: list[Finding]  # all of the scene's findings (also shown inline)


def episode(view: View, series: str, episode_id: str) -> Row:
    key = f"{series}:{episode_id}"
    if not view.sight.sees_episode(key):
        raise queries.NotFound(f"no episode {key!r} in what you have watched")
    index, sight = view.index, view.sight
    ep = next(e for e in sight.episodes if e.key == key)
    scenes = sorted(
        (sc for sid, sc in index.scenes.items() if sc.episode_key == key and sid in sight.scenes),
        key=lambda sc: sc.number,
    )
    findings = [f for f in visible_findings(view) if f.scene.startswith(key + "#")]
    by_scene: dict[str, list[Finding]] = {}
    for f in findings:
        by_scene.setdefault(f.scene, []).append(f)
    script = _script(view, ep.file) if ep.file else None
    parts = {s.number: s for s in script.scenes} if script is not None else {}
    views = []
    for sc in scenes:
        here = by_scene.get(sc.key, [])
        part = parts.get(sc.number)
        lines = _lines(part.heading, part.elements) if part is not None else []
        _place_findings(lines, here)
        views.append(
            SceneView(
                scene=sc,
                present=_people(view, index.present.get(sc.id, [])),
                referenced=_people(view, index.referenced.get(sc.id, [])),
                lines=lines,
                findings=here,
            )
        )
    return {
        "key": key,
        "series": series,
        "series_title": dict(index.series).get(series, series),
        "episode": episode_id,
        "title": ep.title,
        "released": ep.released,
        "file": ep.file,
        "colour": index.colour(series),
        "scenes": views,
        "findings": findings,
        "script_available": script is not None,
        "partial": len(scenes) < sum(1 for sc in index.scenes.values() if sc.episode_key == key),
    }


def episode_json(data: Row) -> Row:
    """The API's shape of an episode: scenes with who is present and the findings."""
    return {
        k: data[k] for k in ("key", "series", "episode", "title", "released", "file", "partial")
    } | {
        "scenes": [
            {
                "scene": sv.scene.number,
                "heading": sv.scene.heading,
                "line": sv.scene.line,
                "place": sv.scene.place,
                "story": sv.scene.story,
                "flashback": sv.scene.flashback,
                "present": [p["id"] for p in sv.present],
                "referenced": [p["id"] for p in sv.referenced],
                "findings": [f.to_json() for f in sv.findings],
            }
            for sv in data["scenes"]
        ]
    }


def _people(view: View, ids: list[str]) -> list[Row]:
    # Named only in dialogue and not yet seen: the script's own words show them, the bible's
    # full name would say more than the viewer has heard, so such people are left out.
    return [
        {"id": c, "name": view.index.characters[c].name, "role": view.index.characters[c].role}
        for c in ids
        if view.sight.sees_character(c)
    ]


def _script(view: View, rel: str) -> Script | None:
    """The parsed script from the store's parse cache (what the canon was built from)."""

    def load() -> Script | None:
        blob = view.conn.execute(
            select(store.files.c.parsed).where(store.files.c.path == rel)
        ).scalar()
        script = load_script(blob) if blob is not None else None
        return script if script is not None else _from_disk(view.canon.root, rel)

    return view.canon.cached(("script", view.version, rel), load)


def _from_disk(root: Path, rel: str) -> Script | None:
    """Plain lines when the cache has no usable parse (another format version): readable,
    if without screenplay layout. Confined to the universe folder."""
    try:
        data = read_file(root / rel, root=root, shown=rel)
    except InputError:
        return None  # gone, a link out, a FIFO, a device: nothing to show
    text = data.decode("utf-8", errors="replace")
    elements = tuple(
        Element(Kind.HEADING if _is_heading(t) else Kind.ACTION, t, n)
        for n, t in enumerate(text.splitlines(), 1)
        if t.strip()
    )
    return Script(path=rel, elements=elements, scenes=split_scenes(elements))


def _is_heading(text: str) -> bool:
    return text.upper().startswith(("INT.", "EXT.", "INT/EXT", "I/E", "EST."))


_CSS = {
    Kind.HEADING: "heading",
    Kind.ACTION: "action",
    Kind.CHARACTER: "cue",
    Kind.DIALOGUE: "dialogue",
    Kind.PARENTHETICAL: "paren",
    Kind.TRANSITION: "transition",
    Kind.LYRIC: "lyric",
    Kind.SECTION: "section",
    Kind.SYNOPSIS: "synopsis",
    Kind.NOTE: "note",
    Kind.PAGE_BREAK: "page-break",
}


def _lines(heading: Element | None, elements: tuple[Element, ...]) -> list[Line]:
    out = []
    for el in ((heading,) if heading is not None else ()) + elements:
        if el.kind in (Kind.TITLE, Kind.BONEYARD):
            continue
        text = el.text
        if el.kind is Kind.CHARACTER and el.extensions:
            text += " " + " ".join(f"({x})" for x in el.extensions)
        if el.kind is Kind.PARENTHETICAL:
            text = f"({text})"
        if el.kind is Kind.NOTE:
            text = f"[[{text}]]"
        css = _CSS.get(el.kind, "action")
        if el.centered:
            css += " centered"
        if el.dual:
            css += " dual"
        # One row per source line, each numbered and linkable (#L42 in the middle of a speech).
        for i, row in enumerate(text.split("\n")):
            out.append(Line(el.kind.value, row, el.line + i, css if i == 0 else css + " cont"))
    return out


def _place_findings(lines: list[Line], findings: list[Finding]) -> None:
    """Each finding goes under the last element that starts at or before its line."""
    for f in findings:
        target = None
        for ln in lines:
            if ln.line <= f.line:
                target = ln
            else:
                break
        if target is None and lines:
            target = lines[0]
        if target is not None:
            target.findings.append(f)
