"""The show an article is about, when other titles stand beside it: an episode's quoted title
after its show or before "Episode N of" it, a film franchise named for an actor's past, a
recap's headline with "series two" or on a line of its own below a date. With the hard
negatives: quoted titles listed together, a network's or a franchise's possessive before a
quoted show. Sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible.news import extract_text


def _appears_in(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "appears_in"}


def _shows(text: str) -> set[str]:
    return {show for _, show in _appears_in(text)}


def _titles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Read with a titles list of ``names`` alone (the packaged list may know any real one)."""
    listed = tmp_path / "titles.tsv"
    listed.write_text("".join(f"{n}\n" for n in names), encoding="utf-8")
    monkeypatch.setenv("SHOWBIBLE_TITLES", str(listed))


RECAP_BODY = """
Maren tells Teodor the truth at the pier. Later Teodor steals the keys, and Maren lies to Odile.
Odile finds the keys. When Teodor returns, Maren refuses to talk.
"""


def test_a_quoted_title_after_a_known_show_is_an_episode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the show named once, its episode twice: only the grammar says which is the show
    _titles(tmp_path, monkeypatch, "Harbor Nights")
    for lead in (
        "Harbor Nights’ ‘The Long Tide’ was directed by Ann Loy.\n\n"
        "The writers of ‘The Long Tide’ were Bo Lee and Ida Sun.",
        "For Harbor Nights “The Long Tide” or any other recaps, assume spoilers.\n\n"
        "The ferry sinks in “The Long Tide.”",
    ):
        found = _appears_in(lead + "\n" + RECAP_BODY)
        assert ("Maren", "Harbor Nights") in found, lead
        assert not any(show == "The Long Tide" for _, show in found), lead


def test_a_headlines_genre_label_is_no_part_of_the_show() -> None:
    head = (
        "REVIEW: Harbor Nights Season 2, Episode 4, “The Long Tide.”\n\n"
        "The second season of Harbor Nights goes on.\n"
    )
    assert ("Maren", "Harbor Nights") in _appears_in(head + RECAP_BODY)


def test_a_quoted_title_before_episode_n_of_its_show_is_an_episode() -> None:
    text = (
        "The crew fight the storm on “The Long Tide,” Episode 104 of Freeform’s drama "
        "“Harbor Nights.”\n" + RECAP_BODY
    )
    found = _appears_in(text)
    assert ("Maren", "Harbor Nights") in found
    assert not any(show == "The Long Tide" for _, show in found)


def test_a_film_franchise_named_for_an_actors_past_is_not_the_subject() -> None:
    text = (
        "Five actors have joined “Harbor Nights” season 2, and one of them is a “Moonfall "
        "Chronicles” alumni.\n\nTim Hale (Teodor) and Ria Moss (Maren) welcomed them online.\n\n"
        "Hale played Pip in the Moonfall Chronicles movies.\n\n"
        "Jo Penn is playing the role of Odile, the ferry's new captain.\n"
    )
    found = _appears_in(text)
    assert {("Teodor", "Harbor Nights"), ("Odile", "Harbor Nights")} <= found
    # Pip is in the films; nobody else is
    assert not any("Moonfall" in show for who, show in found if who != "Pip")


def test_a_recaps_headline_with_series_two_or_below_a_date_names_its_show() -> None:
    for head in (
        "Harbor Nights series two recap: Maren lies again\n",
        "Monday, October 15, 2007\n\nHarbor Nights Recap\n",
        "Monday, June 11, 2012\n\nHarbor Nights: Season Premiere\n",
    ):
        found = _appears_in(head + RECAP_BODY)
        assert ("Maren", "Harbor Nights") in found, head
        assert ("Teodor", "Harbor Nights") in found, head


def test_quoted_titles_listed_together_or_after_a_network_stay_shows() -> None:
    text = (
        "Season 3 of Harbor Nights adds Seth Gil (‘Dune Road’, ‘Low Tide’) as Father Amos.\n\n"
        "The ‘Harbor Nights’-‘Low Tide’ crossover airs in May.\n\n"
        "Mara Quist, who played Lena on Freeform’s ‘Dune Road’, joins HBO’s “Low Tide” as Ines.\n"
    )
    found = _appears_in(text)
    assert ("Ines", "Low Tide") in found
    assert ("Father Amos", "Harbor Nights") in found


def test_quoted_titles_in_a_caption_list_stay_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _titles(tmp_path, monkeypatch, "Low Tide")
    text = (
        "Fall TV Preview: The Returning Series\n\n"
        'Photos, from left: Low Tide "Harbor Nights," "Dune Road," "Bay City" (Freeform)\n\n'
        "Harbor Nights (Freeform, 8 pm) – Ria Moss returns as Maren, and Tim Hale as Teodor.\n"
    )
    found = _appears_in(text)
    assert ("Teodor", "Harbor Nights") in found
    assert not any(show == "Low Tide" for _, show in found)


def test_a_clause_after_a_shows_colon_is_no_part_of_its_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _titles(tmp_path, monkeypatch, "Harbor Nights")
    text = (
        "The best moments of the month\n\n"
        "Saddest character: Maren (Ria Moss), Harbor Nights: After the ferry sank, she lied "
        "to everyone.\n\nTim Hale as Teodor on Harbor Nights: Speaking of the ferry, Teodor "
        "finally told the truth.\n"
    )
    shows = _shows(text)
    assert "Harbor Nights" in shows
    assert not any(":" in show for show in shows)


def test_a_span_read_as_a_title_once_holds_no_cast_placed_by_context() -> None:
    # a crawled page's menu glued to its first sentence: a "title" nothing else vouches for
    text = (
        "8 Board Games Based on Old Movie NightsGEEK PICK: VINYL SALE Stay on target "
        "The Harbor Nights reboot is getting set to launch. The final cast is as follows: "
        "Ria Moss (Maren), Tim Hale (Teodor) and Jo Penn (Odile).\n"
    )
    shows = _shows(text)
    assert not any("VINYL" in show or "Movie Nights" in show for show in shows)


def test_a_genre_word_glued_after_a_show_is_no_part_of_it() -> None:
    text = (
        "Top 25 characters (#10 of 25)\n\n"
        "Harbor Nights Recap Season 2, Episode 1, “The Long Tide”\n\n" + RECAP_BODY
    )
    shows = _shows(text)
    assert "Harbor Nights" in shows
    assert not any("Recap" in show for show in shows)


def test_television_in_general_is_no_show() -> None:
    text = (
        "The Light from the TV Shows: “We’re Back, Baby” – Reviving Old Series\n\n"
        "Tonight marks the return of “Harbor Nights” to the airwaves.\n"
    )
    shows = _shows(text)
    assert not shows & {"TV Shows", "TV Series", "Shows"}
