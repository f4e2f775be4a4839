"""``extract._sentences`` (action lines cut into sentences, and into the sentences presence is
read in) finds its ends as a match of the stop and the space after it: the same sentences as the
pattern that looks behind for the stop, on random lines of stops, spaces, breaks, pauses and
abbreviations."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.reading import extract

_LOOKING_BEHIND = {
    extract._SENTENCE_END: re.compile(r"(?<=[.!?;])\s+|\n+"),
    extract._PRESENCE_END: re.compile(r"(?<=[.!?])\s+|\n+"),
}


def _defined(text: str, ends: re.Pattern[str]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for m in ends.finditer(text):
        end = m.start()
        if text[end - 3 : end] == "..." and text[m.end() : m.end() + 1].islower():
            continue
        if text[end - 1 : end] == "." and "\n" not in m.group(0):
            word = text[text.rfind(" ", pos, end) + 1 : end].lower().lstrip("'\"‘“([")
            if word in extract._ABBREVIATIONS:
                continue
        if end > pos:
            out.append((pos, text[pos:end]))
        pos = m.end()
    if pos < len(text):
        out.append((pos, text[pos:]))
    return out


_PIECES = [".", "!", "?", ";", " ", "  ", "\n", "\t", "...", "Mr.", "Dr", "a", "Ward", "dead",
           "(", "'", ";\n", "\n\n"]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_the_sentences_are_those_of_the_lookbehind(text: str) -> None:
    for ends, behind in _LOOKING_BEHIND.items():
        assert extract._sentences(text, ends) == _defined(text, behind), repr(text)


def test_an_abbreviation_and_a_pause_end_nothing() -> None:
    text = "Mr. Pell enters. Ward looks ... dead.\nHe goes"
    assert extract._sentences(text) == [(0, "Mr. Pell enters."), (17, "Ward looks ... dead."),
                                        (38, "He goes")]  # fmt: skip
