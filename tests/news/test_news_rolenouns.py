"""Roles named by a noun for the performance (seventeenth session, from the BBC set's misses):
"his portrayal of X in Y", "her role as X in TV soap Y", "who was X in the long-running show".
Sentences of our own."""

from __future__ import annotations

import pytest

from showbible.news import extract_text

FACTS = tuple[str, str, str]


def triples(text: str) -> set[FACTS]:
    return {
        (f.kind, f.subject, f.object)
        for f in extract_text("Headline\n\n" + text + "\n", "a.txt")
        if f.kind in ("plays", "appears_in")
    }


def test_a_portrayal_and_its_show() -> None:
    found = triples(
        "Last year actor Tom Reyes won an award for his portrayal of Ivo Crane in Harbourside."
    )
    assert ("plays", "Tom Reyes", "Ivo Crane") in found, found
    assert ("appears_in", "Ivo Crane", "Harbourside") in found, found


def test_a_role_as_with_the_shows_kind_before_it() -> None:
    found = triples(
        "Jane Holt, known in Britain for her role as Mara Voss in TV soap Harbourside, also "
        "sang a duet."
    )
    assert ("plays", "Jane Holt", "Mara Voss") in found, found
    assert ("appears_in", "Mara Voss", "Harbourside") in found, found


def test_who_was_a_character_in_the_show() -> None:
    found = triples(
        "Jane Holt, who was Mara in the long-running show Harbour Street, has made films since."
    )
    assert ("plays", "Jane Holt", "Mara") in found, found


def test_a_role_noun_owned_by_someone_else_names_no_show_after_a_person() -> None:
    found = triples("Tom Reyes is proud of his role as Ivo in Jane Holt's new drama.")
    assert not any(o == "Jane Holt" for _, _, o in found), found


def test_a_performers_possessive_portrayal() -> None:
    found = triples(
        "Reyes's portrayal of headmaster Ivo Crane dominates the Christmas schedule on ITV1. "
        "Tom Reyes is 60."
    )
    assert ("plays", "Tom Reyes", "Ivo Crane") in found, found


@pytest.mark.parametrize("noun", ["final outing", "stint", "debut", "return"])
def test_a_performers_outing_as_a_role(noun: str) -> None:
    """ "The new trailer for Salt Road, Tom Reyes's final outing as Ivo Crane, ..." (dm3)."""
    found = triples(f"The new trailer for Salt Road, Tom Reyes's {noun} as Ivo Crane, is out.")
    assert ("plays", "Tom Reyes", "Ivo Crane") in found, found


def test_a_return_of_something_is_no_role() -> None:
    found = triples("Tom Reyes's return of serve was the best of the match against Ivo Crane.")
    assert not any(k == "plays" for k, _, _ in found), found


def test_his_character_after_another_persons_verb() -> None:
    found = triples(
        "In an interview, Jane Holt criticised comedian Tom Reyes for his character Ivo G's "
        "brand of humour."
    )
    assert ("plays", "Tom Reyes", "Ivo G") in found, found
    assert not any(s == "Jane Holt" for k, s, _ in found if k == "plays"), found


def test_his_shows_character() -> None:
    found = triples(
        "Tom Reyes said he would not guest star in the show as his Harbourside character David."
    )
    assert ("plays", "Tom Reyes", "David") in found, found
    assert ("appears_in", "David", "Harbourside") in found, found


OBITUARY = (
    "Actress Jane Holt dies\n\n"
    "Jane Holt, who played Mara Voss in the soap Harbourside, has died. Other TV appearances "
    "included the part of Matron in ITV drama Sailors' Wives and a cameo role as Tom Reyes's "
    "mother Sheila in BBC comedy Salt Salt Salt.\n"
)


def test_the_part_of_a_role_in_a_show_is_the_articles_performers() -> None:
    found = triples_of(OBITUARY)
    assert ("plays", "Jane Holt", "Matron") in found, found
    assert ("plays", "Jane Holt", "Sheila") in found, found
    assert ("appears_in", "Sheila", "Salt Salt Salt") in found, found


def test_a_title_with_a_plural_possessive_is_whole() -> None:
    found = triples_of(OBITUARY)
    assert ("appears_in", "Matron", "Sailors' Wives") in found, found
    assert not any(o == "Sailors" for _, _, o in found), found


def triples_of(text: str) -> set[FACTS]:
    return {
        (f.kind, f.subject, f.object)
        for f in extract_text(text, "a.txt")
        if f.kind in ("plays", "appears_in")
    }


def test_a_role_owned_by_its_show() -> None:
    found = triples_of(
        "Holt dies\n\nHolt, who played Harbourside's Mara Voss when the ITV1 soap Harbourside "
        "began in 1982, died on Saturday. Jane Holt was 70.\n"
    )
    assert ("plays", "Jane Holt", "Mara Voss") in found, found
    assert ("appears_in", "Mara Voss", "Harbourside") in found, found
    assert ("plays", "Jane Holt", "Harbourside") not in found, found
