"""What a build produces: the compiled universe and its counts, shared by the compiler, the
store's rows, the patches of a resident session and `check`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from showbible.build.pipeline import Extraction
from showbible.canon.fold import Canon, Fold
from showbible.model import Diagnostic
from showbible.reading.events import Collected
from showbible.reading.facts import SceneFacts
from showbible.reading.resolve import Cast
from showbible.rules import Finding
from showbible.universe.loader import Universe

LabelKey = tuple[str, str, str]  # (character, series, label as written)


@dataclass
class Totals:
    """Counts summed over scenes: speeches per character and per (character, series, label),
    and the scenes where a character is only referenced or heard."""

    speeches: Counter[str] = field(default_factory=Counter)
    labels: Counter[LabelKey] = field(default_factory=Counter)
    mentioned: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, scenes: Iterable[SceneFacts]) -> Totals:
        out = cls()
        for s in scenes:
            out.speeches.update(s.speeches)
            for cid, counts in s.labels.items():
                for lab, n in counts.items():
                    out.labels[(cid, s.series, lab)] += n
            out.mentioned.update(c for c in s.referenced if c not in s.present)
            out.mentioned.update(s.voices)
        return out

    def replace(self, old: Iterable[SceneFacts], new: Iterable[SceneFacts]) -> Totals:
        """These totals with ``old`` scenes taken out and ``new`` ones put in."""
        before, after = Totals.of(old), Totals.of(new)
        out = Totals(Counter(self.speeches), Counter(self.labels), Counter(self.mentioned))
        for mine, minus, plus in (
            (out.speeches, before.speeches, after.speeches),
            (out.labels, before.labels, after.labels),
            (out.mentioned, before.mentioned, after.mentioned),
        ):
            for key in minus.keys() | plus.keys():
                mine[key] += plus[key] - minus[key]  # type: ignore[index]
        # Drop the zeros, as counting from nothing would not have them.
        out.speeches, out.labels, out.mentioned = +out.speeches, +out.labels, +out.mentioned
        return out


@dataclass
class Compiled:
    universe: Universe
    cast: Cast
    canon: Canon
    extraction: Extraction
    hashes: dict[str, tuple[str, int]]  # rel path -> (sha256, size)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    parsed: int = 0
    cached: int = 0
    collected: Collected | None = None
    fold: Fold | None = None
    findings: list[Finding] = field(default_factory=list)
    totals: Totals | None = None  # speech counts, once the canon is written
    # What the rules counted over the whole canon, for a patch to bring up to date instead of
    # counting again (rules.base.Context.kept); kept in the snapshot for the one-shot path.
    kept: dict[str, Any] = field(default_factory=dict)


@dataclass
class BuildResult:
    changed: bool
    parsed: int
    cached: int
    seconds: float
    diagnostics: list[Diagnostic]
    compiled: Compiled | None = None
    note: str = ""  # why more was rebuilt than the edits explain (another engine's canon)
