"""A roundup's sections: headings that each name one show govern the bullets under them, however
many bullets (naming the cast's credits) stand between; a single short line naming a show in a
prose article is an aside, not a section. Sentences of our own, in two layouts."""

from __future__ import annotations

import pytest

from showbible.news import extract_text

# A bullet is one line, however long: the cast and each performer's credits.
CAST = (
    "  • Nina Vale, Omar Dunn and Lia Reyes have been cast on the drama pilot. Vale recurred on"
    " Night Desk. Dunn appeared in Glass Orchard."
)
ROUNDUP = f"""Pilot Casting Roundup - April 4

Three networks filled out their pilots this week.

THE CW's HARBOR NIGHTS

{CAST}
  • Vale will play Maren, a ferry pilot who finds a body in the harbor.
  • Dunn will play Teodor, Maren's brother and a smuggler.

CBS' QUIET HOURS

  • Sam Hill will co-star on the comedy pilot.
  • Hill will play Ned, a night-shift pharmacist.
"""

PROSE = """Harbor Nights adds a new face for season two

Nina Vale has joined Harbor Nights, the network said on Monday.

Related: Night Desk renewed

Vale will play Maren, a ferry pilot. The casting was first reported by the trades.
"""


def _appears(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text(text, "a.txt") if f.kind == "appears_in"}


def test_a_roundup_section_heading_places_the_cast_under_it() -> None:
    found = _appears(ROUNDUP)
    assert ("Maren", "HARBOR NIGHTS") in found
    assert ("Teodor", "HARBOR NIGHTS") in found
    assert ("Ned", "QUIET HOURS") in found
    # the credits in the first bullet are the performers', not where the later roles are
    assert ("Teodor", "Night Desk") not in found and ("Maren", "QUIET HOURS") not in found


@pytest.mark.xfail(
    strict=True,
    reason="'Vale recurred on Night Desk' then 'Vale will play Maren' still places Maren in the "
    "performer's credit (an appearance frame read through the performer), besides the section",
)
def test_a_performers_credit_in_the_bullet_before_is_not_the_roles_show() -> None:
    assert ("Maren", "Night Desk") not in _appears(ROUNDUP)


def test_a_single_short_line_naming_a_show_is_no_section() -> None:
    found = _appears(PROSE)
    assert ("Maren", "Night Desk") not in found


def test_a_link_to_another_page_does_not_end_a_section() -> None:
    # a section headed by a title-case line with a headline's verb glued to the show, then a
    # link line naming two other shows before the section's paragraphs
    text = (
        "Casting news of the week\n\n"
        "Harbor Nights Announces Season 2 Cast and Plot\n\n"
        "As previously reported, Nia Vale is returning to Harbor Nights as Mara Voss.\n\n"
        "Casting Bits: Tom Roe Joins Salt Road, Glass Orchard Adds Ida Kress and More >>>\n\n"
        "Former Dean Tobias Reed (Jo Marsh) will buy the hospital.\n\n"
        "Ada Lind Joins Copper Gulch Revival\n\n"
        "The Copper Gulch revival has cast Ada Lind as Lena Hart.\n"
    )
    found = _appears(text)
    assert ("Dean Tobias Reed", "Harbor Nights") in found
    assert not {o for _, o in found if o.endswith("Announces")}
