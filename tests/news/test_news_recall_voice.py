"""Recall classes of a British outlet's voice (seventeenth session, from the BBC set's misses):
how an obituary, a profile or an awards story sums up a career ("known for her role as X in TV
soap S", "his portrayal of X in S", "other TV appearances included the part of X in S", "who
was X in the long-running show", "with A in the title role"), a show named after what kind of
show it is ("ITV drama S", "the US series S"), and a show's possessive before its character
("played S's X"). Sentences of our own, several voices; each failed on the reader before."""

from __future__ import annotations

from showbible.news import extract_text


def _article(*paragraphs: str) -> str:
    """An article: one paragraph a line, as the reader takes them."""
    return "\n\n".join(paragraphs) + "\n"


def _facts(text: str, kind: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == kind}


# -- a show named after what kind of show it is ------------------------------------------------

KINDS = _article(
    "Cliffside returns",
    "Mara Quill played Jess Haddon in TV soap Cliffside for six years.",
    "Tom Reyes was cast as Ivo Brandt in the US series 48 Pier Road, which ran from 1991.",
    "Dana Price, who played Lottie Vane in cult TV show Gullwing, has written a memoir.",
)


def test_a_soap_named_after_its_kind_is_a_show() -> None:
    assert ("Jess Haddon", "Cliffside") in _facts(KINDS, "appears_in")


def test_a_countrys_word_before_series_describes_the_show_and_a_number_may_open_its_title() -> None:
    appears = _facts(KINDS, "appears_in")
    assert ("Ivo Brandt", "48 Pier Road") in appears, appears
    assert not any(show == "US" for _, show in appears), appears


NOT_KINDS = _article(
    "Actor dies",
    "US actor Tom Reyes has died at 80.",
    "His best work was the film 24 Hour Harbour, in which Nell was played by Mina Ashe.",
)


def test_a_countrys_word_before_a_job_is_no_role_and_a_film_title_no_show() -> None:
    assert _facts(NOT_KINDS, "plays") <= {("Mina Ashe", "Nell")}
    assert not any(show == "24 Hour Harbour" for _, show in _facts(NOT_KINDS, "appears_in"))


# -- a career summed up: the role as a thing the performer has ---------------------------------

AWARDS = _article(
    "Singer takes top prize",
    "Pop singer Lena Marsh has won best female artist at the Harbour Music Awards.",
    (
        "Marsh, loved in both Ireland and Canada for her role as Kit Dorran in TV soap Pebble "
        "Bay, also sang with her brother. Last year actor Owen Pike won a prize for his "
        "portrayal of Sam Kettle in Dockside."
    ),
)


def test_her_role_as_x_in_a_show_names_the_performer_in_full() -> None:
    plays = _facts(AWARDS, "plays")
    assert ("Lena Marsh", "Kit Dorran") in plays, plays
    assert ("Kit Dorran", "Pebble Bay") in _facts(AWARDS, "appears_in")


def test_his_portrayal_of_x_in_a_show_named_plainly() -> None:
    assert ("Owen Pike", "Sam Kettle") in _facts(AWARDS, "plays")
    assert ("Sam Kettle", "Dockside") in _facts(AWARDS, "appears_in")


OBITUARY = _article(
    "Gullwing actress Ada Wren dies",
    "Actress Ada Wren, who appeared in Gullwing and Pebble Bay, has died aged 71.",
    (
        "Wren, who played Gullwing's Nora Fisk when the soap began in 1979, died on Monday. She "
        "also starred in films, among them The Long Pier."
    ),
    (
        "Most recently she appeared alongside Carl Dunmore in the comedy Tin Roof. Her other TV "
        "work included the part of Sister Agnes in BBC drama Porters' Hall and a cameo role as "
        "Danny Cole's aunt Bridget in ITV comedy Paper Lanterns."
    ),
)


def test_a_shows_possessive_before_the_character() -> None:
    assert ("Ada Wren", "Nora Fisk") in _facts(OBITUARY, "plays")
    assert ("Nora Fisk", "Gullwing") in _facts(OBITUARY, "appears_in")
    assert ("Ada Wren", "Gullwing") not in _facts(OBITUARY, "plays")


def test_a_careers_list_of_parts_is_the_person_the_text_is_about() -> None:
    plays = _facts(OBITUARY, "plays")
    assert {("Ada Wren", "Sister Agnes"), ("Ada Wren", "Bridget")} <= plays, plays
    assert not any(who == "Carl Dunmore" for who, _ in plays), plays
    appears = _facts(OBITUARY, "appears_in")
    assert {("Sister Agnes", "Porters' Hall"), ("Bridget", "Paper Lanterns")} <= appears, appears
    # whose aunt she is: a character of the same show
    assert ("Danny Cole", "Paper Lanterns") in appears, appears


FILM = _article(
    "Star of the screen",
    "Actress Ada Wren is known for her role as Lady Mary Stone in the film Long Shadows.",
    (
        "In other categories, Mina Ashe won for her role as Greta Lund in Cold Harbour. The "
        "Oscar-nominated movie Cold Harbour opens in May."
    ),
)


def test_a_role_in_a_title_the_article_calls_a_film_is_no_tv_role() -> None:
    assert _facts(FILM, "plays") == set()


WINNERS = _article(
    "Awards night",
    (
        "The Gullwing cast won three prizes. In other categories, Mina Ashe won for her role "
        "as Greta Lund in the drama Cold Harbour."
    ),
)


def test_her_role_is_the_nearest_persons_before_it() -> None:
    assert _facts(WINNERS, "plays") == {("Mina Ashe", "Greta Lund")}


# -- who *was* a character ---------------------------------------------------------------------

ROUNDUP = _article(
    "Where are the Dockside stars now?",
    "Dockside ended its eight-year run in May, and its cast have gone their own ways.",
    (
        "Hana Brook, who was Tess in the long-running show, has made three films since. Pete "
        "Lomax is writing a novel."
    ),
)

PROFILE = _article(
    "Actor Sorensen dies at 88",
    "Danish actor Karl Sorensen, twice nominated for a Bafta, has died at the age of 88.",
    (
        "Sorensen, whose first film was made in Copenhagen, died at home. He later appeared in "
        "the cult TV show Pine Hollow. He played a banker in 1986's Gold Rush, and was hotel "
        "owner Victor Lund in Pine Hollow in 1991."
    ),
)


def test_who_was_x_in_the_long_running_show() -> None:
    assert ("Hana Brook", "Tess") in _facts(ROUNDUP, "plays")
    assert ("Tess", "Dockside") in _facts(ROUNDUP, "appears_in")


def test_he_was_a_described_character_in_a_show() -> None:
    plays = _facts(PROFILE, "plays")
    assert plays == {("Karl Sorensen", "Victor Lund")}, plays
    assert ("Victor Lund", "Pine Hollow") in _facts(PROFILE, "appears_in")


# -- the title role: the show's name is the role's ---------------------------------------------

TITLE_ROLE = _article(
    "Comic returns with sitcom",
    (
        "Writer Ivo Crane will direct the new sitcom Mona Vickers for Channel 4. It is a send-up "
        "of the fashion trade, with Dana Price in the title role."
    ),
    "Tom Reyes plays the title role in the BBC drama Doctor Hale.",
    (
        "The musical was first staged in 1966 with Lena Marsh in the title role, while Mona "
        "Vickers is still on air."
    ),
)


def test_a_performer_in_the_title_role_plays_the_shows_name() -> None:
    plays = _facts(TITLE_ROLE, "plays")
    assert {("Dana Price", "Mona Vickers"), ("Tom Reyes", "Doctor Hale")} <= plays, plays


def test_a_title_role_on_a_stage_is_no_tv_role() -> None:
    assert not any(who == "Lena Marsh" for who, _ in _facts(TITLE_ROLE, "plays"))


# -- a "Performer (Character)" pair with no show before it -------------------------------------

REUNION = _article(
    "Harbour Lights star to lead new drama Copper Bay",
    (
        "Cara Moss, who played Nell in Harbour Lights, will star in Copper Bay. The drama Copper "
        "Bay starts in May, and Copper Bay has been sold to four countries."
    ),
    (
        "Harbour Lights ended its nine-year run on ITV in March. Its stars have scattered. Mina "
        "Ashe (Rosa) has been writing a novel about her home town. Paul Greer (Teddy) directed "
        "two episodes during his years on Harbour Lights, and now runs a theatre in Leeds."
    ),
)


def test_a_pair_with_no_show_before_it_is_in_the_show_the_text_is_about() -> None:
    assert {("Mina Ashe", "Rosa"), ("Paul Greer", "Teddy")} <= _facts(REUNION, "plays")
    appears = _facts(REUNION, "appears_in")
    assert {("Rosa", "Harbour Lights"), ("Teddy", "Harbour Lights")} <= appears, appears


# -- "his character X": the performer named just before owns it -------------------------------

CHARACTERS = _article(
    "Critic attacks crude TV",
    (
        "In a magazine interview, critic Mona Vale attacked comedian Tom Reyes for his character "
        "Uncle Bertie's crude jokes. Actress Lena Marsh defended her Gullwing character, Nora "
        "Fisk, on the radio."
    ),
    "Novelist Ivo Crane said his character Captain Rook would never be filmed.",
)


def test_his_character_x_is_the_performers_named_before() -> None:
    plays = _facts(CHARACTERS, "plays")
    assert {("Tom Reyes", "Uncle Bertie"), ("Lena Marsh", "Nora Fisk")} <= plays, plays
    assert not any(who in ("Mona Vale", "Ivo Crane") for who, _ in plays), plays
    assert ("Nora Fisk", "Gullwing") in _facts(CHARACTERS, "appears_in")


# -- a name the sentence calls a character ------------------------------------------------------

CALLED = _article(
    "Soap moment tops poll",
    (
        "Long-running soap Pebble Bay took the drama prize for the night character Rosa told "
        "her sons the truth. The sitcom Tin Roof came back with fan-favourite character Uncle "
        "Bertie Vane."
    ),
    "Viewers preferred Pebble Bay to Tin Roof, whose character Ivy left in May.",
)


def test_a_name_the_sentence_calls_a_character_is_its_one_shows() -> None:
    appears = _facts(CALLED, "appears_in")
    assert {("Rosa", "Pebble Bay"), ("Uncle Bertie Vane", "Tin Roof")} <= appears, appears
    assert not any(who == "Ivy" for who, _ in appears), appears  # two shows: whose?


# -- what only a show has or is: its anniversary, its viewers tuning in ------------------------

RATINGS = _article(
    "Mara's exit watched by 11m",
    (
        "More than 11 million people saw Mara Voss leave the Anchor on Friday, marking Harbour "
        "Street's 30th anniversary."
    ),
    (
        "Mara left after a row with Ines, Kit and Rafi at the harbour. The show's biggest night "
        "came in 1999, when viewers saw Mara, played by Lena Marsh, marry her cousin Tobias."
    ),
    "Almost half the viewing public tuned into Harbour Street between 8pm and 9pm.",
)


def test_a_shows_anniversary_and_its_viewers_tuning_in_name_it() -> None:
    assert ("Lena Marsh", "Mara Voss") in _facts(RATINGS, "plays")
    appears = _facts(RATINGS, "appears_in")
    assert ("Mara Voss", "Harbour Street") in appears, appears


# -- a participle made of a place before a role describes it -----------------------------------

ADAPTED = _article(
    "Detective novel gets new series",
    (
        "The detective stories were first made for television in 1961, with actor Tom Reyes as an "
        "Anglicised Pierre Lacombe, and were later a radio serial."
    ),
)


def test_an_anglicised_role_is_the_role() -> None:
    assert ("Tom Reyes", "Pierre Lacombe") in _facts(ADAPTED, "plays")


REFUSED = _article(
    "Star rules out return",
    "Actress Lena Marsh said she would never go back to the soap as her Gullwing character Nell.",
)


def test_a_possessive_names_a_fact_even_in_a_hypothesis() -> None:
    assert ("Lena Marsh", "Nell") in _facts(REFUSED, "plays")
    assert ("Nell", "Gullwing") in _facts(REFUSED, "appears_in")


# -- the same career said in an American voice -------------------------------------------------

AMERICAN = _article(
    "Character actor dies at 79",
    (
        "Tom Reyes, whose stint as Ivo Brandt on the NBC sitcom Lakeview made him a star, has "
        "died. He earned an Emmy nomination for his turn as Sheriff Dale Hobbs on Pine County."
    ),
    "Jane Holt is best known for her role as Mara Voss on Broadway.",
)


def test_whose_stint_and_his_turn_as_x_on_a_show() -> None:
    plays = _facts(AMERICAN, "plays")
    assert {("Tom Reyes", "Ivo Brandt"), ("Tom Reyes", "Sheriff Dale Hobbs")} <= plays, plays
    appears = _facts(AMERICAN, "appears_in")
    assert {("Ivo Brandt", "Lakeview"), ("Sheriff Dale Hobbs", "Pine County")} <= appears, appears
    assert not any(show == "Broadway" for _, show in appears), appears


# -- the role a career is known by ---------------------------------------------------------------

FAME = _article(
    "Soap veteran dies",
    "Actor Ivo Brandt has died at 84. He found fame in the 1970s as Jack Dunne in soap Gullwing.",
    (
        "His wife Mina Ashe, who shot to fame as Queen Hester in the 1962 movie Long Shadows, was "
        "with him. She was later known to millions as Aunt Polly in BBC comedy Tin Roof."
    ),
)


def test_found_fame_as_x_in_a_show() -> None:
    plays = _facts(FAME, "plays")
    assert {("Ivo Brandt", "Jack Dunne"), ("Mina Ashe", "Aunt Polly")} <= plays, plays
    assert ("Mina Ashe", "Queen Hester") not in plays  # a film's role
    appears = _facts(FAME, "appears_in")
    assert {("Jack Dunne", "Gullwing"), ("Aunt Polly", "Tin Roof")} <= appears, appears


CHANNELS = _article(
    "Soap star to quit",
    (
        "Actress Lena Marsh is to quit her role as Kit Dorran in the BBC One soap Pebble Bay. "
        "Tom Reyes won praise for his role as Sam Kettle in Ada Wren's drama Tin Roof."
    ),
)


def test_a_channels_or_a_writers_name_before_the_kind_of_show() -> None:
    appears = _facts(CHANNELS, "appears_in")
    assert {("Kit Dorran", "Pebble Bay"), ("Sam Kettle", "Tin Roof")} <= appears, appears
    assert not any(show in ("Ada Wren", "BBC One") for _, show in appears), appears


# -- a role said after the show that gave it -----------------------------------------------------

LEAVING = _article(
    "Two soap stars to quit",
    (
        "Lena Marsh is to leave the soap Pebble Bay, where she has played Kit Dorran since 1998. "
        "Owen Pike is quitting ITV drama Dockside after nine years playing Sam Kettle."
    ),
)


def test_a_role_said_after_the_show_that_gave_it() -> None:
    plays = _facts(LEAVING, "plays")
    assert plays == {("Lena Marsh", "Kit Dorran"), ("Owen Pike", "Sam Kettle")}, plays
    appears = _facts(LEAVING, "appears_in")
    assert {("Kit Dorran", "Pebble Bay"), ("Sam Kettle", "Dockside")} <= appears, appears


# -- "famous for playing", "best known as": the role the performer is known by -----------------

KNOWN = _article(
    "Pebble Bay star to leave",
    (
        "Pebble Bay star Owen Pike, 45, best known as Sam Kettle, is to leave the soap. Mina "
        "Ashe, famous for playing Rosa Vane in ITV drama Dockside, joins Pebble Bay in May."
    ),
    "Singer Reginald Bly, better known as Rocky Starr, has a new album out.",
)


def test_the_role_a_performer_is_known_by() -> None:
    plays = _facts(KNOWN, "plays")
    assert plays == {("Owen Pike", "Sam Kettle"), ("Mina Ashe", "Rosa Vane")}, plays
    appears = _facts(KNOWN, "appears_in")
    assert {("Sam Kettle", "Pebble Bay"), ("Rosa Vane", "Dockside")} <= appears, appears


# -- a role among the cinema's prizes -------------------------------------------------------------

PRIZES = _article(
    "Screen guild honours Ashe",
    (
        "The guild's winners often go on to win Oscars. In other categories, Mina Ashe won for "
        "her role as Greta Lund in Cold Harbour."
    ),
    (
        "Despite an Oscar nomination, Tom Reyes worked mostly in television. He was hotel owner "
        "Victor Lund in the cult TV show Pine Hollow."
    ),
)


def test_a_role_among_the_oscars_needs_a_word_for_television() -> None:
    assert _facts(PRIZES, "plays") == {("Tom Reyes", "Victor Lund")}
