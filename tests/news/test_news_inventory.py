"""Entities on new outlets (``news/inventory.py``): shows named without a cue word (a gallery's
`Character, Show` headings, what an appearance is `on`, a numbered heading, a title ending in
"Show", a "The X" used inside sentences, "Harper's" for "Harper's Landing", titles with `*`), the
bracket of a pair decided by what it holds (a guest list's credits are shows, not characters;
"her character and supporting stars A (X)" keeps A the performer), and an appearance's subject
that must be a character (a performer with no role is nobody's appearance). Every positive case
fails on the reader before this module; the hard negatives propose nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible.news import extract_text
from showbible.news.performers import PERFORMERS_ENV

FACTS = tuple[str, str, str]


def facts(text: str) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")
            if f.kind in ("plays", "appears_in")}  # fmt: skip


GALLERY = """Ten Comebacks We Loved

Mara Voss, Night Ferry

Jane Holt made her first live appearance in years in the finale, greeting her old partner.

Ivo Crane, Salt Flats

As played by Tom Reyes, the gruff captain came back for one last episode.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gallery: each heading places its character, and the paragraph's opening person
        # plays it
        (
            GALLERY,
            {
                ("appears_in", "Mara Voss", "Night Ferry"),
                ("appears_in", "Ivo Crane", "Salt Flats"),
                ("plays", "Jane Holt", "Mara Voss"),
                ("plays", "Tom Reyes", "Ivo Crane"),
            },
        ),
        # what a guest spot is on
        (
            "Ivo Crane (Tom Reyes) guest-starred on Copper Gulch last spring.",
            {("plays", "Tom Reyes", "Ivo Crane"), ("appears_in", "Ivo Crane", "Copper Gulch")},
        ),
        # a performer's word after "her character": the pair's order is the performer's first
        (
            "Kate Lin is back as her long-time character and supporting stars Jane Holt (Mara "
            "Voss) and Tom Reyes (Ivo Crane) get an upgrade.",
            {("plays", "Jane Holt", "Mara Voss"), ("plays", "Tom Reyes", "Ivo Crane")},
        ),
        # a numbered list's heading names the show the paragraph under it is about
        (
            "Series Finales With Returns\n\n1. Jane Holt on Copper Gulch\n\nShe returned for the "
            "finale, and her character Mara Voss (Jane Holt) got a happy ending.",
            {("plays", "Jane Holt", "Mara Voss"), ("appears_in", "Mara Voss", "Copper Gulch")},
        ),
        # titles with an asterisk, and a title ending in "Show"
        (
            "Colonel Ivo Crane (Tom Reyes) appeared in an episode of S*W*A*M*P.",
            {("appears_in", "Colonel Ivo Crane", "S*W*A*M*P")},
        ),
        (
            "On That Late Lark Show, Ned Gorble (Dana Price) was a short-lived sketch.",
            {("appears_in", "Ned Gorble", "That Late Lark Show")},
        ),
        # "The X" used inside sentences twice is a show
        (
            "Ned Gorble (Dana Price) was a hit on The Gorbles, and the early shorts of The Gorbles "
            "return this week.",
            {("plays", "Dana Price", "Ned Gorble"), ("appears_in", "Ned Gorble", "The Gorbles")},
        ),
        # a possessive short form of a show named in full before
        (
            '"Harper\'s Landing" and "Salt Flats" made a star of Jane Holt. Ivo Crane (Tom '
            "Reyes) made his first appearance on Harper's since 2015 this week.",
            {("plays", "Tom Reyes", "Ivo Crane"), ("appears_in", "Ivo Crane", "Harper's Landing")},
        ),
        # a TV listing opens its paragraph with the show: the paragraph is about it, though the
        # article names another show more often
        (
            "House Calls (FOX, 8 PM) – Dr. House Calls treats a patient. House Calls ends its run, "
            "and House Calls fans cry.\n\nCopper Gulch (CBS, 10 PM) – This episode is about a "
            "flood! Apart from that, it also features the return of Jane Holt as recurring "
            "character Mara Voss.",
            {("appears_in", "Mara Voss", "Copper Gulch")},
        ),
    ],
)
def test_entities_without_cues(text: str, expected: set[FACTS]) -> None:
    assert expected <= facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # a guest list of credits: the brackets are shows, the names performers
        "Guest stars of note: Jane Holt (Salt Flats), Tom Reyes (Copper Gulch) and Dana Price "
        "(The Night Ferry).",
        # a second list with the same introduction is a list of credits too, though none of
        # its shows is known
        "*Guest stars of note: Jane Holt (The Salt Flats) and Tom Reyes (Copper Gulch).\n\n"
        "*Guest stars of note: Dana Price (Meerkat Hill), Kate Lin (Heroes) and Ned Gorble.",
        # one `Name, Place` line is a dateline, not a gallery
        "Dana Price, Los Angeles\n\nThe studio said on Monday that filming will resume soon.",
        # a stage or a site is no show
        "Tom Reyes appeared on Broadway last year, and Jane Holt popped up on Instagram.",
        # a performer with no role appearing is no character's appearance
        "The network said actress Dana Price will appear on Copper Gulch next week.",
        # "on Harper's" with no show of that name: no "Harper" show
        "Jane Holt made her first appearance on Harper's boat in the pilot.",
    ],
)
def test_hard_negatives(text: str) -> None:
    assert facts(text) == set()


NOMINEES = """The Nominations in Full

Best Actress in a TV Series – Drama
Jane Holt, Night Ferry
Dana Price, Salt Flats
Kate Lin, Copper Gulch
Best Actor in a TV Series – Drama
Tom Reyes, Meerkat Hill
Ned Gorble, The Long Shore
"""


def test_a_list_of_performers_and_their_shows_is_no_gallery(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Award nominees as `Performer, Show` lines: the shape of a gallery's headings, but most
    of the names are performers a catalogue lists, so none is a character and no name
    under one plays the one above it."""
    listed = tmp_path / "performers.txt"
    listed.write_text("# performers\n#\nJane Holt\nDana Price\nTom Reyes\nNed Gorble\n")
    monkeypatch.setenv(PERFORMERS_ENV, str(listed))
    assert facts(NOMINEES) == set()
    # the same lines, their names unknown to the list: read as a gallery's characters
    monkeypatch.setenv(PERFORMERS_ENV, "none")
    assert ("appears_in", "Jane Holt", "Night Ferry") in facts(NOMINEES)


def test_a_performer_the_catalogue_knows_is_no_appearance() -> None:
    """ "The series featured Fran Drescher and Ellen Wong" (names the shipped catalogue lists as
    performers, dm3's "KJ Apa", "Ron Perlman"): performers, not characters in the show."""
    text = (
        "Salt Road returns to the BBC next week.\n\n"
        "The BBC crime drama Salt Road featured Fran Drescher and Ellen Wong in its first run."
    )
    subjects = {f.subject for f in extract_text(text, "a.txt") if f.kind == "appears_in"}
    assert not subjects & {"Fran Drescher", "Ellen Wong"}, subjects
