"""Classes found on the held4 and held5 articles (the third session's first looks), each in
sentences of our own: which names are shows (nicknames, credits, people listed as stars,
episodes after a backdoor pilot, months and networks), whose names are whose (a surname in
brackets, "Dr." and "Jr." in names, "X's <Show> character"), which show a cast is in (an aside
in brackets, a show that describes another, a paragraph about several shows) and showrunners
named with "co-", "sole" or across a who-clause."""

from __future__ import annotations

import pytest

from showbible.news import extract_text
from showbible.news.cleaning import read_article
from showbible.news.series import quoted_titles

FACTS = tuple[str, str, str]


def triples(text: str) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nickname in quotes inside a name is no show
        ("Harrowgate season 2 is near. Nia Okoro as Della 'Dee' Marsh and Tom Reyes as Ivo Crane "
         "in \"Harrowgate\" Season 2.",
         {("plays", "Nia Okoro", "Della Dee Marsh"),
          ("appears_in", "Della Dee Marsh", "Harrowgate")}),
        # a surname alone in brackets is the performer, the full name the character
        ("It spins off from the Nia Okoro-starring Harrowgate.\n\nOn NBC's Harrowgate, Della Marsh "
         "(Okoro) runs the docks.",
         {("plays", "Nia Okoro", "Della Marsh"), ("appears_in", "Della Marsh", "Harrowgate")}),
        # a performer's credit in brackets neither breaks the cast list nor places the role
        ("Meg Doe (The Dock) and Drake Roe (The Salt Flats) have been cast as Della Marsh and Ivo "
         "Crane, respectively.",
         {("plays", "Meg Doe", "Della Marsh"), ("plays", "Drake Roe", "Ivo Crane")}),
        # "Dr." and "Jr." stay in names
        ("The Dock 12 cast: Nia Okoro as Dr. Della Marsh and Tom Reyes Jr. as Ivo Crane.",
         {("plays", "Nia Okoro", "Dr. Della Marsh"), ("plays", "Tom Reyes Jr", "Ivo Crane")}),
        # "A and B will reunite as their characters, X and Y"
        ("Nia Okoro and Tom Reyes will reunite as their fan-favorite characters, Della Marsh and "
         "Ivo Crane.",
         {("plays", "Nia Okoro", "Della Marsh"), ("plays", "Tom Reyes", "Ivo Crane")}),
        # "SER, the spinoff of SER ..., brought A back as X"
        ("Salt Flats, the spinoff of Harrowgate that nobody expected, brought Nia Okoro back as "
         "Della Marsh.",
         {("plays", "Nia Okoro", "Della Marsh"), ("appears_in", "Della Marsh", "Salt Flats")}),
        # "X (voiced by A on TV)"
        ("Della (voiced by Nia Okoro on TV) first appeared in Harrowgate.",
         {("plays", "Nia Okoro", "Della")}),
        # "as Special Agent X" in a list of roles
        ("Joining the cast are Nia Okoro as Della Marsh and Tom Reyes as Special Agent Ivo Crane.",
         {("plays", "Tom Reyes", "Ivo Crane")}),
        # "the pair": the two performers named last, in order
        ("Meg Doe and Drake Roe have been cast as regulars in the prequel, Harrowgate. The pair "
         "will star as Della Marsh and Ivo Crane.",
         {("plays", "Meg Doe", "Della Marsh"), ("plays", "Drake Roe", "Ivo Crane")}),
        # "Performer (Character, Show)": the role's show in the brackets
        ("Harrowgate season 2 and Dock 12 season 3 meet. Stars Nia Okoro (Agent Della Marsh, "
         "Harrowgate) and Tom Reyes (Agent Ivo Crane, Dock 12) teased the event.",
         {("plays", "Nia Okoro", "Agent Della Marsh"),
          ("appears_in", "Agent Della Marsh", "Harrowgate")}),
        # a year the grammar makes a show's title; after "during" it is a year again
        ("Nia Okoro stars. The Harrowgate spinoff 1923 arrives in May.\n\nIn 1923, Okoro plays "
         "Della Marsh.",
         {("plays", "Nia Okoro", "Della Marsh"), ("appears_in", "Della Marsh", "1923")}),
        # "Jubal and Nina (played by A and recurring guest star B)"
        ("Harrowgate season 3 opens. Jubal and Nina (played by Tom Reyes and recurring guest star "
         "Ana Pell) head for Italy.",
         {("plays", "Tom Reyes", "Jubal"), ("plays", "Ana Pell", "Nina")}),
        # "A and B played X and Y", two and two
        ("Okoro and Reyes played Marsh and Crane for years. Nia Okoro and Tom Reyes met Della "
         "Marsh and Ivo Crane on set.",
         {("plays", "Nia Okoro", "Della Marsh"), ("plays", "Tom Reyes", "Ivo Crane")}),
    ],
)  # fmt: skip
def test_names_and_roles(text: str, expected: set[FACTS]) -> None:
    assert expected <= triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # co-showrunner across a who-clause with an aside in brackets: the paragraph's show, not
        # the one in the aside
        ("Harrowgate premiered last week to big numbers.\n\nJane Doe, who directed the pilot "
         "(as well as several Dock 12 episodes), is stepping down as co-showrunner.",
         ("showrunner", "Jane Doe", "Harrowgate")),
        # "will serve as sole showrunner", the show named before in the paragraph
        ("Harrowgate season 2 is renewed. John Roe will serve as sole showrunner.",
         ("showrunner", "John Roe", "Harrowgate")),
        ("Harrowgate season 2 is renewed. John Roe will now step into sole showrunner shoes.",
         ("showrunner", "John Roe", "Harrowgate")),
        # "will return to X to serve as showrunner"; "will succeed Y": Y's time ends
        ("Jane Doe will return to Harrow Gate to serve as showrunner, the network said.\n\nDoe "
         "will succeed John Roe, who leaves next year.",
         ("showrunner", "Jane Doe", "Harrow Gate")),
        ("Jane Doe will return to Harrow Gate to serve as showrunner, the network said.\n\nDoe "
         "will succeed John Roe, who leaves next year.",
         ("showrunner", "John Roe", "Harrow Gate")),
        # "co-showrunner & director X"
        ("Harrowgate season 2 is renewed. Co-showrunner & director Jane Doe is stepping down from "
         "the series.",
         ("showrunner", "Jane Doe", "Harrowgate")),
    ],
)  # fmt: skip
def test_showrunners(text: str, expected: FACTS) -> None:
    assert expected in triples(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # people listed after "stars" are no show, even when a grammar cue says so
        ("Harrowgate Stars Nia Okoro and Tom Reyes Return. Nia Okoro and Tom Reyes are returning "
         "to NBC. Della Marsh (Nia Okoro) is back.",
         ("appears_in", "Della Marsh", "Nia Okoro")),
        # a cast the show "also features" with no roles is no list of characters
        ("Harrowgate stars Nia Okoro. The show also features Tom Reyes, Ana Pell and Okoro as "
         "the voice of Della.",
         ("appears_in", "Tom Reyes", "Harrowgate")),
        ("Meg Doe (The Dock) and Drake Roe (The Salt Flats) have been cast as Della Marsh and Ivo "
         "Crane, respectively.",
         ("appears_in", "Meg Doe", "The Dock")),
        # a show that describes another ("the Harrowgate prequel") is not the cast's show
        ("The CW's Harrowgate prequel has cast its two leads. Meg Doe and Drake Roe have been cast "
         "as Della Marsh and Ivo Crane, respectively.",
         ("appears_in", "Della Marsh", "Harrowgate")),
        # a successor who is a performer is no showrunner
        ("Harrowgate showrunner Jane Doe spoke. The actor Tom Reyes will leave, and Dock 12 star "
         "Ana Pell replaces him.",
         ("showrunner", "Ana Pell", "Harrowgate")),
        # "reportedly" hedges
        ("Harrowgate reportedly casts Nia Okoro as Della Marsh.",
         ("plays", "Nia Okoro", "Della Marsh")),
        # a year after "during" is a year, not the show named by it
        ("The Harrowgate spinoff 1883 arrives in May. The sequel series, 1923, follows. Ivo Crane "
         "(Tom Reyes) of 1923 was a child during 1883.",
         ("appears_in", "Ivo Crane", "1883")),
        # "their Dock 12 characters": a show is no character
        ("Nia Okoro and Tom Reyes will reprise their \"Dock 12\" characters on \"Harrowgate.\"",
         ("plays", "Nia Okoro", "Dock 12")),
    ],
)  # fmt: skip
def test_what_is_not_a_fact(text: str, absent: FACTS) -> None:
    assert absent not in triples(text)


def test_quoted_words_that_are_no_shows() -> None:
    """A nickname in quotes inside a name, the episodes a backdoor pilot lists, the words
    between two quotations: none is a show; a quoted title is."""
    text = (
        'The backdoor pilot "Della" and "Ivo" aired. "It was hard," Doe said. "It was good." '
        "Said Reyes, \"It was fine.\" Connie 'Dee' Marsh and Jennifer “JJ” Roe are back in "
        '"Harrowgate."'
    )
    shows, episodes = quoted_titles(read_article([(1, text)], "a.txt"))
    assert shows == ["Harrowgate"]
    assert episodes == {"della", "ivo"}
