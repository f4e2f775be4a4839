"""Showrunners named in more of the press's forms (dm3): a job among others ("will serve as
the writer, showrunner and executive producer of the series", "who also serves as executive
producer and showrunner"), a time as showrunner owned by a name ("during Steven Moffat's
tenure as showrunner", which is not the subject's); and a quoted nickname is no show ("the
alien called The Child, or 'Baby Yoda' as he's come to be known"). Text of our own."""

from __future__ import annotations

from news_triples import triples
from showbible.news.cleaning import read_article
from showbible.news.entities import Knowledge, learn_series
from showbible.news.names import Lexicon

HEAD = "Harbor Nights season two: everything we know"
SHOW = "The Netflix drama Harbor Nights returns in May."


def _runners(*paragraphs: str) -> set[tuple[str, str]]:
    text = "\n\n".join([HEAD, SHOW, *paragraphs])
    return {(s, o) for k, s, o in triples(text, ("showrunner",))}


def test_showrunner_among_other_jobs() -> None:
    found = _runners(
        "Dana Ko (Salt Road) will serve as the writer, showrunner and executive producer of "
        "the series."
    )
    assert ("Dana Ko", "Harbor Nights") in found


def test_who_also_serves_as_producer_and_showrunner() -> None:
    found = _runners(
        "'We finished before the lockdown,' said Dana Ko, who also serves as executive producer "
        "and showrunner."
    )
    assert ("Dana Ko", "Harbor Nights") in found


def test_a_tenure_as_showrunner_is_its_owners_not_the_subjects() -> None:
    found = _runners(
        "Tom Roe, who was the last star to lead the cast during Dana Ko's tenure as showrunner, "
        "came third in the poll."
    )
    assert ("Dana Ko", "Harbor Nights") in found
    assert not {p for p in found if p[0] == "Tom Roe"}


def test_a_quoted_nickname_is_no_show() -> None:
    for sentence in [
        "The series owes much to the little alien called The Pup, or 'Baby Pup' as he's come to "
        "be known on social media.",
        "The series owes much to the little alien affectionately known as 'Baby Pup'.",
    ]:
        kb = Knowledge(Lexicon.from_bible(None))
        learn_series(kb, read_article(enumerate([HEAD, SHOW, sentence], 1), "a.txt"))
        assert kb.is_series("Baby Pup") is None, sentence
        assert kb.is_series("Harbor Nights") == "Harbor Nights"
