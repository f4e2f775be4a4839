"""Names of things read as characters (seventeenth session, from the BBC set): an award, an
event or a company before its noun, a company's name after "companies", a show with its
channel's bracket. Sentences of our own."""

from __future__ import annotations

from news_triples import triples
from showbible.news.things import a_thing

PRESENTERS = (
    "Harbour Street cast to present awards\n\n"
    "The ITV1 soap Harbour Street has three nominations. The actor, who is nominated for "
    "playing Ivo Crane in Salt Flats, will join other hopefuls such as co-star Ada Finch, Nia "
    "Okoro and Jane Holt as Tern presenters.\n"
)


def test_an_award_before_its_noun_is_no_character() -> None:
    found = triples(PRESENTERS)
    assert not any("Tern" in (s, o) for _, s, o in found), found


COMPANIES = (
    "Fans fight for Harbour Street\n\n"
    "The ITV1 series Harbour Street may end. The advert also included a coupon for fans to "
    "send to the network's parent companies Tidewell and Northvale plus the Harbour Channel.\n"
)


def test_a_company_after_companies_is_no_character() -> None:
    found = triples(COMPANIES)
    assert not any(s in ("Tidewell", "Northvale") for k, s, _ in found if k == "appears_in"), found


# The reader reaches these only in longer articles (a list of names in an article about one
# show): the predicate itself.
TEXT = (
    "His turn in Salt Flats earned him Silver Rose and Tern nominations. He rejoined the band "
    "to play the Harbour Aid charity concert. Harbour Street won best TV comedy drama, over "
    "Night Ferry (BBC One) and Tidewell. BBC Two's The Quay Boys came third."
)


def test_names_before_a_things_noun_are_things() -> None:
    assert a_thing("Silver Rose", TEXT, TEXT) and a_thing("Tern", TEXT, TEXT)
    assert a_thing("Harbour Aid", TEXT, TEXT)


def test_a_show_with_its_channel_is_no_character() -> None:
    assert a_thing("Night Ferry", TEXT, TEXT) and a_thing("Quay Boys", TEXT, TEXT)


def test_a_character_is_no_thing() -> None:
    text = "Mara Voss (Jane Holt) returns to Harbour Street in May, and Ivo Crane leaves."
    assert not a_thing("Mara Voss", text, text) and not a_thing("Ivo Crane", text, text)
