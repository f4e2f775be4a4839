"""Brackets after a name that give no role (seventeenth session, from the BBC set's negative
control): a list of nominees with their works, an abbreviation. Sentences of our own."""

from __future__ import annotations

from news_triples import played as plays

NOMINEES = (
    "Harbour Street up for stage awards\n\n"
    "The newcomer award will go to Jane Holt (Salt Flats and Harbour Street), Tom Reyes "
    "(Lantern), Ada Finch (The Gull, or Who is Mara?) or Rob Finch (Othello).\n"
)


def test_a_nominees_list_with_two_titles_in_a_bracket_is_credits() -> None:
    assert plays(NOMINEES) == set(), plays(NOMINEES)


INITIALS = (
    "Visitor numbers rise\n\n"
    "The figures were gathered by the Union of Northern Harbour Museums (Unhm) on Friday.\n"
)


def test_a_bracket_of_initials_is_no_role() -> None:
    assert plays(INITIALS) == set(), plays(INITIALS)


CAST = (
    "Harbour Street returns\n\n"
    "The soap Harbour Street returns on ITV1 with Mara Voss (Jane Holt), Ivo Crane (Tom Reyes) "
    "and Della Marsh (Ada Finch).\n"
)


def test_a_cast_list_is_still_read() -> None:
    assert ("Jane Holt", "Mara Voss") in plays(CAST), plays(CAST)
