"""Whether a sentence shows a named character there (reading/prose_seen.py); what the accusing
rules make of it is in tests/rules/dead-character.yaml and two-places.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from showbible.reading.prose_seen import _seen as whole_reading
from showbible.reading.prose_seen import seen

CASES = YAML(typ="safe").load((Path(__file__).parent / "seen_cases" / "seen.yaml").read_text())


def _seen(case: dict[str, Any]) -> bool:
    text, name = case["text"], case["name"]
    at = text.index(name)
    return seen(text, at, at + len(name), direction=text.lower().startswith("enter"))


@pytest.mark.parametrize("case", CASES["shown"], ids=lambda c: c["text"][:50])
def test_shown(case: dict[str, Any]) -> None:
    assert _seen(case)


@pytest.mark.parametrize("case", CASES["not_shown"], ids=lambda c: c["text"][:50])
def test_not_shown(case: dict[str, Any]) -> None:
    assert not _seen(case)


_WORDS = (
    "walks", "sits", "had", "would", "used", "slowly", "always", "is", "photo", "the", "of",
    "lettered", "in", "gold", "eyes", "face", "was", "a", "drink", "wound", "crosses,",
    "quietly", "to", "Mara's", "hand", ".", ":", "and", "Tobias", "carry",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["Cole", "MARA", "Jonah Strand"]),
    st.lists(
        st.sampled_from(_WORDS),
        min_size=1,
        max_size=6,
    ),
)
def test_the_quick_answer_is_the_whole_readings(name: str, words: list[str]) -> None:
    """``seen`` answers a sentence that opens with the name and a verb at once; the whole
    reading must answer it the same."""
    sentence = f"{name} {' '.join(words)}"
    if seen(sentence, 0, len(name)):
        assert whole_reading(sentence, 0, len(name)), sentence
