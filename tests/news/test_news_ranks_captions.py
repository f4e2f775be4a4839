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


def _plays(text: str) -> set[tuple[str, str]]:
    return {
        (f.subject, f.object) for f in extract_text("News\n\n" + text, "a.txt") if f.kind == "plays"
    }


def test_a_photo_caption_names_a_role() -> None:
    # dm3: "Kenneth Branagh is pictured above playing William Shakespeare", "Jamie Dornan is
    # pictured above as Christian Grey in the 2017 film Fifty Shades Darker"
    assert ("Jane Doe", "Mara Voss") in _plays(
        "Jane Doe is pictured above playing Mara Voss while Tom Reyes plays Ivo Marsh."
    )
    assert ("Jane Doe", "Mara Voss") in _plays("Jane Doe is seen here as Mara Voss in Night Ferry.")


def test_a_caption_s_as_that_opens_a_clause_names_no_role() -> None:
    assert _plays("Jane Doe was seen as Tom Reyes arrived at the studio.") == set()
    assert _plays("Jane Doe was pictured leaving the set as Tom Reyes arrived.") == set()


def test_next_between_the_subject_and_the_verb() -> None:
    # dm3: "Garner will next portray Allison Torres in ..."
    assert ("Jane Doe", "Mara Voss") in _plays("Jane Doe will next portray Mara Voss in Salt Road.")


def test_a_possessive_and_a_year_are_no_title() -> None:
    # dm3: "an adaptation of Amy Krouse Rosenthal's 2009 children's book Yes Day"
    facts = extract_text(
        "News\n\nJane Doe will portray Mara Voss in an adaptation of Ada Lind's 2009 "
        "children's book Salt Road.",
        "a.txt",
    )
    assert not [f for f in facts if "2009" in f.object]


def test_a_credit_before_the_verb_names_a_role_too() -> None:
    # "Jane Holt, who played Mara Voss in the series Harbour Street, will next play Ivo": the
    # credit between the name and its verb is a role of hers as well ("next" had let the long
    # reading through the credit win, and the credit's role was lost)
    found = _plays(
        "Jane Holt, who played Mara Voss in the series Harbour Street, will play Ivo Marsh in "
        "a remake of Salt Road."
    )
    assert {("Jane Holt", "Mara Voss"), ("Jane Holt", "Ivo Marsh")} <= found
