"""The words of a group entrance ("and the rest", "with his train", "and their followers").

Which sentences bring on someone's company is worked out in canon/company.py, from stage time;
this is only the reading of the words, kept here so that a scene can say whether it holds any
(``grouped``) without its sentences being read again: a one-shot check folds every scene of
the canon, and a scene decoded from the cache keeps its sentences compressed until read.
"""

from __future__ import annotations

import re

from showbible.reading.facts import SceneFacts

GROUP = re.compile(
    r"\b(?:and|with)\s+(?:all\s+)?(?:the\s+rest\b|(?:(?:his|her|their|the)\s+)?"
    r"(?:train|company|followers|rabblement|retinue)\b)",
    re.IGNORECASE,
)


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


def grouped(scene: SceneFacts) -> bool:
    """Whether a sentence of the scene that names someone may hold a group entrance; worked
    out once and kept with the scene (and its cache entry)."""
    if scene.grouped is None:
        scene.grouped = any(s.names and may_group(s.text.lower()) for s in scene.sentences)
    return scene.grouped
