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

from collections.abc import Iterator

from showbible.canon.fold import Known
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
        deaths = _standing_deaths(ctx)
        returns = Returns(ctx)
        for scene in ctx.scenes():
            # A scene its writers sealed for this rule is judged as the present even when it
            # reads as a dream or a memory ("HAEUNDAE BEACH - DREAM" with [[allow: dead-character
            # her grandmother comes to her]]): they say a dead character is here, and a sealed
            # finding alarms no one.
            if scene.flashback and self.id not in fold.allows.get(scene.key, {}):
                continue
            for cid, presence in scene.present.items():
                death = deaths.get(cid)
                # Named in a sentence that does not show them (``Presence.shown``): the name
                # may be a boat's, a plaque's, a likeness's -- not enough to accuse.
                if death is None or not presence.shown or not ctx.is_person(cid):
                    continue
                if not death.moment < fold.at(scene, presence.line):
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


def _standing_deaths(ctx: Context) -> dict[str, Known]:
    """Each character's first death that the story does not refute. A death inferred from one
    sentence that three or more later scenes contradict is refuted (marked so, whatever the
    scope: counted over the character's appearances); then their next death counts, so that a
    figure of speech early on does not hide a real death later ("He's dead." of a man who
    goes on for years, then "the bodies of the Doctor and the girl")."""
    fold, scenes = ctx.fold, ctx.canon.scenes
    by_cid: dict[str, list[Known]] = {}
    for e in fold.events:
        if e.verb == "dies" and e.subject in fold.deaths:
            by_cid.setdefault(e.subject, []).append(Known(fold.moment(e.scene), e))
    out: dict[str, Known] = {}
    for cid, known in by_cid.items():
        seen = [
            fold.at(scenes[i], scenes[i].present[cid].line)
            for i in ctx.canon.appearances.get(cid, ())
            if not scenes[i].flashback
        ]
        for death in sorted(known, key=lambda k: k.moment):
            if not refute(death.event, sum(1 for when in seen if death.moment < when)):
                out[cid] = death
                break
    return out
