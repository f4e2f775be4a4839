"""Characters recognised by evidence across the article (``news/characters.py``), not only by a
performer named beside them: a rank (also a plural one over a list), a show that owns a bare
name (``Night Ferry's Okafor``), the company of a list, and, in an appearance frame, the shape
of a one-word name the article never gives in full. Every positive case proposes nothing on the
reader before the module (e903b65); the hard negatives propose nothing, or nothing wrong."""

from __future__ import annotations

import pytest

from showbible.news import extract_text
from showbible.news.cleaning import read_article
from showbible.news.entities import Knowledge, learn_series
from showbible.news.names import Lexicon

FACTS = tuple[str, str, str]


def facts(text: str) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")
            if f.kind in ("plays", "appears_in")}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural rank makes every name of its list a character
        (
            'Doctors Hale, Ostrow and Brandt stop by "Harbor Lights" in the finale.\n',
            {
                ("appears_in", "Hale", "Harbor Lights"),
                ("appears_in", "Ostrow", "Harbor Lights"),
                ("appears_in", "Brandt", "Harbor Lights"),
            },
        ),
        # a ranked name in a list makes the full names beside it characters (no performer there)
        (
            'Captain Reyes, Della Marsh and Tom Okafor recur on "Harbor Lights" this season.\n',
            {
                ("appears_in", "Captain Reyes", "Harbor Lights"),
                ("appears_in", "Della Marsh", "Harbor Lights"),
                ("appears_in", "Tom Okafor", "Harbor Lights"),
            },
        ),
        # a show's own bare name is its character, seen where the frame says
        (
            '"Night Ferry" fans have waited a year. Night Ferry\'s Okafor returns to "Harbor '
            'Lights" in May.\n',
            {
                ("appears_in", "Okafor", "Night Ferry"),
                ("appears_in", "Okafor", "Harbor Lights"),
            },
        ),
        # a one-word name never given in full, standing inside a sentence: a character
        (
            'The spring finale is near. Then Marlowe stops by "Harbor Lights" with a warning.\n',
            {("appears_in", "Marlowe", "Harbor Lights")},
        ),
        (
            'Marlowe recurs on "Harbor Lights" this season.\n',
            {("appears_in", "Marlowe", "Harbor Lights")},
        ),
        # "a turn on" is an appearance, and "from Kramer's turn" is a person's, not a place
        (
            'The list runs from Brannock\'s turn on "Harbor Lights" to the finale of "Night '
            'Ferry".\n',
            {("appears_in", "Brannock", "Harbor Lights")},
        ),
        # a rank before a one-word name in one sentence makes it a character in the next (and
        # the one listed with him, in the article's one show, is its character too)
        (
            'The episode reunites Agent Pryce and Okafor. Okafor recurs on "Harbor Lights" in '
            "May.\n",
            {
                ("appears_in", "Okafor", "Harbor Lights"),
                ("appears_in", "Agent Pryce", "Harbor Lights"),
            },
        ),
    ],
)
def test_characters_known_by_evidence(text: str, expected: set[FACTS]) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Vance's Night Ferry character, Della Marsh": a character tied to its show by a
        # possessive, in an article about another show
        (
            '"Harbor Lights" has a new guest. Vance\'s "Night Ferry" character, Della Marsh, was '
            "a fan favourite there.\n",
            {("appears_in", "Della Marsh", "Night Ferry")},
        ),
        # "their Night Ferry characters": every character named before it ("Six" of "Season
        # Six" is none)
        (
            '"Harbor Lights" had its share of visitors. In Season Six, Della and Ivo moved in '
            "next door, in an episode that featured Kate Vance and Tom Reyes voicing the animated "
            "versions of their Night Ferry characters.\n",
            {("appears_in", "Della", "Night Ferry"), ("appears_in", "Ivo", "Night Ferry")},
        ),
        # a list heading "A on B (2009)" names two shows; "X, the Night Ferry role" places a
        # character the article names as a role
        (
            "Ten reunions we loved\n\n1. Night Ferry on Harbor Lights (2009)\n\nThe cast appear "
            "as themselves, and Kate Vance tries to take over for Tom Reyes in the role of "
            "Brannock, the Night Ferry role he made famous.\n\n2. Salt Flats on Harbor Lights "
            "(2011)\n\nMore of the same.\n",
            {("plays", "Tom Reyes", "Brannock"), ("appears_in", "Brannock", "Night Ferry")},
        ),
        # an appositive that names a known character's part in a show
        (
            'Della Marsh (Kate Vance), the harbor master in "Night Ferry", meets the "Harbor '
            'Lights" crew.\n',
            {("plays", "Kate Vance", "Della Marsh"), ("appears_in", "Della Marsh", "Night Ferry")},
        ),
    ],
)
def test_characters_tied_to_a_show(text: str, expected: set[FACTS]) -> None:
    assert facts(text) == expected


GALLERY = """Here are the returns we loved.

Who: Kate Vance — Della Marsh, Night Ferry

Reason for leaving: Vance left the drama in 1992.

Who: Tom Reyes — Ivo Crane, Harbor Lights

Reason for leaving: Reyes left in 1985.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gallery's heading that names the performer before a dash ties them to the role
        (
            GALLERY,
            {
                ("plays", "Kate Vance", "Della Marsh"),
                ("appears_in", "Della Marsh", "Night Ferry"),
                ("plays", "Tom Reyes", "Ivo Crane"),
                ("appears_in", "Ivo Crane", "Harbor Lights"),
            },
        ),
        # a name the article has as someone's character plays no one: "Della Marsh (Gambit)"
        # is not Della Marsh the performer, and what the pair placed is Della Marsh's
        (
            'Kate Vance plays Della Marsh on "Harbor Lights". In the finale, Della Marsh (Gambit) '
            "returns to the docks.\n",
            {
                ("plays", "Kate Vance", "Della Marsh"),
                ("appears_in", "Della Marsh", "Harbor Lights"),
            },
        ),
        # two performers and their roles stand side by side untouched
        (
            'Kate Vance plays Della Marsh on "Harbor Lights", and Tom Reyes plays Ivo Crane.\n',
            {
                ("plays", "Kate Vance", "Della Marsh"),
                ("plays", "Tom Reyes", "Ivo Crane"),
                ("appears_in", "Della Marsh", "Harbor Lights"),
                ("appears_in", "Ivo Crane", "Harbor Lights"),
            },
        ),
        # a surname that is also a sentence word ("Oh") is a name once its full form is known
        (
            'The finale will coincide with Sandra Oh\'s departure from "Harbor Lights". Their '
            "story ended with Burke leaving Oh's Cristina Yang at the altar.\n",
            {
                ("plays", "Sandra Oh", "Cristina Yang"),
                ("appears_in", "Cristina Yang", "Harbor Lights"),
            },
        ),
        # "cast A in the role of X": A, named just before it, plays X
        (
            'The network cast Kate Vance in the role of Della Marsh on "Harbor Lights".\n',
            {
                ("plays", "Kate Vance", "Della Marsh"),
                ("appears_in", "Della Marsh", "Harbor Lights"),
            },
        ),
        # "became X, a role she has held": the subject plays the role she became
        (
            'On "Harbor Lights", Kate Vance started as the mother of a victim and later became '
            "Lt. Della Marsh, a role she has held for 16 years.\n",
            {
                ("plays", "Kate Vance", "Lt. Della Marsh"),
                ("appears_in", "Lt. Della Marsh", "Harbor Lights"),
            },
        ),
        # an age or a credit in brackets between a performer and the verb
        (
            'Tom Reyes, 75, played Ivo Crane on "Harbor Lights".\n',
            {("plays", "Tom Reyes", "Ivo Crane"), ("appears_in", "Ivo Crane", "Harbor Lights")},
        ),
        (
            "When the lead took a break, Tom Reyes stepped in. Reyes (Love in the Time of "
            'Cholera) played a loose-cannon detective named Ivo Crane on "Harbor Lights".\n',
            {("plays", "Tom Reyes", "Ivo Crane"), ("appears_in", "Ivo Crane", "Harbor Lights")},
        ),
        # a character in the role of another is no performer
        (
            'Kate Vance plays Della Marsh on "Harbor Lights". In the finale Della Marsh, in the '
            "role of Queen Mab, leads the parade.\n",
            {
                ("plays", "Kate Vance", "Della Marsh"),
                ("appears_in", "Della Marsh", "Harbor Lights"),
            },
        ),
        # one such line alone is no gallery (a byline, a dateline)
        (GALLERY.split("\nWho: Tom")[0], set()),
        # a weekday before a colon opens no title: "Thursday: Tom Reyes" is a person
        (
            "ABC announced a big shocker Thursday: Tom Reyes, who played heart surgeon Dr. Ivo "
            'Crane on three seasons of "Harbor Lights", will soon reprise the role.\n',
            {
                ("plays", "Tom Reyes", "Dr. Ivo Crane"),
                ("appears_in", "Dr. Ivo Crane", "Harbor Lights"),
            },
        ),
    ],
)
def test_performers_decided_across_the_article(text: str, expected: set[FACTS]) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "show"),
    [
        # "Reyes's Brannock character" after "his ... role Brannock": a role, not a show
        (
            "Tom Reyes is returning to his Night Ferry role Brannock. Reyes's Brannock character "
            "was not part of the original run.\n",
            None,
        ),
        # with no such evidence the cue still names a show
        ("Reyes's Brannock character was not part of the original run.\n", "Brannock"),
    ],
)
def test_a_possessive_title_cue_gives_way_to_a_role(text: str, show: str | None) -> None:
    kb = Knowledge(Lexicon.from_bible(None))
    learn_series(kb, read_article(enumerate(text.split("\n"), 1), "a.txt"))
    assert kb.is_series("Brannock") == show


@pytest.mark.parametrize(
    "text",
    [
        # full names with no evidence either way: guest performers as often as characters
        'Della Marsh, Tom Okafor and Nina Pryce recur on "Harbor Lights" this season.\n',
        # a show's full name for someone is the press's way of naming its performer
        '"Night Ferry" fans have waited a year. Night Ferry\'s Dana Okafor returns to "Harbor '
        'Lights" in May.\n',
        # a word only ever seen opening a sentence is no name
        'Court is back in session on "Harbor Lights" tonight.\n',
        # a name after "for" is where someone goes
        'The crew heads for Lisbon to join "Harbor Lights" tonight.\n',
        # a name after "the" is a modifier ("the Pelham ranch"), wherever else it stands
        'The Pelham ranch burns. Later Pelham recurs on "Harbor Lights".\n',
        # a one-word name with a performer's word is a performer
        'The actor Brannock recurs on "Harbor Lights" this season.\n',
        # a performer's appositive is a credit: "the star of X" makes no character
        'Kate Vance, the star of "Night Ferry", meets the "Harbor Lights" crew.\n',
        # "her co-stars" is no role
        'Kate Vance thanked her "Night Ferry" co-stars at the "Harbor Lights" premiere.\n',
        # a firm's name is a list of surnames after "at", not a cast
        "Diane Lockhart (Kate Vance) works at Lockhart, Deckard, Lee and Associates. Deckard "
        'recurs on "Harbor Lights".\n',
    ],
)
def test_no_character_without_evidence(text: str) -> None:
    assert not {f for f in facts(text) if f[0] == "appears_in" and f[1] not in ("Diane Lockhart",)}
