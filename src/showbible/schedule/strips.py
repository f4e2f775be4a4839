"""The stripboard from the canon: one strip per scene to shoot, and placeholders for arcs.

A strip holds what a first assistant director's board holds: the scene, its set (the heading's
place), INT/EXT, DAY/NIGHT, its length in eighths of a page and who is in it. Lengths come from
the script laid out as a typed page would be (see `eighths_of`), not from counting source lines:
a Fountain file's lines are paragraphs, a page's lines are not.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from showbible.build.compiled import Compiled
from showbible.formats import read_script
from showbible.model import Element, Kind, Scene
from showbible.quick import rx
from showbible.reading.extract import place_key
from showbible.reading.facts import SceneFacts
from showbible.schedule.plan import Plan
from showbible.universe.storytime import StoryTime

# US screenplay layout, Courier 12 (10 characters an inch, 6 lines an inch): 1" top and bottom
# margins leave 9" = 54 lines, and the page number line makes the customary ~55 a page.
LINES_PER_PAGE = 55
# Characters a line for each element: action and headings 6.0", dialogue 3.5", parentheticals
# 2.5"; cues and transitions take one line.
_WIDTH = {
    Kind.HEADING: 60,
    Kind.ACTION: 60,
    Kind.DIALOGUE: 35,
    Kind.LYRIC: 35,
    Kind.PARENTHETICAL: 25,
    Kind.CHARACTER: 60,
    Kind.TRANSITION: 60,
}
# Dialogue and parentheticals sit right under their cue; everything else after a blank line.
_TIGHT = frozenset({Kind.DIALOGUE, Kind.PARENTHETICAL, Kind.LYRIC})
_INT_EXT = rx.compile(r"^\s*(INT\.?/EXT|EXT\.?/INT|I/E|INT|EXT|EST)\b", re.IGNORECASE)
_TIME = rx.compile(
    r"[-–—]\s*(DAY|NIGHT|MORNING|EVENING|DAWN|DUSK|AFTERNOON|SUNSET|SUNRISE|LATER|CONTINUOUS"
    r"|MOMENTS LATER|SAME)\b[^-–—]*$",
    re.IGNORECASE,
)
_NIGHT = frozenset({"NIGHT", "EVENING", "DUSK", "SUNSET"})


@dataclass(frozen=True)
class Strip:
    key: str  # series:episode#scene, or series:episode#arcN.M for a placeholder
    series: str
    episode: str
    scene: int | None  # None for an arc placeholder
    heading: str
    set: str
    int_ext: str  # INT, EXT, INT/EXT or ""
    day_night: str  # DAY, NIGHT or ""
    eighths: int
    characters: tuple[str, ...]  # asserted characters present (performers to call)
    story: StoryTime | None
    arc: int | None = None  # index of the arc this placeholder belongs to
    choice: int = 0  # which of the arc's candidate characters it is written for
    slot: int = 0  # which of the arc's possible episodes (plan.arc_episodes) it is in
    part: int = 0  # which of the arc's scenes it is (each goes into one episode)
    file: str = ""
    line: int = 0

    @property
    def pages(self) -> str:
        return format_eighths(self.eighths)


def format_eighths(eighths: int) -> str:
    """The board's notation: 2 3/8, 6/8, 1."""
    whole, part = divmod(eighths, 8)
    if not part:
        return str(whole)
    return f"{whole} {part}/8" if whole else f"{part}/8"


def layout_lines(elements: tuple[Element, ...] | list[Element], heading: Element | None) -> int:
    """Lines the scene takes on a typed page (blank lines between elements included)."""
    lines = 0
    for el in ([heading] if heading is not None else []) + list(elements):
        width = _WIDTH.get(el.kind)
        if width is None:
            continue  # notes, sections, synopses, page breaks are not printed
        if el.kind not in _TIGHT and lines:
            lines += 1
        if el.kind in (Kind.CHARACTER, Kind.TRANSITION, Kind.HEADING):
            lines += 1
            continue
        for paragraph in el.text.split("\n") or [""]:
            lines += max(1, len(textwrap.wrap(paragraph, width)))
    return lines


def eighths_of(lines: int) -> int:
    """Eighths of a page, rounded up to the next eighth, at least one (the board's smallest)."""
    return max(1, math.ceil(lines * 8 / LINES_PER_PAGE - 1e-9))


def heading_parts(heading: str) -> tuple[str, str]:
    """(INT/EXT, DAY/NIGHT) as a board prints them; "" where the heading does not say."""
    found = _INT_EXT.match(heading)
    int_ext = ""
    if found:
        word = found.group(1).upper().replace(".", "")
        int_ext = "INT/EXT" if "/" in word else {"EST": "EXT"}.get(word, word)
    time = _TIME.search(heading)
    day_night = ""
    if time:
        day_night = "NIGHT" if time.group(1).upper() in _NIGHT else "DAY"
    return int_ext, day_night


def stripboard(compiled: Compiled, plan: Plan) -> list[Strip]:
    """Strips of every scene of the plan's episodes, in each unit's script order, then the
    arcs' placeholders."""
    universe = compiled.universe
    canon = compiled.canon
    by_episode: dict[str, list[SceneFacts]] = {}
    for scene in canon.scenes:
        by_episode.setdefault(f"{scene.series}:{scene.episode}", []).append(scene)
    strips: list[Strip] = []
    for unit in plan.conf.units:
        for block in unit.blocks:
            for text in block.episodes:
                key = text if ":" in text else f"{unit.series}:{text}"
                if key in plan.upcoming:
                    continue
                episode = universe.episode(key)
                layout = _layout(episode.path) if episode.path is not None else {}
                for scene in by_episode.get(key, []):
                    strips.append(_strip(compiled, scene, layout.get(scene.number)))
    for ai, arc in enumerate(plan.conf.arcs):
        for choice, who in enumerate(arc.candidates):
            strips.extend(_placeholders(plan, compiled, ai, choice, who))
    return strips


def _placeholders(plan: Plan, compiled: Compiled, ai: int, choice: int, who: str) -> list[Strip]:
    """An arc's unwritten scenes for one of its candidate characters: each of its scenes in
    each episode it may go into (the solver keeps one of each scene)."""
    universe = compiled.universe
    arc = plan.conf.arcs[ai]
    tag = f"arc{ai + 1}" + (f"-{who}" if len(arc.candidates) > 1 else "")
    file, _, line = plan.where("arcs", ai).rpartition(":")
    strips = []
    for slot, key in enumerate(plan.arc_episodes[ai]):
        eid = key.rpartition(":")[2]
        upcoming = plan.upcoming.get(key)
        story = upcoming.story if upcoming is not None else universe.episode(key).story
        cast = tuple(dict.fromkeys((who, *arc.with_)))
        for part in range(arc.scenes):
            strips.append(
                Strip(
                    key=f"{key}#{tag}.{part + 1}",
                    series=arc.into,
                    episode=eid,
                    scene=None,
                    heading=f"ARC {ai + 1}: {who} into {arc.into} (unwritten)",
                    set=f"arc{ai + 1}:{eid}",
                    int_ext="",
                    day_night="",
                    eighths=arc.eighths,
                    characters=cast,
                    story=story,
                    arc=ai,
                    choice=choice,
                    slot=slot,
                    part=part,
                    file=file,
                    line=int(line),
                )
            )
    return strips


def _layout(path: Path) -> dict[int, Scene]:
    return {scene.number: scene for scene in read_script(path).scenes}


def _strip(compiled: Compiled, scene: SceneFacts, laid: Scene | None) -> Strip:
    cast = compiled.cast
    people = tuple(
        sorted(
            cid
            for cid in scene.present
            if cid in cast.characters
            and not cast.characters[cid].role
            and not cast.characters[cid].provisional
        )
    )
    lines = layout_lines(laid.elements, laid.heading) if laid is not None else 0
    if laid is None:  # a reader without layout: the source lines are the best estimate
        lines = scene.end_line - scene.line + 1
    int_ext, day_night = heading_parts(scene.heading)
    return Strip(
        key=scene.key,
        series=scene.series,
        episode=scene.episode,
        scene=scene.number,
        heading=scene.heading,
        set=place_key(scene) or f"~{scene.key}",
        int_ext=int_ext,
        day_night=day_night,
        eighths=eighths_of(lines),
        characters=people,
        story=scene.story,
        file=scene.file,
        line=scene.line,
    )
