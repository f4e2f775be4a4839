"""The census's given names and surnames as evidence about a name: a month that opens a name
before a listed surname is a first name ("June Wheeler"), never before a company or a number.
Sentences of our own."""

from __future__ import annotations

import pytest

from showbible.news import extract_text
from showbible.reading.lexicon.given import is_given_name, is_surname


def test_the_lists_are_read_from_the_package() -> None:
    assert is_given_name("Keeley") and is_given_name("june")
    assert not is_given_name("Sayid") and not is_given_name("Netflix")
    assert is_surname("Wheeler") and not is_surname("Netflix")


def test_a_month_before_a_surname_is_a_first_name() -> None:
    text = "Bob and June Wheeler, played by Tom Roe and Ida Kress, are back on Harbor Nights."
    plays = {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "plays"}
    assert ("Ida Kress", "June Wheeler") in plays


def test_a_month_before_a_company_or_a_date_is_no_name() -> None:
    text = "In June Netflix said Mara Voss (Nia Vale) returns in May 2026 to Harbor Nights."
    found = {(f.subject, f.object) for f in extract_text(text, "a.txt")}
    assert ("Nia Vale", "Mara Voss") in found
    assert not {p for p in found if "June" in p[0] or "June" in p[1]}


def test_a_surname_that_is_a_day_or_a_month_stays_in_the_name() -> None:
    text = (
        "The second season brings back actresses Joy Sunday (Bianca Voss) and Isabel May "
        "(Elsa Reed)."
    )
    plays = {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "plays"}
    assert {("Joy Sunday", "Bianca Voss"), ("Isabel May", "Elsa Reed")} <= plays


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a first name that is also a modal verb, before its performer in brackets
        (
            "“Let's go,” Will (Tom Roe) says from his seat at the head of the table.",
            ("Tom Roe", "Will"),
        ),
        # after "as" in a cast list
        (
            "The reboot's cast: Nia Vale as Will, Ida Kress as Mara and Jo Marsh as Lena.",
            ("Nia Vale", "Will"),
        ),
        # a gerund opening the sentence is not glued to the first name after it
        (
            "Helping Eva (Ada Lind) out of her car seat, Tobias asks about her mother.",
            ("Ada Lind", "Eva"),
        ),
    ],
)
def test_first_names_that_look_like_words(text: str, pair: tuple[str, str]) -> None:
    plays = {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "plays"}
    assert pair in plays


def test_a_gerund_before_a_word_no_list_gives_as_a_name_stays_a_title() -> None:
    from showbible.news.trimming import trim_name

    assert trim_name("Breaking Bad")[1] == "Breaking Bad"
    assert trim_name("Helping Eva")[1] == "Eva"
    assert trim_name("Sterling Archer")[1] == "Sterling Archer"
