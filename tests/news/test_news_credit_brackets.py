"""A name's bracket that lists its credits is no role: after a job ("producer A (X, Y)") or two
titles or more between commas; a bracket with one role, or two joined by "and", still pairs.
Sentences of our own."""

from __future__ import annotations

from news_triples import played as _plays
from news_triples import triples
from showbible.news import extract_text


def test_a_bracket_of_credits_is_no_role() -> None:
    text = (
        "Key people: producer Jo Marsh (Night Desk, Copper Gulch); stars Nia Vale (Tidewater, "
        "Salt Road) and Tom Roe (Harbor Lights); creator Ida Kress (Cinder Vale, Lantern Keepers)."
    )
    found = _plays(text)
    for who in ("Jo Marsh", "Nia Vale", "Ida Kress"):
        assert not {p for p in found if who in p}, (who, found)


def test_a_bracket_with_a_role_or_two_joined_by_and_still_pairs() -> None:
    text = (
        "The revival brings back Mara Voss (Nia Vale), and Lena Hart (Ida Kress and Jo Marsh) "
        "is played by twins."
    )
    found = _plays(text)
    assert ("Nia Vale", "Mara Voss") in found
    assert {("Ida Kress", "Lena Hart"), ("Jo Marsh", "Lena Hart")} <= found


def test_a_list_of_people_with_credits_joining_a_cast_names_no_role() -> None:
    text = (
        "The network confirmed that Nia Vale (Persuasion), Tom Roe (Hanna), Ida Kress (Silent "
        "Witness), and newcomer Jo Marsh would be joining the show too."
    )
    assert _plays(text) == set()
    one = "Elsewhere, Nia Vale (Hustle & Flow) has joined the cast of Harbor Nights."
    assert _plays(one) == set()


def _appears(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "appears_in"}


def test_a_show_after_the_performer_in_the_brackets_is_her_credit() -> None:
    # "Character (Performer, Show)": the show is the performer's credit, not the role's; and
    # "Performer (Character, Show)" still names the role's show
    lead = "Salt Road season 2 is streaming now. "
    text = lead + (
        "In the new season of Harbor Nights, Ada calls upon examiner Mara Voss (Nia Vale, "
        "Salt Road) for help."
    )
    assert ("Mara Voss", "Salt Road") not in _appears(text)
    assert ("Mara Voss", "Harbor Nights") in _appears(text)
    agent = lead + "Tom Roe (Agent Ivo Crane, Salt Road) crosses over into Harbor Nights."
    assert ("Agent Ivo Crane", "Salt Road") in _appears(agent)


def test_a_labels_colon_is_no_title() -> None:
    # "NZ Premiere: Harbor Nights": a line's label, then the show
    text = (
        "NZ Premiere: Harbor Nights\n\nIn the brand new season of Harbor Nights, Ada (Nia Vale) "
        "must prove her innocence."
    )
    assert ("Ada", "Harbor Nights") in _appears(text)


def test_initials_without_their_last_period_are_a_name() -> None:
    text = (
        "Ada is accused of murdering her lover J.D Pollack (Tom Roe) in the Harbor Nights premiere."
    )
    assert ("Tom Roe", "J.D Pollack") in _plays(text)


def test_the_roles_show_after_the_pair() -> None:
    # "teacher Kevin Riley (Thomas McCarthy) of "Boston Public"": the show is the role's
    text = (
        "Harbor Nights season 2 is here. Entering this mess is teacher Ivo Crane (Tom Roe) of "
        '"Salt Road," who is in a job crisis.'
    )
    assert ("Ivo Crane", "Salt Road") in _appears(text)


def test_a_captions_place_in_the_picture_is_no_credit() -> None:
    # "Ichabod Crane (Tom Mison, L) and Abbie (Nicole Beharie, R)": where each stands
    text = (
        "HARBOR NIGHTS: Ivo Crane (Tom Roe, L) and Mara (Nia Vale, R) | Photo: Jo Marsh/FOX\n\n"
        "The third season of Harbor Nights opens with a fight.\n"
    )
    assert {("Tom Roe", "Ivo Crane"), ("Nia Vale", "Mara")} <= _plays(text)


def test_a_show_named_only_as_a_performers_past_role_is_not_the_articles() -> None:
    """A review that never names its own show, and names another only as a guest's past
    ("who brings the menace of his role in Harrowgate"): the cast is in no show it names, not
    in that one (it was read as the article's one show)."""
    text = (
        "In the first episode of the new series we join the girls the night before Mara (Jane "
        "Holt), Dana (Kate Lin) and Ivo (Tom Reyes) get their results.\n\n"
        "The interrogation is brilliant: the inspector is none other than Ned Gorble, who brings "
        "the menace of his role in Harrowgate but is outwitted by Mara and the gang.\n"
    )
    facts = {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}
    assert ("plays", "Jane Holt", "Mara") in facts
    assert not any(k == "appears_in" and o == "Harrowgate" for k, _, o in facts), facts


def test_a_shows_possessive_on_the_performer_is_a_credit() -> None:
    """ "Madelyn (played by GLOW's Ellen Wong)", "Kate (The Nanny's Fran Drescher)" (dm3): the
    show is the performer's credit, not where the role is; the article's own show is."""
    text = "\n\n".join(
        [
            "Lifetime's holiday movie The Christmas Setup begins filming",
            "The Lifetime movie The Christmas Setup will star Ben Lewis as Hugo, with his best "
            "friend Madelyn (played by Salt Road's Ida Kress).",
            "Hugo's mother Kate (The Harbor's Nia Vale) runs the town's Christmas fair.",
            "Kress starred in the BBC drama Salt Road, and Vale in the sitcom The Harbor.",
        ]
    )
    found = triples(text)
    assert ("plays", "Ida Kress", "Madelyn") in found, found
    assert not {t for t in found if t[0] == "appears_in" and t[2] in ("Salt Road", "The Harbor")}


def test_a_genre_or_an_award_before_the_performer_after_played_by() -> None:
    """ "Vivian, played by Tony winner Idina Menzel", "Dorothy Pitman Hughes, played by R&B
    songstress Janelle Monáe" (dm3): the award and the genre describe the performer; "played by
    A alongside B" is still A's."""
    assert ("Nia Vale", "Mara Voss") in _plays(
        "The film pairs her with her stepmother Mara Voss, played by Tony winner Nia Vale."
    )
    assert ("Nia Vale", "Mara Voss") in _plays(
        "She co-founded the magazine with Mara Voss, played by R&B songstress Nia Vale."
    )
    assert ("Tom Roe", "Mara Voss") in _plays("Mara Voss, played by Tom Roe alongside Nia Vale.")


def test_a_who_plays_aside_between_dashes() -> None:
    """ "Oscar nominee Minnie Driver - who plays Queen Beatrice - shared a snap" (dm3, a
    tabloid's dashes): an aside as a comma's would be."""
    assert ("Nia Vale", "Queen Mara") in _plays(
        "On Monday, Oscar nominee Nia Vale - who plays Queen Mara - shared a snap of her gown."
    )
    assert ("Tom Roe", "Town Crier") in _plays(
        "Four-time Grammy winner Tom Roe - who portrays the Town Crier - sang on set."
    )


def test_stars_as_after_another_verb_and() -> None:
    """ "Kaley executive produces and stars as Cassie" (dm3): the role after the second verb."""
    assert ("Nia Vale", "Mara Voss") in _plays(
        "Actress Nia Vale executive produces and stars as Mara Voss in the drama."
    )
    assert ("Nia Vale", "Mara Voss") not in _plays(
        "Actress Nia Vale met Tom Roe and stars as Ida Kress, not Mara Voss."
    )
