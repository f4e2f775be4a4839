"""A name beside a name is a role only where roles are talked about (news/rolesigns.py).

Team sheets, league tables, company news and politics pair people with clubs, counties,
companies and countries in the same shapes the press uses for a performer and a role:
``A (B)`` and ``A's B``. Our own words, in the shapes the BBC dataset's sport, business and
politics articles use (bench/news_dev.py --negatives --other measures the class there)."""

from __future__ import annotations

import pytest

from news_triples import played as _plays


@pytest.mark.parametrize(
    "text",
    [
        # a team sheet: initials, clubs and counties in brackets
        "Indoor trials squad\n\nSprints: T Marlow (Fenwick Harriers), R Doyle (Ashby AC).\n\n"
        "Hurdles: K Penn (Brookfield and District AC).\n",
        "Leeds hold Bristol\n\nAtt: 31,200 Ref: P Garside (Dorset).\n",
        # a country's, a club's, a company's person or thing
        "Hale wins in Ghent\n\nBritain's Tamsin Hale won the 60m on Sunday in 7.21 seconds.\n",
        "Rovers sign striker\n\nFenwick Rovers' Dale Prentice will have a scan on his knee.\n",
        "Steel merger\n\nThe group grew when Mr Okafor's Rama Holdings bought a Dutch rival.\n",
        # an acronym spelled out, a bill's short title
        "Bank deal\n\nThe deposit came from a Zorbank (Savings Bank) account in Moscow.\n",
        "New bill\n\nIt is part of the Health Service (Miscellaneous Provisions) Bill.\n",
        # a politician's plan, though an actor may share his name in a catalogue
        "Budget row\n\nThe opposition dismissed Gordon Brown's Budget as a list of promises.\n",
    ],
)
def test_pairs_outside_the_screen_are_no_roles(text: str) -> None:
    assert _plays(text) == set()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # the same shapes where the screen is talked about: a word of the screen in the article
        ("Harbor Nights recap\n\nIn the episode, Will (Tom Roe) waits at the pier.\n",
         ("Tom Roe", "Will")),
        ("Saltwater returns\n\nIn the new series of Saltwater, Jane Holt's Mara Voss is back.\n",
         ("Jane Holt", "Mara Voss")),
        # a show named in the sentence
        ('Ivo Crane (Tom Reyes) leads "Harrowgate" this autumn.\n', ("Tom Reyes", "Ivo Crane")),
        # two people's names, as a cast list pairs them, with no other sign
        ("Back at the harbour\n\nHelping Eva (Ada Lind) out of the car, Tobias asks about "
         "her mother.\n", ("Ada Lind", "Eva")),
    ],
)  # fmt: skip
def test_pairs_where_roles_are_talked_about_are_read(text: str, pair: tuple[str, str]) -> None:
    assert pair in _plays(text)


def test_an_awards_lists_lines_pair_a_category_with_a_winner() -> None:
    # laid out as a cast list ("A - X" lines), but no side is a person's full name
    text = (
        "Children's TV awards\n\nThe winners of the children's television awards:\n\n"
        "Drama - Harbour Kids\n\nPre-School Live Action - Tidy Town\n\nAnimation - Paper Moons\n"
    )
    assert _plays(text) == set()
    # the same layout with performers and their roles still is a cast
    cast = "Main cast of Harbor Nights\n\nNia Okoro - Della Marsh\n\nTom Reyes - Ivo Crane\n"
    assert {("Nia Okoro", "Della Marsh"), ("Tom Reyes", "Ivo Crane")} <= _plays(cast)
