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
from showbible.reading.prose_tense import narrated_in_present

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
    "quietly", "to", "Mara's", "hand", ".", ":", "and", "Tobias", "carry", "swam", "built",
    "painted", "this", "stunned",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["Cole", "MARA", "Jonah Strand"]),
    st.lists(
        st.sampled_from(_WORDS),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
)
def test_the_quick_answer_is_the_whole_readings(
    name: str, words: list[str], present_tense: bool
) -> None:
    """``seen`` answers a sentence that opens with the name and a verb at once; the whole
    reading must answer it the same, in a script of either tense."""
    sentence = f"{name} {' '.join(words)}"
    if seen(sentence, 0, len(name), present_tense=present_tense):
        assert whole_reading(sentence, 0, len(name), present_tense), sentence


_PRESENT_SCRIPT = [
    "Mara crosses to the window.", "Danny sits. Tobias pours two cups.",
    "Mara turns. Cole watches her go.", "Rafi laughs.",
]  # fmt: skip
_PAST_SCRIPT = [
    "Booth lowered the fork and nodded.", "Mara crossed to the window.", "Danny sat.",
    "Tobias poured two cups. Rafi laughed.", "Cole watches.",
]  # fmt: skip


def test_a_scripts_tense_is_read_from_the_verbs_after_its_names() -> None:
    assert narrated_in_present(_PRESENT_SCRIPT)
    assert not narrated_in_present(_PAST_SCRIPT)
    assert not narrated_in_present(["Mara crosses to the window."])  # too short to tell


@pytest.mark.parametrize(
    ("text", "before_the_scene"),
    [
        ("Cole built this boat with his own hands.", True),
        ("Cole swam the whole bay in an afternoon.", True),
        ("Cole painted the fence blue that summer.", True),
        ("Kailyn was already sitting.", False),  # a present-tense script's "was": the scene
        ("Ward stunned...", False),  # a participle, not a past
        ("Arly seated behind Julio, sobbing.", False),
        ("Cole walked in.", False),  # a slip of tense with no object: left as the scene's
    ],
)
def test_a_past_verb_in_a_present_tense_script_is_backstory(
    text: str, before_the_scene: bool
) -> None:
    name = text.split()[0]
    assert seen(text, 0, len(name), present_tense=True) is not before_the_scene
    assert seen(text, 0, len(name)) or text.startswith(("Ward", "Arly"))  # past-tense script


@pytest.mark.parametrize(
    ("text", "name", "before_the_scene"),
    [
        # the sixty-fourth blind look's Manila: the raincoat left with Tonyo hours ago
        ("The raincoat went back with Tonyo. Something white, then.", "Tonyo", True),
        ("She gave the keys to Tonyo before the flood.", "Tonyo", True),
        ("Erning saw Tonyo at the terminal once.", "Tonyo", True),
        ("Mara runs to Tonyo.", "Tonyo", False),
        ("Mara hands the keys to Tonyo.", "Tonyo", False),
        ("Kit is left with Tonyo.", "Tonyo", False),  # a participle of the scene's own
        ("Mara, who came late, hugs Tonyo.", "Tonyo", False),  # the past is in a clause
    ],
)
def test_a_past_verb_before_a_name_in_a_present_tense_script_is_backstory(
    text: str, name: str, before_the_scene: bool
) -> None:
    at = text.index(name)
    assert seen(text, at, at + len(name), present_tense=True) is not before_the_scene
    assert seen(text, at, at + len(name))  # a script told in the past: the scene's own


@pytest.mark.parametrize(
    ("text", "name", "before_the_scene"),
    [
        # the seventieth blind look's Mombasa roof: "the pots of basil that Bi Mwanaisha
        # planted and that nobody has had the heart to move"
        ("Pots of basil that Bi Mwanaisha planted line the wall.", "Bi Mwanaisha", True),
        ("The boat which Cole built rocks at the jetty, and Mara waits.", "Cole", True),
        ("She finds the letter that Tonyo wrote and that nobody read.", "Tonyo", True),
        ("The boat that Cole steers noses into the dock.", "Cole", False),  # now
        ("Mara sees that Cole stands at the rail.", "Cole", False),
        ("The lamp that Cole had lit still burns.", "Cole", True),  # had: before, as before
    ],
)
def test_a_past_verb_in_a_relative_clause_on_a_thing_is_backstory(
    text: str, name: str, before_the_scene: bool
) -> None:
    at = text.index(name)
    assert seen(text, at, at + len(name), present_tense=True) is not before_the_scene
