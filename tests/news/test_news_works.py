"""What kind of work a role is in, by the article's own words (seventeenth session, from the
BBC set's negative control): a film, a play, an album or a book is no TV series, and a role set
in one is no TV role. Since the twenty-sixth session such a role is proposed with its
``medium`` (a universe may hold films and plays; the Daily Mail set's gold counts them) and
``tv_only`` leaves it out, as it was left out before. Sentences of our own."""

from __future__ import annotations

from news_triples import media, triples
from showbible.news import NewsFact
from showbible.news.cleaning import read_article
from showbible.news.works import Works

FILM = (
    "Lantern Bay sails to the top of the box office\n\n"
    "The film Lantern Bay, starring Jane Holt as lighthouse keeper Mara Voss, took $12m in its "
    "first weekend at cinemas. Holt's co-star Tom Reyes plays her brother Ivo, and the movie "
    "was directed by Ada Finch.\n"
)


def test_an_article_about_a_film_proposes_no_role() -> None:
    assert triples(FILM, tv_only=True) == set()
    marked = media(FILM)
    assert marked.get(("plays", "Jane Holt", "Mara Voss")) == "film", marked
    assert set(marked.values()) == {"film"}, marked


STAGE = (
    "Harbour play wins award\n\n"
    "Salt Harbour, the new play by Ada Finch, won best new play on Sunday. Tom Reyes, who plays "
    "the ferryman Ivo Crane in Salt Harbour, was named best actor at the ceremony at the Old "
    "Vic theatre.\n"
)


def test_an_article_about_a_play_proposes_no_role() -> None:
    assert triples(STAGE, tv_only=True) == set()
    marked = media(STAGE)
    assert marked.get(("plays", "Tom Reyes", "Ivo Crane")) == "stage", marked
    assert set(marked.values()) == {"stage"}, marked


BOTH = (
    "Holt joins film\n\n"
    "Jane Holt played Mara Voss in the soap Harbour Street for six years. She now plays the "
    "smuggler Ada Crane in the film Lantern Bay.\n"
)


def test_a_role_in_a_film_is_dropped_and_the_tv_role_kept() -> None:
    found = triples(BOTH, tv_only=True)
    assert ("plays", "Jane Holt", "Mara Voss") in found, found
    assert not any("Ada Crane" in (s, o) for _, s, o in found), found
    marked = media(BOTH)
    assert marked[("plays", "Jane Holt", "Mara Voss")] == "", marked
    assert marked.get(("plays", "Jane Holt", "Ada Crane")) == "film", marked


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
    found = triples(IN_FILM, tv_only=True)
    assert ("plays", "Jane Holt", "Mara Voss") in found, found
    assert not any("Ada Crane" in (s, o) for _, s, o in found), found
    marked = media(IN_FILM)
    assert marked.get(("appears_in", "Ada Crane", "Lantern Bay")) == "film", marked


ASIDE = (
    "Harbour Street returns\n\n"
    "Jane Holt, who has made three films since she left, plays Mara Voss in Harbour Street "
    "again when the soap returns in May.\n"
)


def test_a_performers_films_in_an_aside_leave_her_tv_role() -> None:
    assert ("plays", "Jane Holt", "Mara Voss") in triples(ASIDE)


NAMED_BEST = (
    "Lantern Bay leads awards\n\n"
    "Jane Holt is up for best actress. Lantern Bay has been named best film at the Harbour "
    "awards. Harbour Street, the ITV1 soap, won best drama. In Lantern Bay, Holt plays the "
    "smuggler Ada Crane.\n"
)


def test_a_title_named_best_film_is_a_film() -> None:
    found = triples(NAMED_BEST, tv_only=True)
    assert not any("Ada Crane" in (s, o) for _, s, o in found), found
    marked = media(NAMED_BEST)
    assert marked.get(("plays", "Jane Holt", "Ada Crane")) == "film", marked


FILMS = (
    "British stars honoured\n\n"
    "The British series Harbour Street won again. The young stars of British film were there "
    "too, such as Ada Finch, who plays Mara Voss in the Lantern Bay films.\n"
)


def test_a_nationality_is_no_title_that_vouches_for_television() -> None:
    assert ("plays", "Ada Finch", "Mara Voss") not in triples(FILMS, tv_only=True)
    assert media(FILMS).get(("plays", "Ada Finch", "Mara Voss")) == "film", media(FILMS)


def test_a_role_in_a_film_version_of_a_series_is_no_tv_role() -> None:
    # the reader finds no pair in so short a text: the predicate itself
    sentence = (
        "Tom Reyes is to play the role of Ivo Crane in a film version of the 1980s police "
        "drama Harbour Street."
    )
    text = "Reyes to star in film\n\nThe ITV1 series Salt Flats is back. " + sentence + "\n"
    article = read_article(enumerate(text.split("\n"), 1), "a.txt")
    fact = NewsFact("plays", "Tom Reyes", "Ivo Crane", "a.txt", 3, sentence, 0.85)
    works = Works(article, lambda title: title == "Harbour Street")
    assert works.stage_or_screen_role(fact)
    assert works.not_tv("Harbour Street")


TIPPED = (
    "Bookmakers back Lantern Bay\n\n"
    "Lantern Bay has been tipped by bookmakers as the favourite to win the best film award, "
    "which will be shown on TV. In Lantern Bay, Tom Reyes plays the smuggler Ivo Crane.\n"
)


def test_a_title_tipped_for_best_film_is_a_film() -> None:
    found = triples(TIPPED, tv_only=True)
    assert not any("Ivo Crane" in (s, o) for _, s, o in found), found
    assert media(TIPPED).get(("plays", "Tom Reyes", "Ivo Crane")) == "film", media(TIPPED)


def test_box_office_takings_make_a_title_a_film() -> None:
    text = "The TV audience fell. Lantern Bay took $25m, and Salt Flats, which has taken £4m."
    article = read_article(enumerate(["Films", "", text]), "a.txt")
    works = Works(article, lambda title: False)
    assert works.not_tv("Lantern Bay") and works.not_tv("Salt Flats")


ACTRESS = (
    "Holt up for award\n\n"
    "Film actress Jane Holt is up for an award, which will be shown on TV. Holt played Mara "
    "Voss, another role which won her praise. She played Ada Crane in the ITV1 soap Harbour "
    "Street.\n"
)


def test_a_film_actresss_roles_are_film_roles_unless_their_sentence_says_tv() -> None:
    found = triples(ACTRESS, tv_only=True)
    assert ("plays", "Jane Holt", "Ada Crane") in found, found
    assert ("plays", "Jane Holt", "Mara Voss") not in found, found
    marked = media(ACTRESS)
    assert marked[("plays", "Jane Holt", "Ada Crane")] == "", marked
    assert marked.get(("plays", "Jane Holt", "Mara Voss")) == "film", marked


# -- after the merge with the recall work (a role's noun, a show's word) -----------------------

BROADWAY = (
    "Harbour Street casts a star\n\n"
    "The BBC One soap Harbour Street has a new face. Jane Holt is best known for her role as "
    "Mara Voss on Broadway.\n"
)


def test_a_role_named_by_its_noun_on_broadway_is_a_stage_role() -> None:
    # "on Broadway" says where the role is played ("on stage" does not: a test of the phrasings
    # holds "originated the role of X on stage"), and Broadway is no show
    assert not triples(BROADWAY), triples(BROADWAY)


STAGE_SHOW = (
    "Where are they now?\n\n"
    "Gull Point ended its eight-year run at the Adelphi Theatre in May.\n\n"
    "Hana Brook, who was Tess in the long-running show, has made three films since.\n"
)


def test_a_long_running_show_in_an_article_about_a_theatre_is_no_tv_word() -> None:
    # "the long-running show" speaks of television only where nothing names a stage, a
    # concert, a radio or a ceremony (the recall work's round-up does not: its roles stand)
    assert not triples(STAGE_SHOW, tv_only=True), triples(STAGE_SHOW, tv_only=True)
    assert media(STAGE_SHOW) and all(media(STAGE_SHOW).values()), media(STAGE_SHOW)


def test_broadway_is_no_work_in_a_films_article() -> None:
    # "Broadway star Ben Platt is set to reprise his role as Evan as the project moves to the
    # big screen": in an article about a film every role is marked, but Broadway is no work
    text = (
        "Lantern Bay musical heads to the big screen\n\n"
        "The film of the musical Lantern Bay has begun shooting, the studio said. Broadway star "
        "Tom Reyes is set to reprise his role as Ivo Crane as the project moves to the big "
        "screen.\n"
    )
    marked = media(text)
    assert not [f for f in marked if f[2] == "Broadway"], marked
