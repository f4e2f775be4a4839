"""A name's bracket that lists its credits is no role: after a job ("producer A (X, Y)") or two
titles or more between commas; a bracket with one role, or two joined by "and", still pairs.
Sentences of our own."""

from __future__ import annotations

from showbible.news import extract_text


def _plays(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "plays"}


def test_a_bracket_of_credits_is_no_role() -> None:
    text = (
        "Key people: producer Jo Marsh (Night Desk, Copper Gulch); stars Nia Vale (Tidewater, "
        "Salt Road) and Tom Roe (Harbor Lights); creator Ida Kress (Cinder Vale, Lantern Keepers)."
    )
    found = _plays(text)
    for who in ("Jo Marsh", "Nia Vale", "Ida Kress"):
        assert not {p for p in found if who in p}, (who, found)


def test_a_bracket_with_a_role_or_two_joined_by_and_still_pairs() -> None:
    text = (
        "The revival brings back Mara Voss (Nia Vale), and Lena Hart (Ida Kress and Jo Marsh) "
        "is played by twins."
    )
    found = _plays(text)
    assert ("Nia Vale", "Mara Voss") in found
    assert {("Ida Kress", "Lena Hart"), ("Jo Marsh", "Lena Hart")} <= found


def test_a_list_of_people_with_credits_joining_a_cast_names_no_role() -> None:
    text = (
        "The network confirmed that Nia Vale (Persuasion), Tom Roe (Hanna), Ida Kress (Silent "
        "Witness), and newcomer Jo Marsh would be joining the show too."
    )
    assert _plays(text) == set()
    one = "Elsewhere, Nia Vale (Hustle & Flow) has joined the cast of Harbor Nights."
    assert _plays(one) == set()
