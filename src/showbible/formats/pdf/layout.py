"""The indent columns of one document, learned from the document itself.

Screenplay writers place the same elements at different indents (Final Draft, Fade In,
Highland, WriterDuet, afterwriting, screenplain and Movie Magic differ, and A4 differs from US
Letter), so nothing is assumed but the shape of a speech: a short line in capitals, then lines
at a smaller indent, with no blank line between. Those cues give the cue column; the lines
under them give the dialogue and parenthetical columns; the leftmost common column is action.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from showbible.formats.pdf.clean import BodyLine
from showbible.quick import rx

__all__ = ["Columns", "cue_like", "learn_columns"]

_EXTENSIONS = rx.compile(r"\s*\([^()]*\)\s*")


def cue_like(text: str) -> bool:
    """A character cue: capitals (extensions aside), short, not a transition or a sentence."""
    name = _EXTENSIONS.sub(" ", text).strip()
    name = name.removesuffix("^").strip()
    if (
        not name
        or len(name) > 40
        or (
            name.endswith((":", ".", "!", "?"))
            and not name.endswith(("JR.", "SR.", "DR.", "MR.", "MRS.", "MS.", "ST."))
        )
    ):
        return False
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and not name.startswith("(")


@dataclass(frozen=True, slots=True)
class Columns:
    action: float
    cue: float
    dialogue: float
    parenthetical: float
    right: float  # where action lines end at most
    tolerance: float

    def at(self, x: float, column: float) -> bool:
        return abs(x - column) <= self.tolerance


def _mode(values: list[float], default: float) -> float:
    if not values:
        return default
    counts = Counter(round(v) for v in values)
    best = max(counts.values())
    return float(min(x for x, n in counts.items() if n == best))


def learn_columns(lines: list[BodyLine], size: float, pitch: float) -> Columns:
    """Learn the document's columns from its own lines."""
    starts = Counter(round(ln.x0) for ln in lines if len(ln.segments) == 1)
    total = sum(starts.values()) or 1
    # Action can be rare (a play is nearly all speeches): any column used more than now and then.
    common = sorted(x for x, n in starts.items() if n >= max(2, total * 0.01))
    action = float(common[0]) if common else float(min(starts, default=72))
    tolerance = max(3.0, 0.45 * size)
    cues: list[float] = []
    under: list[float] = []
    parens: list[float] = []
    for a, b in pairwise(lines):
        if (
            a.page == b.page
            and 0 < b.y - a.y <= 1.4 * pitch
            and len(a.segments) == 1
            and a.x0 > action + 2 * size
            and action + tolerance < b.x0 < a.x0 - tolerance
            and cue_like(a.text)
        ):
            cues.append(a.x0)
            (parens if b.text.startswith("(") else under).append(b.x0)
    cue = _mode(cues, action + 144 * size / 12)
    dialogue = _mode([x for x in under if abs(x - cue) > tolerance], action + 72 * size / 12)
    parenthetical = _mode(parens, (cue + dialogue) / 2)
    ends = sorted(ln.x1 for ln in lines if abs(ln.x0 - action) <= tolerance)
    right = ends[int(len(ends) * 0.98)] if ends else action + 432 * size / 12
    return Columns(action, cue, dialogue, parenthetical, right, tolerance)
