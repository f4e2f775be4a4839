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
        # No tell holds the separator ``find_each`` joins speeches with (a bible's tell could).
        self._joinable = not any(_APART in key for key in owners)
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

    def find_each(self, texts: list[str]) -> list[list[tuple[str, int, str]]]:
        """``[self.find(t) for t in texts]``, in one automaton pass over them all: each text is
        lower-cased as ``find`` does, and they are joined by a separator that no tell holds, so
        no tell is found across two texts, and the automaton starts each text afresh (a tell's
        words, broken at a character no tell holds, go back to the root). A scene's speeches
        were one pass and one call each: 200,000 at 500 synthetic episodes."""
        if self.empty or not self._joinable or len(texts) < 2:
            return [self.find(t) for t in texts]
        lows = [t.lower().replace("\n", " ").replace("\t", " ") for t in texts]
        ends: list[int] = []  # where each text ends in the joined one
        at = -len(_APART)
        for low in lows:
            at += len(_APART) + len(low)
            ends.append(at)
        outs: list[list[tuple[str, int, str]]] = [[] for _ in texts]
        seens: list[set[str]] = [set() for _ in texts]
        k, base, low = 0, 0, lows[0]
        for end, (length, sids) in self._auto.iter(_APART.join(lows)):
            if end >= ends[k]:  # ends only grow, and a tell lies within one text
                while end >= ends[k]:
                    k += 1
                base, low = ends[k - 1] + len(_APART), lows[k]
            last = end - base
            start = last - length + 1
            before = low[start - 1] if start else " "
            after = low[last + 1] if last + 1 < len(low) else " "
            if before.isalnum() or before == "_" or after.isalnum() or after == "_":
                continue
            out, seen, text = outs[k], seens[k], texts[k]
            for sid in sids:
                if sid not in seen:
                    seen.add(sid)
                    out.append((sid, start, text[start : last + 1]))
        for out in outs:
            out.sort(key=lambda t: t[1])
        return outs


# Between the speeches ``find_each`` reads at once: no space (a tell's words are one space
# apart) and no word character (a tell ends at a word's end).
_APART = "\0"


def scene_tells(index: TellIndex, scene: SceneFacts) -> list[Tell]:
    """Every speech's tells, first of each secret per speech, in speech order."""
    if index.empty:
        return []
    found = index.find_each([speech.text for speech in scene.dialogue])
    return [(k, sid, offset, said) for k, each in enumerate(found) for sid, offset, said in each]
