"""A British voice's soaps (seventeenth session, from the BBC set): "soap X" and "the soap opera
X" name a show, and "character X" in a sentence naming one show is that show's. Sentences of
our own."""

from __future__ import annotations

from news_triples import triples


def test_the_soap_before_a_title_names_a_show() -> None:
    found = triples(
        "Soap awards\n\nThe soap Harbourside won the best drama prize. Mara Voss (Jane Holt) was "
        "the favourite.\n"
    )
    assert ("appears_in", "Mara Voss", "Harbourside") in found, found


def test_a_soap_opera_is_no_opera() -> None:
    found = triples(
        "Holt to leave\n\nJane Holt, who plays Mara Voss in the soap opera Harbourside, is to "
        "leave.\n"
    )
    assert ("appears_in", "Mara Voss", "Harbourside") in found, found


def test_a_name_called_a_character_is_in_the_sentences_show() -> None:
    found = triples(
        "Soap awards\n\nLong-running soap Harbourside won the best moment prize when character "
        "Mara confided in Ivo Crane that she was ill.\n"
    )
    assert ("appears_in", "Mara", "Harbourside") in found, found
