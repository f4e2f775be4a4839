"""A show known by how the article uses its name (news/usage.py): two different uses a
production has ("X staple", "the X production team", "X's first cast member", "joined X", "X is
poised to return") make a show of a name no single cue names; one use, one phrase read two ways,
or a name shaped like a person's do not. Sentences of our own, in a tabloid's voice and a
sports desk's."""

from __future__ import annotations

from news_triples import triples
from showbible.news.cleaning import article_text, read_article
from showbible.news.usage import used_titles


def _titles(text: str) -> list[str]:
    return used_titles(read_article(article_text(text.encode(), "a.txt"), "a.txt"))


def test_two_uses_of_a_production_make_a_show() -> None:
    text = (
        "Harbourside is poised to return\n\n"
        "Harbourside is poised to return with its most powerful episode yet.\n\n"
        "She will have the support of Harbourside staple Mara Voss, played by Jane Holt.\n"
    )
    assert _titles(text) == ["Harbourside"]
    assert ("appears_in", "Mara Voss", "Harbourside") in triples(text)


def test_a_possessive_cast_and_a_joining_make_a_show() -> None:
    text = (
        "Holt on trolls\n\n"
        "Jane Holt became Wexmoor's first deaf cast member two years ago.\n\n"
        "When she first joined Wexmoor, her storyline was to last a few months.\n"
    )
    assert _titles(text) == ["Wexmoor"]


def test_one_use_alone_is_not_enough() -> None:
    text = "Holt leaves\n\nJane Holt has quit Wexmoor after six years, she said on Monday.\n"
    assert _titles(text) == []


def test_a_caption_repeating_its_paragraph_is_one_way_twice() -> None:
    text = (
        "Crane on set\n\n"
        "The Wexmoor production team have new rules for filming.\n\n"
        "Rules: The Wexmoor production team have new rules for filming.\n"
    )
    assert _titles(text) == []


def test_one_mention_read_two_ways_is_one_use() -> None:
    # "joined Wexmoor writers": a joining and a production's writers, one mention of the name;
    # and a sports desk's "Sunday's set", "France's regular" are no production's words
    text = (
        "Final\n\nShe joined Wexmoor writers in May. He took Sunday's set in a tie-break, and "
        "France's regular captain was rested.\n"
    )
    assert _titles(text) == []


def test_a_club_joined_and_its_fans_are_no_show() -> None:
    text = (
        "Transfer\n\nThe striker joined Rovers in May. Rovers fans cheered, and Rovers bosses "
        "said the fee was fair. He left Rovers for Wexford in 2019.\n"
    )
    # "fans" is no production's word and "bosses" is one use: a club, not a show
    assert _titles(text) == []


def test_a_person_named_so_is_no_show() -> None:
    # two different uses, one a production's own ("X's first episode"), but a full name
    text = (
        "Interview\n\nJane Holt is poised to return to acting. Jane Holt's first episode back "
        "airs on Monday, her spokesperson said.\n"
    )
    assert "Jane Holt" not in _titles(text)
