"""Classes of the Daily Mail dev set's wrong appearances (issue 18, forty-third session), in
sentences of our own in several outlets' voices: a real person's family and job are no
characters of a show, and a role named right before "in SHOW" is that show's, not the one
named earlier in the sentence."""

from __future__ import annotations

import pytest

from showbible.news import extract_text

HARBOR = "Harbor Nights season 2 is coming. Tom Roe plays Tobias Reed in Harbor Nights. "


def _facts(text: str) -> set[tuple[str, str, str]]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # the show right after the role, past an adjective ("the beloved"), not the earlier one
        (
            "Besides gracing the screen as Xenia in Salt Road, Ida Kress is also known for playing "
            "superhero Dr. Jean Vale in the beloved Harbor Nights franchise.",
            ("appears_in", "Dr. Jean Vale", "Harbor Nights"),
            ("appears_in", "Dr. Jean Vale", "Salt Road"),
        ),
        # "in the final two seasons of The CW's X series"
        (
            "Before leading Salt Road, Lewis Marr appeared as William Clay in the final two "
            "seasons of The CW's Harbor Nights series.",
            ("appears_in", "William Clay", "Harbor Nights"),
            ("appears_in", "William Clay", "Salt Road"),
        ),
    ],
)
def test_the_show_right_after_a_role_is_its_show(
    text: str, wanted: tuple[str, str, str], unwanted: tuple[str, str, str]
) -> None:
    got = _facts("Salt Road season 3 is here. Harbor Nights season 2 is not.\n\n" + text)
    assert wanted in got
    assert unwanted not in got


@pytest.mark.parametrize(
    "after",
    [
        "in the beloved Gull Point franchise",
        "in Sky One's 2019 series, The Quiet Landlord",
        "in the movie 42",
    ],
)
def test_a_work_not_known_right_after_a_role_keeps_it_from_another(after: str) -> None:
    got = _facts(
        "Salt Road season 3 is here. Salt Road returns.\n\nIda Kress joins Salt Road as Mara. "
        f"Kress previously played Charlie {after}."
    )
    assert ("appears_in", "Mara", "Salt Road") in got
    assert ("appears_in", "Charlie", "Salt Road") not in got


@pytest.mark.parametrize(
    "text",
    [
        # "Succession earned Outstanding Drama Seris as creator Jesse Armstrong accepted the honor"
        "Harbor Nights earned Best Drama Series as creator Jo Marsh accepted the honor.",
        "Harbor Nights star Tom Roe was on stage as director Jo Marsh thanked the crew.",
        "Tom Roe grinned as the writer Jo Marsh said a few words.",
    ],
)
def test_a_production_job_in_an_as_clause_is_no_role(text: str) -> None:
    got = _facts("Harbor Nights season 2 is here. " + text)
    assert not {f for f in got if "Jo Marsh" in f[1:] and f[0] in ("plays", "appears_in")}


def test_a_role_that_is_a_job_in_a_story_is_still_a_role() -> None:
    got = _facts("Harbor Nights season 2 is here. Tom Roe stars as director Jo Marsh in it.")
    assert ("plays", "Tom Roe", "Jo Marsh") in got


@pytest.mark.parametrize(
    "text",
    [
        # a performer's spouse in a sentence about no role: the performer's own
        HARBOR + "Roe, 41, gave his speech at home, where he sat next to his husband, the "
        "singer Ada Lind.",
        # a performer's partner out walking
        HARBOR + "Relaxed stroll: Tom Roe and his boyfriend Ada Lind were spotted walking "
        "their dogs in Hampstead on Saturday.",
    ],
)
def test_a_performers_family_is_their_own(text: str) -> None:
    got = _facts(text)
    assert ("appears_in", "Ada Lind", "Harbor Nights") not in got


def test_a_performers_tie_in_a_sentence_about_the_role_is_the_roles() -> None:
    got = _facts(HARBOR + "Roe plays Tobias, and in the new season his son, Ivo (Jo Marsh), "
                 "joins the force.")  # fmt: skip
    assert ("appears_in", "Ivo", "Harbor Nights") in got


RECAP = """Harbor Nights star Nina Vale steps out in London

Harbor Nights is back next week, and Nina Vale, 52, was all smiles. In Harbor Nights, Maren
tells Teodor the truth; Teodor refuses to listen.

Nina shares son Billy, 16, and 12-year-old daughter Nell with her ex, the director Tim Barr.
Billy was seen carrying the shopping. Nell waved at photographers, and Billy laughed.

The couple welcomed sons William in 1982 and Harry in 1984. Harry later moved to Canada.
"""


def test_a_real_family_in_a_stars_news_is_no_cast() -> None:
    subjects = {s for k, s, _o in _facts(RECAP) if k == "appears_in"}
    assert "Teodor" in subjects  # the recap's own character, still read
    for name in ("Billy", "Nell", "Harry", "William"):
        assert name not in subjects, name


def test_a_bare_list_of_full_names_featured_is_a_cast_of_performers() -> None:
    # "Conan the Destroyer - featuring Grace Jones, Wilt Chamberlain, and André the Giant"
    got = _facts(
        "Harbor Nights season 2 is here. The series featured Ida Kress, Jo Marsh and Tom Roe. "
        "The first season featured Maren, Teodor and Odile."
    )
    subjects = {s for k, s, _o in got if k == "appears_in"}
    assert not subjects & {"Ida Kress", "Jo Marsh", "Tom Roe"}
    assert {"Maren", "Teodor", "Odile"} <= subjects


def test_a_stars_credit_is_not_where_the_articles_role_for_them_is() -> None:
    # dm_058: "Killing Eve star Jodie Comer was pictured larking around with Matt Damon as day
    # two of filming The Last Duel continued" placed her Last Duel role in Killing Eve.
    from showbible.news.credits import star_credit_placements
    from showbible.news.facts import NewsFact

    credit = "Harbor Nights star Ida Kress was pictured on the set on Tuesday."
    facts = [
        NewsFact("plays", "Ida Kress", "Marguerite Vale", "a.txt", 3, "...", 0.85),
        NewsFact("appears_in", "Marguerite Vale", "Salt Road", "a.txt", 3, "...", 0.75),
        NewsFact("appears_in", "Marguerite Vale", "Harbor Nights", "a.txt", 1, credit, 0.7),
        NewsFact("plays", "Jo Marsh", "Ruth Lang", "a.txt", 5, "...", 0.85),
        NewsFact("appears_in", "Ruth Lang", "Ozark Falls", "a.txt", 1,
                 "Ozark Falls' Jo Marsh won her second award on Sunday.", 0.7),
    ]  # fmt: skip
    kept = {(f.subject, f.object) for f in star_credit_placements(facts) if f.kind != "plays"}
    assert kept == {("Marguerite Vale", "Salt Road"), ("Ruth Lang", "Ozark Falls")}


def test_a_venue_and_a_name_cut_out_by_an_ampersand_are_no_one() -> None:
    # "the rapper planned an elaborate surprise celebration at the AT&T Park (now Oracle Park)"
    got = _facts(
        "Harbor Nights season 2 is here. In the finale, Maren plans a surprise at the AT&T "
        "Park (now Oracle Park) for Teodor, played by Tom Roe."
    )
    subjects = {s for k, s, _o in got if k == "appears_in"}
    assert not subjects & {"T Park", "Oracle Park", "AT&T Park"}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a title's possessive crediting the next name, and a title in quotes
        (
            "Filming resumed with Salt Road's Dolly Vane and Bridget Jones's Diary's Ida Kress.",
            ("plays", "Bridget Jones", "Diary"),
        ),
        (
            "She worked as a Playboy Bunny. Upon the publication of her article 'A Bunny's "
            "Tale,' a colleague quipped.",
            ("plays", "Playboy Bunny", "Tale"),
        ),
        # one person renamed, not a role
        (
            "A look back: Kourtney, Bruce Jenner (now Caitlyn Jenner), Kris Jenner and Khloe on "
            "Salt Road 2007.",
            ("plays", "Caitlyn Jenner", "Bruce Jenner"),
        ),
        (
            "'I became so embarrassed,' admitted Tyler (born Emmitt Perry Jr.).",
            ("plays", "Emmitt Perry Jr", "Tyler"),
        ),
        # a name that qualifies a kind of person: "Black Panther co-founder Bobby Seale"
        (
            "The drama also stars Tom Roe as Harbor Guild co-founder Bobby Vale.",
            ("plays", "Tom Roe", "Harbor Guild"),
        ),
    ],
)
def test_titles_renamings_and_qualifiers_are_no_roles(
    text: str, wrong: tuple[str, str, str]
) -> None:
    kind, a, b = wrong
    got = _facts("Salt Road season 2 is here. " + text)
    assert (kind, a, b) not in got and (kind, b, a) not in got


def test_the_shows_a_performer_is_the_star_of_are_credits() -> None:
    """The Daily Mail dev set's "The 36-year-old star of Penny Dreadful and Mr Mercedes has
    been cast as Detective Inspector Keith Pedder": the role is in the drama being cast, not in
    the credits."""
    got = _facts(
        "Salt Road season 3 is here. Harbor Nights season 2 is not. Gull Point is done.\n\n"
        "The 36-year-old star of Harbor Nights and Gull Point has been cast as Detective "
        "Inspector Tobias Reed, who led the inquiry."
    )
    assert not any(k == "appears_in" and o in ("Harbor Nights", "Gull Point") for k, _, o in got)


def test_an_appositive_without_commas_stands_between_a_role_and_its_show() -> None:
    """The Daily Mail dev set's "who plays Terry the punch-drunk boxer in Hollywood TV series Ray
    Donovan": the show right after the description is the role's, read as surely as "plays
    Terry in Ray Donovan" (not the weak guess of a show named later in the sentence, which the
    article's main show overrides)."""
    text = (
        "Salt Road season 3 is here. Salt Road returns in May. Salt Road is loved.\n\n"
        "And Lewis Marr, who plays Tobias the punch-drunk boxer in Hollywood TV series Gull "
        "Point, is in talks to portray Reed."
    )
    sure = {
        (f.subject, f.object)
        for f in extract_text(text, "a.txt")
        if f.kind == "appears_in" and f.confidence >= 0.7
    }
    assert ("Tobias", "Gull Point") in sure


def test_a_name_that_qualifies_a_role_is_not_the_role() -> None:
    """The Daily Mail dev set's "The drama also stars Yahya Abdul Mateen II as Black Panther
    co-founder Bobby Seale, Ben Shenkman as Leonard Weinglass": the movement qualifies the role;
    Bobby Seale is the role, not a performer of the next one."""
    got = _facts(
        "Salt Road season 3 is here. Salt Road returns.\n\n"
        "The drama also stars Ida Kress as Harbor Guild co-founder Tobias Reed, Lewis Marr as "
        "Mara Vell and Tom Roe as Cole Breck."
    )
    assert ("appears_in", "Tobias Reed", "Salt Road") in got
    assert not any(k == "plays" and s == "Tobias Reed" for k, s, _ in got)
    assert ("appears_in", "Harbor Guild", "Salt Road") not in got
