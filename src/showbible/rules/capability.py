"""capability: an action line puts a character to something the canon says they cannot do.

Anti-pattern (``{at: "ep101#1", cannot: {who: mara, what: drive, tells: ["drives", "behind
the wheel"]}}``)::

    Mara drives through the rain.

Fix: have someone else do it (``Tobias drives; Mara rides shotgun.``), add a scene where she
learns, or seal it: ``[[allow: capability she learned off-screen]]``. Only action lines count,
and only when the character is the sentence's first named character: dialogue about driving is
not driving.
"""

from __future__ import annotations

from collections.abc import Iterator

from showbible.rules.base import Context, Evidence, Finding, Rule
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
        for scene in ctx.scenes():
            reported: set[str] = set()
            for sentence in scene.sentences:
                if not sentence.names:
                    continue
                cid = sentence.names[0]
                if cid in reported or cid not in patterns:
                    continue
                when = fold.at(scene, sentence.line)
                for known, pattern in patterns[cid]:
                    if pattern is None or not known.moment < when:
                        continue
                    m = pattern.search(sentence.text)
                    if m is None:
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
                    break


def _said(data: dict[str, object]) -> str:
    """The sentence an inferred fact rests on, for its evidence."""
    return f" (inferred from {data['sentence']!r})" if data.get("sentence") else ""
