"""Characters named by their tie to a placed character (news/relatives.py): in that
character's show, when the article places the owner in exactly one. Sentences of our own in
several outlets' voices, with the hard negatives the rule must leave alone."""

from __future__ import annotations

import pytest

from showbible.news import extract_text
from showbible.news.reader import Reader

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


def test_his_tie_to_someone_placed_by_another_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    # The Daily Mail set's soap page: "watching Martin Fowler and Ruby Allen have the soap's
    # first socially-distanced kiss" placed them by the article's own cast (not as roles read
    # with a performer); "... the return of his ex-wife Stacey Slater" is then theirs. A name
    # that is no person's (an award a wrong reading placed: "Bafta") owns no one.
    placed = {"Sean Cole": "Harbourside", "Bafta": "Harbourside"}
    original = Reader.recaps

    def recaps(self: Reader) -> None:
        original(self)
        for who, show in placed.items():
            self.add("appears_in", who, show, 1, "(placed by an earlier reading)", 0.4)

    monkeypatch.setattr(Reader, "recaps", recaps)
    text = (
        "Harbourside's Tom Roe quits the soap\n\n"
        "In the scenes, Sean Cole discussed going away after the return of his ex-wife Ada Lind, "
        "shortly before Twitter was flooded with praise.\n\n"
        "His performance at the Bafta awards won praise from his friend, Jo Marsh.\n"
    )
    got = _appears(text)
    assert ("Ada Lind", "Harbourside") in got
    assert ("Jo Marsh", "Harbourside") not in got
