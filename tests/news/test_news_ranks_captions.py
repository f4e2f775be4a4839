"""A British police drama's ranks ("DS Steve Arnott", "Superintendent Ted Hastings") mark a
character as "Detective" does, and a caption's credit glued to its last word ("Jane Doe as Mara -
Credit: North Pictures Ltd") is no show (fourteenth session, from the blind split held33).
Sentences of our own."""

from __future__ import annotations

from showbible.news import extract_text
from showbible.news.entities import ranked

RECAP = """Harbour Watch, series 2 episode 4, recap: a shocking death

Jane Holt as Mara Voss and Dana Price as Gill - 4

DS Ivo Crane questioned the witness again. The real Crane (Tom Reyes) noted the pattern of the
injuries, and Mara said nothing.

Tom Reyes as Ivo - Credit: North Pictures Ltd

Tom Reyes as Ivo Credit: North Pictures Ltd
"""


def test_british_ranks_are_ranks() -> None:
    for name in ("DS Ivo Crane", "DI Kate Lin", "DCI Tom Reyes", "Superintendent Mara Voss",
                 "Inspector Dana Price", "Constable Ned Gorble", "Supt Ted Hale"):  # fmt: skip
        assert ranked(name), name
    assert not ranked("Tom Reyes") and not ranked("Dana Price")


def test_a_ranked_character_is_not_read_as_the_performer_of_a_pair() -> None:
    facts = {(f.kind, f.subject, f.object) for f in extract_text(RECAP, "a.txt")}
    plays = {(s, o) for k, s, o in facts if k == "plays"}
    # (which way round the pair goes is left undecided here: nothing is proposed for it)
    assert not any(s in ("DS Ivo Crane", "Ivo Crane", "Crane") for s, _ in plays), plays


def test_a_captions_credit_is_no_show() -> None:
    shows = {f.object for f in extract_text(RECAP, "a.txt") if f.kind == "appears_in"}
    assert not any("Credit" in s or "Pictures" in s for s in shows), shows


def test_a_photo_caption_is_read_and_a_photo_credit_is_not() -> None:
    # a caption after its label says who is who; a credit after it is a few words
    caption = extract_text(
        'Photo: "Harbor Nights" cast from left: Ria Moss (Maren), Tim Hale (Teodor) and Jo Penn '
        "(Odile).\n",
        "a.txt",
    )
    assert {("plays", "Ria Moss", "Maren"), ("plays", "Tim Hale", "Teodor")} <= {
        (f.kind, f.subject, f.object) for f in caption
    }
    assert extract_text("Photo: Getty Images for Freeform\n", "a.txt") == []
