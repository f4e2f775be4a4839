"""What two or more people have in brackets is their team, country, party or company, not a
role (news/brackets.py): a cast list gives each role to one performer. Found on the BBC set's
sport, politics and business articles, none of which states a TV role; sentences of our own."""

from __future__ import annotations

from news_triples import triples

TEAM_SHEET = (
    "Harbour Hawks hold on to win the cup\n\n"
    "The Hawks beat the Gulls 21-17 in a tense final on Saturday.\n\n"
    "Harbour Hawks: R Tamsin (Saltmarsh), L Onye (Saltmarsh), P Dowd (Greyhaven); "
    "K Moss (Greyhaven), T Abara (Saltmarsh).\n"
)


def test_a_team_sheet_gives_no_roles() -> None:
    found = triples(TEAM_SHEET)
    assert not any(o in ("Saltmarsh", "Greyhaven") for _, _, o in found), found


DELEGATES = (
    "Councils name their delegates\n\n"
    "Ada Finch (Wales) will chair the first session of the summit.\n\n"
    "She will be joined by Tom Reyes (Wales) and Jane Holt (Cornwall).\n"
)


def test_an_affiliation_shared_across_sentences_is_no_role() -> None:
    assert not any(o == "Wales" for _, _, o in triples(DELEGATES))


CAST = (
    "Harbour Lane returns for a third season\n\n"
    "The ITV1 drama Harbour Lane is back in March. Ada Finch (Mara), Tom Reyes (Ivo) and Jane "
    "Holt (Tess) all return.\n"
)


def test_a_cast_list_still_gives_each_role_to_its_performer() -> None:
    found = triples(CAST)
    assert {("plays", "Ada Finch", "Mara"), ("plays", "Tom Reyes", "Ivo")} <= found, found
