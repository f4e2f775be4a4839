"""Classes the Daily Mail set (tests/data/news/dailymail, split dm1) showed in a tabloid's TV
pages, each written here in other words: photo captions opening on a kicker word, a soap's cast
named with their jobs, an awards list of shows and episodes, a reality show's evictions."""

from __future__ import annotations

from showbible.news import extract_text, reader


def facts(text: str, tv_only: bool = False) -> set[tuple[str, str, str]]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, tv_only=tv_only)}


def test_a_captions_kicker_word_is_no_show() -> None:
    # "Tense: She and Patrick rehearsed ...": each caption opens on a word of its own
    text = (
        "Harbour Lane star films tense scenes\n\n"
        "Nia Vale, who plays Kira Holt on long-running soap Harbour Lane, was on set on "
        "Tuesday.\n\n"
        "Tense: She and her co-star rehearsed a scene between their characters on the pier\n\n"
        "Costume: Nia, who plays Kira Holt, wore a yellow raincoat and boots on the pier\n\n"
        "Devastating: The scenes will air next month as the show marks its anniversary year\n"
    )
    got = facts(text)
    assert ("appears_in", "Kira Holt", "Harbour Lane") in got
    assert not {f for f in got if f[2] in ("Tense", "Costume", "Devastating")}


def test_a_verb_after_the_show_is_no_title() -> None:
    # "another fan of the show Tweeted.": the clause's verb, capitalised by a careless crawl
    text = (
        "Harbour Lane's Kira Holt is set for a dramatic exit\n\n"
        "Kira Holt, played by Nia Vale, is leaving Harbour Lane after six years.\n\n"
        "'What a scene', another fan of the show Tweeted.\n"
    )
    assert not {f for f in facts(text) if f[2] == "Tweeted"}


def test_a_day_of_the_week_said_only_as_a_day_is_no_show() -> None:
    # "with some of the show's younger cast on Friday" (twice, a caption repeating the text)
    text = (
        "Harbour Lane star arrives on set\n\n"
        "Harbour Lane star Nia Vale filmed scenes with some of the show's younger cast on "
        "Friday.\n\n"
        "Low-key: Harbour Lane star Nia Vale filmed scenes with the show's younger cast on "
        "Friday\n\n"
        "Tom Roe, 21, who plays Kira's brother Danny Holt, arrived in a pink jumper.\n\n"
        "Harbour Lane airs weeknights.\n"
    )
    got = facts(text)
    assert ("plays", "Tom Roe", "Danny Holt") in got
    assert ("appears_in", "Danny Holt", "Harbour Lane") in got
    assert not {f for f in got if f[2] == "Friday"}


def test_a_job_before_a_characters_name_is_no_part_of_it() -> None:
    text = (
        "Harbour Lane returns to the wards\n\n"
        "Clinical Lead Kira Holt, played by Nia Vale, will face the hardest test of her career "
        "on Harbour Lane.\n"
    )
    assert ("plays", "Nia Vale", "Kira Holt") in facts(text)


def test_an_awards_list_of_shows_and_episodes_casts_no_one() -> None:
    # "Miki Johnson, Ozark (Fire Pink)": a writer, a show and its episode
    text = (
        "The full list of winners at the Emmys\n\n"
        "Writing for a Drama Series\n\n"
        "Jo Marsh, Harbour Lane (The Long Night) - WINNER\n\n"
        "Sam Reed, Copper Gulch (Fire Pink)\n\n"
        "Ann Bell, Night Desk (Boss Fight)\n\n"
        "Harbour Lane is a drama series. Copper Gulch is a drama series. Night Desk is a drama "
        "series.\n"
    )
    assert not {f for f in facts(text) if f[0] == "plays"}


def test_a_reality_shows_contestants_appear_as_no_characters() -> None:
    text = (
        "Big Brother All-Stars Dana Pike offers to put herself up for eviction to Lee Marsh\n\n"
        "Dana Pike threw herself on her sword to secure an important alliance on Wednesday's "
        "episode of Big Brother All-Stars.\n\n"
        "In a surprising move, the 35-year-old trainer asked Head of Household Lee Marsh, 42, to "
        "put her up for eviction at the next elimination ceremony.\n\n"
        "She still aimed to forge a bond with Lee, who was part of another alliance called the "
        "Slick Six, with Tom, Ann, Cody, Rae Bell, 32, and Kim Day, 27.\n"
    )
    assert not {f for f in facts(text) if f[0] == "appears_in"}
    # what decides it: words of a competition, two distinct ones; a scripted show's none
    assert reader._unscripted(text)
    assert not reader._unscripted(
        "Kira Holt returns to Harbour Lane as the hospital's new head of surgery. Her "
        "storyline with Danny picks up where season two left off.\n"
    )


def test_a_shows_possessive_before_its_character_places_the_cast() -> None:
    # "EastEnders' Kush Kazemi is set for a dramatic exit": the only way the article says which
    # show its cast is in; a performer in the same place is no appearance
    text = (
        "Harbourside star QUITS the soap after six years\n\n"
        "Harbourside' Kira Holt is set for a dramatic exit from the soap.\n\n"
        "Kira Holt, played by Nia Vale, has struck up a romance with Danny Cole, "
        "portrayed by Tom Roe.\n\n"
        "Harbourside's Nia Vale posted a tribute.\n"
    )
    got = facts(text)
    assert ("appears_in", "Kira Holt", "Harbourside") in got
    assert ("appears_in", "Danny Cole", "Harbourside") in got
    assert not {f for f in got if f[0] == "appears_in" and f[1] == "Nia Vale"}


def test_a_place_is_no_performer_and_no_character() -> None:
    # dm1's "York City plays Upper East Side", "Daily Mail Australia plays One Nation",
    # "Reality Show plays RuPaul", "Florida appears in Coronado Springs Resort"
    for junk in ("York City", "Daily Mail Australia", "Reality Show", "North London"):
        assert not reader._person_like(junk), junk
    for name in ("Davood Ghadami", "Jessie Wallace", "Benson", "LL Cool J", "Zendaya"):
        assert reader._person_like(name), name
    for region in ("Florida", "America", "New South Wales"):
        assert reader._region(region), region
    assert not reader._region("Dallas")  # a city is a show's name as often


def test_a_cast_lists_comma_before_as() -> None:
    # "The star-studded production will also include two-time Oscar nominee Jude Law, as
    # Captain Hook."; its hard negatives, "as" with no role's name after it
    text = "The production will also include two-time Oscar nominee Tom Roe, as  Captain Vane.\n"
    assert ("plays", "Tom Roe", "Captain Vane") in facts(text)
    assert not facts("Tom Roe, as a father, knows the pain.\n")


def test_a_performer_named_by_a_description() -> None:
    # "The actress - who plays teen Amy Barlow - opted for ...", "The pair play twins Aadi and
    # Asha": the press names its subject once, then by what they are
    text = (
        "Harbour Lane stars return to set\n\n"
        "Harbour Lane star Nia Vale cut a casual figure as she strolled onto the set on Friday.\n\n"
        "The actress - who plays teen Kira Holt - wore an oversized denim jacket.\n\n"
        "Elsewhere on-screen siblings Tom Roe, 19, and Ada Penn, 18, were seen arriving.\n\n"
        "The pair play twins Danny and Lila Holt, and have been involved in a dramatic storyline.\n"
    )
    got = facts(text)
    assert ("plays", "Nia Vale", "Kira Holt") in got
    assert ("appears_in", "Kira Holt", "Harbour Lane") in got
    assert {("plays", "Tom Roe", "Danny"), ("plays", "Ada Penn", "Lila Holt")} <= got


def test_the_actress_is_the_woman_named_before() -> None:
    # "Lily James and Andrew Scott featured in first look images ... The actress, 31, stars as
    # lead Linda Radlett": the first of them of the noun's sex, not the one named last
    text = (
        "Harbour Lane first look\n\n"
        "Harbour Lane star Andrew Scott and actress Mary Vale featured in first look images for "
        "BBC One, which were released on Thursday.\n\n"
        "The actress, 31, stars as lead Kira Holt, a woman in search of a husband.\n"
    )
    got = facts(text)
    assert ("plays", "Mary Vale", "Kira Holt") in got
    assert not {f for f in got if f[:2] == ("plays", "Andrew Scott")}


def test_a_name_with_two_particles_is_one_name() -> None:
    # "Kelly Rutherford as Lily van der Woodsen": "van der" inside a name (one particle was)
    text = (
        "Harbour Lane reboot starts production\n\n"
        "Nia Vale starred as Kira Holt, with Tom Roe as Danny Holt and Ada Penn as Lila van der "
        "Berg.\n"
    )
    got = facts(text)
    assert ("plays", "Ada Penn", "Lila van der Berg") in got
    assert ("plays", "Ada Penn", "Lila") not in got


def test_a_word_shouted_in_capitals_is_no_part_of_a_name() -> None:
    # "EastEnders Davood Ghadami QUITS the soap after six years playing Kush Kazemi"
    text = (
        "Harbour Lane Nia Vale QUITS the soap after six years playing Kira Holt\n\n"
        "Kira Holt, played by Nia Vale, is set for a dramatic exit.\n"
    )
    got = facts(text)
    assert ("plays", "Nia Vale", "Kira Holt") in got
    assert not {f for f in got if "QUITS" in f[1]}


def test_played_by_with_an_adverb_dashes_or_an_apposition_between() -> None:
    # "Shabnam Masood, played most recently by A", "Tony Hutchinson - played by A -",
    # "Charlie Fairhead, the show's longest serving character, played by A", "who's played by"
    text = (
        "Harbour Lane fans are in for a shock on the soap\n\n"
        "Kira was once married to Dana Roe, played most recently by Mel Quint.\n\n"
        "It leaves his Harbour Lane pal Ivo Marsh - played by Nick Tarrant - reeling.\n\n"
        "She has the support of Harbour Lane staple Colm Reddy, the show's longest serving "
        "character, played by Derek Oyelaran.\n\n"
        "Missing from the trailer was the villain - troublemaker Bram Voke - who's played by "
        "Harbour Lane star Julian Petts.\n"
    )
    got = facts(text)
    assert ("plays", "Mel Quint", "Dana Roe") in got
    assert ("plays", "Nick Tarrant", "Ivo Marsh") in got
    assert ("plays", "Derek Oyelaran", "Colm Reddy") in got
    assert ("plays", "Julian Petts", "Bram Voke") in got


def test_a_return_made_as_a_role_and_a_role_reprised_to_an_infinitive() -> None:
    # "is set to make a dramatic return to the soap as X"; "A is expected to return as X and B
    # will once again play Y"; "announced her return to X to reprise her role as ... Y"
    text = (
        "Harbour Lane star returns\n\n"
        "Harbour Lane star Jem Ashdown is set to make a dramatic return to the soap as Kit "
        "Varley.\n\n"
        "Tessa Oakes-Byrne will return as Miss Pell and Al Wren will once again play Lionel "
        "Finch.\n\n"
        "Nia Vale announced her return to Harbour Lane to reprise her role as die-hard "
        "romantic Scarlett Brame.\n"
    )
    got = facts(text)
    assert ("plays", "Jem Ashdown", "Kit Varley") in got
    assert ("plays", "Tessa Oakes-Byrne", "Miss Pell") in got
    assert ("plays", "Al Wren", "Lionel Finch") in got
    assert ("plays", "Nia Vale", "Scarlett Brame") in got


def test_a_film_role_is_proposed_with_its_medium() -> None:
    # "The Oscar-winning actress played NSA agent Jinx Johnson in the 2002 film Die Another
    # Day": a film's role is a fact (a universe may hold films), marked so
    text = (
        "Jane Holt recalls her spy role\n\n"
        "Jane Holt has joined the soap Harbour Lane.\n\n"
        "The Oscar-winning actress played NSA agent Mara Voss in the 2002 film Salt Flats.\n\n"
        "Tom Reyes has been cast in the soap Harbour Lane.\n\n"
        "The 23-year-old actor will play the role of Ned Crane, the vicar's brother, on "
        "Harbour Lane.\n"
    )
    got = {(f.kind, f.subject, f.object): f.medium for f in extract_text(text)}
    assert got.get(("plays", "Jane Holt", "Mara Voss")) == "film", got
    assert got.get(("plays", "Tom Reyes", "Ned Crane")) == "", got
    assert ("plays", "Jane Holt", "Mara Voss") not in facts(text, tv_only=True)


def test_a_first_name_in_brackets_is_the_performer_named_in_full_before() -> None:
    # "Zack Siler (Freddie)" after "the role played by Freddie Prinze Jr": the short one is
    # the performer the article names in full, unless it is written as characters are
    # ("Pip's mother": tests/news/test_news_held14.py)
    text = (
        "Harbour Lane remake finds its lead\n\n"
        "She will take on the role played by Teddy Marlowe Jr in the original soap.\n\n"
        "Harbour Lane follows fisherman Kit Varley (Teddy) as he courts the lighthouse "
        "keeper's daughter.\n"
    )
    got = facts(text)
    assert ("plays", "Teddy Marlowe Jr", "Kit Varley") in got, got
    assert not {f for f in got if f[0] == "plays" and f[1] == "Kit Varley"}, got


def test_a_role_before_a_networks_show_is_no_title() -> None:
    # "playing the miserable pensioner Tommy in the BBC sitcom Early Doors": "Tommy in the
    # BBC" had been read as a show's title before "sitcom"
    text = (
        "Harbour Lane actor dies aged 81\n\n"
        "Ned Colley was best known for playing the grumpy ferryman Seth in the BBC sitcom "
        "Harbour Lane.\n"
    )
    got = facts(text)
    assert ("plays", "Ned Colley", "Seth") in got, got
    assert ("appears_in", "Seth", "Harbour Lane") in got, got


def test_a_performers_credit_named_once_is_not_the_roles_show() -> None:
    # "the home of missing teacher Gemma Hillman, played by Tutenkhamun star Amy": the show
    # named once as the performer's credit is not where the role is (the thirty-sixth
    # session); the drama the article is about is
    text = (
        "Harbour Lane: first look at the new thriller\n\n"
        "Harbour Lane follows a surveillance team in a quiet town. Nia Vale plays DC Kira Holt "
        "in the drama.\n\n"
        "Kira watches the home of missing teacher Mara Voss, played by Saltmarsh star Ivy "
        "Crane, from a flat across the square.\n\n"
        "Harbour Lane begins on Monday.\n"
    )
    got = facts(text)
    assert ("plays", "Ivy Crane", "Mara Voss") in got, got
    assert ("appears_in", "Mara Voss", "Saltmarsh") not in got, got


def test_a_surname_of_someone_named_in_full_is_no_show() -> None:
    # dm3's trailer story: "Gifford arriving in Scotland" and "Hurley's Clare" after
    # "Kathie Lee Gifford" and "Elizabeth Hurley" name the actresses, not shows
    text = (
        "Nia Vale finds love in the trailer for Then Came You\n\n"
        "In the romantic comedy Then Came You, Nia Vale stars as Annabelle, a widow on a "
        "journey. Howard is engaged to Clare, played by Elizabeth Hurley.\n\n"
        "The trailer opens with Vale arriving in Scotland where she stays at an old castle.\n\n"
        "Arlene, played by Phyllida Law, tells Vale's Annabelle that she needs to be happy. "
        "Hurley's Clare gets upset.\n"
    )
    got = facts(text)
    assert not {f for f in got if f[0] == "appears_in" and f[2] in ("Vale", "Hurley")}
    assert ("appears_in", "Arlene", "Then Came You") in got


def test_a_rank_of_two_words_before_a_name_is_no_part_of_it() -> None:
    # dm3's column: "has been cast as Detective Inspector Keith Pedder" (one rank stays:
    # "Detective Peter Jay")
    text = (
        "Harbour Lane star joins police thriller\n\n"
        "Nia Vale has been cast as Detective Inspector Kira Holt in the BBC drama Roadkill.\n"
    )
    got = facts(text)
    assert ("plays", "Nia Vale", "Kira Holt") in got
    assert ("appears_in", "Kira Holt", "Roadkill") in got


def test_the_people_of_a_show_the_article_calls_reality_are_themselves() -> None:
    # dm3's Kardashian articles: "the reality TV show Keeping Up With The Kardashians"
    text = (
        "Producer reflects on the end of Harbour Nights\n\n"
        "The producer talked about the end of the reality TV show Harbour Nights, which "
        "followed the Vale family for fourteen years.\n\n"
        "Kira Holt appeared in Harbour Nights from its first season, and Nia Vale appeared in "
        "Harbour Nights too.\n"
    )
    assert not {f for f in facts(text) if f[0] == "appears_in"}


def test_a_drama_beside_a_reality_show_keeps_its_characters() -> None:
    text = (
        "Reality star lands drama role\n\n"
        "Nia Vale, who found fame on the reality series Harbour Nights, has been cast as Kira "
        "Holt in the drama series Copper Gulch.\n"
    )
    got = facts(text)
    assert ("appears_in", "Kira Holt", "Copper Gulch") in got
    assert not {f for f in got if f[0] == "appears_in" and f[2] == "Harbour Nights"}


def test_a_peoples_word_before_what_someone_is_is_no_role() -> None:
    # dm3: "reprise her role as Sokovian telepathic Wanda Maximoff", "Sudeikis stars as the
    # American amateur AFC Richmond coach"; a first name so shaped ("Christian") stays a name
    text = (
        "Nia Vale returns to Harbour Lane\n\n"
        "Nia Vale will next reprise her role as Valerian telepathic Kira Holt in the series "
        "Harbour Lane.\n\n"
        "Fans can catch Tom Reyes as the American amateur football coach in Copper Gulch.\n\n"
        "Sam Hill plays Christian in Copper Gulch.\n"
    )
    got = facts(text)
    assert not {f for f in got if "Valerian" in f[2] or "American" in f[2]}
    assert ("plays", "Sam Hill", "Christian") in got


def test_a_quoted_title_after_a_works_noun_is_the_work() -> None:
    # dm3's Batman shoot: "the new movie called 'The Batman'" names the film (an episode is
    # "titled" or "called" too, after no such noun), whose cast is then placed in it; the
    # tabloid's own name ("MailOnline can reveal") is never someone in it
    text = (
        "Nia Vale tests positive forcing Night Ferry to halt filming\n\n"
        "Filming of the new movie called 'Night Ferry' had only resumed three days ago, "
        "MailOnline can reveal.\n\n"
        "Sam Hill stars as Kira Holt and Tom Reyes portrays crime boss Ivo Crane.\n"
    )
    got = facts(text)
    assert ("appears_in", "Kira Holt", "Night Ferry") in got
    assert not {f for f in got if "MailOnline" in (f[1], f[2])}


def test_a_one_word_kicker_the_article_never_uses_again_is_no_show() -> None:
    # dm3's captions: "Starry: The final trailer also shows ...", "Eccentric: The character
    # played by ..." made two more shows, and the cast of the one show went unplaced
    text = (
        "Harbour Lane final trailer brings the scares\n\n"
        "The Netflix series Harbour Lane returns next week with Nia Vale as the eerie Kira "
        "Holt.\n\n"
        "Eccentric: The character played by Sam Hill has a monkey on her shoulder\n\n"
        "Starry: The final trailer also shows Tom Reyes as Ivo Crane\n"
    )
    got = facts(text)
    assert ("appears_in", "Ivo Crane", "Harbour Lane") in got
    assert not {f for f in got if f[2] in ("Starry", "Eccentric")}


def test_a_makers_name_before_series_is_no_show() -> None:
    # dm3's trailer: "the latest Ryan Murphy series", after "from the mind of Ryan Murphy",
    # made a second show and left the one show's cast unplaced
    text = (
        "Harbour Lane final trailer brings the scares\n\n"
        "It is the chilling new show from the mind of Tom Reyes, set to air on Netflix.\n\n"
        "The Netflix series Harbour Lane returns next week with Nia Vale as Kira Holt.\n\n"
        "Chilling: The latest Tom Reyes series looks set to bring the scares\n\n"
        "Starry: The final trailer also shows Sam Hill as Ivo Crane\n"
    )
    got = facts(text)
    assert ("appears_in", "Ivo Crane", "Harbour Lane") in got
    assert not {f for f in got if f[2] == "Tom Reyes"}
