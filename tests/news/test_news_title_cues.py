"""Titles the grammar around them gives away, in a tabloid's and a trade paper's voices: what
someone plays in ("X, in which he stars as"), a new work ("starring in the upcoming X", "his
upcoming NBC series, X,"), a working title, a genre word before it ("the 1995 blockbuster X",
"the FX miniseries Mrs. X"), a trailer's; and what a line glues to a title that is not its own
(a caption's kicker, "Wrap: The Crown star ...", where and when a work was filmed). Text of
our own."""

from __future__ import annotations

import pytest

from showbible.news.cleaning import read_article
from showbible.news.entities import Knowledge, learn_series
from showbible.news.names import Lexicon


def _shows(text: str) -> set[str]:
    kb = Knowledge(Lexicon.from_bible(None))
    learn_series(kb, read_article(enumerate(text.split("\n"), 1), "a.txt"))
    return set(kb.series.values()) - set(Knowledge(Lexicon.from_bible(None)).series.values())


@pytest.mark.parametrize(
    ("text", "show"),
    [
        ("He won acclaim for Harbor Nights, in which he portrayed a lighthouse keeper.",
         "Harbor Nights"),
        ("His Salt Road, above, in which he stars as a smuggler, opens in May.", "Salt Road"),
        ("Nia Vale will also be starring in the upcoming Tidewater 1984, set for October.",
         "Tidewater 1984"),
        ("Tom Roe unveiled the cast of his upcoming NBC series, Young Tom, which is inspired by "
         "his childhood.", "Young Tom"),
        ("Salt and Silver: The Long Tide, the working title for the film, is a nod to her "
         "grandmother.", "Salt and Silver: The Long Tide"),
        ("She played a pilot in the 1995 blockbuster Harbor Gold.", "Harbor Gold"),
        ("The nine-episode FX miniseries Mrs. Harbor aired in the spring.", "Mrs. Harbor"),
        ("The new trailer for Salt Road was released on Thursday.", "Salt Road"),
    ],
)  # fmt: skip
def test_the_grammar_around_a_title_names_it(text: str, show: str) -> None:
    assert show in _shows(text)


def test_a_captions_kicker_is_not_the_first_half_of_a_title() -> None:
    text = "\n\n".join([
        "Nia Vale walks her dogs in the park",
        "Wrap: The Harbor star wrapped up in a black coat for the walk on Sunday.",
        "She stars in the fifth series of the Netflix drama The Harbor, in which she plays a "
        "pilot.",
    ])  # fmt: skip
    shows = _shows(text)
    assert "The Harbor" in shows
    assert not {s for s in shows if s.startswith("Wrap")}


def test_a_one_word_show_used_in_the_text_keeps_its_colon_title() -> None:
    text = "\n\n".join([
        "Harbor: Low Tide star joins the cast",
        "Harbor: Low Tide is the second spin-off of Harbor, and the series Harbor: Low Tide "
        "returns in May.",
    ])  # fmt: skip
    assert "Harbor: Low Tide" in _shows(text)


def test_where_and_when_a_work_was_filmed_is_not_its_title() -> None:
    text = (
        "Nia Vale continued filming the live-action remake of Silvermaid in England on Sunday "
        "alongside Tom Roe."
    )
    shows = _shows(text)
    assert "Silvermaid" in shows
    assert not {s for s in shows if "England" in s}
