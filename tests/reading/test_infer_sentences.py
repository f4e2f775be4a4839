"""``clauses.sentences`` cuts a text without a newline or a dash with the stop's alternative of
its pattern alone (the others cannot match there): the same sentences as the whole pattern,
held on random strings of the characters that end sentences or sit next to an end."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.reading.infer import clauses


def _plain(text: str) -> list[tuple[int, str]]:
    """The definition: every text cut by the whole pattern."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in clauses._SENTENCE_END.finditer(text):
        end = m.start() + (text[m.start()] in clauses._STOPS)
        if end > pos:
            out.append((pos, text[pos:end]))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        out.append((pos, text[pos:]))
    return out


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab .!?;"”’)—–-\n\t\u00a0')), max_size=40))
def test_sentences_are_the_whole_pattern_s(text: str) -> None:
    assert clauses.sentences(text) == _plain(text)


def test_a_plain_speech_is_cut_at_its_stops() -> None:
    assert clauses.sentences("No. Really?! Fine;  go") == [
        (0, "No."),
        (4, "Really?!"),
        (13, "Fine;"),
        (20, "go"),
    ]
