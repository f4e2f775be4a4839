"""``extract.kind_labels`` searches only the action lines that hold the first two letters of a
label (``_LABEL_START``): the same labels as searching every line, on random lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.model import Element, Kind, Scene
from showbible.reading import extract, lexicon

_PIECES = ["A", "a", "an", "An", "ANOTHER", "another", " ", "\n", "GUARD", "O'NEIL", "X-RAY",
           "Guard", "G", "-", "'", "MR", "enters", ".", "MÉDECIN", "É", "é"]  # fmt: skip


def _every_line(scenes: tuple[Scene, ...]) -> list[str]:
    out: dict[str, None] = {}
    for scene in scenes:
        for el in scene.elements:
            if el.kind is Kind.ACTION:
                for m in extract._KIND_INTRO.finditer(el.text):
                    out.setdefault(m.group(1), None)
    return list(out)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join), max_size=6))
def test_the_lines_skipped_hold_no_label(lines: list[str]) -> None:
    scenes = (Scene(1, None, tuple(Element(Kind.ACTION, t, n + 1) for n, t in enumerate(lines))),)
    assert extract.kind_labels(scenes) == _every_line(scenes)


def test_a_guard_is_a_kind() -> None:
    scenes = (Scene(1, None, (Element(Kind.ACTION, "A GUARD waits. An X-RAY hums.", 1),)),)
    assert extract.kind_labels(scenes) == ["GUARD", "X-RAY"]


def test_a_kind_in_capitals_with_accents() -> None:
    """The fifty-ninth blind look's Dakar arena: "the ringside doctor jogs over, a MÉDECIN in a
    Senegal FC windbreaker" -- a walk-on in French, whose cue then spoke a secret's tell as a
    person (an unaccented class stopped at the É and saw no label)."""
    line = "A MÉDECIN jogs over. An ÉLECTRICIEN waits. A Médecin sits. a MÉDECINé"
    scenes = (Scene(1, None, (Element(Kind.ACTION, line, 1),)),)
    assert extract.kind_labels(scenes) == ["MÉDECIN", "ÉLECTRICIEN"]


@pytest.mark.parametrize(
    ("label", "trade"),
    [("NEUROLOGIST", True), ("PEDIATRICIAN", True), ("PSYCHIATRIST", True),
     ("PHARMACIST", True), ("RECEPTIONIST", True),
     ("CHRIST", False), ("KRIST", False), ("MARA", False), ("LIST", False)],
)  # fmt: skip
def test_a_trade_is_known_by_its_ending(label: str, trade: bool) -> None:
    """The seventh blind look's NEUROLOGIST, in no list, spoke a secret's tell as a person."""
    assert lexicon.occupation(label) is trade
    assert (lexicon.walk_on(label, frozenset(), lexicon.Classes()) is not None) is trade
