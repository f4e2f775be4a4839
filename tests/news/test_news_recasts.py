"""A role passing from one performer to another: both play it, whichever verb of succession
the sentence uses, with a description or a bracket around the role. Sentences of our own."""

from __future__ import annotations

import pytest

from news_triples import played as _plays


@pytest.mark.parametrize(
    "text",
    [
        "Nia Vale takes over as Mara Voss (following Ida Kress's run) in the third season.",
        "Ida Kress leaves the drama, with Nia Vale replacing Ida Kress as the harbor master's "
        "daughter (and heir) Mara Voss.",
        "Nia Vale inherits the role of Mara Voss from Ida Kress for the final season.",
        "Nia Vale, who succeeds Ida Kress as Mara Voss, spent a month at sea for the prequel.",
    ],
)
def test_both_performers_of_a_recast_role_play_it(text: str) -> None:
    assert {("Nia Vale", "Mara Voss"), ("Ida Kress", "Mara Voss")} <= _plays(text)


def test_the_owner_of_a_role_is_not_the_role() -> None:
    text = "Nia Vale replacing Ida Kress as Tobias' wife (and rival) Mara Voss is a coup."
    found = _plays(text)
    assert {("Nia Vale", "Mara Voss"), ("Ida Kress", "Mara Voss")} <= found
    assert ("Nia Vale", "Tobias") not in found


@pytest.mark.xfail(
    reason="'A as Tobias' wife X' (a possessive without s) still reads Tobias as A's role"
)
def test_a_possessive_without_s_is_no_role() -> None:
    text = "Nia Vale replacing Ida Kress as Tobias' wife (and rival) Mara Voss is a coup."
    assert ("Ida Kress", "Tobias") not in _plays(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dara Holm has replaced Piet Vance as chief executive of Norland Steel.",
        "Ana Ruiz, who succeeded Tess Moor as captain of Wexley Rovers, scored twice.",
    ],
)
def test_an_office_and_its_company_are_no_role(text: str) -> None:
    # a name after a preposition in the description is the office's company or team
    assert _plays(text) == set()


def test_a_successor_who_is_no_performer_plays_nothing() -> None:
    text = "Jo Marsh replaced Tom Roe as showrunner after the first season."
    assert _plays(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Nia Vale has the role of Mara Voss, the harbor master's daughter.",
        "Nia Vale landed the part of Mara Voss after a long search.",
        "Perhaps most intriguing is the casting of Nia Vale as Mara Voss.",
    ],
)
def test_a_role_obtained_or_a_casting_named_as_a_noun(text: str) -> None:
    assert ("Nia Vale", "Mara Voss") in _plays(text)


def test_a_rumoured_casting_is_no_fact() -> None:
    assert _plays("Fans debated the rumored casting of Nia Vale as Mara Voss.") == set()


def test_the_actress_named_before_landed_the_part() -> None:
    text = (
        "Nia Vale will join Tom Roe's Tobias Reed in Harbor Nights. The actress landed the part "
        "of the new harbor pilot, Mara Voss, who becomes Tobias's rival."
    )
    assert ("Nia Vale", "Mara Voss") in _plays(text)


def test_his_character_is_the_performer_s_named_before() -> None:
    text = (
        "The show follows the Voss children, but because the actor Tom Roe is working on another "
        "project, his character, Tobias Voss, is not featured in the series."
    )
    assert ("Tom Roe", "Tobias Voss") in _plays(text)
    # no performer named before: no one's character
    assert _plays("Sadly his character, Tobias Voss, is not featured in the series.") == set()


def test_a_performer_known_by_one_name_after_her_job() -> None:
    text = "Fans are reunited with Mara, played by Emmy-winning actress Novalee, after two years."
    assert ("Novalee", "Mara") in _plays(text)
    # one word and no job before it: no performer
    assert _plays("Fans are reunited with Mara, played by Novalee, after two years.") == set()


# The succession said after the role the sentence has already given one performer (dm3 of the
# Daily Mail set: "plays Tristan Farnon, taking over from Peter Davison", "before handing over
# the role to Elizabeth Debicki", "the role made famous by Christopher Timothy", "reprising
# Carol Drinkwater and the late Lynda Bellingham's role"). Sentences of our own.
@pytest.mark.parametrize(
    ("text", "also"),
    [
        ("Nia Vale plays Mara Voss in the reboot, taking over from Ida Kress.", {"Ida Kress"}),
        ("Nia Vale has been cast as Mara Voss, replacing Ida Kress, for the final run.",
         {"Ida Kress"}),
        ("Nia Vale will portray Mara Voss in her early years at the Harbor Guild, before "
         "handing over the role to Ida Kress for the last two seasons.", {"Ida Kress"}),
        ("The reboot stars Nia Vale as Mara Voss, the role made famous by Ida Kress in the "
         "eighties.", {"Ida Kress"}),
        ("Nia Vale will play the harbor master's daughter Mara Voss, reprising Ida Kress and "
         "the late Bo Lind's role.", {"Ida Kress", "Bo Lind"}),
    ],
)  # fmt: skip
def test_a_role_passed_on_after_it_is_named(text: str, also: set[str]) -> None:
    found = _plays(text)
    assert ("Nia Vale", "Mara Voss") in found
    assert {(o, "Mara Voss") for o in also} <= found
    assert not {p for p, c in found if c != "Mara Voss"}


@pytest.mark.parametrize(
    "text",
    [
        # a succession that names no performer, or a role's name reprised, is no other performer
        "Nia Vale plays Mara Voss, replacing the ailing showrunner Tom Reed as its star.",
        "Nia Vale plays Mara Voss, reprising Mara Voss for a final season.",
        # the succession stands before any role this sentence gives
        "Replacing Ida Kress, the network hired a new showrunner; Nia Vale plays Mara Voss.",
    ],
)
def test_a_succession_without_a_performer_passes_no_role(text: str) -> None:
    assert _plays(text) == {("Nia Vale", "Mara Voss")}
