"""premature-knowledge: a character speaks a tell of a secret they do not know at that point.

Anti-pattern (the secret ``ledger-location`` has the tell "floor stone"; Mara learns it only in
ep102)::

    MARA
    Lift the floor stone, it's under there.       <- in ep101

Fix: move the line after the scene where she learns it, give her a scene that teaches her
(``[[learns: MARA ledger-location]]``), or seal it when she is guessing:
``[[allow: premature-knowledge she is bluffing]]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

from showbible.rules.base import Context, Evidence, Finding, Rule


def tell_pattern(tells: tuple[str, ...] | list[str]) -> re.Pattern[str] | None:
    """Tells match case-insensitively as whole words or phrases (DESIGN §3)."""
    parts = [r"\s+".join(re.escape(w) for w in t.split()) for t in tells if t.strip()]
    if not parts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


class TellIndex:
    """Every secret's tells in one Aho-Corasick automaton: a speech is scanned once, in C, not
    once per secret."""

    def __init__(self, tells: dict[str, tuple[str, ...]]) -> None:
        owners: dict[str, list[str]] = {}
        for sid, phrases in tells.items():
            for phrase in phrases:
                key = " ".join(phrase.lower().split())
                if key and sid not in owners.setdefault(key, []):
                    owners[key].append(sid)
        self.empty = not owners
        self._auto = ahocorasick.Automaton()
        for key, sids in owners.items():
            self._auto.add_word(key, (len(key), tuple(sids)))
        if not self.empty:
            self._auto.make_automaton()

    def find(self, text: str) -> list[tuple[str, int, str]]:
        """(secret, offset, the words as written) for the first tell of each secret."""
        if self.empty:
            return []
        # Lower-case, and a line break between two words counts as the space in a tell.
        low = text.lower().replace("\n", " ").replace("\t", " ")
        out: list[tuple[str, int, str]] = []
        seen: set[str] = set()
        for end, (length, sids) in self._auto.iter(low):
            start = end - length + 1
            before = low[start - 1] if start else " "
            after = low[end + 1] if end + 1 < len(low) else " "
            if before.isalnum() or before == "_" or after.isalnum() or after == "_":
                continue
            for sid in sids:
                if sid not in seen:
                    seen.add(sid)
                    out.append((sid, start, text[start : end + 1]))
        out.sort(key=lambda t: t[1])
        return out


class PrematureKnowledge(Rule):
    id = "premature-knowledge"
    severity = "error"
    summary = "a character speaks a tell of a secret they do not know at that point"

    def check(self, ctx: Context) -> Iterator[Finding]:
        fold = ctx.fold
        index = TellIndex({sid: s.tells for sid, s in ctx.canon.universe.bible.secrets.items()})
        if index.empty:
            return
        for scene in ctx.canon.scenes:
            reported: set[tuple[str, str]] = set()
            for speech in scene.dialogue:
                cid = speech.character
                if not ctx.is_person(cid):
                    continue
                for sid, offset, said in index.find(speech.text):
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


def _evidence(ctx: Context, cid: str, sid: str) -> list[Evidence]:
    fold = ctx.fold
    out: list[Evidence] = []
    learned = fold.knows.get((cid, sid))
    if learned is not None:
        out.append(Evidence.of(learned.event, f"{ctx.name(cid)} learns {sid!r} only here"))
    file, line, _ = ctx.canon.universe.locator.locate(("secrets", sid))
    out.append(Evidence(file, line, f"the secret {sid!r} and its tells", None, "bible"))
    return out
