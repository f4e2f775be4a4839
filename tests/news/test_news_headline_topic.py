"""A cast named in a sentence that names no show is placed in the show the article is about. An
article that names two shows or more places it only when its headline names one show and the
body names that one most: a trailer's write-up that calls its show "the hit Peacock Star Trek
series" once is still about its show. A crossover's headline (two shows), or a headline show the
body names less than another, places no cast. A streaming service before a title is no part of
it, possessive or not ("Disney+ Star Wars" is Star Wars). Sentences of our own, in a tabloid's
voice and a trade paper's."""

from __future__ import annotations

from news_triples import triples
from showbible.news.series import series_name

_TRAILER = (
    "Tidewater debuts a moody first trailer for season two of the fishing drama\n\n"
    "Tidewater debuted its trailer for season two of the hit Peacock Harbour Tales series on "
    "Monday.\n\n"
    "Steamy: Tidewater debuted its trailer for season two of the hit Peacock Harbour Tales "
    "series on Monday\n\n"
    "The skipper is trying to keep the boat afloat while staying out of the way of Inspector "
    "Moira Flett (Dana Kerr).\n\n"
    "Tidewater returns to the streamer on October 30.\n"
)


def test_a_headline_show_named_most_places_a_cast_named_without_one() -> None:
    got = triples(_TRAILER)
    assert ("plays", "Dana Kerr", "Inspector Moira Flett") in got or (
        "plays",
        "Dana Kerr",
        "Moira Flett",
    ) in got
    assert any(
        k == "appears_in" and s.endswith("Moira Flett") and o == "Tidewater" for k, s, o in got
    )
    assert not any(k == "appears_in" and o != "Tidewater" for k, _s, o in got)


def test_a_streaming_service_is_no_part_of_a_title() -> None:
    assert series_name("Disney+ Star Wars") == "Star Wars"
    assert series_name("Peacock Harbour Tales") == "Harbour Tales"
    assert series_name("HBO Max Harbour Tales") == "Harbour Tales"
    # not a network that begins titles of its own
    assert series_name("Max Headroom") == "Max Headroom"
    assert series_name("Fox Harbour") == "Fox Harbour"


def test_a_crossovers_headline_places_no_cast() -> None:
    text = (
        "Tidewater and Harbour Tales cross over in a two-night event\n\n"
        "Tidewater and Harbour Tales will share a storyline this autumn.\n\n"
        "The skipper is trying to keep the boat afloat while staying out of the way of "
        "Inspector Moira Flett (Dana Kerr).\n"
    )
    assert not any(k == "appears_in" for k, _s, _o in triples(text))


def test_a_headline_show_named_less_than_another_places_no_cast() -> None:
    text = (
        "Tidewater star on her new role\n\n"
        "Dana Kerr left Tidewater last year. Harbour Tales has a new detective, and Harbour Tales "
        "fans are thrilled. Harbour Tales returns in May.\n\n"
        "The skipper is trying to stay out of the way of Inspector Moira Flett (Dana Kerr).\n"
    )
    assert ("appears_in", "Inspector Moira Flett", "Tidewater") not in triples(text)
    assert ("appears_in", "Moira Flett", "Tidewater") not in triples(text)
