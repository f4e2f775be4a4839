"""Characters named by their tie to a placed character (news/relatives.py): in that
character's show, when the article places the owner in exactly one. Sentences of our own in
several outlets' voices, with the hard negatives the rule must leave alone."""

from __future__ import annotations

import pytest

from showbible.news import extract_text

# Another show named more often elsewhere: no one show is what the article is about, so only
# the tie places the relative.
OTHER = "\n\nElsewhere, Salt Road season 3 and Salt Road's cast return in May; Salt Road is a hit."
HARBOR = "Tom Roe will reprise his role as Tobias Reed in Harbor Nights season 2. "


def _appears(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "appears_in"}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        # "his <tie>, Name (Performer)" after the owner in the same sentence
        (
            HARBOR + "Tobias isn't the only Reed in town, though — his son, Ivo (Jo Marsh), is "
            "a rookie cop.",
            ("Ivo", "Harbor Nights"),
        ),
        # "Owner's <adjective> <tie>, Name"
        (
            HARBOR + "Ida Kress plays Tobias Reed's estranged wife, Fern, in four episodes.",
            ("Fern", "Harbor Nights"),
        ),
        # "Owner's <tie> Name" without a comma
        (
            HARBOR + "Ida Kress joins the cast as Tobias's cousin Angela.",
            ("Angela", "Harbor Nights"),
        ),
    ],
)
def test_a_tie_to_a_placed_character_places_the_relative(text: str, fact: tuple[str, str]) -> None:
    assert fact in _appears(text + OTHER)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the nearest name is a performer's with no role: a real family
        (
            HARBOR + "The actor is also producing the show alongside his wife, Ada Lind.",
            "Ada Lind",
        ),
        # the owner is in two shows (a crossover): which one is not said
        (
            HARBOR + "Tobias Reed will also cross over into Salt Road season 1. Tobias is back, "
            "and so is his son, Ivo (Jo Marsh).",
            "Ivo",
        ),
        # the paragraph is about the other show
        (
            HARBOR + "\n\nThe spin-off Salt Road follows Tobias's daughter, Mara (Nia Vale), to "
            "the coast.",
            "Mara",
        ),
    ],
)
def test_ties_the_article_does_not_place(text: str, name: str) -> None:
    assert not {f for f in _appears(text + OTHER) if f[0] == name and f[1] == "Harbor Nights"}
