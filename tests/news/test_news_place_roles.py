"""A place is never a role: a street or a district named by its words ("Ramsay Street", "New
York's Upper East Side"), a country or a state, a town the sentence gives a bearing from ("on
the beach set, north of Sydney"). A surname that is a place word too (Park, Hill) stays a
person. Sentences of our own, in a soap page's voice."""

from __future__ import annotations

from news_triples import triples
from showbible.news.places import place_shaped


def test_a_street_a_district_and_a_bearing_name_places() -> None:
    assert place_shaped("Ramsay Street", "")
    assert place_shaped("Upper East Side", "")
    assert place_shaped("Sydney", "filming on the Palm Beach set, north of Sydney")
    assert place_shaped("Texas", "")


def test_a_surname_that_is_a_place_word_is_a_person() -> None:
    assert not place_shaped("Grace Park", "")
    assert not place_shaped("Sydney", "Sydney (Jo Marsh) returns to the bay")
    assert not place_shaped("Jonah Hill", "")


def test_a_performers_street_past_is_no_role() -> None:
    text = (
        "Harbourside star Nia Vale lands a new role\n\n"
        "But it seems Nia Vale's Ramsay Street past is well and truly behind her judging by "
        "her latest role on Harbourside.\n\nNia Vale plays Dr Mara Voss in Harbourside.\n"
    )
    got = triples(text)
    assert ("plays", "Nia Vale", "Dr Mara Voss") in got
    assert not any("Ramsay Street" in s or "Ramsay Street" in o for _k, s, o in got)
