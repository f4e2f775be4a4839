"""relation-contradiction: a relationship annotation contradicts the pair's current relationship
with no event changing it.

Anti-pattern (``[[relation: MARA enemies TOBIAS]]`` in ep1; nothing ends it; in ep4)::

    [[relation: MARA romance TOBIAS]]

Fix: end the old relationship where it changes (``[[ends: MARA enemies TOBIAS]]`` or a bible
``ends`` event), or seal the scene: ``[[allow: relation-contradiction a ruse]]``.
"""

from __future__ import annotations

from collections.abc import Iterator

from showbible.events import OPPOSED, CanonEvent
from showbible.rules.base import Context, Evidence, Finding, Rule


class RelationContradiction(Rule):
    id = "relation-contradiction"
    severity = "warning"
    summary = "a relationship annotation contradicts the current relationship"

    def check(self, ctx: Context) -> Iterator[Finding]:
        canon = ctx.canon
        # (a, b, kind) -> the event that made it hold; mutual kinds are stored both ways.
        active: dict[tuple[str, str, str], CanonEvent] = {}
        for known in ctx.fold.relations:
            e = known.event
            a, b = e.subject, e.obj or ""
            kind = e.data.get("kind")
            if e.verb == "ends":
                for key in list(active):
                    if {key[0], key[1]} == {a, b} and (kind is None or key[2] == kind):
                        del active[key]
                continue
            clash: tuple[str, CanonEvent] | None = None
            for (x, y, k), source in active.items():
                if {x, y} == {a, b} and k in OPPOSED.get(str(kind), frozenset()):
                    clash = (k, source)
                    break
            if clash is not None and e.scene is not None:
                scene = canon.scene(e.scene)
                old_kind, old = clash
                evidence = [Evidence.of(old, f"{ctx.name(a)} and {ctx.name(b)}: {old_kind}")]
                yield self.finding(
                    scene,
                    e.line,
                    (a, b),
                    f"{ctx.name(a)} {kind} {ctx.name(b)} here, but they are still {old_kind} "
                    "and nothing ended it",
                    evidence,
                )
                for key in [k for k in active if {k[0], k[1]} == {a, b} and k[2] == old_kind]:
                    del active[key]
            active[(a, b, str(kind))] = e
            if e.data.get("mutual"):
                active[(b, a, str(kind))] = e
