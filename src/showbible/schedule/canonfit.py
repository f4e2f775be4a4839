"""Does an arc fit the canon? A crossing character must be alive and not held elsewhere at the
story time of the episodes the arc goes into. The canon's fold (deaths, holds) says when; the
arc's episodes (written or upcoming) say its story time.

A death before the arc is a bad plan (exit 2: nobody can play a dead character there); a hold is a
canon fact the arc conflicts with, reported with the other requests when no plan exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from showbible.build.compiled import Compiled
from showbible.canon.fold import Fold
from showbible.schedule.plan import Plan
from showbible.schedule.strips import Strip
from showbible.universe.storytime import StoryTime


@dataclass(frozen=True)
class CanonBlock:
    """A canon fact that rules an arc out: the arc's index and the fact in words."""

    arc: int
    choice: int  # the candidate it rules out
    slot: int  # in this episode of the arc's
    character: str
    words: str


def before(a: StoryTime, b: StoryTime) -> bool:
    """a is strictly earlier than b (and not the same time at the precision both give)."""
    return a.comparable(b) and a < b and not a.overlaps(b)


def arc_blocks(compiled: Compiled, plan: Plan, strips: list[Strip]) -> list[CanonBlock]:
    """Canon facts that hold an arc's characters elsewhere; InputError for a dead one."""
    fold = compiled.fold
    if fold is None:
        return []
    blocks: dict[tuple[int, int, int, str], CanonBlock] = {}
    for strip in strips:
        if strip.arc is None or strip.story is None:
            continue
        for cid in strip.characters:
            _check_dead(fold, plan, strip, cid)
            held = _held_at(fold, cid, strip.story)
            key = (strip.arc, strip.choice, strip.slot, cid)
            if held is not None and key not in blocks:
                blocks[key] = CanonBlock(strip.arc, strip.choice, strip.slot, cid, held)
    return list(blocks.values())


def _story_of(fold: Fold, scene_key: str | None) -> StoryTime | None:
    if scene_key is None or scene_key not in fold.canon.release_pos:
        return None
    return fold.canon.scene(scene_key).story


def _check_dead(fold: Fold, plan: Plan, strip: Strip, cid: str) -> None:
    death = fold.deaths.get(cid)
    if death is None or strip.story is None:
        return
    when = _story_of(fold, death.event.scene)
    if when is not None and before(when, strip.story):
        assert strip.arc is not None
        arc = plan.conf.arcs[strip.arc]
        path: tuple[str | int, ...] = ("arcs", strip.arc, "character")
        if cid not in arc.candidates:
            path = ("arcs", strip.arc, "with", arc.with_.index(cid))
        elif not isinstance(arc.character, str):
            path = (*path, arc.candidates.index(cid))
        raise plan.error(
            path,
            f"{cid} is dead at the story time of {strip.series}:{strip.episode} "
            f"({strip.story}): died in {death.event.scene} ({when}); "
            "no performer can be booked for them there",
        )


def _held_at(fold: Fold, cid: str, story: StoryTime) -> str | None:
    for known, _until in fold.held.get(cid, []):
        event = known.event
        start = _story_of(fold, event.scene)
        end_key = event.data.get("until")
        end = _story_of(fold, end_key if isinstance(end_key, str) else None)
        if start is None or before(story, start):
            continue
        if end is not None and before(end, story):
            continue
        until = f" until {end_key} ({end})" if end is not None else ""
        return (
            f"canon: {cid} is held at {event.obj} from {event.scene} ({start}){until}, "
            f"which covers story time {story}"
        )
    return None
