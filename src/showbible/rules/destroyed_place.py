"""destroyed-place: a scene is set in a place after its destruction, outside a flashback.

Anti-pattern (``[[destroyed: CHAPEL]]`` in ep101 scene 6; later)::

    INT. CHAPEL ON THE POINT - NIGHT

Fix: set the scene in its ruins (``EXT. CHAPEL ON THE POINT - RUINS``, ``EXT. CHAPEL RUINS``:
what is left of a place is where its story goes on), mark it ``[[flashback]]``, or seal it with
``[[allow: destroyed-place rebuilt]]``.

A destruction inferred from one sentence that three or more later scenes contradict is refuted
by the story, not reported (see ``rules/base.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from showbible.canon.fold import Fold, Known
from showbible.quick import rx
from showbible.reading.extract import place_key
from showbible.reading.facts import SceneFacts
from showbible.rules.base import Context, Evidence, Finding, Rule, refute


class DestroyedPlace(Rule):
    id = "destroyed-place"
    severity = "error"
    summary = "a scene is set in a place after its destruction"

    def check(self, ctx: Context) -> Iterator[Finding]:
        fold = ctx.fold
        if not fold.destroyed:
            return
        # Over every scene, whatever the scope: how often the story contradicts each one.
        after: Counter[int] = Counter()
        for scene in ctx.canon.scenes:
            known = _destroyed(fold, scene)
            if known is not None and not scene.flashback:
                after[id(known)] += 1
        for scene in ctx.scenes():
            # a dream or a memory its writers sealed for this rule is judged as the present
            # (dead_character.py): the seal says the place stands here
            dreamt = scene.flashback and self.id not in fold.allows.get(scene.key, {})
            if dreamt or _ruins(scene.location):
                continue
            place = place_key(scene)
            known = _destroyed(fold, scene)
            if known is None or refute(known.event, after[id(known)]):
                continue
            e = known.event
            name = ctx.canon.universe.bible.places.get(place or "")
            label = (name.name if name and name.name else scene.location) or place
            yield self.finding(
                scene,
                scene.line,
                (),
                f"this scene is set in {label}, destroyed in {e.scene or 'the bible'}",
                [Evidence.of(e, f"{label} is destroyed" + _said(e.data))],
                inferred=e.source == "inferred",
            )


# A heading part that says the scene is at what is left of the place ("SALT WAREHOUSE -
# RUINS", "THE CHAPEL (BURNT-OUT)"): the writer knows it is gone.
_RUIN_WORDS = rx.compile(
    r"\b(?:RUINS?|RUINED|WRECK|WRECKAGE|REMAINS|RUBBLE|ASHES|CINDERS|BURN(?:T|ED)[- ]OUT|"
    r"GUTTED|CHARRED|COLLAPSED|WHAT'?S LEFT|WHAT REMAINS|SITE OF)\b",
    re.I,
)


def _ruins(location: str) -> bool:
    """Whether a heading's location sets the scene in the ruins of its place."""
    return bool(location) and _RUIN_WORDS.search(location.replace("’", "'")) is not None


def _destroyed(fold: Fold, scene: SceneFacts) -> Known | None:
    """The destruction of a scene's place before the scene, if any."""
    place = place_key(scene)
    known = fold.destroyed.get(place) if place else None
    if known is None and place and place.startswith("~") and " - " in place:
        # A place known only by its headings: CORMORANT - GALLEY is in the Cormorant.
        known = fold.destroyed.get(place.split(" - ")[0])
    if known is None or not known.moment < fold.at(scene, scene.line):
        return None
    return known


def _said(data: dict[str, object]) -> str:
    """The sentence an inferred fact rests on, for its evidence."""
    return f" (inferred from {data['sentence']!r})" if data.get("sentence") else ""
