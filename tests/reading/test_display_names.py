"""Names shown to people keep numerals and particles (issue 17, item 7)."""

from __future__ import annotations

import pytest

from showbible.reading.names import display_name


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("KING HENRY VI", "King Henry VI"),
        ("HENRY VI", "Henry VI"),
        ("SCENE III", "Scene III"),
        ("JOHN OF GAUNT", "John of Gaunt"),
        ("DUCHESS OF YORK", "Duchess of York"),
        ("KING HENRY THE FIFTH", "King Henry the Fifth"),
        ("DE LA POLE", "De la Pole"),
        ("O'BRIEN", "O'Brien"),
        ("MARY-KATE", "Mary-Kate"),
        ("LADY MACBETH", "Lady Macbeth"),
        ("VI", "Vi"),  # a lone word is a name, not a numeral
    ],
)
def test_display_name(label: str, shown: str) -> None:
    assert display_name(label) == shown
