"""Classes found on the held12 split and fixed by the kind of name a slot holds across the whole
article (news/consistency.py), each in sentences of our own: a performer's credit in brackets
is a title, not a role; a title or a credited performer is not a character that appears."""

from __future__ import annotations

import pytest

from showbible.news import extract_text

FACTS = tuple[str, str, str]


def triples(text: str) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a cast list whose brackets are the performers' past works (lower-case words, a colon,
        # a leading "The"): no role, no appearance
        ("Harrowgate has found its cast. The rest of the cast includes Nia Okoro (Saltmarsh), "
         "Tom Reyes (The quiet hour), Ada Lind (Dock Nine: Last Call) and Ben Futa (Greyfield).",
         {("plays", "Nia Okoro", "Saltmarsh"), ("plays", "Ben Futa", "Greyfield"),
          ("appears_in", "Saltmarsh", "Harrowgate"),
          ("appears_in", "Ada Lind", "Dock Nine: Last Call")}),
        # a quoted title after a performer is a credit, even when the sentence gives the role
        ("'Harrowgate' will see Nia Okoro ('Saltmarsh') return, along with Tom Reyes "
         "('Greyfield').",
         {("appears_in", "Nia Okoro", "Saltmarsh"), ("appears_in", "Tom Reyes", "Greyfield")}),
    ],
)  # fmt: skip
def test_a_credit_is_not_a_role(text: str, absent: set[FACTS]) -> None:
    assert not triples(text) & absent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # brackets holding names: a cast list, read as before
        ("Harrowgate returns. The cast includes Della Marsh (Nia Okoro), Ivo Crane (Tom Reyes) "
         "and Rue Pell (Ada Lind).",
         {("plays", "Nia Okoro", "Della Marsh"), ("plays", "Tom Reyes", "Ivo Crane"),
          ("plays", "Ada Lind", "Rue Pell")}),
        # a character with its own show in brackets, visiting another: still a character
        ("1. Ivo Crane (Dock 12) on Harrowgate\n\nIn 1995, Harrowgate aired an episode which "
         "featured Ivo Crane from the animated series Dock 12.",
         {("appears_in", "Ivo Crane", "Dock 12")}),
    ],
)  # fmt: skip
def test_brackets_that_are_not_credits(text: str, expected: set[FACTS]) -> None:
    assert expected <= triples(text)


@pytest.mark.parametrize(
    "text",
    [
        # a headline in capitals: its words are no performer and no role
        "Harrowgate & Dock 12's Crossover Episodes Explained (Which Ones To Watch)\n\nThe "
        "crossover aired in 2015.",
        # a sentence adverb opening a sentence is no character
        "Harrowgate crossed over with Dock 12. Indeed, the makeup team on Dock 12 worked on both.",
    ],
)
def test_words_that_are_no_names(text: str) -> None:
    found = {(kind, s) for kind, s, _ in triples(text)}
    assert not {k for k in found if k[1].split()[0] in ("Which", "Ones", "Crossover", "Indeed")}


def test_a_short_role_is_not_a_performers_full_name() -> None:
    # "David" the son is not David Hyde Pierce the performer named just before
    found = triples(
        "Harrowgate is back. Old favourites, like Ivo (Tom Reyes Wade), Della (Nia Okoro), and "
        "their son Tom (Ben Futa), return to the series."
    )
    assert ("plays", "Ben Futa", "Tom") in found
    assert ("plays", "Tom Reyes Wade", "Ivo") in found
    assert not {f for f in found if f[0] == "plays" and f[2] == "Tom Reyes Wade"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words between the performers and "reprise", descriptions before the roles
        ("Tom Reyes and Ada Lind are also on board to reprise their roles as sportscaster Ivo "
         "Crane and food critic Della Marsh.",
         {("plays", "Tom Reyes", "Ivo Crane"), ("plays", "Ada Lind", "Della Marsh")}),
        # a credit, and where the role was played before, between the verb and the role
        ("'Salt Flats' will see Tom Reyes ('Greyfield') reprise his role from the 'Harrowgate' "
         "Season 7 finale as Mayor Ivo Crane.",
         {("plays", "Tom Reyes", "Ivo Crane")}),
    ],
)  # fmt: skip
def test_a_reprised_role_with_words_between(text: str, expected: set[FACTS]) -> None:
    assert expected <= triples(text)


def test_a_hoped_for_reprise_is_no_fact() -> None:
    found = triples("Tom Reyes said he would love to one day reprise his role as Ivo Crane.")
    assert ("plays", "Tom Reyes", "Ivo Crane") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the <title> revival" names a show, even one named after its hero; its cast is in it
        ("As the second season of the Harrowgate revival gears up, fans wait. Tom Reyes and Ada "
         "Lind are also on board to reprise their roles as Ivo Crane and Della Marsh.",
         {("appears_in", "Ivo Crane", "Harrowgate"), ("appears_in", "Della Marsh", "Harrowgate")}),
        # a pronoun later in a sentence that opens with a performer is that performer
        ("The Harrowgate reboot is near. Nia Okoro made a brief appearance in the season finale "
         "of the Harrowgate revival, now she returns as Della Marsh.",
         {("plays", "Nia Okoro", "Della Marsh")}),
        # "who played <show>'s dad <name>": the show's character, owned by the show
        ("The Harrowgate revival is near. Tom Reyes, who played Harrowgate's dad Ivo, is no "
         "longer with us.",
         {("plays", "Tom Reyes", "Ivo")}),
    ],
)  # fmt: skip
def test_a_show_named_after_its_hero(text: str, expected: set[FACTS]) -> None:
    assert expected <= triples(text)


def test_a_pronoun_after_another_name_is_not_the_opening_performer() -> None:
    found = triples(
        "Nia Okoro praised Tom Reyes on set, and now he returns as Ivo Crane in Harrowgate."
    )
    assert ("plays", "Nia Okoro", "Ivo Crane") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title with "by the" inside it, named by its network
        ("Peacock's Stand by the Harbor revival is here, with Della Marsh (Nia Okoro).",
         {("appears_in", "Della Marsh", "Stand by the Harbor")}),
        # a character named with initials: the full name, not a surname written alone; the
        # pairs of one list share their order; a space inside the brackets
        ("Harrowgate followed Ivo Crane ( Tom Reyes), Rue Pell (Ada Lind), J.D. Marsh (Nia "
         "Okoro) and Ben Lott (Sam Futa).",
         {("plays", "Tom Reyes", "Ivo Crane"), ("plays", "Nia Okoro", "J.D. Marsh"),
          ("plays", "Sam Futa", "Ben Lott")}),
    ],
)  # fmt: skip
def test_titles_and_pairs_of_every_shape(text: str, expected: set[FACTS]) -> None:
    assert expected <= triples(text)


def test_one_list_one_order() -> None:
    from showbible.news.pairing import list_votes

    # one doubtful vote against the rest of its list is outvoted; separate lists keep theirs
    assert list_votes([1, -1, -1, 0], [True, True, True, False]) == [-1, -1, -1, -1]
    assert list_votes([1, -1], [False, False]) == [1, -1]
    assert list_votes([1, 0, -1, -1], [True, False, True, False]) == [1, 1, -1, -1]


@pytest.mark.parametrize(
    ("name", "own"),
    [
        ("California Governor Zack Morris", "Zack Morris"),
        ("First Lady Kelly Kapowski", "Kelly Kapowski"),
        ("Mayor Bobby Golec", "Bobby Golec"),
        # one word of name left: the office is part of how the character is called
        ("Principal Toddman", "Principal Toddman"),
        # a rank is part of the name
        ("Detective Ada Quill", "Detective Ada Quill"),
        ("Lady Gaga", "Lady Gaga"),
    ],
)
def test_a_role_without_its_office(name: str, own: str) -> None:
    from showbible.news.names import unranked

    assert unranked(name) == own


def test_an_office_before_a_role_in_an_article() -> None:
    found = triples(
        "Late in the revival, California Governor Ivo Crane (Tom Reyes) and First Lady Rue "
        "Pell (Ada Lind) return to Harrowgate."
    )
    assert {("plays", "Tom Reyes", "Ivo Crane"), ("plays", "Ada Lind", "Rue Pell")} <= found


def test_a_known_title_beside_a_cast_pair() -> None:
    # a sentence naming "Character (Performer)" is about television: a known title in it is a
    # show (here from a list of titles given to the reader)
    from showbible.news.cleaning import read_article
    from showbible.news.entities import Knowledge
    from showbible.news.gazetteer import learn_known_titles
    from showbible.news.names import Lexicon

    text = (
        "When Salt Road Riders ended its ride with the death of Ivo Crane (Tom Reyes), fans wept."
    )
    article = read_article(enumerate(text.split("\n"), 1), "a.txt")
    kb = Knowledge(Lexicon.from_bible(None))
    assert learn_known_titles(kb, article, {"salt road riders": "Salt Road Riders"}) == 1
    plain = "When Salt Road Riders ended its ride, fans wept."
    article = read_article(enumerate(plain.split("\n"), 1), "a.txt")
    kb = Knowledge(Lexicon.from_bible(None))
    assert learn_known_titles(kb, article, {"salt road riders": "Salt Road Riders"}) == 0


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a capitalised word before a lower-case noun and a name modifies the noun: no role
        ("We will see the Riders' Oakland president Ivo Crane (Tom Reyes) on Harrowgate.",
         ("plays", "Riders", "Oakland")),
    ],
)  # fmt: skip
def test_a_modifier_is_no_role(text: str, absent: FACTS) -> None:
    found = triples(text)
    assert absent not in found and ("plays", "Tom Reyes", "Ivo Crane") in found


def test_a_cast_after_a_paragraph_about_a_side_show_is_a_guess() -> None:
    # the article is about Harrowgate (its headline, named most); the paragraph before the
    # cast names Dock 12, which the article names twice: which show the cast is in is a guess,
    # proposed only below every plain fact
    text = (
        "Harrowgate Returns With A Bang\n\nNBC's Harrowgate season 3 is back. NBC's Harrowgate "
        "rose.\n\nCBS's Dock 12 season 2 ended in May.\n\nThe team had help from CBS's Dock 12 "
        "last year, when the two teams met at a hotel downtown and chased a suspect for hours "
        "through the rain.\n\nAfter that, Ivo (Tom Reyes) and Rue (Ada Lind) enter an empty room."
    )
    plain = {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}
    hedged = {
        (f.kind, f.subject, f.object, f.qualifier)
        for f in extract_text(text, "a.txt", keep_hedged=True)
    }
    assert ("appears_in", "Ivo", "Dock 12") not in plain
    assert ("appears_in", "Ivo", "Dock 12", "hedged") in hedged
    assert ("plays", "Tom Reyes", "Ivo") in plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a showrunner given after a colon; one with credits before "will still serve as"
        ("Headline\n\nNBC's Harrowgate season 2 now has a second showrunner: Dana Ko. Hal "
         "Brennan ('Awake,' 'Mind Games') will still serve as co-showrunner.",
         {("showrunner", "Dana Ko", "Harrowgate"), ("showrunner", "Hal Brennan", "Harrowgate")}),
        # the subject after the verb
        ("Headline\n\nNBC's Harrowgate season 2 is near. Taking on the showrunner role is Dana "
         "Ko, who joined Harrowgate in season three.",
         {("showrunner", "Dana Ko", "Harrowgate")}),
        # a list of jobs ending with showrunner; a quoted title after the network
        ("Headline\n\nNBC's Harrowgate season 2 is near. Dana Ko was a creator, writer, director, "
         "and showrunner of the NBC series ‘Dock Nine.’ He also wrote for it.",
         {("showrunner", "Dana Ko", "Dock Nine")}),
        # several people taking on the title; duties taken on at another show
        ("Headline\n\nWhen Harrowgate season 5 premieres, it will feel different.\n\nAccording to "
         "a report, Dana Ko, Hal Brennan and Rue Vance are taking on the title of showrunners.",
         {("showrunner", "Dana Ko", "Harrowgate"), ("showrunner", "Rue Vance", "Harrowgate")}),
    ],
)  # fmt: skip
def test_showrunners_in_other_shapes(text: str, expected: set[FACTS]) -> None:
    assert expected <= triples(text)


def test_a_hoped_showrunner_is_no_fact() -> None:
    found = triples(
        "Headline\n\nNBC's Harrowgate season 2 is near. Dana Ko could be taking on the title of "
        "showrunner, if the network agrees."
    )
    assert ("showrunner", "Dana Ko", "Harrowgate") not in found


def test_the_one_show_of_the_lead_is_the_casts() -> None:
    # named once, alone in the first paragraph: the cast named with no show is in it; "show"
    # as a verb names no show
    text = (
        "A new trailer for Peacock's Harrowgate revival landed this week. It gives a look at the "
        "town where Ivo Crane (Tom Reyes) is the coach, Rue Pell (Ada Lind) is a mother and Max "
        "(Ben Futa) runs the diner. It doesn't show Mayor Della Marsh (Nia Okoro), but she will "
        "be back."
    )
    found = triples(text)
    assert {("appears_in", "Ivo Crane", "Harrowgate"), ("appears_in", "Max", "Harrowgate")} <= found
    assert not {f for f in found if f[0] == "appears_in" and f[2] == "Mayor Della Marsh"}


def test_two_shows_named_once_in_the_lead_place_no_cast() -> None:
    text = (
        "Peacock's Harrowgate returns this week, as does NBC's Dock 12. It gives a look at the "
        "town where Ivo Crane (Tom Reyes) is the coach, Rue Pell (Ada Lind) is a mother."
    )
    assert not {f for f in triples(text) if f[0] == "appears_in"}


def test_a_quoted_finale_title_is_an_episode() -> None:
    from showbible.news.cleaning import read_article
    from showbible.news.series import quoted_titles

    text = "Headline\n\nA reunion is promised for the season finale 'Salt Flats' on Harrowgate."
    shows, episodes = quoted_titles(read_article(enumerate(text.split("\n"), 1), "a.txt"))
    assert "salt flats" in episodes and "Salt Flats" not in shows
    text = "Headline\n\nThe reunion comes to 'Salt Flats' this fall."
    shows, episodes = quoted_titles(read_article(enumerate(text.split("\n"), 1), "a.txt"))
    assert "Salt Flats" in shows


def test_the_show_the_article_opens_on_is_not_replaced_by_the_most_named() -> None:
    # a list article: it opens on Dock 12; Harrowgate, named most below, is another entry's
    text = (
        "Headline\n\nThis week, the long-running drama Dock 12 airs its series finale. The "
        "moment will be the return of Tom Reyes reprising his role as Ivo Crane.\n\n"
        "1. Ada Lind on Harrowgate\n\nIn its early seasons, Harrowgate was defined by Rue's "
        "wit. Lind left Harrowgate midway. Harrowgate's finale brought her back."
    )
    found = triples(text)
    assert ("appears_in", "Ivo Crane", "Dock 12") in found
    assert ("appears_in", "Ivo Crane", "Harrowgate") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nHarrowgate season 2 is here. Fans were sad to know that Tom Reyes won’t be "
        "reprising his role as Ivo Crane in Harrowgate.",
        "Headline\n\nHarrowgate season 2 is here. Tom Reyes will not reprise his role as Ivo "
        "Crane in Harrowgate.",
    ],
)
def test_a_negated_appearance_is_no_fact(text: str) -> None:
    found = triples(text)
    assert ("appears_in", "Ivo Crane", "Harrowgate") not in found
    assert ("plays", "Tom Reyes", "Ivo Crane") in found  # the role he will not reprise is his


def test_not_the_only_one_is_an_appearance() -> None:
    found = triples(
        "Headline\n\nHarrowgate season 2 is here. Ivo Crane isn't the only Dock 12 character to "
        "make a grand return."
    )
    assert ("appears_in", "Ivo Crane", "Dock 12") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "as <a description>, Name": the role after the comma, ending its clause
        ("Headline\n\nHarrowgate season 2 adds Tom Reyes ('Dock 12') as the mayor's press "
         "secretary, Ivo Crane.",
         {("plays", "Tom Reyes", "Ivo Crane")}),
        ("Headline\n\nIt was known that Tom Reyes is reprising his role as the president of the "
         "Harbor Riders Oakland Charter, Ivo Crane.",
         {("plays", "Tom Reyes", "Ivo Crane")}),
        # "who plays <owner>'s <words>, X, ..."
        ("Headline\n\nTom Reyes, who plays Rue Pell's estranged husband, Ivo, wasn't able to "
         "watch Harrowgate growing up.",
         {("plays", "Tom Reyes", "Ivo")}),
        # "A (credit) as <owner>'s <words> X"
        ("Headline\n\nHarrowgate adds Ada Lind ('Dock 12') as Ivo's rather intense assistant Rue.",
         {("plays", "Ada Lind", "Rue")}),
    ],
)  # fmt: skip
def test_a_role_after_its_description(text: str, expected: set[FACTS]) -> None:
    assert expected <= triples(text)


def test_a_description_then_a_new_clause_is_no_role() -> None:
    found = triples("Headline\n\nTom Reyes served as the host of the gala, Ada Lind said later.")
    assert ("plays", "Tom Reyes", "Ada Lind") not in found


def test_a_show_before_a_performer_who_joins_another_is_a_credit() -> None:
    text = (
        "HARROWGATE: New Showrunners Tease Season 8\n\nHARROWGATE is undergoing changes when "
        "HARROWGATE returns. NBC's Dock Twelve ended.\n\nOn-screen, Dock Twelve's Tom Reyes has "
        "joined the ABC drama as Ivo Crane, a security specialist; meanwhile, Ada Lind (Rue) is "
        "off the show."
    )
    found = triples(text)
    assert ("plays", "Tom Reyes", "Ivo Crane") in found
    assert not {f for f in found if f[0] == "appears_in" and f[2].lower() == "dock twelve"}


def test_a_performer_who_was_a_character_on_a_show() -> None:
    text = (
        "Headline\n\nSeason three of NBC's Harrowgate will see more of the detective played by Tom "
        "Reyes, who was drug lord Ivo Crane on NBC's Dock 12."
    )
    found = triples(text)
    assert {("plays", "Tom Reyes", "Ivo Crane"), ("appears_in", "Ivo Crane", "Dock 12")} <= found
    assert ("appears_in", "Ivo Crane", "Harrowgate") not in found
    # a who-clause naming a person, no show: no role
    assert not {
        f
        for f in triples("Headline\n\nTom Reyes, who was Ada Lind's partner, spoke.")
        if f[0] == "plays"
    }


def test_names_written_with_initials_or_after_a_job() -> None:
    from showbible.news.trimming import trim_name as _trim

    assert _trim("D.J.") == (0, "D.J.")  # initials are a name, not a label in capitals
    assert _trim("RECAP") == (0, "")
    # a credit and a job glued before the name; a participle after the name ends it
    assert _trim("Salt Road Co-author Dana Ko")[1] == "Dana Ko"
    assert _trim("Nathan Fillion-starring")[1] == "Nathan Fillion"
    from showbible.news.names import keyof

    found = triples("Headline\n\nNBC's Harrowgate is here. D.J., played by Ada Lind, moves back.")
    assert ("plays", "Ada Lind", keyof("D.J.")) in {(k, s, keyof(o)) for k, s, o in found}


def test_a_past_plan_is_no_appearance() -> None:
    text = (
        "Headline\n\nAt one stage, it looked like Tom Reyes was going to show up on NBC's "
        "Harrowgate, but he declined."
    )
    assert not {f for f in triples(text) if f[0] == "appears_in"}
    text = "Headline\n\nIt looks like we will get to see Ivo Crane (Tom Reyes) on NBC's Harrowgate."
    assert ("appears_in", "Ivo Crane", "Harrowgate") in triples(text)
