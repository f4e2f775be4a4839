"""Whose is "P's C" (seventeenth session, from the BBC set): a maker's work, an organisation's
person or thing, a speaker's employer are no performer's character; a performer's character
still is. Each article also speaks of television, so that only the possessive decides.
Sentences of our own."""

from __future__ import annotations

import pytest

from news_triples import played as plays

FACTS = tuple[str, str, str]


AWARD = (
    "Harbour Street wins again\n\n"
    "The BBC One soap Harbour Street won best drama on Sunday. Rob Finch's Lantern Bay picked "
    "up the best film award.\n"
)


def test_a_makers_work_in_a_sentence_of_films_is_no_role() -> None:
    assert ("Rob Finch", "Lantern Bay") not in plays(AWARD), plays(AWARD)


SPEAKER = (
    "Harbour Street to return\n\n"
    'The soap Harbour Street returns to BBC One in May. "We are thrilled," said Harbour '
    "Networks' Ada Finch.\n"
)


def test_a_speaker_named_after_an_organisations_possessive_is_no_role() -> None:
    assert not any(c == "Ada Finch" for _, c in plays(SPEAKER)), plays(SPEAKER)


THING = (
    "Presenter signs new deal\n\n"
    "The series Harbour Street returns to ITV1 in May. Meanwhile Jane Holt's Salt Road show "
    "moves to Saturdays.\n"
)


def test_a_name_before_a_things_noun_is_no_role() -> None:
    assert ("Jane Holt", "Salt Road") not in plays(THING), plays(THING)


ORGANISATION = (
    "Harbour Street up for prize\n\n"
    "The series Harbour Street is up for the innovation prize alongside Northvale "
    "University's Harbour Lights and the BBC's own Salt Road.\n"
)


def test_an_organisations_possessive_is_no_role() -> None:
    assert not any(c == "Harbour Lights" for _, c in plays(ORGANISATION)), plays(ORGANISATION)


MAKER = (
    "Harbour Street director moves on\n\n"
    "The series Harbour Street returns to BBC One in May without director Rob Finch. Finch's "
    "Lantern Bay opens on Friday.\n"
)


def test_a_possessive_of_someone_named_as_a_maker_is_no_role() -> None:
    assert not any(c == "Lantern Bay" for _, c in plays(MAKER)), plays(MAKER)


CHARACTER = (
    "Harbour Street returns\n\n"
    "In the new series of Harbour Street on BBC One, actress Jane Holt's Mara Voss faces her "
    "brother again.\n"
)


def test_a_performers_character_is_still_read() -> None:
    assert ("Jane Holt", "Mara Voss") in plays(CHARACTER), plays(CHARACTER)


CHANNEL = (
    "Book prize on television\n\n"
    "The readers' award, on Jane Holt's Channel 4 show, is part of the Harbour Book Awards.\n"
)


def test_a_channel_owned_by_a_possessive_is_no_role() -> None:
    assert plays(CHANNEL) == set(), plays(CHANNEL)


BIOPIC = (
    "Critics back Lantern Bay\n\n"
    "The films nominated are Kit Marlowe biopic Marlowe and Lantern Bay, BBC One's film critic "
    "said.\n\n"
    "Marlowe's Tom Reyes and director Jane Holt are outsiders in the race for best director.\n"
)


def test_a_title_the_article_calls_a_film_owns_no_character() -> None:
    # "Marlowe's Tom Reyes": Marlowe as written is the biopic (its director or its star), not
    # Kit Marlowe's role (on the BBC texts, a film role read elsewhere had made the person a
    # character and hidden this; the Oscars' guard of a role's noun took it away)
    assert not plays(BIOPIC), plays(BIOPIC)


LINE_UP = (
    "Winter on BBC One\n\n"
    "The channel's drama includes Dana Cole's Salt Marsh - a teenage drama set on the coast. "
    "Films include Ivo Berg's Paper Moons, starring Ada Lind. The soap Harbour Street returns "
    "with Jane Holt's Mara Voss, a harbour pilot.\n"
)


def test_a_title_told_by_its_credits_or_its_kind_is_no_role() -> None:
    found = plays(LINE_UP)
    assert ("Dana Cole", "Salt Marsh") not in found, found
    assert ("Ivo Berg", "Paper Moons") not in found, found
    # a character described after a comma is still one
    assert ("Jane Holt", "Mara Voss") in found, found


def test_a_companys_own_words_make_the_owned_name_no_role() -> None:
    text = (
        "Quiz show sold\n\nThe rights to the TV quiz went to Piet Vance's Harbour Entertainment "
        "Enterprises, which also owns Dale Kato's Norland Holdings.\n"
    )
    assert plays(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # dm3: "opposite actor Morocco Omari, who will play Williams' ex-husband Kevin Hunter",
        # "Kylie's BFF Jordyn Woods": a tie between two people, never a role
        "Actress Jane Doe was there with her half-sister Ada Lind and her ex-husband Tom Reyes.",
        "Actress Jane Doe's BFF Ada Lind was spotted at the premiere.",
    ],
)
def test_a_tie_after_a_possessive_is_no_role(text: str) -> None:
    assert not {p for p, _ in plays(text) if p == "Jane Doe"}


def test_a_job_before_character_is_no_show() -> None:
    # dm3: "reprise her White House Press Secretary character Cat Grant in the final season of
    # The CW's Supergirl": a job named in capitals, the show after
    from news_triples import triples

    found = triples(
        "Actress Jane Doe might reprise her Harbour Master General character Mara Voss in the "
        "final season of Night Ferry."
    )
    assert ("plays", "Jane Doe", "Mara Voss") in found
    assert not {f for f in found if f[2] == "Harbour Master General"}
