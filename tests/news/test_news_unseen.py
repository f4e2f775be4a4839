"""Classes of sentence found on articles the reader had not seen (the dev set's held2 split),
each in sentences of our own: shows with no cue but a time slot, a number or straight quotes;
names that headlines and credits fake; group statements; showrunners named without a verb
the reader knew. One invented sentence per class, so a class that breaks fails here."""

from __future__ import annotations

import pytest

from showbible.news import extract_text

FACTS = tuple[str, str, str]


def triples(text: str) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a show with a number in its title, known by the performer's "plays X on"
        ("Nia Okoro, who plays Della Marsh on Dock 12, spoke to reporters.",
         {("plays", "Nia Okoro", "Della Marsh"), ("appears_in", "Della Marsh", "Dock 12")}),
        # a time slot marks a show; the pair after it is in it
        ("The night begins with Harrowgate at 8|7c.\n\nThe new Harrowgate episode sees Della "
         "(Nia Okoro) run.",
         {("plays", "Nia Okoro", "Della"), ("appears_in", "Della", "Harrowgate")}),
        # straight single quotes mark a title inside a sentence
        ("The show in discussion is 'Salt Flats,' which brings back familiar faces. The cast "
         "includes Nia Okoro as Della Marsh and Tom Reyes as Ivo Crane.",
         {("appears_in", "Della Marsh", "Salt Flats"), ("appears_in", "Ivo Crane", "Salt Flats")}),
        # "<show> actor A": the roles A plays are that show's
        ("Dock 12 actor Tom Reyes teased the twist.\n\nReyes, who plays Ivo Crane, cried.",
         {("plays", "Tom Reyes", "Ivo Crane"), ("appears_in", "Ivo Crane", "Dock 12")}),
        # "(played by A in <show>)"
        ("Harrowgate season 2 is near.\n\nIn the story, Ivo Crane (played by Tom Reyes in the "
         "Harrowgate series) goes missing.",
         {("plays", "Tom Reyes", "Ivo Crane"), ("appears_in", "Ivo Crane", "Harrowgate")}),
        # a show featuring a cast "from" another show: the characters are in both
        ("Harrowgate season 3 ends.\n\nAdditionally, the spin-off Salt Flats will feature "
         "appearances from characters "
         "featured in Harrowgate, including Nia Okoro as Della Marsh and Tom Reyes as Ivo Crane.",
         {("appears_in", "Della Marsh", "Salt Flats"), ("appears_in", "Della Marsh", "Harrowgate"),
          ("appears_in", "Ivo Crane", "Salt Flats"), ("appears_in", "Ivo Crane", "Harrowgate")}),
        # one character "on all three shows" a sentence names
        ("With Harrowgate, Dock 12 and Salt Flats returning to NBC, the event will see Nia "
         "Okoro's Della Marsh on all three shows.",
         {("appears_in", "Della Marsh", "Harrowgate"), ("appears_in", "Della Marsh", "Dock 12"),
          ("appears_in", "Della Marsh", "Salt Flats")}),
        # "The two" are the last two characters named
        ("Della Marsh (Nia Okoro) is going. So is Ivo Crane (Tom Reyes).\n\nThe two cross over "
         "to the spin-off Salt Flats next week.",
         {("appears_in", "Della Marsh", "Salt Flats"), ("appears_in", "Ivo Crane", "Salt Flats")}),
        # a description inside the brackets of a pair
        ("Guests include Nia Okoro (forensic scientist Della Marsh) and Tom Reyes (Special Agent "
         "Ivo Crane).",
         {("plays", "Nia Okoro", "Della Marsh"), ("plays", "Tom Reyes", "Ivo Crane")}),
    ],
)  # fmt: skip
def test_shows_and_casts(text: str, expected: set[FACTS]) -> None:
    assert expected <= triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an apostrophe inside single curly quotes; "a presence on both A and B"
        ("Tom Reyes' Ivo Crane has been a presence on both ‘Della’s Harbor’ and ‘Dock 12’.",
         {("appears_in", "Ivo Crane", "Della's Harbor"), ("appears_in", "Ivo Crane", "Dock 12")}),
        # "<show> character X"
        ("Harrowgate season 5 ends.\n\nThe spin-off will center on Harrowgate character Della "
         "(Nia Okoro).",
         {("appears_in", "Della", "Harrowgate")}),
        # "returns to voice"
        ("In the episode, Tom Reyes returns to voice Ivo Crane.",
         {("plays", "Tom Reyes", "Ivo Crane")}),
        # "the finale of SER, <other show>'s A (B) popped over": the finale's show
        ("In last night's finale of Harrowgate, Dock 12's Ivo Crane (Tom Reyes) and Della "
         "Marsh (Nia Okoro) popped over.",
         {("appears_in", "Ivo Crane", "Harrowgate"), ("appears_in", "Della Marsh", "Harrowgate")}),
    ],
)  # fmt: skip
def test_found_on_held3(text: str, expected: set[FACTS]) -> None:
    assert expected <= triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Netflix revived “Harrowgate” for ten episodes.\n\nRosa Ibarra is returning as "
         "showrunner for the limited run.", ("showrunner", "Rosa Ibarra", "Harrowgate")),
        ("“Harrowgate” is coming back.\n\nRosa Ibarra has been promoted from executive producer "
         "to showrunner.", ("showrunner", "Rosa Ibarra", "Harrowgate")),
        ("Marvel rebooted “Harrowgate” this year. The new showrunner for the series is Rosa "
         "Ibarra.", ("showrunner", "Rosa Ibarra", "Harrowgate")),
        ("“Harrowgate” returns in May. Dev Moore, the show’s showrunner from season four "
         "through eight, moves on.", ("showrunner", "Dev Moore", "Harrowgate")),
    ],
)  # fmt: skip
def test_showrunners(text: str, expected: FACTS) -> None:
    assert expected in triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Netflix confirmed that Harrowgate showrunner Dev Moore left, replaced by the team of "
         "Rosa Ibarra and Kai Lund.", ("showrunner", "Kai Lund", "Harrowgate")),
        ("Harrowgate season 3 is here. Original creator and showrunner Dev Moore left.",
         ("showrunner", "Dev Moore", "Harrowgate")),
        ("Harrowgate season 3 is here. Rosa Ibarra is the show runner for Harrowgate.",
         ("showrunner", "Rosa Ibarra", "Harrowgate")),
        ("Rosa Ibarra – who served as a writer on both seasons – has been appointed showrunner "
         "of Harrowgate.", ("showrunner", "Rosa Ibarra", "Harrowgate")),
    ],
)  # fmt: skip
def test_more_showrunners(text: str, expected: FACTS) -> None:
    assert expected in triples(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a headline in Title Case teaches no full names ("Eddie Head")
        ("Della Tags Along as Ivo and Eddie Head to Texas\n\nEddie (Tom Reyes) packs a truck.",
         ("plays", "Tom Reyes", "Eddie Head")),
        # a character's own title show is no fact
        ("Netflix ordered a revival of “Della” with Nia Okoro reprising her role as Della Marsh.",
         ("appears_in", "Della Marsh", "Della")),
        # an actor's credit is not the show the role is in
        ("The Salt Flats cast includes Dock 12's Tom Reyes as Ivo Crane.",
         ("appears_in", "Ivo Crane", "Dock 12")),
        # a credit named once ("Wonder actress") is not the show of the role played
        ("Harrowgate season 2 nears. Harrowgate fans cheer.\n\nMara Voss will be joined by "
         "Wonder actress Nia Okoro, who will play Della Marsh.",
         ("appears_in", "Della Marsh", "Wonder")),
        # a person's possessive after "crossover with" is no show; "Season 2" is no show
        ("We got a bit of a crossover with Sullivan’s leg pain, including Amelia (Nia Okoro) "
         "talking to him before Season 2 premiered.", ("appears_in", "Amelia", "Sullivan")),
        # a cast after a list of three shows or more is not placed in the last one
        ("The crossover between Harrowgate, Dock 12, Salt Flats and Della’s Harbor went well: "
         "Ivo (Tom Reyes) and Della (Nia Okoro) are friends again.",
         ("appears_in", "Ivo", "Della's Harbor")),
        # a caption's credit is no show; labels in capitals and names with digits are no names
        ("A still of Nia Okoro (Image Source: Paramount Network)\n\nFun Moments (RECAP) "
         "on Earth-1 (Barry's Earth-1).",
         ("appears_in", "Nia Okoro", "Image Source: Paramount Network")),
    ],
)  # fmt: skip
def test_what_is_not_a_fact(text: str, absent: FACTS) -> None:
    found = triples(text)
    assert absent not in found
    assert not any("RECAP" in (s + o) or "Earth-1" in (s + o) for _, s, o in found)
