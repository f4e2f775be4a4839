"""What kind of work a role is in, by the article's own words (seventeenth session, from the
BBC set's negative control): a film, a play, an album or a book is no TV series, and a role set
in one is no TV role. Sentences of our own."""

from __future__ import annotations

from showbible.news import extract_text

FACTS = tuple[str, str, str]


def triples(text: str) -> set[FACTS]:
    return {
        (f.kind, f.subject, f.object)
        for f in extract_text(text, "a.txt")
        if f.kind in ("plays", "appears_in")
    }


FILM = (
    "Lantern Bay sails to the top of the box office\n\n"
    "The film Lantern Bay, starring Jane Holt as lighthouse keeper Mara Voss, took $12m in its "
    "first weekend at cinemas. Holt's co-star Tom Reyes plays her brother Ivo, and the movie "
    "was directed by Ada Finch.\n"
)


def test_an_article_about_a_film_proposes_no_role() -> None:
    assert triples(FILM) == set()


STAGE = (
    "Harbour play wins award\n\n"
    "Salt Harbour, the new play by Ada Finch, won best new play on Sunday. Tom Reyes, who plays "
    "the ferryman Ivo Crane in Salt Harbour, was named best actor at the ceremony at the Old "
    "Vic theatre.\n"
)


def test_an_article_about_a_play_proposes_no_role() -> None:
    assert triples(STAGE) == set()


BOTH = (
    "Holt joins film\n\n"
    "Jane Holt played Mara Voss in the soap Harbour Street for six years. She now plays the "
    "smuggler Ada Crane in the film Lantern Bay.\n"
)


def test_a_role_in_a_film_is_dropped_and_the_tv_role_kept() -> None:
    found = triples(BOTH)
    assert ("plays", "Jane Holt", "Mara Voss") in found, found
    assert not any("Ada Crane" in (s, o) for _, s, o in found), found


ALBUM = (
    "Reyes tops charts\n\n"
    "Tom Reyes's Salt Road album entered the charts at number two on Sunday. The singer will "
    "tour in May, and his band said the single Harbour Lights would follow.\n"
)


def test_a_musicians_album_is_no_character() -> None:
    assert triples(ALBUM) == set()


IN_FILM = (
    "Harbour Street star moves to film\n\n"
    "Jane Holt, who plays Mara Voss in the soap Harbour Street, has signed for a film. Next "
    "year Tom Reyes plays Ada Crane in Lantern Bay, a new film by Rob Finch.\n"
)


def test_no_character_appears_in_a_work_the_article_calls_a_film() -> None:
    found = triples(IN_FILM)
    assert ("plays", "Jane Holt", "Mara Voss") in found, found
    assert not any("Ada Crane" in (s, o) for _, s, o in found), found


ASIDE = (
    "Harbour Street returns\n\n"
    "Jane Holt, who has made three films since she left, plays Mara Voss in Harbour Street "
    "again when the soap returns in May.\n"
)


def test_a_performers_films_in_an_aside_leave_her_tv_role() -> None:
    assert ("plays", "Jane Holt", "Mara Voss") in triples(ASIDE)
