"""capability: an action line puts a character to something the canon says they cannot do.

Anti-pattern (``{at: "ep101#1", cannot: {who: mara, what: drive, tells: ["drives", "behind
the wheel"]}}``)::

    Mara drives through the rain.

Fix: have someone else do it (``Tobias drives; Mara rides shotgun.``), add a scene where she
learns, or seal it: ``[[allow: capability she learned off-screen]]``. Only action lines count,
and only when the character is the sentence's first named character: dialogue about driving is
not driving. An incapacity inferred from one sentence that three or more later scenes
contradict is refuted by the story, not reported (see ``rules/base.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from showbible.canon.fold import Known
from showbible.reading.facts import SceneFacts, Sentence
from showbible.rules.base import Context, Evidence, Finding, Rule, refute
from showbible.rules.premature_knowledge import tell_pattern


class Capability(Rule):
    id = "capability"
    severity = "error"
    summary = "an action line puts a character to something the canon says they cannot do"

    def check(self, ctx: Context) -> Iterator[Finding]:
        fold = ctx.fold
        if not fold.cannot:
            return
        patterns = {
            cid: [
                (k, tell_pattern(k.event.data.get("tells") or [k.event.obj or ""])) for k in knowns
            ]
            for cid, knowns in fold.cannot.items()
        }
        # Over every scene, whatever the scope: how many scenes contradict each inferred
        # incapacity (only those can be refuted; a bible's are not counted, which spares a
        # patch reading every scene's sentences again).
        inferred = {
            cid: mine
            for cid, pats in patterns.items()
            if (mine := [(k, p) for k, p in pats if k.event.source == "inferred"])
        }
        doing: Counter[int] = Counter()
        if inferred:
            for scene in ctx.canon.scenes:
                doing.update({id(k) for k, _line, _s in _contradictions(ctx, scene, inferred)})
        refuted = {
            id(k)
            for knowns in fold.cannot.values()
            for k in knowns
            if refute(k.event, doing[id(k)])
        }
        for scene in ctx.scenes():
            reported: set[str] = set()
            for known, _line, sentence in _contradictions(ctx, scene, patterns):
                cid = sentence.names[0]
                if cid in reported or id(known) in refuted:
                    continue
                reported.add(cid)
                what = known.event.obj
                yield self.finding(
                    scene,
                    sentence.line,
                    (cid,),
                    f"{ctx.name(cid)} cannot {what}, but here: {sentence.text.strip()!r}",
                    [
                        Evidence.of(
                            known.event,
                            f"{ctx.name(cid)} cannot {what}" + _said(known.event.data),
                        )
                    ],
                    inferred=known.event.source == "inferred",
                )


def _contradictions(
    ctx: Context, scene: SceneFacts, patterns: dict[str, list[tuple[Known, re.Pattern[str] | None]]]
) -> Iterator[tuple[Known, int, Sentence]]:
    """Each action sentence of a scene that puts its first-named character to something an
    incapacity in force says they cannot do: (the incapacity, line, sentence), the first per
    sentence."""
    fold = ctx.fold
    # Only a sentence led by someone whose incapacity began by this scene can contradict it:
    # asked first of what every scene keeps beside its words, which then stay undecoded.
    pos = fold.at(scene)[0]
    if not any(
        cid in patterns and any(k.moment[0] <= pos for k, _p in patterns[cid])
        for cid in scene.action_leads()
    ):
        return
    for sentence in scene.sentences:
        if not sentence.names or sentence.names[0] not in patterns:
            continue
        when = fold.at(scene, sentence.line)
        for known, pattern in patterns[sentence.names[0]]:
            if pattern is not None and known.moment < when and pattern.search(sentence.text):
                yield known, sentence.line, sentence
                break


def _said(data: dict[str, object]) -> str:
    """The sentence an inferred fact rests on, for its evidence."""
    return f" (inferred from {data['sentence']!r})" if data.get("sentence") else ""
