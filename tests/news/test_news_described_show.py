"""A role placed in the show a sentence names only by what it is ("who plays Tony in the police
drama", "in the Netflix show", "will star in the series as"): the article's own show, when no
show is named nearer, not even in the paragraphs just before. Text of our own, in a tabloid's
voice."""

from __future__ import annotations

import pytest

from news_triples import triples

HEAD = "Harbor Nights: Nia Vale on the second season of the Netflix drama"
SHOW = "The Netflix drama Harbor Nights returns on Friday."
# Paragraphs naming no show between the show and the sentence, as in a long interview.
FILLER = [
    "She said the cold on the set was the hardest part of the shoot.",
    "'We were out on the water every day,' she added.",
    "The mother-of-two also spoke about her children and her garden.",
    "Vale, 34, made her name in the BBC drama Salt Road, and Salt Road made her a star.",
    "She said the winter on the set was hard.",
    "'It was freezing,' she said.",
    "She laughed about her dogs.",
]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tom Roe, who plays Detective Jay Marsh in the police drama, went on: 'It is dark.'",
        "Meanwhile Ida Kress, who plays Mara Voss in the Netflix show, takes centre stage.",
        "Jo Lind will star in the series as Lena Hart, the daughter of a rich family.",
    ],
)
def test_a_show_named_by_what_it_is_is_the_articles(sentence: str) -> None:
    text = "\n\n".join([HEAD, SHOW, *FILLER, sentence])
    found = {(s, o) for k, s, o in triples(text) if k == "appears_in"}
    assert any(o == "Harbor Nights" for _s, o in found)


def test_the_industry_is_no_show() -> None:
    sentence = "Tom Roe, who works in the film industry as a grip, said the set was cold."
    text = "\n\n".join([HEAD, SHOW, *FILLER, sentence])
    assert not {t for t in triples(text) if t[1] == "Tom Roe"}


def test_the_series_opening_a_sentence_is_the_show_just_named() -> None:
    """ "She starred in the BBC drama Salt Road. The series featured ...": the show the sentence
    before names, not the article's own."""
    text = "\n\n".join(
        [
            HEAD,
            SHOW,
            "Vale most recently starred in the BBC drama Salt Road. The series featured Mara "
            "Voss (Ida Kress) and Tobias Reed (Tom Roe).",
        ]
    )
    found = {(s, o) for k, s, o in triples(text) if k == "appears_in"}
    assert ("Mara Voss", "Salt Road") in found
    assert ("Mara Voss", "Harbor Nights") not in found


def test_a_title_role_appears_in_the_show_named_for_it() -> None:
    # BBC: "He has recently starred in hit US comedy Will and Grace as the husband of Grace,
    # played by Debra Messing": Grace, cast, is in the show named for her
    from news_triples import triples

    found = triples(
        "Singer Tom Reyes joins the musical. He has recently starred in hit US comedy Ivo and "
        "Mara as the husband of Mara, played by Jane Doe."
    )
    assert ("plays", "Jane Doe", "Mara") in found
    assert ("appears_in", "Mara", "Ivo and Mara") in found
