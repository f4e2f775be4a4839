"""Classes found on held14 (and the misses left on held10-held13), fixed by structure, in
sentences of our own; every positive case fails on the reader before the tenth session, and hard
negatives stand beside them."""

from __future__ import annotations

from showbible.news import extract_text

FACTS = tuple[str, str, str]


def triples(text: str) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}


def kinds(found: set[FACTS], kind: str) -> set[FACTS]:
    return {f for f in found if f[0] == kind}


# -- credits in brackets before the performer's role ------------------------------------------


def test_a_bracket_before_a_role_verb_is_a_credit() -> None:
    found = triples(
        "Harbour Lights is back for a prequel. Ada Lind (Wolfsbane) will portray Nell Carrow. "
        "Tom Reyes (The Glass Road) and Ben Futa (Summer: Part Two) will tackle the roles of "
        "Pip and Jo."
    )
    assert not {f for f in found if f[2] in ("Wolfsbane", "The Glass Road", "Summer: Part Two")}
    assert not {f for f in found if f[1] in ("Wolfsbane", "The Glass Road", "Summer: Part Two")}


def test_a_star_list_with_few_brackets_holds_credits() -> None:
    found = triples(
        "Harbour Lights returns to ABC. The show stars Ada Lind as Nell Carrow. Kai Dunn will "
        "guest star as Dr. Pip Cox. The original "
        "series starred Ada Lind (Bullets Over Brixton), Tom Reyes, Ben Futa, Nia Okoro and Kai "
        "Dunn (Glen Ross Road), and more."
    )
    assert ("plays", "Ada Lind", "Nell Carrow") in found
    assert not {f for f in found if "Bullets" in f[2] or "Glen Ross" in f[2]}
    assert not {f for f in found if "Bullets" in f[1] or "Glen Ross" in f[1]}


def test_a_cast_list_bracketing_every_name_is_no_list_of_credits() -> None:
    # hard negative: every name bracketed is a cast of characters
    found = triples(
        "Harbour Lights returns to ABC. The series stars Ada Lind (Nell Carrow), Tom Reyes (Pip "
        "Carrow), and Ben Futa (Jo Marsh)."
    )
    assert {("plays", "Ada Lind", "Nell Carrow"), ("plays", "Ben Futa", "Jo Marsh")} <= found


# -- a pair said without a list is placed where its show is plain ----------------------------


def test_a_possessive_pair_is_in_the_one_show_of_its_sentence() -> None:
    # "The Grey's Anatomy episode is also the first since Justin Chambers' Alex Karev left"
    found = triples(
        "“Night Ferry” and “Harbour Lights” share a network. “Harbour Lights” fans wait for "
        "spring.\n"
        "The “Night Ferry” premiere is also the first since Ada Lind's Nell Carrow left the "
        "harbour for good."
    )
    assert ("appears_in", "Nell Carrow", "Night Ferry") in found
    assert ("appears_in", "Nell Carrow", "Harbour Lights") not in found


def test_a_possessive_pair_on_the_one_show_after_it() -> None:
    # "for playing the mother of Susan Kelechi Watson's Beth on NBC's This Is Us"
    found = triples(
        "Mara Penn joins “Harbour Lights” as a judge. She is best known for “Salt Road.”\n"
        "She also earned a nomination for playing the mother of Ada Lind's Nell Carrow on NBC's "
        "“Night Ferry.”"
    )
    assert ("appears_in", "Nell Carrow", "Night Ferry") in found


def test_a_possessive_pair_in_a_crossover_is_not_placed() -> None:
    # hard negative: the sentence names no show and the article two, both often
    found = triples(
        "“Night Ferry” and “Harbour Lights” cross over this week. “Night Ferry” fans and "
        "“Harbour Lights” fans have waited for it.\n"
        "Fans will meet Ada Lind's Nell Carrow, a harbour pilot with a past."
    )
    assert ("plays", "Ada Lind", "Nell Carrow") in found
    assert not {f for f in kinds(found, "appears_in") if f[1] == "Nell Carrow"}


def test_a_possessive_pair_beside_two_shows_is_not_placed() -> None:
    # hard negative: two shows in the sentence, the pair's is not plain
    found = triples(
        "“Night Ferry” and “Harbour Lights” share a network. “Harbour Lights” fans wait for "
        "spring.\n"
        "Fans of “Night Ferry” and “Harbour Lights” both loved Ada Lind's Nell Carrow."
    )
    assert ("plays", "Ada Lind", "Nell Carrow") in found
    assert not {f for f in kinds(found, "appears_in") if f[1] == "Nell Carrow"}


# -- lists of roles said with a verb, and the words around them --------------------------------


def test_three_performers_reprise_their_adjective_roles_respectively() -> None:
    found = triples(
        "“Harbour Lights” gets a prequel. The prequel will allow Ada Lind, Tom Reyes and Nia "
        "Okoro to reprise their beloved roles as Queen Mara, Lord Pip Carrow and Jo Marsh, "
        "respectively."
    )
    assert {("plays", "Ada Lind", "Queen Mara"), ("plays", "Tom Reyes", "Lord Pip Carrow"),
            ("plays", "Nia Okoro", "Jo Marsh")} <= found  # fmt: skip


def test_guest_stars_as_roles_respectively() -> None:
    found = triples(
        "“Harbour Lights” returns on ABC. Original cast Ada Lind and Tom Reyes will guest star "
        "as Carla and Dr. Pip Carrow, respectively."
    )
    assert {("plays", "Ada Lind", "Carla"), ("plays", "Tom Reyes", "Dr. Pip Carrow")} <= found
    assert not {f for f in found if f[2] == "Original" or f[1] == "Original"}


def test_nobility_stays_with_the_name_and_an_office_does_not() -> None:
    found = triples(
        "“Harbour Lights” returns. Lady Agatha Marsh (Ada Lind) meets First Lady Jo Carrow "
        "(Nia Okoro) at the harbour."
    )
    assert {
        ("plays", "Ada Lind", "Lady Agatha Marsh"),
        ("plays", "Nia Okoro", "Jo Carrow"),
    } <= found


def test_a_streamer_before_series_is_no_show() -> None:
    found = triples(
        "Two henchmen are confirmed for “Harbour Lights” season 2. In a featurette for the HBO "
        "Max series, Otis (Tom Reyes) and Sydney (Ben Futa) can be seen alongside the captain."
    )
    assert not {f for f in found if f[2] == "HBO Max"}


def test_a_verb_without_roles_pairs_nothing() -> None:
    # hard negative: no role noun after the adjectives
    found = triples(
        "“Harbour Lights” returns. Ada Lind and Tom Reyes will reprise their famous rivalry as "
        "Carla and Pip fans cheer."
    )
    assert not kinds(found, "plays")


def test_a_title_opening_with_original_is_still_a_show() -> None:
    # hard negative: "Original" opens no name, but a quoted title keeps it
    found = triples("“Original Harbour” returns on ABC. Nell Carrow (Ada Lind) is back.")
    assert ("appears_in", "Nell Carrow", "Original Harbour") in found


# -- credits and roles in one sentence ---------------------------------------------------------


def test_a_one_word_credit_before_will_portray() -> None:
    found = triples(
        "The prequel is “Harbour Lights: Low Tide.” Ada Lind (Wolfsbane) will portray Pip's "
        "mother Nell Carrow opposite Tom Reyes (Glass Road) as Pip's father, Jo Carrow."
    )
    assert {("plays", "Ada Lind", "Nell Carrow"), ("plays", "Tom Reyes", "Jo Carrow")} <= found
    assert not {f for f in found if "Wolfsbane" in f[1:] or "Glass Road" in f[1:]}


def test_performers_tackle_the_roles_of_in_order() -> None:
    found = triples(
        "The prequel is “Harbour Lights: Low Tide.” Ada Lind (The Road Home) and Tom Reyes "
        "(Summer Rain! Here We Go) will tackle the roles of Nell Carrow and Jo Carrow."
    )
    assert {("plays", "Ada Lind", "Nell Carrow"), ("plays", "Tom Reyes", "Jo Carrow")} <= found
    assert ("plays", "Ada Lind", "Jo Carrow") not in found


def test_a_first_name_in_a_pair_is_not_a_performer_named_later() -> None:
    # "Jamie (Sam Heughan)" and later "Jamie Roy (Condor's Nest) as Jamie's father": Jamie is
    # the role, Jamie Roy a performer
    found = triples(
        "“Harbour Lights: Low Tide” follows the parents of Pip (Ben Futa) and Jo (Nia Okoro).\n"
        "Ada Lind (Wolfsbane) will portray Pip's mother Nell Carrow opposite Pip Dunn (Glass "
        "Road) as Pip's father, Tom Carrow."
    )
    assert ("plays", "Ben Futa", "Pip") in found
    assert ("plays", "Ben Futa", "Pip Dunn") not in found


def test_an_aka_bracket_is_no_performer() -> None:
    # hard negative: "(a.k.a. The Trinity Killer)" names the same character
    found = triples(
        "“Harbour Lights” returns. Reyes played Arthur Marsh (a.k.a. The Tide Killer) on the "
        "original series, which premiered in 2006."
    )
    assert not {f for f in kinds(found, "plays") if "Killer" in f[1]}


# -- who is the performer: evidence by surname, "aka", "'s return as" ---------------------------


def test_a_surname_lends_its_evidence_to_the_full_name() -> None:
    # "Parker, Cynthia Nixon (Miranda Hobbes), and Kristin Davis (Charlotte York)" then
    # "co-star Davis": Davis is the performer
    found = triples(
        "The cast of “Harbour Lights” spoke to Variety. Speaking to Variety, Tom Reyes (Pip "
        "Marsh), and Nia Okoro (Jo Carrow), discussed the return.\n"
        "Meanwhile, co-star Okoro, who also produces “Harbour Lights,” said it was right. "
        "Reyes told Variety that it was a bummer."
    )
    assert {("plays", "Tom Reyes", "Pip Marsh"), ("plays", "Nia Okoro", "Jo Carrow")} <= found


def test_a_performer_aka_a_character_plays_it() -> None:
    found = triples(
        "Many fans had given up hope due to the feud between the actor and her former co-star, "
        "Nia Okoro (aka Jo Carrow), on “Harbour Lights.”"
    )
    assert ("plays", "Nia Okoro", "Jo Carrow") in found


def test_a_character_aka_a_name_is_no_pair() -> None:
    # hard negative: two names of one character
    found = triples("“Harbour Lights” returns. Jo Carrow (aka The Tide) is back in town.")
    assert not kinds(found, "plays")


def test_a_performers_return_as_a_role_in_may() -> None:
    # "Back in May": the month, no hedge
    found = triples(
        "Back in May, Ada Lind’s return to the “Harbour Lights” universe as Nell Carrow was "
        "confirmed to be happening in the form of a “Night Ferry” Season 2 cameo."
    )
    assert ("plays", "Ada Lind", "Nell Carrow") in found
    assert ("appears_in", "Nell Carrow", "Night Ferry") in found


def test_may_as_a_modal_still_hedges() -> None:
    # hard negative
    found = triples("“Night Ferry” is back. Ada Lind may return as Nell Carrow, say fans.")
    assert ("appears_in", "Nell Carrow", "Night Ferry") not in found


# -- shows, headlines, promo boxes and showrunners at a sentence's start ------------------------


def test_a_decade_title_with_a_curly_apostrophe_is_a_show() -> None:
    found = triples(
        "That ’30s Show EP Talks the Crash — Plus, What’s Ahead in Part 3\n\n"
        "Leia Marsh and her friends have a mess to clean up before That ’30s Show returns.\n\n"
        "Ahead of That ’30s Show Part 3, TVLine hopped on Zoom with showrunner Ada Lind."
    )
    assert ("showrunner", "Ada Lind", "That '30s Show") in found


def test_a_headline_possessive_names_no_role_the_text_never_names() -> None:
    found = triples(
        "Night Ferry EP Talks Jay and Silent Bob’s Crash Landing — Plus, What’s Ahead in "
        "Part 3\n\nNight Ferry EP Talks Jay and Silent Bob’s Crash Landing — Plus, What’s "
        "Ahead in Part 3\n\n"
        "Part 2 of “Night Ferry” ends with the arrival of Tom Reyes and Ben Futa — not as Jay "
        "and Silent Bob, but as Bunch and Sonny."
    )
    assert not {f for f in found if "Crash Landing" in f[1:]}


def test_more_from_an_outlet_amid_the_article_is_a_promo_box() -> None:
    prose = (
        "Ahead of “Night Ferry” Part 3, TVLine hopped on Zoom with showrunner Ada Lind to talk "
        "all things Part 2 and what (and who) viewers can expect to see when the show returns."
    )
    found = triples("“Night Ferry” returns this fall.\n\nMore from TVLine\n\n\n" + prose)
    assert ("showrunner", "Ada Lind", "Night Ferry") in found


def test_more_from_an_outlet_before_a_list_of_links_ends_the_article() -> None:
    # hard negative: a trailer followed by short link titles
    found = triples(
        "“Night Ferry” returns this fall.\n\nMore from TVLine\n\n"
        "Harbour Lights showrunner Ada Lind Leaves\n\nNia Okoro (Jo Carrow) Talks Finale"
    )
    assert not kinds(found, "showrunner") and not kinds(found, "plays")


def test_showrunners_capitalised_at_a_sentence_start() -> None:
    found = triples(
        "The second season of “Night Ferry” opens with a bang. Showrunners Ada Lind and Tom "
        "Reyes, together with Ben Futa, spoke to Variety about the season."
    )
    assert {("showrunner", "Ada Lind", "Night Ferry"),
            ("showrunner", "Tom Reyes", "Night Ferry")} <= found  # fmt: skip
    assert ("showrunner", "Ben Futa", "Night Ferry") not in found


# -- a crossover's guests: named in brackets, by role and actor, possessive before an aside -----


def test_names_in_brackets_after_a_plural_subject_appear() -> None:
    found = triples(
        "“Night Ferry” Season 2 is coming. Footage confirmed that two of the mayor's henchmen "
        "(Otis and Sydney) will appear in some capacity in “Night Ferry” Season 2."
    )
    assert {("appears_in", "Otis", "Night Ferry"), ("appears_in", "Sydney", "Night Ferry")} <= found


def test_an_adverbial_phrase_before_the_show_is_no_show() -> None:
    # hard negative: "in some capacity" is crossed, a place is not
    found = triples(
        "“Night Ferry” Season 2 is coming. Otis and Sydney will appear in some capacity in "
        "Lisbon, says the “Night Ferry” team."
    )
    assert not kinds(found, "appears_in")


def test_a_role_named_before_actor_and_the_performer() -> None:
    found = triples(
        "“Night Ferry” is back. Pip Carrow Sr. actor Tom Reyes said they can't say anything "
        "about more cameos."
    )
    assert ("plays", "Tom Reyes", "Pip Carrow Sr") in found


def test_a_performer_actor_performer_is_no_pair() -> None:
    # hard negative: "Ada Lind actor Tom Reyes" names two performers
    found = triples(
        "“Night Ferry” is back. Ada Lind stars as Nell Carrow. Later, Ada Lind actor Tom Reyes "
        "joined her on stage."
    )
    assert ("plays", "Tom Reyes", "Ada Lind") not in found


def test_a_possessive_pair_before_a_lower_case_aside() -> None:
    found = triples(
        "“Night Ferry” Season 2, Episode 1 gave fans a glimpse, bringing in Tom Reyes's Pip "
        "Marsh and Nia Okoro's Hawkgirl (two members of the Justice Gang) into the fold."
    )
    assert {("plays", "Nia Okoro", "Hawkgirl"), ("appears_in", "Hawkgirl", "Night Ferry")} <= found


def test_an_appositive_between_performer_and_role_verb() -> None:
    found = triples(
        "“Night Ferry” returns on ABC. Tom Reyes, the longest-running performer to play the "
        "iconic role of the Genie in Aladdin on Broadway, will also star as Nurse Pip Dubois."
    )
    assert ("plays", "Tom Reyes", "Nurse Pip Dubois") in found


def test_an_appositive_then_no_role_pairs_nothing() -> None:
    # hard negative: the appositive's verb has no role after it
    found = triples(
        "“Night Ferry” returns on ABC. Tom Reyes, the show's creator and a former actor, will "
        "star in a film about the harbour."
    )
    assert not kinds(found, "plays")


def test_a_role_with_and_without_its_rank_is_one_fact() -> None:
    found = triples(
        "“Night Ferry” returns. Tom Reyes guest-starred as Dr. Pip Marsh in the finale. Tom "
        "Reyes plays Pip Marsh with a limp."
    )
    assert {f for f in kinds(found, "plays") if f[1] == "Tom Reyes"} == {
        ("plays", "Tom Reyes", "Dr. Pip Marsh")
    }


def test_a_star_list_with_one_role_in_brackets_keeps_it() -> None:
    # hard negative: the bracketed name has no other role, so its bracket is a role
    found = triples(
        "“Night Ferry” returns to ABC. The series stars Ada Lind (Nell Carrow), Tom Reyes, Ben "
        "Futa and Nia Okoro."
    )
    assert ("plays", "Ada Lind", "Nell Carrow") in found


def test_a_pair_before_a_verb_without_a_role_stays_a_pair() -> None:
    # hard negative: "will play a key role" names no role, so the bracket is no credit
    found = triples("“Night Ferry” returns. Nell Carrow (Ada Lind) will play a key role in it.")
    assert ("plays", "Ada Lind", "Nell Carrow") in found


def test_more_from_an_outlet_before_another_storys_teaser_ends_the_article() -> None:
    # hard negative: prose after the box, about nothing the article named
    teaser = (
        "Tom Reyes has joined “Harbour Lights” as Pip Marsh, a new series regular in a role "
        "that will shake up the station when the long-running drama returns this winter with "
        "new episodes and more surprises for its loyal fans."
    )
    found = triples(
        "“Night Ferry” returns this fall with Ada Lind.\n\nMore from TVLine\n\n" + teaser
    )
    assert not {f for f in found if "Pip Marsh" in f[1:]}


def test_made_her_reappearance_as_a_role() -> None:
    # held12's "Peri Gilpin made her triumphant reappearance as Roz in the season finale"
    found = triples(
        "“Night Ferry” is back. Ada Lind made her triumphant reappearance as Nell in the season "
        "finale."
    )
    assert {("plays", "Ada Lind", "Nell"), ("appears_in", "Nell", "Night Ferry")} <= found


def test_made_his_name_as_no_role() -> None:
    # hard negative: no name after "as"
    found = triples("“Night Ferry” is back. Tom Reyes made his name as a stage actor.")
    assert not kinds(found, "plays")


def test_a_performers_adjectives_then_return_or_casting_as_a_role() -> None:
    found = triples(
        "Finales are here, and Ada Lind’s absolutely necessary return to “Night Ferry” as Nell "
        "Carrow! Also, Tom Reyes's casting as Pip Marsh was announced."
    )
    assert {("plays", "Ada Lind", "Nell Carrow"), ("plays", "Tom Reyes", "Pip Marsh"),
            ("appears_in", "Nell Carrow", "Night Ferry")} <= found  # fmt: skip
