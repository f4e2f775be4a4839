"""Phrasings of the three relations, each a class of sentence the press writes, in sentences of
our own (invented shows and people): who plays whom is decided by evidence, not bracket order;
shows are found however they are written; hedges and questions propose nothing."""

from __future__ import annotations

import pytest

from showbible.news import extract_text

FACTS = tuple[str, str, str]


def triples(text: str, **kw: bool) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt", **kw)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Performer (Character) in a cast list: "stars" says who the performer is.
        ("The spin-off Harrowgate stars Nia Okoro (Della Marsh) and Tom Reyes (Ivo Crane).",
         {("plays", "Nia Okoro", "Della Marsh"), ("plays", "Tom Reyes", "Ivo Crane"),
          ("appears_in", "Della Marsh", "Harrowgate"), ("appears_in", "Ivo Crane", "Harrowgate")}),
        # Character (Performer), the recap's order; a one-word name is never the performer.
        ("In the Harrowgate finale, Della (Nia Okoro) and Ivo (Tom Reyes) escape.",
         {("plays", "Nia Okoro", "Della"), ("plays", "Tom Reyes", "Ivo")}),
        ("Lena Hart and Omar Bly star as Della Marsh and Ivo Crane, respectively.",
         {("plays", "Lena Hart", "Della Marsh"), ("plays", "Omar Bly", "Ivo Crane")}),
        ("The finale marks the return of Omar Bly as former crew member Ivo Crane.",
         {("plays", "Omar Bly", "Ivo Crane")}),
        ("The villain, Captain Voss (voiced by Lena Hart), returns.",
         {("plays", "Lena Hart", "Captain Voss")}),
        ("Omar Bly is reprising the role of Ivo Crane.", {("plays", "Omar Bly", "Ivo Crane")}),
        ("Lena Hart originated the role of Della Marsh on stage.",
         {("plays", "Lena Hart", "Della Marsh")}),
        ("Fans will recognise Lena Hart's Harrowgate character, Della Marsh.",
         {("plays", "Lena Hart", "Della Marsh")}),
        ("Della Marsh, played by Lena Hart, and Ivo Crane, played by Omar Bly, meet.",
         {("plays", "Lena Hart", "Della Marsh"), ("plays", "Omar Bly", "Ivo Crane")}),
        # whose the role is before it; a list's last name opening the next clause is no role
        ("Omar Bly also returns as Paul's cousin Ira, and Lena Hart returns as the Voss' "
         "building superintendent Mr. Wicker.",
         {("plays", "Omar Bly", "Ira"), ("plays", "Lena Hart", "Mr. Wicker")}),
        # a possessive, a word or two and "character" before the role
        ("Joining them is Lena Hart's mystery character Della Marsh.",
         {("plays", "Lena Hart", "Della Marsh")}),
        # a performer *is* the role (the performer known as one: "actor")
        ("Actor Omar Bly will play Ivo Crane, while actress Lena Hart is Della Marsh.",
         {("plays", "Omar Bly", "Ivo Crane"), ("plays", "Lena Hart", "Della Marsh")}),
        # voice work said with the voice as a noun
        ("Lena Hart will again lend her voice to Della Marsh, and Omar Bly provides the voice "
         "of Ivo Crane.",
         {("plays", "Lena Hart", "Della Marsh"), ("plays", "Omar Bly", "Ivo Crane")}),
        # a reference work's opening line; a performer named by a role of theirs
        ("Anthony Reyes is a fictional character portrayed by Omar Bly.",
         {("plays", "Omar Bly", "Anthony Reyes")}),
        ("Harrowgate season 2 is out. The spin-off stars Lena Hart, better known as Della Marsh "
         "from the first season of Harrowgate.",
         {("plays", "Lena Hart", "Della Marsh"), ("appears_in", "Della Marsh", "Harrowgate")}),
    ],
)  # fmt: skip
def test_plays(text: str, expected: set[FACTS]) -> None:
    assert expected <= triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Network executives tapped Rosa Ibarra to serve as its showrunner for Harrowgate.",
         ("showrunner", "Rosa Ibarra", "Harrowgate")),
        ("Rosa Ibarra is set to be the showrunner of Harrowgate.",
         ("showrunner", "Rosa Ibarra", "Harrowgate")),
        ("Dev Patel-Moore stepped down as showrunner of Harrowgate in May.",
         ("showrunner", "Dev Patel-Moore", "Harrowgate")),
        ("Rosa Ibarra's showrunning duties on Harrowgate start in June.",
         ("showrunner", "Rosa Ibarra", "Harrowgate")),
        ("“Harrowgate” showrunner Rosa Ibarra says the crossover is done.",
         ("showrunner", "Rosa Ibarra", "Harrowgate")),
        # an owner and a genre between "for" and the show
        ("“Salt Road” creator Rosa Ibarra will take over as the new showrunner for Amazon’s "
         "thriller series “Harrowgate” for its third season.",
         ("showrunner", "Rosa Ibarra", "Harrowgate")),
        # any verb but one of leaving, then "as showrunners"
        ("Harrowgate season 3 is coming, with Rosa Ibarra and Dev Patel back. Ibarra and Patel "
         "guide the series as showrunners.",
         ("showrunner", "Rosa Ibarra", "Harrowgate")),
        # "as its showrunner" after a verb of leaving
        ("'Night Harbor' Creator Rosa Ibarra Stepping Down\n\nThe creator of the steamy series, "
         "Rosa Ibarra, will be stepping down as its showrunner after the fifth season.",
         ("showrunner", "Rosa Ibarra", "Night Harbor")),
        # a person's credits in brackets between the names and the verb
        ("Instead, Rosa Ibarra and Dev Patel (Make It or Break It, Night Desk) will serve as "
         "showrunners for Harrowgate.",
         ("showrunner", "Dev Patel", "Harrowgate")),
    ],
)  # fmt: skip
def test_showrunners(text: str, expected: FACTS) -> None:
    assert expected in triples(text)


def test_a_showrunner_who_left_is_a_fact_of_the_past() -> None:
    facts = extract_text("Dev Patel-Moore stepped down as showrunner of Harrowgate.", "a.txt")
    assert [(f.subject, f.qualifier) for f in facts if f.kind == "showrunner"] == [
        ("Dev Patel-Moore", "ended")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Titles with a colon, in quotes, with a year, plainly named after a verb.
        ("Della Marsh will crossover from Harrowgate: The Reckoning to Night Ferry.",
         {("appears_in", "Della Marsh", "Harrowgate: The Reckoning"),
          ("appears_in", "Della Marsh", "Night Ferry")}),
        ("Ivo Crane will show up in “Night Ferry” this year.",
         {("appears_in", "Ivo Crane", "Night Ferry")}),
        ("Ivo Crane will visit the Night Ferry in the spring premiere of the drama Night Ferry.",
         {("appears_in", "Ivo Crane", "Night Ferry")}),
        ("The role took him to both Harrowgate and Night Ferry, and Ivo Crane loved it.",
         set()),  # "him" before any character is named: nothing to say who
        ("Ivo Crane (Omar Bly) is the one. The role took him to both the spin-off Harrowgate and "
         "the drama Night Ferry.",
         {("appears_in", "Ivo Crane", "Harrowgate"), ("appears_in", "Ivo Crane", "Night Ferry")}),
        ("Della Marsh appears in the March 31 episode of the drama Night Ferry.",
         {("appears_in", "Della Marsh", "Night Ferry")}),
        ("Della's going to show up in “Night Ferry” this year, and Captain Vex will visit the "
         "Night Ferry too.",
         {("appears_in", "Della", "Night Ferry"), ("appears_in", "Captain Vex", "Night Ferry")}),
        ("Della Marsh returns in Harrowgate (2019).",
         {("appears_in", "Della Marsh", "Harrowgate")}),
    ],
)  # fmt: skip
def test_appears_in(text: str, expected: set[FACTS]) -> None:
    found = {t for t in triples(text) if t[0] == "appears_in"}
    assert expected <= found if expected else not found


@pytest.mark.parametrize(
    "text",
    [
        "Della Marsh is expected to appear in the spin-off Harrowgate.",
        "Della Marsh is rumoured to cross over into the drama Night Ferry.",
        "Della Marsh could show up in the drama Night Ferry.",
        "Will Della Marsh appear in the drama Night Ferry?",
        "Harrowgate star Lena Hart is in talks to take over as showrunner of Harrowgate.",
        # A show is not a character: the spin-off itself moves nowhere.
        "The drama Night Ferry will cross over into the spin-off Harrowgate.",
    ],
)
def test_hedges_questions_and_shows_propose_nothing(text: str) -> None:
    assert not {t for t in triples(text) if t[0] in ("appears_in", "showrunner")}


def test_hedged_facts_are_kept_apart_when_asked() -> None:
    text = "Della Marsh is expected to appear in the spin-off Harrowgate."
    facts = extract_text(text, "a.txt", keep_hedged=True)
    hedged = [f for f in facts if f.kind == "appears_in"]
    assert hedged and all(f.qualifier == "hedged" and f.confidence < 0.5 for f in hedged)


def test_is_names_no_role_without_a_performer() -> None:
    # "X is Y" between two names the article says nothing of is no casting
    text = "The mayor of the town is Ada Lind, and her deputy is Jo Marsh."
    assert not {f for f in triples(text) if f[0] == "plays"}


def test_a_new_role_named_by_its_tie_places_the_character_it_is_tied_to() -> None:
    # "will guest on X as Andy's brother", "the ex-wife of Eli (Alan Cumming) on X": Andy and
    # Eli are in X; a tie to a performer ("sister to Patricia Heaton") places no one
    text = (
        "Casting news: Tom Roe will appear as Maren's father on “Harbor Nights,” Ida Kress will "
        "play the ex-wife of Teodor (Jo Marsh) on an upcoming episode of “Salt Road,” and Nia "
        "Vale will play sister to actress Ada Lind on “Copper Gulch.”"
    )
    found = {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "appears_in"}
    assert {("Maren", "Harbor Nights"), ("Teodor", "Salt Road")} <= found
    assert not {f for f in found if f[0] == "Ada Lind"}


def test_an_event_runs_no_show() -> None:
    """ "... unveiled at the network's Harbor Comic Con panel, with co-showrunners A and B": the
    event is where they spoke, not what they run (the show named before is)."""
    text = (
        "Night Ferry season 2 trailer\n\n"
        "The season 2 trailer for Night Ferry was unveiled at Peacock's Harbor Comic Con panel "
        "on Saturday, along with a conversation with co-showrunners Jane Doe and Tom Reyes.\n"
    )
    runs = {(s, o) for k, s, o in triples(text) if k == "showrunner"}
    assert not any("Con" in o for _, o in runs), runs
