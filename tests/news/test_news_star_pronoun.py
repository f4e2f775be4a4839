"""A show's actor or star is a performer from the start ("Harbourside star Jane Holt" in the
headline), so a pronoun that opens the article's next sentence stands for them: "She made her
soap debut as villain Kira Vance in Harbourside" is who plays whom, and where. A made debut,
bow, appearance or return comes before its "as" like any other. A person named only as a
guest, never as a show's actor, is not taken for a pronoun's performer. Sentences of our own,
in a soap page's voice and a trade paper's."""

from __future__ import annotations

import pytest

from news_triples import triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harbourside star Jane Holt opens up about her villain\n\n"
            "She made her soap debut as villain Kira Vance in Harbourside on Friday.\n\n"
            "Harbourside fans were shocked by the twist.\n",
            {("plays", "Jane Holt", "Kira Vance"), ("appears_in", "Kira Vance", "Harbourside")},
        ),
        (
            "Dockside actor Tom Reyes on his return\n\n"
            "He made his first appearance as Dr Ivo Crane in Dockside in 2019, and left a year "
            "later.\n\nDockside returns to ITV next week.\n",
            {("plays", "Tom Reyes", "Dr Ivo Crane"), ("appears_in", "Dr Ivo Crane", "Dockside")},
        ),
    ],
)
def test_a_pronoun_after_a_shows_star_is_that_performer(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= triples(text)


def test_a_guest_is_no_pronouns_performer() -> None:
    text = (
        "Chef Jane Holt on her cookbook\n\n"
        "She made her debut as a guest in Harbourside kitchens last spring.\n\n"
        "Harbourside fans were shocked by the twist.\n"
    )
    assert not {t for t in triples(text) if t[1] == "Jane Holt"}


def test_a_stars_other_shows_are_not_her_roles() -> None:
    # The performer's career is no appearance of her role: "She has also appeared on Celebrity
    # Masterchef" after her soap role is read. Where the role already is, she is back in it.
    text = (
        "Harbourside star Jane Holt opens up about her villain\n\n"
        "She made her soap debut as villain Kira Vance in Harbourside on Friday.\n\n"
        "Harbourside fans were shocked by the twist.\n\n"
        "Elsewhere, Jane Holt has also been a hit on TV, presenting a fashion show.\n\n"
        "She has also appeared on Celebrity Masterchef, reaching the semi-finals.\n\n"
        "She will return to Harbourside in the autumn.\n"
    )
    found = {t for t in triples(text) if t[0] == "appears_in"}
    assert ("appears_in", "Kira Vance", "Harbourside") in found
    assert not {t for t in found if t[2] != "Harbourside"}


def test_a_former_shows_star_plays_in_the_show_the_article_is_about() -> None:
    # The Daily Mail set's Viewpoint shoot: "Former Doctor Who star Noel ... Noel plays DC
    # Martin King in the series" had put the detective in Doctor Who, the performer's past.
    text = (
        "Jo Marsh joins Tom Reyes to film Harbour Watch\n\n"
        "Jo Marsh joined co-stars including Tom Reyes to film scenes for the gritty series "
        "Harbour Watch.\n\n"
        "Former Dockside star Tom was also in high spirits as he arrived on the set. Dockside "
        "made him a household name.\n\n"
        "Action! Tom Reyes plays DC Ivo Crane in the series, which focuses on a surveillance "
        "operation.\n\nHarbour Watch airs next year.\n"
    )
    got = triples(text)
    assert ("plays", "Tom Reyes", "DC Ivo Crane") in got
    assert ("appears_in", "DC Ivo Crane", "Dockside") not in got


def test_a_pronoun_cast_is_read_once_with_the_sentence_before_s_subject() -> None:
    # dm3: "... Lesley Manville, 64, will replace Helena in The Crown. / Imelda Staunton will
    # also join the cast. She has been cast as Queen Elizabeth II": Staunton's role, not the
    # article's subject's (a second reading of "She was cast as" had given it to Helena)
    from showbible.news import extract_text

    text = (
        "Helena Vale steps out with her new love\n\n"
        "Actress Helena Vale, 54, was seen in London with her new partner on Sunday.\n\n"
        "'I'm very happy,' Helena Vale said.\n\n"
        "On the professional front, it was revealed that Nia Okoro, 64, will replace Helena in "
        "the fifth series of Night Ferry, in which she stars as the Queen's sister Ada Lind.\n\n"
        "Ida Kress will also join the cast. She has been cast as Mara Voss in the hit show, "
        "taking over from Tom Reyes."
    )
    found = {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "plays"}
    assert ("Ida Kress", "Mara Voss") in found
    assert ("Helena Vale", "Mara Voss") not in found


def test_a_role_owned_by_the_subject_is_not_the_joined_name_s() -> None:
    # dm3: "Vanessa Kirby ... will join Cruise on location to reprise her role as the femme-fatale
    # White Widow" had given "Tom Cruise plays White Widow"
    from showbible.news import extract_text

    text = (
        "News\n\nActress Nia Okoro, who won a prize in Venice last weekend, will join Tom Reyes "
        "on location to reprise her role as the femme-fatale Mara Voss."
    )
    found = {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "plays"}
    assert ("Nia Okoro", "Mara Voss") in found
    assert ("Tom Reyes", "Mara Voss") not in found
