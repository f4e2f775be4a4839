"""Group entrances in the words: "Enter CADE and the rest", "KING HENRY and his train".

Who that company is, is worked out in canon/company.py from stage time; this is only the
reading of the directions, kept here so that a scene can say whether it holds any
(``grouped``) without its sentences being read again: a one-shot check folds every scene of
the canon, and a scene decoded from the cache keeps its sentences compressed until read.
"""

from __future__ import annotations

import re

from showbible.quick import rx
from showbible.reading.facts import SceneFacts

GROUP = rx.compile(
    r"\b(?:and|with)\s+(?:all\s+)?(?:the\s+rest\b|(?:(?:his|her|their|the)\s+)?"
    r"(?:train|company|followers|rabblement|retinue)\b)",
    re.IGNORECASE,
)
ENTER = rx.compile(r"\b(?:re-?enter|enters?)\b", re.IGNORECASE)


def may_group(low: str) -> bool:
    """A substring every group word holds: tested (in C) before any pattern is run."""
    return (
        "rest" in low
        or "train" in low
        or "compan" in low
        or "follower" in low
        or "rabble" in low
        or "retinue" in low
    )


def entrances(scene: SceneFacts) -> list[tuple[list[str], int]]:
    """(the named people a group entrance brings on, its line) of every such direction."""
    out: list[tuple[list[str], int]] = []
    if scene.grouped is False:
        return out
    for i, sentence in enumerate(scene.sentences):
        if not sentence.names or not may_group(sentence.text.lower()):
            continue
        group = GROUP.search(sentence.text)
        if group is None:
            continue
        # "Enter KING EDWARD IV in triumph; with GLOUCESTER, CLARENCE, and the rest": the
        # entrance verb may stand in the sentence before, on the same line.
        before = scene.sentences[i - 1] if i else None
        entering = ENTER.search(sentence.text, 0, group.start()) or (
            before is not None and before.line == sentence.line and ENTER.search(before.text)
        )
        if not entering:
            continue
        leaders = [
            c
            for c, at in zip(sentence.names, sentence.starts, strict=False)
            if at < group.start() and not c.startswith("role:")  # walk-ons are anonymous
        ]
        if leaders:
            out.append((leaders, sentence.line))
    scene.grouped = bool(out)
    return out


def grouped(scene: SceneFacts) -> bool:
    """Whether the scene holds a group entrance; worked out once and kept with the scene (and
    its cache entry), so that its sentences need not be read again to know it has none."""
    if scene.grouped is None:
        entrances(scene)
    return bool(scene.grouped)
