"""A role's description is not its name (fourteenth session, from blind splits held34 and held35):
a capitalised word inside an indefinite description qualifies the noun after it ("as a homeless
Vietnam veteran", "as a retired Navy admiral"), and a name glued to a hyphen's word describes
("the Indiana Jones-style professor Alaric Saltzman"). Sentences of our own, with the names of
the real cases' shapes."""

from __future__ import annotations

import pytest

from showbible.news import extract_text


def plays(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text("News\n\n" + text, "a.txt")
            if f.kind == "plays"}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe guest-stars as a homeless Vietnam veteran who helps the team on Night Ferry.",
        "Jane Doe guest-stars as a retired Navy admiral on Night Ferry.",
        "Jane Doe will appear as an English teacher in the third season of Night Ferry.",
    ],
)
def test_an_indefinite_description_names_no_role(text: str) -> None:
    assert plays(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name after the hyphen's description is the role
        ("Tom Reyes will reprise his role as the Indiana Jones-style professor Ivo Crane.",
         {("Tom Reyes", "Ivo Crane")}),
        ("Jane Doe will play a Sherlock-like detective named Mara Voss on Night Ferry.",
         {("Jane Doe", "Mara Voss")}),
        # an indefinite article before a name, then a preposition: still the name
        ("Jane Doe will appear as a Mara Voss in Night Ferry, the show's second.",
         {("Jane Doe", "Mara Voss")}),
        ("Jane Doe will play a detective named Mara Voss in Night Ferry.",
         {("Jane Doe", "Mara Voss")}),
    ],
)  # fmt: skip
def test_the_name_after_a_description_is_the_role(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert plays(text) == expected


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # the Daily Mail set's "Elba will portray DC comic book supervillain Bloodsport"
        (
            "He will next be seen in Salt Road, in which Tom Reyes will portray Harbor comic book "
            "supervillain Ivo Crane.",
            ("Tom Reyes", "Ivo Crane"),
        ),
        (
            "In Salt Road, Jane Doe plays Night Ferry detective Mara Voss.",
            ("Jane Doe", "Mara Voss"),
        ),
    ],
)
def test_a_name_that_qualifies_a_kind_of_person_is_no_role(
    text: str, pair: tuple[str, str]
) -> None:
    got = plays(text)
    assert pair in got
    assert not any(o in ("Harbor", "Night Ferry") for _s, o in got)


# A name that qualifies a word for a person, listed or shaped like one ("-er", "-ist", "-woman",
# "girl"), describes the role after it, with a word or two before the name (dm3: "Bond girl
# Xenia Onatopp", "anti-feminist Eagle Forum founder Phyllis Schlafly", "longtime Los Angeles City
# Council member Joel Wachs"); a performer's "as" between them is no description.
@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe portrayed Harbor girl Mara Voss in 1995 in Night Ferry.",
        "Jane Doe played anti-union Harbor Guild founder Mara Voss in Night Ferry.",
        "Jane Doe is playing longtime Port Lewis City Council member Mara Voss in Night Ferry.",
        "Jane Doe played reclusive Gull Island songwriter Mara Voss in Night Ferry.",
    ],
)
def test_a_named_qualifier_of_a_person_word_describes_the_role(text: str) -> None:
    assert plays(text) == {("Jane Doe", "Mara Voss")}


def test_a_performer_and_as_are_no_description() -> None:
    text = (
        "Newcomers are “Tom Reyes” (“Nightline”) as “Ivo Marsh” and Sam Hill (“Star”) as "
        "defender “Kate Vance”."
    )
    assert plays(text) == {("Tom Reyes", "Ivo Marsh"), ("Sam Hill", "Kate Vance")}


def test_an_appositive_naming_another_before_a_finite_passive() -> None:
    # "Maria, the novice nun who falls in love with Baron von Trapp, will be played by A"
    text = (
        "Mara Voss, the harbor pilot who falls for Captain Tobias Lind, will be played by "
        "actress Jane Doe."
    )
    assert plays(text) == {("Jane Doe", "Mara Voss")}


def test_a_pronoun_s_role_is_the_name_after_its_description() -> None:
    # dm3: "She famously played the role of Bond girl Xenia Onatopp" gave "plays Bond"
    text = (
        "Actress Jane Doe was seen in Lantern Bay on Sunday. She famously played the role of "
        "Harbor girl Mara Voss in the 1998 season of Night Ferry."
    )
    assert plays(text) == {("Jane Doe", "Mara Voss")}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # dm3: "Colin Farrell plays The Penguin", "Paul Dano playing The Riddler", "Werner Herzog
        # as The Client": a character known by "The" and an epithet, after a verb of playing
        ("Jane Doe plays The Harbinger in the third season of Night Ferry.",
         ("Jane Doe", "The Harbinger")),
        ("The cast also features Tom Reyes as Ivo Marsh and Jane Doe as The Ferryman.",
         ("Jane Doe", "The Ferryman")),
    ],
)  # fmt: skip
def test_a_character_known_by_the_and_an_epithet(text: str, pair: tuple[str, str]) -> None:
    assert pair in plays(text)


def test_a_title_owning_a_role_after_the_is_no_epithet() -> None:
    # "reprised their roles as The Color Purple's Sofia": the title owns the role
    text = "Jane Doe reprised her role as The Night Ferry's Mara Voss at the reunion."
    assert not {c for _, c in plays(text) if "Night Ferry" in c}
