"""unknown-character: a cue that resolves to nobody in the bible but looks like someone who is.

Anti-pattern::

    TOBAIS
    The ledger's gone.

Fix: correct the cue to ``TOBIAS``, or, if this really is somebody new, add them to the bible's
``characters`` (then the cue resolves and the warning goes).
"""

from __future__ import annotations

from collections.abc import Iterator

from showbible.rules.base import Context, Evidence, Finding, Rule


class UnknownCharacter(Rule):
    id = "unknown-character"
    severity = "warning"
    summary = "a cue resolves to no bible character and looks like a misspelling of one"

    def check(self, ctx: Context) -> Iterator[Finding]:
        cast = ctx.canon.cast
        first_seen: dict[str, tuple[str, int]] = {}
        for scene in ctx.scenes():
            for cid in scene.labels:
                char = cast.characters.get(cid)
                if char is None or not char.provisional or char.suggestion is None:
                    continue
                line = (
                    scene.present[cid].line
                    if cid in scene.present
                    else scene.voices.get(cid, scene.line)
                )
                label = next(iter(scene.labels[cid]))
                target = cast.characters[char.suggestion]
                evidence = []
                known = first_seen.get(char.suggestion)
                if known is None:
                    known = _first_appearance(ctx, char.suggestion)
                    first_seen[char.suggestion] = known or ("", 0)
                if known and known[0]:
                    evidence.append(Evidence(known[0], known[1], f"{target.name} appears here"))
                finding = self.finding(
                    scene,
                    line,
                    (),
                    f"unknown character {label!r}: did you mean {target.name} ({char.suggestion})?",
                    evidence,
                )
                finding.subject = cid
                yield finding


def _first_appearance(ctx: Context, cid: str) -> tuple[str, int] | None:
    for i in ctx.canon.appearances.get(cid, ())[:1]:
        scene = ctx.canon.scenes[i]
        return scene.file, scene.present[cid].line
    return None
