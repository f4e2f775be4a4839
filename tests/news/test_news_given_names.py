"""The census's given names and surnames as evidence about a name: a month that opens a name
before a listed surname is a first name ("June Wheeler"), never before a company or a number.
Sentences of our own."""

from __future__ import annotations

from showbible.news import extract_text
from showbible.news.given import is_given_name, is_surname


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
