"""Tells: the words that give a secret away, found in what characters say.

Found once per speech at extraction (and cached with it), then read by the
premature-knowledge rule and by the store's ``tells`` table.
"""

from __future__ import annotations

from bisect import bisect_left

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

    def find_each(self, texts: list[str]) -> dict[int, list[tuple[str, int, str]]] | None:
        """What ``find`` gives for each of ``texts`` that holds a tell (by its index), in one
        pass over them all, a NUL between two (not a word character, as the edge of a text is
        not one to ``find``; a line break or a tab would be a space). None when a text holds a
        NUL itself."""
        if self.empty or not texts:
            return {}
        joined = "\0".join(texts)
        if joined.count("\0") != len(texts) - 1:
            return None
        low = joined.lower().replace("\n", " ").replace("\t", " ")
        seps = [-1]
        at = low.find("\0")
        while at >= 0:
            seps.append(at)
            at = low.find("\0", at + 1)
        found: dict[int, list[tuple[str, int, str]]] = {}
        seen: dict[int, set[str]] = {}
        for end, (length, sids) in self._auto.iter(low):
            start = end - length + 1
            before = low[start - 1] if start else " "
            after = low[end + 1] if end + 1 < len(low) else " "
            if before.isalnum() or before == "_" or after.isalnum() or after == "_":
                continue
            k = bisect_left(seps, start) - 1
            here = seen.setdefault(k, set())
            offset = start - seps[k] - 1
            for sid in sids:
                if sid not in here:
                    here.add(sid)
                    said = texts[k][offset : offset + length]
                    found.setdefault(k, []).append((sid, offset, said))
        for out in found.values():
            out.sort(key=lambda t: t[1])
        return found


def scene_tells(index: TellIndex, scene: SceneFacts) -> list[Tell]:
    """Every speech's tells, first of each secret per speech, in speech order: one automaton
    pass over the scene's speeches (``find_each``), not one per speech (200,000 of them at 500
    synthetic episodes)."""
    if index.empty:
        return []
    texts = [speech.text for speech in scene.dialogue]
    each = index.find_each(texts)
    if each is None:  # a speech holds the separator: each searched alone, as the same
        each = {k: got for k, text in enumerate(texts) if (got := index.find(text))}
    return [(k, sid, offset, said) for k in sorted(each) for sid, offset, said in each[k]]
