"""A network's press release: headings in Title Case with the verb glued after the name
("Nia Vale Guest Stars as Mara"), an episode's title in quotes before a dash and its synopsis.
Text of our own, in that layout."""

from __future__ import annotations

from showbible.news import extract_text
from showbible.news.trimming import trim_name

LISTING = (
    "Tom Roe Returns as Tobias; Nia Vale Guest Stars as Mara “Tobias Returns” – When "
    "Ada's former co-worker, Tobias (Tom Roe), and his daughter, Mara (Nia Vale), show up at "
    "the harbor, Ada has to choose."
)


def test_a_verb_glued_after_a_name_is_no_part_of_it() -> None:
    assert trim_name("Justin Kirk Guest Stars")[1] == "Justin Kirk"
    assert trim_name("Richie Keen Returns")[1] == "Richie Keen"
    assert trim_name("Pinkus Returns")[1] == "Pinkus"
    # a surname that is also such a word stays after a first name alone
    assert trim_name("Ringo Star")[1] == "Ringo Star"


def test_an_episode_title_before_a_dash_and_its_synopsis_is_no_show() -> None:
    facts = {(f.kind, f.subject, f.object) for f in extract_text(LISTING, "a.txt")}
    assert {("plays", "Tom Roe", "Tobias"), ("plays", "Nia Vale", "Mara")} <= facts
    assert not {f for f in facts if f[0] == "appears_in" and f[2] == "Tobias Returns"}
    assert not {f for f in facts if "Guest Stars" in f[1] or "Returns" in f[1]}


def test_a_headlines_genre_words_end_no_name() -> None:
    """A blog's section label and a recap's headline glue their genre to the show
    ("Murdoch Mysteries Reviews", "Grimm Recap"): no part of a name, singular or plural."""
    assert trim_name("Murdoch Mysteries Reviews")[1] == "Murdoch Mysteries"
    assert trim_name("Grimm Recap")[1] == "Grimm"
    assert trim_name("Harbor Nights Season")[1] == "Harbor Nights"
