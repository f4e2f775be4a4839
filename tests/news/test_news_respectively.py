"""Two lists paired "respectively": in order, the performers on the side the words or the
article's evidence put them, whichever way round the sentence has them; and a list of pairs
going on from a performer. Sentences of our own, in several outlets' voices."""

from __future__ import annotations

import pytest

from news_triples import played as _plays
from showbible.news import extract_text


@pytest.mark.parametrize(
    "text",
    [
        # performers first, characters in brackets
        "Actors Nia Vale, Tom Roe and Ida Kress (Mara Voss, Tobias Voss and Lena Hart, "
        "respectively) are back for the Harbor Nights film.",
        # performers first, a relative clause with a verb of playing
        "Two of the original cast, Nia Vale, Tom Roe and Ida Kress, who played Mara Voss, Tobias "
        "Voss and Lena Hart, respectively, in the first series, are set to return.",
        # characters first, "portrayed by"
        "Mara Voss, Tobias Voss and Lena Hart, portrayed by Nia Vale, Tom Roe and Ida Kress, "
        "respectively, anchor the revival.",
    ],
)
def test_the_two_lists_pair_in_order_either_way_round(text: str) -> None:
    assert {
        ("Nia Vale", "Mara Voss"),
        ("Tom Roe", "Tobias Voss"),
        ("Ida Kress", "Lena Hart"),
    } <= _plays(text)


def test_characters_named_apart_then_their_performers() -> None:
    text = (
        "Vance appeared in 126 episodes, second only to Mara Voss (125) and first being Lena "
        "Hart (192), portrayed by Nia Vale and Ida Kress, respectively."
    )
    assert {("Nia Vale", "Mara Voss"), ("Ida Kress", "Lena Hart")} <= _plays(text)


def test_lists_of_unequal_length_or_without_evidence_pair_nothing() -> None:
    # three names and two: no pairing in order
    uneven = "Nia Vale, Tom Roe and Ida Kress joined Mara Voss and Lena Hart, respectively."
    assert not {p for p in _plays(uneven) if p[0] in ("Nia Vale", "Tom Roe", "Ida Kress")}
    # two lists of people, no word of playing and no evidence: nothing said of who plays whom
    people = "Nia Vale and Tom Roe thanked Ida Kress and Ada Lind, respectively."
    assert _plays(people) == set()


def test_pairs_going_on_from_a_performer_are_performer_first() -> None:
    # "A, who will reclaim his role of X, along with B (Y), C (Z)": B and C are named as A is
    text = (
        "Some of the cast returned, such as Tom Roe, who will reclaim his role of harbor agent "
        "Tobias Reed, along with Nia Vale (Mara Voss), Ida Kress (Lena Hart), and Jo Marsh "
        "(Ada Lind)."
    )
    assert {
        ("Tom Roe", "Tobias Reed"),
        ("Nia Vale", "Mara Voss"),
        ("Ida Kress", "Lena Hart"),
        ("Jo Marsh", "Ada Lind"),
    } <= _plays(text)


def test_an_agency_named_in_capitals_describes_the_role() -> None:
    text = "Tom Roe will reclaim his role of FBI agent Tobias Reed for the revival."
    assert ("Tom Roe", "Tobias Reed") in _plays(text)


def test_and_or_joins_a_list() -> None:
    text = (
        "The posts cover all the times that Nia Vale, Tom Roe, and/or Ida Kress appeared on "
        "Harbor Nights as Mara Voss, Tobias Reed, and Lena Hart."
    )
    assert {
        ("Nia Vale", "Mara Voss"),
        ("Tom Roe", "Tobias Reed"),
        ("Ida Kress", "Lena Hart"),
    } <= _plays(text)


def test_one_performer_returning_as_two_roles_plays_both() -> None:
    found = _plays("Tom Roe, the co-creator, will also return as Tobias Reed and Boomer.")
    assert {("Tom Roe", "Tobias Reed"), ("Tom Roe", "Boomer")} <= found
    # a gapped clause, an apposition: one role each
    gapped = _plays("Tom Roe returns as Tobias Reed and Nia Vale as Mara Voss.")
    assert ("Tom Roe", "Nia Vale") not in gapped
    assert ("Nia Vale", "Mara Voss") in gapped
    apposed = _plays("Tom Roe guest stars as Tobias, the Mayor, in the finale.")
    assert ("Tom Roe", "Mayor") not in apposed


def test_a_performer_of_a_show_in_brackets_places_the_role_there() -> None:
    text = (
        "Nia Vale plays sheriff Mara Voss, the stepsister of Lena Hart (Ida Kress of “Night "
        "Harbor”), on the spin-off Copper Gulch."
    )
    found = {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}
    assert ("plays", "Ida Kress", "Lena Hart") in found
    assert ("appears_in", "Lena Hart", "Night Harbor") in found


def test_the_list_outweighs_one_pairs_doubtful_vote() -> None:
    # one pair's own evidence leans the other way (the role's name is said to speak); the list
    # going on from a performer still names performers first
    text = (
        "Some of the cast returned, such as Tom Roe, who will reclaim his role of harbor agent "
        "Tobias Reed, along with Nia Vale (Mara Voss), Ida Kress (Lena Hart), and Jo Marsh "
        "(Ada Lind). Ada Lind said little at the panel."
    )
    assert {("Nia Vale", "Mara Voss"), ("Jo Marsh", "Ada Lind")} <= _plays(text)


def test_an_apposition_after_a_performer_is_no_list() -> None:
    # "his sister, Debra (Jennifer Carpenter)": the comma opens an apposition to the role
    text = "The finale left Tom Roe's killer alone after the death of his sister, Mara (Nia Vale)."
    assert ("Nia Vale", "Mara") in _plays(text)


def test_two_and_two_pair_in_order_but_not_as_someones_relatives() -> None:
    # as the Daily Mail set's Mandalorian trailer pairs "Nick Nolte and ... Taika Waititi
    # lending their voices to Kuiil and IG-11"
    paired = _plays("Tom Roe and Nia Vale, who play Tobias Reed and Mara Voss on it, were there.")
    assert {("Tom Roe", "Tobias Reed"), ("Nia Vale", "Mara Voss")} <= paired
    parents = _plays("Tom Roe and Nia Vale play Tobias and Mara's parents in the new season.")
    assert ("Tom Roe", "Tobias") not in parents
    assert ("Nia Vale", "Mara") not in parents


@pytest.mark.parametrize(
    "text",
    [
        # a bare copula and describing words: "A and B are hippie leaders X and Y"
        "The film stars Nia Vale and Tom Roe. Nia Vale and Tom Roe are harbor pilots Mara Voss "
        "and Tobias Reed.",
        # "round out the cast as the film's villains, X and Y"
        "Actors Nia Vale and Tom Roe round out the cast as the film's villains, Mara Voss and "
        "Tobias Reed.",
        # a verb of playing, the second list ending at "in"
        "Actors Nia Vale and Tom Roe will play Mara Voss and Tobias Reed in the new series.",
    ],
)
def test_two_lists_cast_one_as_the_other_pair_in_order(text: str) -> None:
    assert {("Nia Vale", "Mara Voss"), ("Tom Roe", "Tobias Reed")} <= _plays(text)


@pytest.mark.parametrize(
    "text",
    [
        # people related to people, not cast as them
        "Actors Nia Vale and Tom Roe are the parents of Mara Voss and Tobias Reed.",
        "Actors Nia Vale and Tom Roe were friends with Mara Voss and Tobias Reed.",
        # no evidence that either list holds performers
        "Nia Vale and Tom Roe are Mara Voss and Tobias Reed.",
        # the second list does not end its clause
        "Actors Nia Vale and Tom Roe are Mara Voss and Tobias Reed's neighbours.",
        # the sentence denies the pairing
        "Actors Nia Vale and Tom Roe return -- not as Mara Voss and Tobias Reed, but as two "
        "new pilots.",
        # someone else named between the lists
        "Actors Nia Vale and Tom Roe play opposite Ida Kress as Mara Voss and Tobias Reed.",
    ],
)
def test_lists_not_cast_one_as_the_other_pair_nothing(text: str) -> None:
    assert not {("Nia Vale", "Mara Voss"), ("Tom Roe", "Tobias Reed")} & _plays(text)
