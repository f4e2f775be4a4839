"""Things taken for shows (seventeenth session, from the BBC set): a review's format, the
nationality before a series' noun, a show joined to a person by "and", a maker's name. Sentences
of our own."""

from __future__ import annotations

from news_triples import triples


def test_the_show_after_a_nationality_and_a_series_noun() -> None:
    text = (
        "Reyes at 50\n\n"
        "Tom Reyes turns 50 on Sunday. He played undercover officer Ivo Crane in the US series "
        "Harbour Street for four years from 1988.\n"
    )
    found = triples(text)
    assert ("appears_in", "Ivo Crane", "Harbour Street") in found, found
    assert ("appears_in", "Ivo Crane", "US") not in found, found


def test_a_reviews_format_is_no_show() -> None:
    text = (
        "DVD review: Salt Flats\n\n"
        "It is the third term at Greyfields and the lessons are interrupted, as they always "
        "are, by a storm that only Mara, Ivo and Della can calm.\n"
    )
    assert not any(o == "DVD" for _, _, o in triples(text)), triples(text)


def test_a_show_joined_to_a_person_is_no_show() -> None:
    text = (
        "Harbour Street leads comedy nominations\n\n"
        "Harbour Street, which is now in its third series, faces competition from BBC Two's "
        "The Quay Show and Rob Finch's creations Pip and Dolly.\n"
    )
    found = triples(text)
    assert not any(o.endswith("Rob Finch") for _, _, o in found), found


def test_a_makers_name_is_no_show() -> None:
    text = (
        "Holt's next role\n\n"
        "Jane Holt, who played Mara Voss in the series Harbour Street, will next play Ivo in a "
        "remake of Rob Finch's classic Salt and the Biscuit Tin. Finch wrote it in 1964.\n"
    )
    found = triples(text)
    assert ("appears_in", "Mara Voss", "Harbour Street") in found, found
    assert not any(o == "Rob Finch" for _, _, o in found), found
