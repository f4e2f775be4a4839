"""The bible's aliases checked before any script is read."""

from __future__ import annotations

from showbible.reading.names import normalise
from showbible.universe.bible import Alias
from showbible.universe.loader import Universe


def check_aliases(universe: Universe) -> None:
    """An ambiguous bible is bad input: one label claimed by two characters, neither scoping it
    to some series, would make every cue of it a coin toss. The error names both positions."""
    owners: dict[str, tuple[str, tuple[str | int, ...]]] = {}
    for cid, conf in universe.bible.characters.items():
        for i, alias in enumerate(conf.aliases):
            if isinstance(alias, Alias) and alias.series:
                continue
            label = alias if isinstance(alias, str) else alias.label
            key = " ".join(label.split()) if label[:1].islower() else normalise(label)
            if not key:
                continue
            path: tuple[str | int, ...] = ("characters", cid, "aliases", i)
            seen = owners.get(key)
            if seen is not None and seen[0] != cid:
                file, line, _col = universe.locator.locate(seen[1])
                raise universe.locator.error(
                    path,
                    f"alias {label!r} is claimed by both {seen[0]!r} ({file}:{line}) and "
                    f"{cid!r}: keep it on one of them, or scope each to its series "
                    f"(aliases: [{{label: {label}, series: [...]}}])",
                )
            owners.setdefault(key, (cid, path))
