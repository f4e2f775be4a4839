"""premature-knowledge: a character speaks a tell of a secret they do not know at that point.

Anti-pattern (the secret ``ledger-location`` has the tell "floor stone"; Mara learns it only in
ep102)::

    MARA
    Lift the floor stone, it's under there.       <- in ep101

Fix: move the line after the scene where she learns it, give her a scene that teaches her
(``[[learns: MARA ledger-location]]``), or seal it when she is guessing:
``[[allow: premature-knowledge she is bluffing]]``.

A secret the scripts confide (not the bible's) reaches another series only through someone seen
in both: its words said in a series that shares nobody with the one it was told in are chance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from showbible.reading.tells import TellIndex, scene_tells
from showbible.rules.base import Context, Evidence, Finding, Rule


def tell_pattern(tells: tuple[str, ...] | list[str]) -> re.Pattern[str] | None:
    """Tells match case-insensitively as whole words or phrases (DESIGN §3)."""
    parts = [r"\s+".join(re.escape(w) for w in t.split()) for t in tells if t.strip()]
    if not parts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


class PrematureKnowledge(Rule):
    id = "premature-knowledge"
    severity = "error"
    summary = "a character speaks a tell of a secret they do not know at that point"

    def check(self, ctx: Context) -> Iterator[Finding]:
        fold = ctx.fold
        index = TellIndex({sid: s.tells for sid, s in ctx.canon.universe.bible.secrets.items()})
        if fold.secrets:
            yield from self._inferred(ctx)
        if index.empty:
            return
        for scene in ctx.scenes():
            reported: set[tuple[str, str]] = set()
            found = scene.tells if scene.tells is not None else scene_tells(index, scene)
            for k, sid, offset, said in found:
                speech = scene.dialogue[k]
                cid = speech.character
                if not ctx.is_person(cid):
                    continue
                if (cid, sid) in reported:
                    continue
                line = speech.line + speech.text.count("\n", 0, offset)
                if fold.knows_secret(cid, sid, fold.at(scene, line)):
                    continue
                reported.add((cid, sid))
                yield self.finding(
                    scene,
                    line,
                    (cid,),
                    f"{ctx.name(cid)} says {said!r}, a tell of the secret {sid!r}, "
                    "before learning it",
                    _evidence(ctx, cid, sid),
                )

    def _inferred(self, ctx: Context) -> Iterator[Finding]:
        """Secrets the scripts confide (reading/infer/secrets.py): their tells, said after the
        confidence by someone who never learned them."""
        fold = ctx.fold
        index = TellIndex({sid: tuple(k.event.data.get("tells") or ()) for sid, k in
                           fold.secrets.items()})  # fmt: skip
        if index.empty:
            return
        linked = _Linked(ctx)
        person: dict[str, bool] = {}  # asked once a character, not once a speech
        for scene in ctx.scenes():
            if scene.flashback:
                continue
            reported: set[tuple[str, str]] = set()
            speeches = [s for s in scene.dialogue if not s.voice]
            # One pass of the tells' automaton over the scene's speeches, not one a speech.
            for speech, found in zip(
                speeches, index.find_each([s.text for s in speeches]), strict=True
            ):
                if not found:
                    continue
                cid = speech.character
                if cid not in person:
                    person[cid] = ctx.is_person(cid)
                if not person[cid]:
                    continue
                for sid, offset, said in found:
                    line = speech.line + speech.text.count("\n", 0, offset)
                    when = fold.at(scene, line)
                    secret = fold.secrets[sid]
                    if (cid, sid) in reported or not secret.moment < when:
                        continue
                    if fold.knows_secret(cid, sid, when):
                        continue
                    if not linked(scene.series, secret.event.scene):
                        continue  # nobody could have carried it there: the words are chance
                    reported.add((cid, sid))
                    e = secret.event
                    yield self.finding(
                        scene,
                        line,
                        (cid,),
                        f"{ctx.name(cid)} says {said!r}, which was told in confidence in "
                        f"{e.scene} ({e.data.get('sentence', '')!r}), without having heard it",
                        [Evidence.of(e, "told in confidence to "
                                     + ", ".join(map(ctx.name, e.data.get("hearers") or ())))],
                        inferred=True,
                    )  # fmt: skip


class _Linked:
    """Whether a secret confided in one series can have reached another: only through someone
    seen in both (or in a chain of series each sharing someone with the next). Elaine saying
    "waited outside" in *Seinfeld* is no slip about a confidence of *The Big Bang Theory*, two
    series with nobody in common; the bible's own secrets, whose tells a writer declared, are
    checked everywhere. Worked out on the first question across series."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.group: dict[str, str] | None = None

    def __call__(self, series: str, secret_scene: str | None) -> bool:
        canon = self.ctx.canon
        if not secret_scene or secret_scene not in canon.release_pos:
            return True
        home = canon.scene(secret_scene).series
        if home == series:
            return True
        if self.group is None:
            self.group = self._groups()
        return self.group.get(series, series) == self.group.get(home, home)

    def _groups(self) -> dict[str, str]:
        canon = self.ctx.canon
        parent: dict[str, str] = {}

        def find(s: str) -> str:
            parent.setdefault(s, s)
            while parent[s] != s:
                parent[s] = parent[parent[s]]
                s = parent[s]
            return s

        for cid in canon.appearances:
            if not self.ctx.is_person(cid):
                continue
            where = canon.series_of(cid)
            for other in where[1:]:
                parent[find(other)] = find(where[0])
        return {s: find(s) for s in list(parent)}


def _evidence(ctx: Context, cid: str, sid: str) -> list[Evidence]:
    fold = ctx.fold
    out: list[Evidence] = []
    learned = fold.knows.get((cid, sid))
    if learned is not None:
        out.append(Evidence.of(learned.event, f"{ctx.name(cid)} learns {sid!r} only here"))
    file, line, _ = ctx.canon.universe.locator.locate(("secrets", sid))
    out.append(Evidence(file, line, f"the secret {sid!r} and its tells", None, "bible"))
    return out
