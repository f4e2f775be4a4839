"""Classes of misses found on held15 and the other splits (eleventh session), each in
sentences of our own, in several voices, with the hard negatives beside them: names with an
abbreviation or a nickname inside ("Tariq St. Patrick", `James "Ghost" St. Patrick`), photo
captions that point at a person ("David Mazouz, right, has been cast as ..."), cast lists in the
layouts the press uses, showrunner phrasings, a crossover placing a character in both shows."""

from __future__ import annotations

import pytest

from showbible.news import extract_text

FACTS = tuple[str, str, str]


def triples(text: str) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}


# 1. Names with an abbreviation or a nickname inside.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Nina Vale was cast as Tariq St. Patrick in "Harbor Nights."',
         {("plays", "Nina Vale", "Tariq St. Patrick"),
          ("appears_in", "Tariq St. Patrick", "Harbor Nights")}),
        ('On "Harbor Nights," Omar Dunn plays James "Ghost" St. Patrick, a club owner.',
         {("plays", "Omar Dunn", "James Ghost St. Patrick")}),
        ("The finale left Eva St. Clair (Mina Park) alone on the pier.",
         {("plays", "Mina Park", "Eva St. Clair")}),
        ("Lia Reyes was cast as Caridad 'Carrie' Milgram, a lawyer, in Harbor Nights season 2.",
         {("plays", "Lia Reyes", "Caridad Carrie Milgram")}),
        ("Sam Hill plays Capt. Rosa Quill and Tom Reyes plays Det. Ivo Crane on Night Desk.",
         {("plays", "Sam Hill", "Capt. Rosa Quill"), ("plays", "Tom Reyes", "Det. Ivo Crane")}),
    ],
)  # fmt: skip
def test_names_with_abbreviations_and_nicknames_read_whole(text: str, expected: set[FACTS]) -> None:
    found = triples(text)
    assert expected <= found
    assert not {f for f in found if f[1].endswith(" St") or f[2].endswith(" St")}


def test_a_saint_s_place_is_no_name() -> None:
    found = triples(
        'Sam Hill, who grew up in St. Louis, plays Kate Vance on "Night Desk." In season two '
        "Kate Vance (Sam Hill) moves to St. Paul, and the crew follows her to St. Lucia."
    )
    assert ("plays", "Sam Hill", "Kate Vance") in found
    assert not {f for f in found if "St." in f[1] or "St." in f[2]}


def test_the_doctor_s_show_is_no_character() -> None:
    found = triples("Nia Okoro appeared on Dr. Phil last week to talk about Harrowgate.")
    assert not {f for f in found if f[0] == "plays" or f[1] == "Dr. Phil"}


# 1b. A photo caption's pointer between a name and its verb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Nia Okoro, right, has been cast as Della Marsh in "Harrowgate."',
         {("plays", "Nia Okoro", "Della Marsh"), ("appears_in", "Della Marsh", "Harrowgate")}),
        ('Tom Reyes (left) will play Ivo Crane on "Harrowgate."',
         {("plays", "Tom Reyes", "Ivo Crane")}),
        ('Meg Doe, second from left, stars as Ada Vance in "Harrowgate."',
         {("plays", "Meg Doe", "Ada Vance")}),
        # dm3's captions: a middle as well as a left and a right
        ('Nia Okoro (M) and Tom Reyes (R), who play Della Marsh and Ivo Crane on "Harrowgate."',
         {("plays", "Nia Okoro", "Della Marsh"), ("plays", "Tom Reyes", "Ivo Crane")}),
    ],
)  # fmt: skip
def test_a_caption_pointer_parts_no_name_from_its_verb(text: str, expected: set[FACTS]) -> None:
    found = triples(text)
    assert expected <= found
    assert not {f for f in found if f[2] in ("M", "R", "L")}


def test_right_and_left_as_words_stay() -> None:
    # "right after" is an adverb, not a pointer: the clause keeps its words
    found = triples(
        'Sam Hill stars as Kate Vance in "Night Desk." Kate Vance, right after the wedding, '
        "moves in with Ivo Crane (Tom Reyes)."
    )
    assert {("plays", "Sam Hill", "Kate Vance"), ("plays", "Tom Reyes", "Ivo Crane")} <= found


def test_two_clauses_of_plays_are_two_pairs() -> None:
    found = triples("Sam Hill plays Rosa Quill and Tom Reyes stars as Ivo Crane on Night Desk.")
    assert {("plays", "Sam Hill", "Rosa Quill"), ("plays", "Tom Reyes", "Ivo Crane")} <= found
    assert not {f for f in found if f[0] == "plays" and f[1] == "Rosa Quill"}
    # one performer, two roles: still both roles of one list
    found = triples("Sam Hill plays Rosa Quill and Ivo Crane, twins, on Night Desk.")
    assert not {f for f in found if f[0] == "plays" and f[1] != "Sam Hill"}


# 2. Cast lists in the layouts the press uses.
def test_a_cast_list_quoting_its_names_after_credit_brackets() -> None:
    found = triples(
        "Starz has released the full cast of “Harbor Nights.”\n\n"
        "Newcomers are Nia Okoro (“The Long Road: The Vera Story”) as “Della Marsh”; Tom Reyes "
        "(“Dockside”, “Salt Flats”) as “Ivo”, Meg Doe (“This is Them”, “Gold Coast”) as “Ada "
        "Vance Moreau”, “Ben Futa” (“Nightline”) as “Jo Rider” and Sam Hill (“Star”) as "
        "defender “Kate Vance”."
    )
    pairs = {("Nia Okoro", "Della Marsh"), ("Tom Reyes", "Ivo"), ("Meg Doe", "Ada Vance Moreau"),
             ("Ben Futa", "Jo Rider"), ("Sam Hill", "Kate Vance")}  # fmt: skip
    assert {("plays", p, c) for p, c in pairs} <= found
    assert {("appears_in", c, "Harbor Nights") for _, c in pairs} <= found
    credits = ("Dockside", "Salt Flats", "Gold Coast", "Nightline", "Star")
    assert not {f for f in found if f[2] in credits or f[1] in credits}
    assert not {f for f in found if f[0] == "appears_in" and f[2] == "Della Marsh"}


def test_a_quoted_name_after_known_as_is_still_a_title() -> None:
    found = triples(
        "The spinoff, known as “Dockside Nights,” was renewed. In Dockside Nights season 2, "
        "Nia Okoro returns as Della Marsh."
    )
    assert ("appears_in", "Della Marsh", "Dockside Nights") in found


def test_a_role_s_appositive_stands_between_it_and_its_show() -> None:
    found = triples(
        "Tom Reyes, left, has been cast as Ivo Crane, the Marsh family’s loyal butler, in "
        "“Harrowgate.” Above, he is shown with Meg Doe in the TV series “Dockside.” (CBS)\n\n"
        "Nia Okoro, right, has been cast as young Della Marsh, the orphan who eventually becomes "
        "Nightjar, in “Harrowgate.”"
    )
    assert {("plays", "Tom Reyes", "Ivo Crane"), ("appears_in", "Ivo Crane", "Harrowgate"),
            ("plays", "Nia Okoro", "Della Marsh"),
            ("appears_in", "Della Marsh", "Harrowgate")} <= found  # fmt: skip
    assert not {f for f in found if f[2] in ("Dockside", "Nightjar") or f[1] == "Marsh"}


# 3. Showrunner phrasings, and which show "the show" is.
def test_a_showrunner_leaving_another_as_the_sole_showrunner() -> None:
    found = triples(
        "Showrunner exits Harbor Nights: Dawn prequel on Max\n\n"
        "The Harbor Nights films were a hit. Harbor Nights made money, and Harbor Nights fans "
        "want more of Harbor Nights.\n\n"
        "Harbor Nights: Dawn follows the order's founders.\n\n"
        "The show just started filming, but co-creator Dana Ko has stepped down from the role "
        "of co-showrunner, leaving TV veteran Lou Marsh as the sole showrunner going forward."
    )
    runners = {f for f in found if f[0] == "showrunner"}
    assert runners == {("showrunner", "Dana Ko", "Harbor Nights: Dawn"),
                       ("showrunner", "Lou Marsh", "Harbor Nights: Dawn")}  # fmt: skip


def test_the_show_is_the_one_the_paragraph_before_opens_on() -> None:
    found = triples(
        "“Night Desk” ended this weekend, and “Night Desk” fans want more: “Night Desk” is "
        "done, and Starz has released the cast of “Night Desk: Dawn.”\n\n"
        "“Night Desk: Dawn” begins days after the end of “Night Desk”.\n\n"
        "The show’s creator, Ada Quill, will return as a showrunner, with Ben Roe again acting "
        "as executive producer."
    )
    assert {f for f in found if f[0] == "showrunner"} == {
        ("showrunner", "Ada Quill", "Night Desk: Dawn")
    }


def test_a_show_found_a_new_showrunner_in_someone() -> None:
    found = triples(
        "After months of turmoil, HBO’s “Night Desk” has found a new showrunner and executive "
        "producer in Petra Vance. Tom Reyes will return as a guest star, and the show has "
        "found a new lead in Meg Doe."
    )
    assert {f for f in found if f[0] == "showrunner"} == {
        ("showrunner", "Petra Vance", "Night Desk")
    }


# 4. A crossover: the character who crosses is placed in the other show.
CROSSOVER = (
    "Della Marsh & Ivo Crane Will Meet for the ‘WTLH’-‘Dockside’ Crossover\n\n"
    "Della Marsh (Nia Okoro) and Ivo Crane (Tom Reyes) will finally meet during a special "
    "crossover event, according to reports.\n\n"
    "The crossover between Ways to Leave Harbor and Dockside was announced this month.\n\n"
)


def test_a_character_heads_over_to_the_other_show_past_a_dash_aside() -> None:
    found = triples(
        CROSSOVER + "In the crossover, after attorney Della appears on Dockside, Ivo — Ada "
        "Vance’s (Meg Doe) right-hand man — will head over to star in Ways to Leave "
        "Harbor."
    )
    assert {("appears_in", "Della Marsh", "Dockside"),
            ("appears_in", "Ivo Crane", "WTLH")} <= found  # fmt: skip
    assert ("appears_in", "Ivo Crane", "Dockside") not in found


def test_a_dash_aside_does_not_undo_a_negation() -> None:
    found = triples(
        CROSSOVER + "Ivo — Ada Vance’s (Meg Doe) right-hand man — won't head over to Dockside."
    )
    assert ("appears_in", "Ivo Crane", "Dockside") not in found


def test_an_acronym_spelled_out_is_the_same_show() -> None:
    found = triples(
        "Dockside and WTLH Crossover: Della and Ivo Go to Court\n\n"
        "Della Marsh (Nia Okoro) and Ivo Crane (Tom Reyes) fought tonight on the Dockside and "
        "Ways to Leave Harbor crossover.\n\n"
        "In the Ways to Leave Harbor hour, Della got to argue a case in court. Right "
        "before she argued, she got a call that Kit Ames (Ben Futa) had collapsed."
    )
    assert {("appears_in", "Della Marsh", "WTLH"), ("appears_in", "Kit Ames", "WTLH")} <= found
    assert ("appears_in", "Kit Ames", "Dockside") not in found


def test_not_as_one_part_but_as_another() -> None:
    found = triples(
        "Part 2 of Harbor Nights ends with the arrival of Tom Reyes and Meg Doe — not as Jay "
        "and Silent Bob, but as Bunch and Sonny, who drive their car through the diner."
    )
    assert {("plays", "Tom Reyes", "Bunch"), ("plays", "Meg Doe", "Sonny")} <= found
    assert not {f for f in found if f[2] in ("Jay", "Silent Bob")}
    found = triples("Tom Reyes is back on Harbor Nights, not as Ivo Crane but as a director.")
    assert not {f for f in found if f[0] == "plays"}


def test_a_performer_s_titular_hero_is_the_show_s_namesake() -> None:
    found = triples(
        "Following the success of the Dockside film, the second season of Harbor Nights takes "
        "center stage as it brings back Tom Reyes' titular anti-hero for another adventure."
    )
    assert ("plays", "Tom Reyes", "Harbor Nights") in found
    assert not {f for f in found if f[0] == "appears_in" and f[1] == f[2]}
    found = triples(
        "The third season of Harbor Nights saw Tom Reyes' title fight with the network, and "
        "Meg Doe's titular role in a stage play."
    )
    assert not {f for f in found if f[0] == "plays"}


def test_a_character_of_a_show_with_its_performer_in_brackets() -> None:
    found = triples(
        "In the crossover, “Night Ferry’s” Ada (Meg Doe) is prompted to summon Remy of "
        "“Harbor Lights: Dawn” (Tom Reyes) for help."
    )
    assert {("plays", "Tom Reyes", "Remy"),
            ("appears_in", "Remy", "Harbor Lights: Dawn")} <= found  # fmt: skip
    assert ("appears_in", "Remy", "Night Ferry") not in found
    # a nickname in quotes before a performer stays a nickname
    found = triples('On Night Ferry, "Hot Ivo" (Tom Reyes) steals the show.')
    assert not {f for f in found if "Hot Ivo" in (f[1], f[2]) and f[0] == "appears_in"}


def test_a_list_item_back_as_a_role() -> None:
    found = triples(
        "Nia Okoro joins the previously announced Meg Doe, reprising her role as Ada Vance, and "
        "Tom Reyes, back as Ivo Crane, on Night Ferry season 4."
    )
    assert {("plays", "Meg Doe", "Ada Vance"), ("plays", "Tom Reyes", "Ivo Crane")} <= found
    found = triples(
        "Night Ferry season 4 opens with Della Marsh (Nia Okoro). In the finale, Della Marsh, "
        "back as Queen Mab, fools everyone; Tom Reyes, back as host, fools no one."
    )
    assert not {f for f in found if f[0] == "plays" and f[2] in ("Queen Mab", "host")}


def test_a_show_opening_its_sentence_as_the_subject_of_a_casting_verb() -> None:
    found = triples(
        "‘Harrowgate’ will see Tom Reyes (‘Dockside’) reprise his role from the ‘Salt Flats’ "
        "season 7 finale as Ivo Crane, along with Meg Doe (‘Gold Coast’) who played Ada Vance, "
        "a cop who is the mayor’s driver."
    )
    assert {("appears_in", "Ada Vance", "Harrowgate"),
            ("appears_in", "Ivo Crane", "Salt Flats")} <= found  # fmt: skip
    assert ("appears_in", "Ada Vance", "Salt Flats") not in found
    found = triples(
        "‘Harrowgate’ sees its ratings fall while ‘Salt Flats’ adds Meg Doe as Ada Vance, a cop."
    )
    assert ("appears_in", "Ada Vance", "Harrowgate") not in found


def test_a_cast_list_of_role_colon_performer_lines() -> None:
    found = triples(
        "Harbor Nights season 2 cast: who plays whom\n\n"
        "Here is the full cast of Harbor Nights season 2.\n\n"
        "Della Marsh: Nia Okoro\n\nIvo Crane: Tom Reyes\n\nBen Futa | Kit Ames\n\n"
        "Posted By: Meg Doe\n\nStarring: Sam Hill\n\nCast: Lou Marsh"
    )
    assert {("plays", "Nia Okoro", "Della Marsh"), ("plays", "Tom Reyes", "Ivo Crane"),
            ("plays", "Ben Futa", "Kit Ames"),
            ("appears_in", "Della Marsh", "Harbor Nights")} <= found  # fmt: skip
    labelled = ("Meg Doe", "Sam Hill", "Lou Marsh")
    assert not {f for f in found if f[0] == "plays" and f[1] in labelled}
    assert not {f for f in found if f[0] == "plays" and f[2] in ("Posted By", "Starring", "Cast")}


def test_a_cast_list_of_performer_dash_role_lines() -> None:
    # "Colin Farrell - Oswald Cobb": a hyphen between spaces is a dash, performer first
    found = triples(
        "Who is in the main cast for Harbor Nights?\n\nMain cast\n\n"
        "Nia Okoro - Della Marsh\n\nTom Reyes - Ivo Crane\n\nBen Futa - Kit Ames"
    )
    assert {("plays", "Nia Okoro", "Della Marsh"), ("plays", "Tom Reyes", "Ivo Crane")} <= found
    # a hyphen inside a name is no dash
    assert not {f for f in found if f[0] == "plays" and "-" in f[1] + f[2]}


def test_a_single_line_laid_out_as_a_pair_is_no_cast_list() -> None:
    # A page's metadata or a headline: one line alone, not a list (held18's "Type: Spin Off").
    found = triples(
        "Harbor Nights (1976-1983)\nType: Spin Off\n\nHarbor Nights was the first spin-off of "
        "Night Desk, and the most successful.\n\nHarbor Nights – Volunteers\n\nThe episode "
        "opens at the pier."
    )
    assert not {f for f in found if f[0] == "plays"}


def test_a_paragraph_about_one_of_several_shows_places_its_cast() -> None:
    found = triples(
        "“Harbor Nights” is coming to Max, and the “Dockside” films are back.\n\n"
        "Set some 1,000 years before “Dockside,” “Harbor Nights” is all about the order. "
        "Nia Okoro and Tom Reyes will be respectively playing Della and Ivo Marsh, early members "
        "of the order."
    )
    assert {("appears_in", "Della", "Harbor Nights"),
            ("appears_in", "Ivo Marsh", "Harbor Nights")} <= found  # fmt: skip
    assert not {f for f in found if f[0] == "appears_in" and f[2] == "Dockside"}
    # no show the subject of the paragraph's verb: whose cast it is is not said
    found = triples(
        "Harbor Nights: Dawn is coming to Max.\n\n"
        "Fans of Harbor Nights and of Dockside will know the order. Nia Okoro and Tom Reyes will "
        "be respectively playing Della and Ivo Marsh, early members of the order."
    )
    assert not {f for f in found if f[0] == "appears_in" and f[1] in ("Della", "Ivo Marsh")}


def test_a_photo_credit_names_its_performer_in_capitals() -> None:
    found = triples(
        "NIA OKORO as Della Marsh in Warner Bros. Pictures’ action drama “HARBOR,” a Warner "
        "Bros. Pictures release. Courtesy of Warner Bros. Pictures\n\n"
        "BREAKING NEWS as Della Marsh returns to “Harbor.”"
    )
    assert ("plays", "NIA OKORO", "Della Marsh") in found
    assert not {f for f in found if f[0] == "plays" and f[1] != "NIA OKORO"}


KIN = (
    "“Harbor Lights” wrapped last year after six seasons on Starz, and “Harbor Lights” fans "
    "got more: hence the greenlight for sequel “Harbor Lights: Dawn” as soon as “Harbor "
    "Lights” went off air.\n\n"
)


def test_a_sentence_about_the_sequel_or_the_original_series() -> None:
    found = triples(
        KIN + "The original series ended with Della Marsh (Nia Okoro) leaving town.\n\n"
        "The sequel, a darker show, gave Ivo his own story as it saw him work for Ada Vance "
        "(Meg Doe)."
    )
    assert {("appears_in", "Ada Vance", "Harbor Lights: Dawn"),
            ("appears_in", "Della Marsh", "Harbor Lights")} <= found  # fmt: skip
    assert ("appears_in", "Ada Vance", "Harbor Lights") not in found


def test_a_sequel_the_article_names_twice_over_is_no_one_show() -> None:
    found = triples(
        KIN + "A second sequel “Dockside” was ordered too, after “Harbor Lights: Dawn” and "
        "“Harbor Lights” did well.\n\n"
        "The sequel, a darker show, saw Ivo work for Ada Vance (Meg Doe)."
    )
    assert not {f for f in found if f[0] == "appears_in" and f[1] == "Ada Vance"}


def test_showrunners_who_step_aside_while_others_take_over() -> None:
    found = triples(
        "Night Desk season 4 will have new bosses. According to a report, Lou Marsh, Dana Ko "
        "and Petra Vance are taking on the title of showrunners on Night Desk while Ada Quill "
        "and Ben Roe step aside to develop new projects."
    )
    runners = {f for f in found if f[0] == "showrunner"}
    assert {("showrunner", "Ada Quill", "Night Desk"), ("showrunner", "Ben Roe", "Night Desk"),
            ("showrunner", "Lou Marsh", "Night Desk")} <= runners  # fmt: skip
    found = triples(
        "Night Desk showrunner Petra Vance spoke to the press while Tom Reyes, who plays Ivo "
        "Crane, stepped back from the microphone."
    )
    assert {f for f in found if f[0] == "showrunner"} == {
        ("showrunner", "Petra Vance", "Night Desk")
    }


def test_someone_tapped_to_take_over_a_show() -> None:
    found = triples(
        "Ada Quill is leaving Night Desk season 5. As a replacement, veteran producer Petra "
        "Vance has been tapped to take over Night Desk, which is in the middle of a pickup."
    )
    assert ("showrunner", "Petra Vance", "Night Desk") in found
    found = triples(
        "Night Desk season 5 is coming. Meg Doe has been tapped to take over Night Desk's lead "
        "role, and Tom Reyes was hired to take over Ivo Crane."
    )
    assert not {f for f in found if f[0] == "showrunner"}


def test_a_character_back_in_a_spin_off_was_in_its_original() -> None:
    found = triples(
        "“Night Ferry: Dawn”, the spin-off of “Night Ferry”, premieres in May.\n\n"
        "Nia Okoro will reprise her role as Della Marsh in “Night Ferry: Dawn,” and newcomer "
        "Meg Doe will play Ada Vance in “Night Ferry: Dawn.”"
    )
    assert {("appears_in", "Della Marsh", "Night Ferry: Dawn"),
            ("appears_in", "Della Marsh", "Night Ferry")} <= found  # fmt: skip
    assert ("appears_in", "Ada Vance", "Night Ferry") not in found


def test_a_title_quoted_in_a_title_case_headline_is_a_show() -> None:
    # Every word of a headline is capitalised: the words around a quote there are no name.
    found = triples(
        "Nina Vale's Queen and the Court Appear in New ‘Harbor Nights’ Imagery\n\n"
        "The new season will see another cast switch. Nina Vale plays Mara Voss, and Tom "
        "Reyes is the new Ivo Crane in the streamer's series."
    )
    assert ("appears_in", "Mara Voss", "Harbor Nights") in found
    # in the body, a quote between two capitalised words is still a nickname
    found = triples('Della "DJ" Marsh (Nia Okoro) returns to Harbor Nights season 2.')
    assert not {f for f in found if f[2] == "DJ"}
