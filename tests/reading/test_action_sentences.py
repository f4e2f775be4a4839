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
            space = text.rfind(" ", pos, end)
            word = text[space + 1 if space >= 0 else pos : end].lower().lstrip("'\"‘“([")
            if word in extract._ABBREVIATIONS and (word != "no." or text[m.end() :][:1].isdigit()):
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


def test_an_abbreviation_that_opens_a_later_sentence_ends_nothing() -> None:
    # The twelfth blind look: "[Morning. Sgt. Vasko's photo has been propped on the duty
    # desk...]" -- the word before the stop was read from the text's start ("morning. sgt."),
    # so "Sgt." ended a sentence of its own, which was the dead sergeant's name alone.
    text = "Morning. Sgt. Vasko's photo waits. Mr. Pell enters."
    assert extract._sentences(text) == [(0, "Morning."), (9, "Sgt. Vasko's photo waits."),
                                        (35, "Mr. Pell enters.")]  # fmt: skip
    # ... and "No." abbreviates only before a number
    text = "Cole's ghost? No. Just Danny. Room No. 5 waits."
    assert extract._sentences(text) == [(0, "Cole's ghost?"), (14, "No."),
                                        (18, "Just Danny."), (30, "Room No. 5 waits.")]  # fmt: skip
