"""The reintroduction rule's one-pass-per-scene pre-filter finds exactly the speeches that a
pass over each speech alone would find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.reading.facts import Speech
from showbible.rules.reintroduction import _MAYBE, _maybe_strangers

WORDS = ["nice", "to", "meet", "you", "I'm", "Mara", "who", "are", "name's", "\n", "\t", "."]


def _alone(text: str) -> bool:
    low = " " + text.lower().replace("\n", " ").replace("\t", " ") + " "
    return next(_MAYBE.iter(low), None) is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join), max_size=6))
def test_scene_pass_equals_speech_passes(texts: list[str]) -> None:
    speeches = [Speech("mara", 1, 2, t, None, False) for t in texts]
    assert _maybe_strangers(speeches) == [k for k, t in enumerate(texts) if _alone(t)]
