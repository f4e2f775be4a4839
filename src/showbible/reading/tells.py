"""Tells: the words that give a secret away, found in what characters say.

Found once per speech at extraction (and cached with it), then read by the
premature-knowledge rule and by the store's ``tells`` table.
"""

from __future__ import annotations

import ahocorasick

from showbible.reading.facts import SceneFacts, Tell


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


def scene_tells(index: TellIndex, scene: SceneFacts) -> list[Tell]:
    """Every speech's tells, first of each secret per speech, in speech order."""
    if index.empty:
        return []
    return [
        (k, sid, offset, said)
        for k, speech in enumerate(scene.dialogue)
        for sid, offset, said in index.find(speech.text)
    ]
