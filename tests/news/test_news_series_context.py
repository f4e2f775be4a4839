"""Shows the article names without a list of titles: by the words the press puts around a show
("a little show called X", "a long line of X spin offs", "X creator Jane Doe", "the
long-awaited X revival"); a topic before a colon opens a sentence, not a subtitle ("X: The
..."); a show's title naming a thing of its story ("the Harbor ranch") is not where a cast is.
Sentences of our own."""

from __future__ import annotations

import pytest

from showbible.news import extract_text
from showbible.news.cleaning import read_article
from showbible.news.series import quoted_titles


def _quoted(text: str) -> tuple[set[str], set[str]]:
    """The shows and the episodes the article's quotes name."""
    shows, episodes = quoted_titles(read_article(enumerate(text.split("\n"), 1), "a.txt"))
    return set(shows), episodes


def _shows(text: str) -> set[str]:
    return {f.object for f in extract_text(text, "a.txt") if f.kind == "appears_in"}


@pytest.mark.parametrize(
    "lead",
    [
        "If you grew up in the 90s you may remember a little show called Tidewater Bay.",
        "It was the first in a long line of Tidewater Bay spin offs.",
        "Tidewater Bay creator Jo Marsh has revealed more casting.",
        "The long-awaited Tidewater Bay revival has gained more updates.",
        # a season's number spelled out
        "As you already know, season two of Tidewater Bay will focus on the eldest sibling.",
        # a recap's opening line, a caption naming the season
        "Previously on Tidewater Bay:",
        "Tidewater Bay - Season 2",
    ],
)
def test_a_show_named_with_the_press_words_for_one(lead: str) -> None:
    text = f"{lead}\n\nMara Voss (Nia Vale) and Tobias Reed (Tom Roe) are back for it.\n"
    assert _shows(text) == {"Tidewater Bay"}


def test_a_topic_before_a_colon_opening_a_sentence_is_no_subtitle() -> None:
    text = (
        "Tidewater Bay: The long-awaited Tidewater Bay revival has more news.\n\n"
        "Mara Voss (Nia Vale) and Tobias Reed (Tom Roe) are back.\n"
    )
    assert _shows(text) == {"Tidewater Bay"}  # never "Tidewater Bay: The"


def test_the_title_naming_a_thing_of_its_story_is_not_the_cast_s_show() -> None:
    text = (
        "The spin-off Copper Gulch is a prequel to the drama Harbor, set in 1923.\n\n"
        "In Copper Gulch, Ford plays Jacob Marsh, who runs the Harbor ranch along with his "
        "wife Cara Marsh (Nia Vale).\n"
    )
    shows_of_cara = {
        f.object
        for f in extract_text(text, "a.txt")
        if f.kind == "appears_in" and "Cara" in f.subject
    }
    assert shows_of_cara == {"Copper Gulch"}


def test_a_day_named_once_before_a_season_is_the_day_it_airs() -> None:
    text = (
        "Harbor Nights is back for another bite.\n\n"
        "Sunday's second season premiere finds Mara Voss (Nia Vale) and Tobias Reed (Tom Roe) "
        "at sea.\n"
    )
    assert "Sunday" not in _shows(text)


def test_a_day_an_article_names_as_its_show_again_and_again_is_a_show() -> None:
    text = (
        "Wednesday season 2: everything we know.\n\n"
        "Wednesday season 2 adds Mara Voss (Nia Vale). Wednesday season 2 premieres in August.\n"
    )
    assert "Wednesday" in _shows(text)


def test_a_headline_word_in_scare_quotes_is_no_show() -> None:
    text = (
        "Harbor Nights Trio Talks Mara's Haunting ‘Return’ and More\n\n"
        "Harbor Nights is back. Mara Voss (Nia Vale) and Tobias Reed (Tom Roe) are at sea again.\n"
    )
    assert "Return" not in _shows(text)
    # an acronym quoted there is a show's short name all the same
    acronym = "‘Harbor Nights’ Features Another ‘HNX’ Cameo\n\nMara Voss (Nia Vale) is back.\n"
    shows, _episodes = _quoted(acronym)
    assert {"Harbor Nights", "HNX"} <= shows


def test_a_quote_after_in_later_episodes_is_the_sentence_s_subject_not_an_episode() -> None:
    text = (
        "Harbor Nights returns.\n\n"
        "In later episodes, “Tidewater Bay” offers more: Mara Voss (Nia Vale) is back.\n"
    )
    shows, episodes = _quoted(text)
    assert "Tidewater Bay" in shows and "tidewater bay" not in episodes
    # the episode's own title after "episode," is still an episode's
    named = "In the episode, “The Long Night”, Mara Voss (Nia Vale) goes to sea.\n"
    _shows, episodes = _quoted(named)
    assert "long night" in episodes


def test_a_sentence_saying_what_the_show_is_names_it() -> None:
    text = (
        "Tidewater Bay is a drama thriller centered around a recruit named Mara Voss.\n\n"
        "Much remains unsaid about Season 3 of Tidewater Bay. Jo Marsh, its new showrunner, "
        "said Mara Voss (Nia Vale) will be back.\n"
    )
    assert "Tidewater Bay" in _shows(text)
    # a person said to be a comedy writer, or the show runner, is no show
    person = "Jo Marsh is a comedy writer. Rosa Ibarra is the show runner for Harrowgate.\n"
    assert {"Jo Marsh", "Rosa Ibarra"}.isdisjoint({f.object for f in extract_text(person, "a.txt")})


def test_an_apposition_saying_what_the_show_is_names_it() -> None:
    text = (
        "Tidewater Bay, the upcoming CBS crime drama featuring vampires, is casting. Nia Vale has "
        "signed on to play Mara Voss, a vampire who works as a trader.\n"
    )
    assert _shows(text) == {"Tidewater Bay"}
    # a character described by the show she is from is no show
    ahsoka = "Nia Vale is playing Mara Voss, a main character from animated series Tidewater Bay.\n"
    assert "Mara Voss" not in _shows(ahsoka)


def test_a_roundups_items_open_on_their_shows() -> None:
    # "Show: sentence" lines, two or more: each item's show; "30 Rock: If ..." is no colon
    # title; an interview's "Q:" and a speaker's "Claire:" are no shows
    text = (
        "Midseason guest stars\n\n"
        "Tidewater Bay: Nia Vale will play an older love interest for Mara in three episodes.\n\n"
        "30 Harbor: If you caught the end of last night's episode, you know Tom Roe is back.\n\n"
        "Q: Who else is coming back to the show this season, and when?\n"
    )
    shows = {x for x in _labels(text)}
    assert {"Tidewater Bay", "30 Harbor"} <= shows
    assert not {s for s in shows if s.startswith(("Q", "Harbor: If"))}


def _labels(text: str) -> list[str]:
    from showbible.news.colons import label_titles

    return label_titles(read_article(enumerate(text.split("\n"), 1), "a.txt"))


def test_a_speakers_lines_are_no_roundup() -> None:
    text = (
        "Claire: I have never seen anything like this in my whole life, Phil.\n\n"
        "Phil: Neither have I, honey, and I have seen a lot of things.\n"
    )
    assert _labels(text) == []


@pytest.mark.parametrize(
    "lead",
    [
        "After last week's fiery episode, this week's Tidewater Bay moves back to the chessboard.",
        "Before we dive into this week's Tidewater Bay recap, a word about the finale.",
    ],
)
def test_this_weeks_show(lead: str) -> None:
    text = f"{lead}\n\nMaren tells Teodor the truth, and Teodor refuses to listen.\n"
    assert "Tidewater Bay" in _shows(text)


def test_a_first_names_possessive_after_role_in_is_no_show() -> None:
    text = (
        "Harbor Nights season 2 adds Tom Roe, who will hold a key role in Leslie's campaign as "
        "her opponent.\n"
    )
    assert "Leslie" not in _shows(text)


def test_the_place_a_story_goes_to_is_no_show() -> None:
    # "The X" capitalised twice inside sentences is a show, unless it is where people go
    text = (
        "After last week's fiery episode, this week's Tidewater Bay moves back to the chessboard."
        "\n\nMaren suggests sending Teodor to work at The Wall, but Teodor refuses. Later the "
        "dead march towards The Wall, and Maren sends a raven to Ilse. Maren tells Teodor the "
        "truth, and Teodor refuses to listen.\n"
    )
    assert "The Wall" not in _shows(text)
    assert "Tidewater Bay" in _shows(text)


def test_a_roundups_label_is_no_colon_titles_first_half() -> None:
    # "Suburgatory: Speaking of Clueless, ...": the item's show, then its sentence
    text = (
        "Midseason guest stars\n\n"
        "Tidewater Bay: Nia Vale will play an older love interest for Mara in three episodes.\n\n"
        "Salt Road: Speaking of reunions, Tom Roe is headed for the suburbs this spring.\n"
    )
    assert {"Tidewater Bay", "Salt Road"} <= set(_labels(text))


def test_a_forms_repeated_fields_are_no_roundup() -> None:
    text = (
        "Who: Nia Vale — Mara Voss, Tidewater Bay\n\n"
        "Return: She reprised her role in season 8, with Ida Kress stepping in for a while.\n\n"
        "Who: Tom Roe — Ivo Crane, Salt Road\n\n"
        "Return: He returned in 1986 in the famous scene that revealed it was all a dream.\n"
    )
    assert _labels(text) == []


def test_a_numbered_episodes_quoted_title_is_no_show() -> None:
    shows, episodes = _quoted("Harbor Nights Recap: Ep. 19, “Iron Gate”\n\nThis week Maren hides.")
    assert "Iron Gate" not in shows and "iron gate" in episodes


def test_a_country_or_a_state_is_where_the_story_goes() -> None:
    # "Sherlock gets a call from England", a recap's scene headings "Cemetery – London, England",
    # "small-town Texas aired": places; "'Deep Fake' on Hawai'i" is the franchise's show
    text = (
        "In the first season of Tidewater Bay, Maren and Teodor became partners.\n\n"
        "Highgate Cemetery – London, England\n\n"
        "Maren tells Teodor the truth, and Teodor refuses to listen.\n\n"
        "London, England\n\n"
        "Later Teodor gets a call from England, and Maren packs.\n"
    )
    assert "England" not in _shows(text)
    from showbible.news.places import is_place

    assert is_place("England") and is_place("Texas") and is_place("New York")
    assert not is_place("Dallas") and not is_place("Victoria")


@pytest.mark.parametrize(
    "text",
    [
        "The truth hurts. Screenshot: Amazon Studios\n\nIn season 6 of Tidewater Bay, Maren "
        "(Nia Vale) learns the truth. Screenshot: Amazon Studios is credited twice here.",
        # a preview that never names its show: the caption's credit was taken for it
        "Maren learns the truth about Ivo\n\nThe truth hurts. Screenshot: Amazon Studios\n\n"
        "On last week's episode we saw Maren (Nia Vale) and Ivo (Tom Roe) fight. Maren (Nia "
        "Vale) wins, and Filip (Jo Marsh) watches.",
    ],
)
def test_a_screenshots_credit_is_no_colon_title(text: str) -> None:
    assert not {s for s in _shows(text) if s.startswith("Screenshot")}


def test_one_episode_is_of_one_show() -> None:
    # "this week's episode of The Magicians, Julia ...": the name after the comma opens a clause
    text = (
        "After the last episode of Tidewater Bay, Julia (Nia Vale) suffers a complication. Julia "
        "tells Maren the truth, and Maren refuses to listen. Later Julia leaves.\n"
    )
    assert "Julia" not in _shows(text)


def test_an_adjective_opening_the_sentence_is_no_part_of_the_title() -> None:
    """ "Original CSI series stars A and B ...": "Original" (like "Former", "Classic") says which
    run of the show, it is not the first word of its title."""
    text = (
        "Harbor Nights is heading back to the coast. Original Harbor Nights series stars Jane "
        "Doe and Tom Reyes are set to return in Harbor Nights: Bayside.\n\n"
        "The network has ordered Harbor Nights: Bayside, a sequel to the original Harbor Nights, "
        "which will feature original series stars Jane Doe and Tom Reyes reprising their roles "
        "as Mara Voss and Ivo Crane.\n"
    )
    shows = _shows(text)
    assert "Original Harbor Nights" not in shows
    assert "Harbor Nights" in shows


def test_what_a_character_is_on_and_a_titles_episode_number_name_shows() -> None:
    """A show the titles list does not know, named by what the grammar says of it: "a main
    character on X", "X Episode 6", "the X original animated series"."""
    on = "News\n\nMara Voss (Jane Doe), a main character on Copper Gulch, steals the scene.\n"
    assert "Copper Gulch" in _shows(on)
    episode = (
        "News\n\nMara Voss (Jane Doe) made a cameo nobody expected in Book of Lanterns Episode 6.\n"
    )
    assert "Book of Lanterns" in _shows(episode)
    series = (
        "News\n\nFans will get a sneak peek of the Night Ferry original animated series, with "
        "Jane Doe as Mara Voss and Tom Reyes as Ivo Crane.\n"
    )
    assert "Night Ferry" in _shows(series)


def test_a_character_on_a_day_or_a_stage_is_no_show() -> None:
    text = "News\n\nMara Voss (Jane Doe), a main character on Monday, was back on Broadway.\n"
    assert not _shows(text) & {"Monday", "Broadway"}


def _facts(text: str) -> set[tuple[str, str, str]]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}


def test_what_one_joins_as_a_role_is_a_show() -> None:
    """ "Jane Doe has joined Copper Gulch as Mara Voss": the show one joins, not a performer (it
    was read as "Copper Gulch plays Mara Voss"); also "joined X in 2021, being introduced as"."""
    facts = _facts("News\n\nJane Doe has joined Copper Gulch as Mara Voss.\n")
    assert facts == {
        ("plays", "Jane Doe", "Mara Voss"),
        ("appears_in", "Mara Voss", "Copper Gulch"),
    }
    later = _facts(
        "News\n\nTom Reyes joined Copper Gulch in 2021, being introduced as the father of Mara "
        "Voss (Jane Doe).\n"
    )
    assert ("appears_in", "Mara Voss", "Copper Gulch") in later


@pytest.mark.parametrize(
    "verb",
    [
        "will guest star in",
        "stars in",
        "appeared in",
        "has signed on to",
        "makes her debut in",
    ],
)
def test_what_one_appears_in_as_a_role_is_a_show(verb: str) -> None:
    """The joining class, for the verbs of appearing: "Jane Doe will guest star in Copper Gulch
    as Mara Voss" was read as the show playing her."""
    facts = _facts(f"News\n\nJane Doe {verb} Copper Gulch as Mara Voss.\n")
    assert ("plays", "Jane Doe", "Mara Voss") in facts
    assert ("appears_in", "Mara Voss", "Copper Gulch") in facts
    assert not any(k == "plays" and s == "Copper Gulch" for k, s, _ in facts)


@pytest.mark.parametrize("verb", ["has landed a role on", "will be seen in", "boards"])
def test_no_show_plays_the_role_it_is_cast_in(verb: str) -> None:
    facts = _facts(f"News\n\nJane Doe {verb} Copper Gulch as Mara Voss.\n")
    assert not any(k == "plays" and s == "Copper Gulch" for k, s, _ in facts), facts


def test_whom_one_joins_is_no_show() -> None:
    assert not _shows("News\n\nJane Doe joined Tom Reyes as a series regular on the drama.\n")
    text = (
        "News\n\nImelda Staunton leads the new season, with Jane Doe and Tom Reyes joining "
        "Staunton as the show's timeline moves on.\n"
    )
    assert "Staunton" not in _shows(text)


def test_a_listings_fields_and_a_seasons_episode_list_are_no_shows() -> None:
    """A fan site's episode page: "Season Four: Lanterns - Harbor Nights - Devoted" lists
    episodes, and "The CW's Official Description:" heads a field; neither is a show, wherever
    the article names them again (the recap's cast had gone to both)."""
    text = (
        "Season Four: Lanterns - Harbor Nights - Devoted - Run\n\n"
        "The CW's Official Description:\n\n"
        "Mara Voss (Jane Doe) and Ivo Crane (Tom Reyes) walk on where \u201cLanterns\u201d left "
        "off.\n\nMara tells Ivo the truth, and Ivo leaves.\n"
    )
    shows = _shows(text)
    assert not shows & {"Lanterns", "Harbor Nights", "Official Description"}, shows
    assert ("plays", "Jane Doe", "Mara Voss") in _facts(text)
