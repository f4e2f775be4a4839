"""dead-character: a dead character is present after their death, outside a flashback.

Anti-pattern (ep101 scene 5 has ``[[dies: TOBIAS]]``; later, in ep103)::

    INT. HARBOUR OFFICE - DAY
    Tobias pours two cups of coffee.

A death inferred from one sentence that three or more later scenes contradict is refuted by the
story, not reported (see ``rules/base.py``). Without a bible, a label cued by a common name that
comes back after a long absence may be a namesake (``rules/namesakes.py``): a death before that
absence is not taken as theirs.

Fix: mark the scene ``[[flashback]]`` (or head it ``FLASHBACK``), make the voice a recording
with ``TOBIAS (V.O.)``, or, if the return is intended, seal it: ``[[allow: dead-character
back from the dead]]``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from showbible.reading.facts import SceneFacts
from showbible.rules.base import Context, Evidence, Finding, Rule, refute
from showbible.rules.namesakes import Returns


class DeadCharacter(Rule):
    id = "dead-character"
    severity = "error"
    summary = "a dead character is present after their death on the story timeline"

    def check(self, ctx: Context) -> Iterator[Finding]:
        fold = ctx.fold
        if not fold.deaths:
            return
        # Over every scene of the dead, whatever the scope: how often the story contradicts
        # each death (through their appearances: a one-shot check need not touch the others).
        after: Counter[str] = Counter()
        scenes = ctx.canon.scenes
        for cid in fold.deaths:
            for i in ctx.canon.appearances.get(cid, ()):
                scene = scenes[i]
                if not scene.flashback and fold.dead(cid, fold.at(scene, scene.present[cid].line)):
                    after[cid] += 1
        refuted = {cid for cid, n in after.items() if refute(fold.deaths[cid].event, n)}
        returns = Returns(ctx)
        for scene in ctx.scenes():
            if scene.flashback:
                continue
            for cid, presence in scene.present.items():
                if not ctx.is_person(cid) or cid in refuted:
                    continue
                death = fold.dead(cid, fold.at(scene, presence.line))
                if death is None:
                    continue
                e = death.event
                if _before_a_namesake(ctx, returns, cid, e.scene, scene):
                    continue  # JAMES killed in one story, a JAMES twenty stories on
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


def _before_a_namesake(
    ctx: Context, returns: Returns, cid: str, died: str | None, scene: SceneFacts
) -> bool:
    """Whether the death was in the same series before the label came back after a long
    absence (``namesakes.NAMESAKE_GAP``): then it may be another person of that name."""
    pos = ctx.canon.release_pos.get(died) if died else None
    if pos is None:
        return False
    then = ctx.canon.scenes[pos]
    if then.series != scene.series:
        return False
    since = returns.since(cid, scene)
    return bool(since) and returns.episode_index(then) < since
