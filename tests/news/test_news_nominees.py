"""An awards list's line names nominees, a work and, in brackets, its episode: "Tanya Barfield,
Mrs. America (Shirley)" is no role (the Daily Mail set's Emmy nominations had given "Mrs.
America plays Shirley" and "Su Casa Es Mi Casa plays Ozark"). A sentence that lists names before
a cast pair, with words around it, is still a cast. Lines of our own in a trade list's voice."""

from __future__ import annotations

from news_triples import triples


def test_a_nominees_line_is_no_role() -> None:
    text = (
        "Harbor Nights leads the Emmy nominations\n\n"
        "The drama series Harbor Nights leads with 18 nods, and its star Jo Marsh, who plays "
        "Ivo Crane, is up for best actor.\n\n"
        "Outstanding Writing for a Drama Series\n\n"
        "Tanya Reyes, Mrs. Harbor (Shirley)\n\n"
        "Ben Marsh and Ada Lind, Salt Road (Su Casa Es Mi Casa)\n"
    )
    got = triples(text)
    assert ("plays", "Jo Marsh", "Ivo Crane") in got
    assert not any("Shirley" in s or "Casa" in s or "Casa" in o for _k, s, o in got)


def test_names_before_a_pair_in_a_sentence_are_a_cast() -> None:
    text = "Harbor Nights returns. Jane Doe, Tom Roe, Mara Voss (Nia Vale) and others are back."
    assert ("plays", "Nia Vale", "Mara Voss") in triples(text)
