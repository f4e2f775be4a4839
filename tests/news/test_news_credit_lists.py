"""A list of "Name (Show)" lines is a list of credits (nominees under their categories, a
cast's earlier shows) when a name in it is a performer's by evidence (the article's words or a
catalogue's cast list) and none a character's: nobody in it appears in the show in brackets.
The hard negative: a list of characters with their shows. Names of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from news_triples import played as _plays
from showbible.news import extract_text

NOMINEES = """Daytime awards: the nominees

OUTSTANDING LEAD ACTRESS IN A DRAMA SERIES

Ria Moss (Harbor Nights)

Jo Penn (Low Tide)

Ida Sun (Harbor Nights)

OUTSTANDING LEAD ACTOR IN A DRAMA SERIES

Tim Hale (Dune Road)

Bo Lee (Low Tide)
"""

CHARACTERS = """The best neighbours on television

Maren Holt (Harbor Nights)

Odile Vance (Low Tide)

Teodor Brink (Harbor Nights)
"""


def _appears(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "appears_in"}


@pytest.fixture
def one_known_performer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed = tmp_path / "performers.txt"
    listed.write_text("# performers\n# test\nRia Moss\n", encoding="utf-8")
    monkeypatch.setenv("SHOWBIBLE_PERFORMERS", str(listed))
    titles = tmp_path / "titles.tsv"
    titles.write_text("Harbor Nights\nLow Tide\nDune Road\n", encoding="utf-8")
    monkeypatch.setenv("SHOWBIBLE_TITLES", str(titles))


@pytest.mark.usefixtures("one_known_performer")
def test_a_list_of_nominees_with_a_known_performer_places_nobody() -> None:
    assert _appears(NOMINEES) == set()


@pytest.mark.usefixtures("one_known_performer")
def test_a_list_of_characters_with_their_shows_places_them() -> None:
    found = _appears(CHARACTERS)
    assert ("Maren Holt", "Harbor Nights") in found
    assert ("Odile Vance", "Low Tide") in found


def test_a_bracket_before_a_casting_verb_is_the_performers_credit() -> None:
    text = (
        "The Harbor Nights reboot has its cast.\n\n"
        "Tim Hale (Dune Road),will play father and captain Teodor Brink. Ria Moss (Low Tide) "
        "had been cast as his wife Maren, and Jo Penn (Bay City) will portray the harbor master.\n"
    )
    found = _plays(text)
    assert ("Ria Moss", "Maren") in found
    assert (
        not {("Tim Hale", "Dune Road"), ("Ria Moss", "Low Tide"), ("Jo Penn", "Bay City")} & found
    )
