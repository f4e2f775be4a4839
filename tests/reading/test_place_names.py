"""Places named in a sentence (reading/infer/places.py): the automaton gives exactly what the
one regex of every name gives (leftmost, longest, case ignored, between word boundaries), on
made-up edge cases and on every sentence and speech of the planted universes and a synthetic
universe, each with its own bible's places."""

from __future__ import annotations

from pathlib import Path

import pytest

import synth_module
from showbible import compile_universe, load_universe
from showbible.reading.infer.places import PlaceNames, place_names

ROOT = Path(__file__).resolve().parents[2]

NAMES = PlaceNames(
    {
        "bay": ["Cinder Bay", "the bay", "Bay"],
        "cinder": ["Cinder"],
        "pier": ["North Pier", "pier"],
        "odd": ["St. Agnes", "Agnes's", "o'neill house", "x_y"],
        "dock": ["Dock 9", "dock"],
    }
)

CASES = [
    "They reach Cinder Bay at dusk.",
    "CINDER BAY burns; the bay is empty; Cinder alone stands.",
    "Cinder Bayside is not a place, nor is Cinderbay, nor subbay.",
    "The North Pier and the pier beyond it, and the piers.",
    "St. Agnes's bell. St. Agnes. Agnes's house. Xst. Agnes.",
    "The O'Neill House, o'neill houses, x_y, ax_y, x_yz.",
    "Dock 9, Dock 90, dock9, the dock.",
    "",
    "bay",
    "Bay bay BAY",
]


@pytest.mark.parametrize("text", CASES)
def test_the_automaton_gives_what_the_regex_gives(text: str) -> None:
    assert NAMES.spans(text) == NAMES.regex_spans(text)


def test_text_beyond_ascii_takes_the_regex() -> None:
    text = "Café at Cinder Bay — then the pier."
    assert NAMES.spans(text) == NAMES.regex_spans(text)
    assert [pid for pid, _s, _e in NAMES.spans(text)] == ["bay", "pier"]


def _every_text(root: Path) -> tuple[PlaceNames, list[str]]:
    universe = load_universe(root)
    texts = []
    for sc in compile_universe(universe).canon.scenes:
        texts += [d.text for d in sc.dialogue] + [s.text for s in sc.sentences]
        texts.append(sc.heading or "")
    return place_names(universe.bible), texts


def _assert_automaton_is_the_regex(root: Path) -> None:
    """On every text of the universe, the automaton finds what the regex finds, and something."""
    finder, texts = _every_text(root)
    found = 0
    for text in texts:
        got = finder.spans(text)
        assert got == finder.regex_spans(text), text
        found += len(got)
    assert found > 0


@pytest.mark.parametrize("name", ["cinder-bay", "halcyon-drift", "saltmarsh"])
def test_on_the_planted_universes(name: str) -> None:
    _assert_automaton_is_the_regex(ROOT / "bench" / "planted" / name)


def test_on_a_synthetic_universe(tmp_path: Path) -> None:
    synth_module.load().generate(tmp_path / "u", 3, 6, seed=5, scenes_per_episode=(4, 6))
    _assert_automaton_is_the_regex(tmp_path / "u")
