"""dead-character: a dead character is present after their death, outside a flashback.

Anti-pattern (ep101 scene 5 has ``[[dies: TOBIAS]]``; later, in ep103)::

    INT. HARBOUR OFFICE - DAY
    Tobias pours two cups of coffee.

Fix: mark the scene ``[[flashback]]`` (or head it ``FLASHBACK``), make the voice a recording
with ``TOBIAS (V.O.)``, or, if the return is intended, seal it: ``[[allow: dead-character
back from the dead]]``.
"""

from __future__ import annotations

from collections.abc import Iterator

from showbible.rules.base import Context, Evidence, Finding, Rule


class DeadCharacter(Rule):
    id = "dead-character"
    severity = "error"
    summary = "a dead character is present after their death on the story timeline"

    def check(self, ctx: Context) -> Iterator[Finding]:
        fold = ctx.fold
        if not fold.deaths:
            return
        for scene in ctx.scenes():
            if scene.flashback:
                continue
            for cid, presence in scene.present.items():
                if not ctx.is_person(cid):
                    continue
                death = fold.dead(cid, fold.at(scene, presence.line))
                if death is None:
                    continue
                e = death.event
                how = (
                    f"inferred from {e.data.get('sentence', '')!r}"
                    if e.source == "inferred"
                    else f"per {e.source}"
                )
                yield self.finding(
                    scene,
                    presence.line,
                    (cid,),
                    f"{ctx.name(cid)} is present here but died in {e.scene or 'the bible'}",
                    [Evidence.of(e, f"{ctx.name(cid)} dies ({how})")],
                    inferred=e.source == "inferred",
                )
