"""Characters named bare in the article's own retelling (a recap, a preview), placed in the one
show the article is about; with the hard negatives: words capitalised because a sentence or a
clause opens on them, words the article also writes in lower case, networks, contractions, a
performer's surname, hypotheses. Sentences of our own."""

from __future__ import annotations

from showbible.news import extract_text

RECAP = """'Harbor Nights' recap: the ferry goes down

Last night's Harbor Nights picked up where the premiere left off. Harbor Nights has been renewed.

The episode opens at the pier, where Maren tells her brother the truth. Teodor refuses to listen,
and later Maren and Odile steal the harbor master's keys. When Teodor finds out, Odile lies.

Fans will see more of the ferry next week: Medicine has changed on the island, too. I'm hooked.
Freeform has decided to air the finale early. Nina Vale told reporters she loved the scene;
Vale returns next week. Maybe Ilse could come back, too. Keep the faith, and Faith was never
mentioned again in the episode.
"""


def _appears() -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text(RECAP, "a.txt") if f.kind == "appears_in"}


def test_characters_named_bare_in_a_recap_are_the_shows() -> None:
    found = _appears()
    assert {("Maren", "Harbor Nights"), ("Teodor", "Harbor Nights")} <= found
    assert ("Odile", "Harbor Nights") in found  # "Maren and Odile steal", "Odile lies"


def test_words_networks_performers_and_hypotheses_are_no_characters() -> None:
    subjects = {s for s, _ in _appears()}
    for word in ("Fans", "Medicine", "I'm", "Freeform", "Vale", "Nina Vale", "Ilse", "Faith"):
        assert word not in subjects, word


def _appears_in(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "appears_in"}


def _shows_of(text: str) -> set[str]:
    return {f.object for f in extract_text(text, "a.txt") if f.kind == "appears_in"}


def test_a_recaps_headline_names_its_show() -> None:
    body = "\n\nMaren tells Teodor the truth. Later Teodor steals the keys, and Maren lies.\n"
    for head in (
        "Harbor Nights Recap 2.5: Maren and Teodor Are on Their Own",
        "Harbor Nights Recap: “The Long Night”",
        "Harbor Nights season 2 review: the ferry goes down",
        "Harbor Nights 2x05: The Long Night",
        "harbor nights recapping: the long night",
    ):
        assert _shows_of(head + body) == {"Harbor Nights"}, head
    # a show, a dash, an episode: a show when the article names it again
    assert _shows_of(
        "Harbor Nights – The Long Night" + body + "Harbor Nights airs on Sundays.\n"
    ) == {"Harbor Nights"}


def test_a_one_word_shows_headline_glues_the_articles_genre_to_it() -> None:
    """ "Tidewater Recap: Ep. 19": the genre word ("Recap", "Review", "Preview", "Finale") a
    headline puts after a one-word title is no part of a name, so the title stands alone."""
    body = "\n\nMaren tells Teodor the truth. Later Teodor steals the keys, and Maren lies.\n"
    for head in (
        "Tidewater Recap: Ep. 19, “The Long Night”",
        "Tidewater Review: The Long Night",
        "Tidewater Finale Preview: Who Survives?",
    ):
        assert ("Maren", "Tidewater") in _appears_in(head + body), head
        assert _shows_of(head + body) == {"Tidewater"}, head


def test_an_outlets_recaps_verb_names_no_show() -> None:
    """ "NOC Recaps Tidewater: The Long Night": the outlet recaps the show; "NOC" is no show."""
    body = "\n\nMaren tells Teodor the truth. Later Teodor steals the keys, and Maren lies.\n"
    shows = _shows_of("NOC Recaps Tidewater: The Long Night" + body)
    assert "NOC" not in shows


def test_a_dash_headline_naming_a_person_is_no_show() -> None:
    text = "Nina Vale – Former Star Returns\n\nNina Vale is back. Maren tells Teodor the truth.\n"
    assert "Nina Vale" not in _shows_of(text)
    assert "Nina Vale Recap" not in _shows_of(text)


def test_a_ranked_character_named_again_by_surname_is_placed() -> None:
    text = (
        "Harbor Nights Recap 2.5: The Vote\n\nCaptain Jamm wants the pier for himself. "
        "When Jamm storms out, Maren tells Teodor the truth.\n"
    )
    assert ("Captain Jamm", "Harbor Nights") in {
        (f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "appears_in"
    }


CAST = """Gull Point review: a quiet week at the lighthouse

Gull Point has been the year's surprise. This week the keeper's logbook goes missing.

Hollis Brandt wakes before dawn and finds the lamp room open. He calls for Wren at once, but
nobody answers; the search ends at the cliff path, where the dog waits for Wren. Hollis blames
the summer visitors. Later, over supper, Wren admits she borrowed the logbook, which means Hollis
owes Oskar Lind an apology; Oskar shrugs it off and pours the tea. Nobody says sorry to Oskar.

Esme Tarrow is superb again. Tarrow told us the cliff scenes were shot in one take, and Tarrow
says the crew loved the cold.

Jane Quill
Photo by Coastline TV

Over on NBC's The Harbor Years, Petra made a cameo, and Petra stole the hour.
"""


def _cast() -> set[str]:
    return {f.subject for f in extract_text(CAST, "a.txt") if f.kind == "appears_in"}


def test_a_recaps_cast_is_named_by_first_name_wherever_it_stands() -> None:
    found = _cast()
    # "calls for Wren", "waits for Wren", "Wren admits": a character wherever it stands
    assert "Wren" in found
    # named in full, then by first name only: the character's full name
    assert {"Hollis Brandt", "Oskar Lind"} <= found


def test_surnames_captions_and_other_shows_people_are_not_the_cast() -> None:
    found = _cast()
    assert "Esme Tarrow" not in found and "Tarrow" not in found  # named again by surname
    assert "Jane Quill" not in found  # a caption under a photo, no prose
    assert "Petra" not in found  # a sentence about another show


def test_a_hedge_about_someone_else_leaves_the_cast_in_its_show() -> None:
    text = (
        "'Tidewater' recap: the storm\n\nTidewater keeps getting better.\n\nAfter the storm, Ada "
        "(Jo Rey) grows suspicious of Fen's new lodger Corin (Mae Holt), who she believes may be "
        "a smuggler. Ada and Corin argue on the quay; Corin leaves town.\n"
    )
    found = _appears_in(text)
    assert {("Ada", "Tidewater"), ("Corin", "Tidewater")} <= found


def test_a_review_headline_s_season_and_episodes_are_no_part_of_the_title() -> None:
    body = "\n\nMaren tells Teodor the truth. Later Teodor steals the keys, and Maren lies.\n"
    head = "Tidewater Season 1 Episode 3 & Episode 4 Review"
    assert _shows_of(head + body) == {"Tidewater"}


def test_a_name_listed_with_a_placed_character_is_in_the_show() -> None:
    # "Sun" and "Rachel Alpert" appear once, listed with characters the recap has placed; the
    # performer listed with a character in a caption is no character
    text = (
        "Harbor Nights recap: the long night\n\n"
        "Last night's Harbor Nights picked up where the premiere left off. Maren tells Teodor "
        "the truth, and Teodor refuses to listen. Later Teodor leads Maren, Sun, Rachel Alpert "
        "and the others across the island.\n\n"
        "Maren confronts Teodor at the pier.\n"
    )
    found = _appears_in(text)
    assert {("Sun", "Harbor Nights"), ("Rachel Alpert", "Harbor Nights")} <= found


def test_english_words_and_nationalities_are_no_characters() -> None:
    # capitals that open a clause or a title, in a recap of one show; a performer's role keeps
    # its word ("Thing")
    text = (
        "Harbor Nights recap: the long night\n\n"
        "Last night's Harbor Nights picked up where the premiere left off. Absence makes the "
        "heart grow fonder, and Maren tells Teodor the truth. Later Teodor refuses to listen.\n\n"
        "Maren confronts Teodor at the pier, where a Russian waits. Thing (Ivo Dane) crawls "
        "after them; Thing returns in Harbor Nights season 2.\n"
    )
    found = _appears_in(text)
    assert ("Maren", "Harbor Nights") in found
    assert not {s for s, _ in found if s in ("Absence", "Russian")}
    assert ("Thing", "Harbor Nights") in found


def test_a_word_no_census_lists_as_a_name_is_no_character() -> None:
    from showbible.news.characters import word_not_name

    for word in ("Absence", "Birthday", "Follow", "Third", "Russian", "European"):
        assert word_not_name(word), word
    # first names and surnames that are words too, and any name of two words
    for name in ("Hope", "Grace", "Castle", "Butcher", "Maren", "Hawkins High", "Tom Roe"):
        assert not word_not_name(name), name


def test_a_hedge_about_what_the_listed_do_does_not_unlist_them() -> None:
    # "it's still unclear whether Mike, Amy and Gary will be retained": an event is hedged,
    # not whether they are the show's people; "could appear in" hedges where they are seen
    text = (
        "Harbor Nights recap: the long night\n\n"
        "Last night's Harbor Nights picked up where the premiere left off. Maren tells Teodor "
        "the truth, and Teodor refuses to listen.\n\n"
        "At the end, it is still unclear whether Teodor, Ilse and Odile will be retained.\n\n"
        "Maren confronts Teodor at the pier.\n"
    )
    found = _appears_in(text)
    assert {("Ilse", "Harbor Nights"), ("Odile", "Harbor Nights")} <= found


def test_names_the_article_calls_characters() -> None:
    # "playing the legendary characters of A, B, C and D": whatever their shape, in the
    # article's one show; a performer listed so is none
    text = (
        "Harbor Nights season 3 is coming\n\n"
        "The third season of Harbor Nights finished filming in August and will reunite the "
        "returning actors, playing the legendary characters of Mara Voss, Pope, JJ, Kiara and "
        "Rafe.\n\n"
        "Harbor Nights season 3 premieres in February.\n"
    )
    found = _appears_in(text)
    # ("JJ" reads as an acronym, like "FBI": not yet told apart)
    assert {
        ("Pope", "Harbor Nights"),
        ("Kiara", "Harbor Nights"),
        ("Rafe", "Harbor Nights"),
    } <= found
