"""The reintroduction rule's one-pass-per-scene pre-filter finds exactly the speeches that a
pass over each speech alone would find, and drops none that could hold a stranger phrase or
a self-introduction."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.reading.facts import Speech
from showbible.rules.acquainted import SELF_INTRO
from showbible.rules.reintroduction import (
    _INTRO_WORDS,
    _MAYBE,
    _NAME_OPENING,
    _lower,
    _maybe_strangers,
)
from showbible.rules.stranger_line import _STRANGER, NAME_AND_WHAT, plain

WORDS = ["nice", "to", "meet", "you", "I'm", "Mara", "mara", "who", "are", "name's", "\n",
         "\t", ".", "sorry", "I", "am", "Im", "call", "me", "’m", "Ross", "İ", "Voss.",
         "Pilot.", "Hi.", "Sorry.", "Okafor,", "the"]  # fmt: skip
TEXTS = st.lists(st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join), max_size=6)
# Without "İ", which re.IGNORECASE reads as "I" ("İ am Ross") and lower-casing does not: the
# words' pass never saw such an introduction either.
ASCII_I = st.lists(
    st.lists(st.sampled_from([w for w in WORDS if w != "İ"]), max_size=8).map(" ".join),
    max_size=6,
)


def _alone(text: str) -> bool:
    """The filter's definition, one speech at a time."""
    spaced = " " + plain(text).replace("\n", " ").replace("\t", " ") + " "
    if _NAME_OPENING.match("\x00" + spaced):
        return True  # "Mara Voss. Pilot.": a whole name and what she is, maybe
    for end, word in _MAYBE.iter(_lower(spaced)):
        if word not in _INTRO_WORDS:
            return True
        rest = spaced[end + 1 :].lstrip()
        if rest and "A" <= rest[0] <= "Z":
            return True
    return False


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_scene_pass_equals_speech_passes(texts: list[str]) -> None:
    speeches = [Speech("mara", 1, 2, t, None, False) for t in texts]
    assert _maybe_strangers(speeches) == [k for k, t in enumerate(texts) if _alone(t)]


@settings(max_examples=400, deadline=None)
@given(ASCII_I)
def test_only_speeches_without_a_phrase_are_dropped(texts: list[str]) -> None:
    """A speech the words alone would pass, and the filter drops, holds no stranger phrase and
    no self-introduction for the rule to judge."""
    speeches = [Speech("mara", 1, 2, t, None, False) for t in texts]
    kept = set(_maybe_strangers(speeches))
    for k, text in enumerate(texts):
        spaced = " " + _lower(plain(text)).replace("\n", " ").replace("\t", " ") + " "
        if k not in kept and next(_MAYBE.iter(spaced), None) is not None:
            assert _STRANGER.search(plain(text)) is None
            assert SELF_INTRO.search(plain(text)) is None, text
        if k not in kept:
            assert NAME_AND_WHAT.match(plain(text)) is None, text
