"""Story time: ISO dates/times and ordinals such as ``day 3 night``.

A story time is a tuple key at some precision. Two kinds never compare with each other (an
ordinal day has no calendar date), which is why ``overlaps`` and ``before`` answer ``None`` for
such a pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from showbible.quick import rx

PARTS_OF_DAY = ("dawn", "morning", "noon", "afternoon", "evening", "dusk", "night")
_PART_RANK = {p: i for i, p in enumerate(PARTS_OF_DAY)}
_ORDINAL = rx.compile(
    r"^\s*(?:day|d)\s*(\d+)(?:\s*[,\-]?\s*(" + "|".join(PARTS_OF_DAY) + r"))?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, order=True)
class StoryTime:
    """A point of story time: ``kind`` is "ordinal" or "iso"; ``parts`` from coarse to fine."""

    kind: str
    parts: tuple[int, ...]
    text: str = ""

    def comparable(self, other: StoryTime) -> bool:
        return self.kind == other.kind

    def overlaps(self, other: StoryTime) -> bool | None:
        """Same time at the finest precision both give; None when the kinds differ."""
        if self.kind != other.kind:
            return None
        n = min(len(self.parts), len(other.parts))
        return self.parts[:n] == other.parts[:n]

    def __str__(self) -> str:
        return self.text


def parse_story_time(text: str) -> StoryTime:
    """Parse ``day 3``, ``day 3 night``, ``2024-03-01`` or ``2024-03-01T21:30``.

    Raises ValueError with a message saying what is accepted.
    """
    raw = text.strip()
    m = _ORDINAL.match(raw)
    if m:
        parts: tuple[int, ...] = (int(m.group(1)),)
        if m.group(2):
            parts += (_PART_RANK[m.group(2).lower()],)
        return StoryTime("ordinal", parts, raw)
    try:
        if "T" in raw or " " in raw:
            dt = datetime.fromisoformat(raw)
            fine: tuple[int, ...] = (dt.year, dt.month, dt.day, dt.hour, dt.minute)
            if dt.second:
                fine += (dt.second,)
            return StoryTime("iso", fine, raw)
        if re.fullmatch(r"\d{4}", raw):
            return StoryTime("iso", (int(raw),), raw)
        if re.fullmatch(r"\d{4}-\d{2}", raw):
            y, mo = raw.split("-")
            return StoryTime("iso", (int(y), int(mo)), raw)
        d = date.fromisoformat(raw)
        return StoryTime("iso", (d.year, d.month, d.day), raw)
    except ValueError:
        pass
    raise ValueError(
        f"story time {text!r} is neither an ordinal (`day 3`, `day 3 night`) "
        "nor an ISO date/time (`2024-03-01`, `2024-03-01T21:30`)"
    )
