"""Namesakes in a long series read without a bible: when a label may be someone else now.

Transcripts cue every guest by first name, and a long series has three Cynthias. A character
the bible does not declare, cued by a common name ("CYNTHIA", "JAMES", "HARVEY"), who comes
back after ``NAMESAKE_GAP`` episodes of the series without them may be another person of that
name: what the first one did (met someone, died) is not taken as the second one's. A bible
entry makes the label one person again.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise

from showbible.reading.facts import SceneFacts
from showbible.reading.lexicon import is_common
from showbible.rules.base import Context

NAMESAKE_GAP = 10


class Returns:
    """Since when a character is surely the one cued now, per series (worked out on demand,
    from the character's appearances)."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._order: dict[tuple[str, str], int] | None = None
        self._episodes: dict[str, list[int]] = {}

    def episode_index(self, scene: SceneFacts) -> int:
        """The scene's episode's place in its series (``Episode.index``)."""
        if self._order is None:
            self._order = {(e.series, e.id): e.index for e in self._ctx.canon.universe.episodes}
        return self._order[(scene.series, scene.episode)]

    def since(self, cid: str, scene: SceneFacts) -> int:
        """The first episode of ``scene``'s series (by ``episode_index``) from which ``cid`` is
        surely the one cued now: 0, unless the name may be a namesake's (``NAMESAKE_GAP``)."""
        ctx = self._ctx
        char = ctx.canon.cast.characters.get(cid)
        if (
            char is None
            or cid in ctx.canon.universe.bible.characters
            or not all(is_common(w) for w in char.name.split())
        ):
            return 0
        key = f"{scene.series}\0{cid}"
        seen = self._episodes.get(key)
        if seen is None:
            canon = ctx.canon
            seen = sorted(
                {
                    self.episode_index(canon.scenes[i])
                    for i in canon.appearances.get(cid, ())
                    if canon.scenes[i].series == scene.series
                }
            )
            self._episodes[key] = seen
        now = self.episode_index(scene)
        before = seen[: bisect_right(seen, now)]
        for earlier, later in reversed(list(pairwise(before))):
            if later - earlier > NAMESAKE_GAP:
                return later
        return 0
