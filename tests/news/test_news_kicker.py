"""A site's section label crawled above the headline ("Features", "Post Mortems") is not the
headline: the show a recap's headline opens on is still its show. A sentence opening on an
imperative ("Meet Dee (A)") names Dee. Text of our own."""

from __future__ import annotations

from showbible.news import extract_text

PAGE = "\n\n".join(
    [
        "Features",
        "Tidewater Bay – The Long Night",
        "By  |",
        "We're back after the holidays and Ava (Nia Vale) tells the staff of Tidewater Bay that "
        "the harbor has new volunteers. Later Ava calls the council about the lighthouse.",
        "Meet Dee (Jo Marsh) and Mac (Tom Roe), the volunteers. Dee asks about the cameras.",
    ]
)


def test_the_headline_under_a_section_label_names_the_show() -> None:
    found = {(f.subject, f.object) for f in extract_text(PAGE, "a.txt") if f.kind == "appears_in"}
    assert {("Ava", "Tidewater Bay"), ("Dee", "Tidewater Bay"), ("Mac", "Tidewater Bay")} <= found


def test_an_imperative_opening_a_sentence_is_no_part_of_a_name() -> None:
    plays = {(f.subject, f.object) for f in extract_text(PAGE, "a.txt") if f.kind == "plays"}
    assert ("Jo Marsh", "Dee") in plays
    assert not {p for p in plays if p[1].startswith("Meet")}
