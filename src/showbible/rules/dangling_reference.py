"""dangling-reference: a named character is referenced but never present anywhere.

Anti-pattern: every episode talks about "the Harbourmaster", who never once appears.

Fix: nothing, if they are meant to stay off-screen (seal it in the bible with ``allow: [{rule:
dangling-reference, at: ep1#2, reason: never seen}]``); otherwise, write them in, or check the
alias: a character who appears under another name needs that name in the bible. A note, not an
error: it is a prompt to look.
"""

from __future__ import annotations

from collections.abc import Iterator

from showbible.rules.base import Context, Finding, Rule


class DanglingReference(Rule):
    id = "dangling-reference"
    severity = "note"
    summary = "a named character is referenced but never present anywhere"

    def check(self, ctx: Context) -> Iterator[Finding]:
        canon = ctx.canon
        on_screen = set(canon.appearances) | set(canon.heard)
        only = ctx.characters
        reported: set[str] = set()
        for scene in canon.scenes:
            if only is not None and only.isdisjoint(scene.referenced):
                continue
            for cid, line in scene.referenced.items():
                if cid in on_screen or cid in reported or not ctx.is_person(cid):
                    continue
                if only is not None and cid not in only:
                    continue
                reported.add(cid)
                yield self.finding(
                    scene,
                    line,
                    (cid,),
                    f"{ctx.name(cid)} is referenced but never appears in any scene",
                )
