"""A show the article names only as performers' credits ("Line of Duty star Vicky Hale", in the
text and again in a caption) is not what the article is about: a cast it lists in brackets with
no show is no cast of that show (a charity match's line-up: "Tom Reed (Ash Patel)" is a
substitution). An article that also names the show as a show keeps it as its topic. Sentences of
our own, in a sports desk's and a soap page's voice."""

from __future__ import annotations

from news_triples import triples

MATCH = (
    "Stars turn out for the charity cup\n\n"
    "Celebrities lined up at Ashton Gate on Sunday for the annual charity cup.\n\n"
    "Line of Duty star Vicky Hale, who captained the Reds, said the day meant a lot to her.\n\n"
    "Line of Duty star Vicky Hale at the charity cup on Sunday.\n\n"
    "The Reds featured Sam Cole, Tom Reed (Ash Patel), Lee Grant and Joe Marsh (Dev Singh).\n\n"
    "The Blues, meanwhile, started Ben Hart and Kit Lowe (Ray Dunn).\n"
)


def test_a_show_named_only_as_a_credit_places_no_bracketed_list() -> None:
    assert not {t for t in triples(MATCH) if t[0] == "appears_in"}


def test_a_show_also_named_as_the_show_keeps_its_cast() -> None:
    soap = (
        "Line of Duty returns with a bang\n\n"
        "Line of Duty returns to BBC One on Sunday with its longest episode yet.\n\n"
        "Line of Duty star Vicky Hale said the final scenes were the hardest she has shot.\n\n"
        "Line of Duty star Vicky Hale on set in Belfast.\n\n"
        "The episode sees Kate Marsh (Vicky Hale) and Ted Reid (Sam Cole) face the inquiry.\n"
    )
    found = {t for t in triples(soap) if t[0] == "appears_in"}
    assert ("appears_in", "Kate Marsh", "Line of Duty") in found
