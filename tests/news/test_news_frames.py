"""The general appearance frame (``news/appearances.py``): a known character, an appearance
predicate and a show it reaches through a preposition, in one clause, with the words between
them free; the sentence-opening "He", "She", "The character" linked to the character named
before. Every positive case below fails on the reader before the frame; the hard negatives
beside them (a guest performer with no role, a hedge, a wish, a negation, a question, a
performer's other credit, a franchise, a place named after a show) propose nothing."""

from __future__ import annotations

import pytest

from showbible.news import extract_text

FACTS = tuple[str, str, str]
CAST = 'Ivo Crane (Tom Reyes) leads "Harrowgate". '


def appearances(text: str) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")
            if f.kind == "appears_in"}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a performer whose role the article gives; an aside between subject and predicate
        (CAST + 'Tom Reyes, fresh from a Broadway run, will briefly turn up on "Night Ferry" '
         "this week.",
         {("appears_in", "Ivo Crane", "Night Ferry")}),
        # a pronoun opening the sentence; the role named with the predicate; a second show
        (CAST + 'He has even reprised his role as Ivo Crane on "Night Ferry" and, most '
         'memorably, in "Salt Flats".',
         {("appears_in", "Ivo Crane", "Night Ferry"), ("appears_in", "Ivo Crane", "Salt Flats")}),
        # a noun predicate with a possessive subject
        ('The drama "Harrowgate" stars Tom Reyes as Ivo Crane. Tom Reyes’s long-awaited return '
         'to "Night Ferry" is set for May.',
         {("appears_in", "Ivo Crane", "Harrowgate"), ("appears_in", "Ivo Crane", "Night Ferry")}),
        # a who-clause in brackets, its role named after the show
        ('"Harrowgate" stars Nia Okoro as Della Marsh. Meg Doe (who also returned to "Night '
         'Ferry" as Captain Vex after years away) plays her aunt.',
         {("appears_in", "Della Marsh", "Harrowgate"),
          ("appears_in", "Captain Vex", "Night Ferry")}),
        # "The character" is the one named before
        (CAST + 'The character will pop up in "Night Ferry" next week.',
         {("appears_in", "Ivo Crane", "Night Ferry")}),
        # "The actor" is the last performer of a known role
        (CAST + 'The actor will guest-star on "Night Ferry" in May.',
         {("appears_in", "Ivo Crane", "Night Ferry")}),
        # a list of characters; a part of the show between the preposition and its title
        (CAST + 'Della Marsh (Nia Okoro) is his rival. Della Marsh and Ivo Crane will guest-star '
         'in the season 5 finale of "Night Ferry".',
         {("appears_in", "Della Marsh", "Night Ferry"),
          ("appears_in", "Ivo Crane", "Night Ferry")}),
        # a sentence that opens with its show: the characters it names are that show's
        (CAST + 'In "Night Ferry", Della Marsh (Nia Okoro) worries about the tides; and Ivo '
         "Crane grieves.",
         {("appears_in", "Della Marsh", "Night Ferry"),
          ("appears_in", "Ivo Crane", "Night Ferry")}),
        # the show as the subject of a host predicate; a pair among its guests
        (CAST + 'Della Marsh (Nia Okoro) is his rival. The premiere of "Night Ferry" will '
         "welcome back Della Marsh.",
         {("appears_in", "Della Marsh", "Night Ferry")}),
        (CAST + '"Night Ferry" will feature Ivo Crane in May.',
         {("appears_in", "Ivo Crane", "Night Ferry")}),
        (CAST + 'Tom Reyes stops by "Night Ferry" as Ivo Crane next week.',
         {("appears_in", "Ivo Crane", "Night Ferry")}),
        # a verb that takes the show as its object
        (CAST + 'Ivo Crane joins the cast of "Night Ferry" in the fall.',
         {("appears_in", "Ivo Crane", "Night Ferry")}),
    ],
)  # fmt: skip
def test_the_frame_reads_new_wordings(text: str, expected: set[FACTS]) -> None:
    assert expected <= appearances(text)


@pytest.mark.parametrize(
    "text",
    [
        # a guest performer named with no role, after a credit
        'Robert Lane, former star of "Salt Flats", will appear on an episode of "Night Ferry" '
        "as a patient.",
        # hedges, wishes, negations, questions
        CAST + 'Ivo Crane could show up on "Night Ferry" next year.',
        CAST + 'Fans want Ivo Crane to show up on "Night Ferry".',
        CAST + 'Ivo Crane didn’t appear on "Night Ferry" after all.',
        CAST + 'Will Ivo Crane show up on "Night Ferry"?',
        CAST + '"Night Ferry" could bring back Ivo Crane.',
        # a scene-setting show with another show named in the sentence: whose is unsaid
        CAST + 'In "Night Ferry", Ivo Crane meets the crew of "Salt Flats".',
        # the performer's other work, not the role's
        CAST + 'Tom Reyes is best known for appearing in "Night Ferry".',
        # a franchise, and a place named after a show
        CAST + "Ivo Crane’s first appearance in the Night Ferry film universe came in 1999.",
        CAST + 'Later, Ivo Crane returned to the docks of "Night Ferry" to find his brother.',
    ],
)
def test_the_frame_keeps_hard_negatives_out(text: str) -> None:
    assert not {f for f in appearances(text) if f[2] == "Night Ferry"}
