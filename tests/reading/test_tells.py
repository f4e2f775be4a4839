"""``TellIndex.find_each`` (a scene's speeches in one automaton pass) finds what ``find`` finds
in each speech alone: on random speeches of tells, their neighbours and the separator itself,
and with a bible whose tell holds the separator (then each speech is searched alone)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.reading.tells import TellIndex

_TELLS = {
    "s1": ("the blue door", "Harbour"),
    "s2": ("blue", "DOOR"),
    "s3": ("harbour master", "the blue"),
}
_PIECES = ["the", "blue", "door", "harbour", "master", "Harbour", "BLUE", " ", "\n", "\t", "_",
           "x", "'s", ".", "\0", "İ", "Σ", ""]  # fmt: skip
_speech = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_speech, max_size=6))
def test_a_scene_s_speeches_at_once_are_each_alone(texts: list[str]) -> None:
    index = TellIndex(_TELLS)
    assert index.find_each(texts) == [index.find(t) for t in texts]


@settings(max_examples=200, deadline=None)
@given(st.lists(_speech, max_size=4))
def test_a_tell_holding_the_separator_is_searched_speech_by_speech(texts: list[str]) -> None:
    index = TellIndex({**_TELLS, "s4": ("blue\0door",)})
    assert index.find_each(texts) == [index.find(t) for t in texts]


def test_each_speech_keeps_its_own_offsets() -> None:
    index = TellIndex(_TELLS)
    found = index.find_each(["The Blue Door, then.", "", "by the harbour\nmaster"])
    assert found == [
        [("s3", 0, "The Blue"), ("s1", 0, "The Blue Door"), ("s2", 4, "Blue")],
        [],
        [("s1", 7, "harbour"), ("s3", 7, "harbour\nmaster")],
    ]
