"""Shows named plainly, with a list of known titles as one piece of evidence (the eighth
session): a title of two words or more with a television predicate or a performer in its
sentence; a one-word title ("Cheers", "Lost") only with the words the press puts around a show.
The titles here are invented; the list is given through $SHOWBIBLE_TITLES, and without it
nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible.news import extract_text
from showbible.news.cleaning import Article, Paragraph
from showbible.news.entities import Knowledge
from showbible.news.gazetteer import (
    PACKAGED_TITLES,
    TITLES_ENV,
    common_title,
    learn_known_titles,
    load_titles,
    titles_path,
)
from showbible.news.names import Lexicon

FACTS = tuple[str, str, str]
TITLES = (
    "Tidewater Lane\t1991\nLanterns\t1982\nHarbor Nights\t2004\nIvo Crane\t2008\n"
    "Mara's Harbour\t2005\n# a comment\n"
)


def triples(text: str) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}


@pytest.fixture
def titles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "titles.tsv"
    path.write_text(TITLES, encoding="utf-8")
    monkeypatch.setenv(TITLES_ENV, str(path))
    return path


HEAD = "Guest stars return this fall.\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title of two words, a casting predicate in the sentence
        (HEAD + "Jane Doe will reprise her role as Mara Voss in Tidewater Lane this fall.",
         {("plays", "Jane Doe", "Mara Voss"), ("appears_in", "Mara Voss", "Tidewater Lane")}),
        # a one-word title with strong context: "on X", "the X revival"
        (HEAD + "Jane Doe will reprise her role as Mara Voss on Lanterns this fall.",
         {("plays", "Jane Doe", "Mara Voss"), ("appears_in", "Mara Voss", "Lanterns")}),
        (HEAD + "Mara Voss (Jane Doe) returns to the Lanterns revival this fall.",
         {("plays", "Jane Doe", "Mara Voss"), ("appears_in", "Mara Voss", "Lanterns")}),
        # returned to as a role, guested in: what one does in a show, not in a place
        (HEAD + "Fans cheered Jane Doe's long-awaited return to Lanterns as Mara Voss.",
         {("plays", "Jane Doe", "Mara Voss"), ("appears_in", "Mara Voss", "Lanterns")}),
        (HEAD + "Mara Voss (Jane Doe) makes a cameo in Lanterns this fall.",
         {("plays", "Jane Doe", "Mara Voss"), ("appears_in", "Mara Voss", "Lanterns")}),
        # a known title with an apostrophe, its possessive before one of its people, twice (a
        # tabloid's text and its caption: "Grey's Anatomy's Ellen Pompeo donned a face mask")
        ("Jane Doe dons a face mask on set\n\nMara's Harbour's Jane Doe donned a face mask as "
         "the series began its 17th season.\n\nBack on duty: Mara's Harbour's Jane Doe donned "
         "a face mask as the series began its 17th season.\n\nJane Doe, who plays Dr. Ada "
         "Lind on the medical drama, captioned the post.",
         {("plays", "Jane Doe", "Dr. Ada Lind"), ("appears_in", "Dr. Ada Lind", "Mara's Harbour")}),
    ],
)  # fmt: skip
def test_known_titles_named_plainly(titles: Path, text: str, expected: set[FACTS]) -> None:
    assert expected <= triples(text)


@pytest.mark.parametrize(
    ("text", "show"),
    [
        # a one-word title with no strong context: a word ("hung lanterns"), or too weak
        (HEAD + "Jane Doe, who plays Mara Voss, hung Lanterns on her porch.", "Lanterns"),
        (HEAD + "Mara Voss (Jane Doe) returns to Lanterns this fall.", "Lanterns"),
        # a known title opening a sentence about a street, with no predicate or performer
        (HEAD + "Tidewater Lane is a quiet street where the author grew up.", "Tidewater Lane"),
        # a known title used as a character's name ("Harbor Nights (Jane Doe)")
        (HEAD + "Harbor Nights (Jane Doe) guest-starred in the premiere.", "Harbor Nights"),
        # a known title that is the short form of a name the article uses, and a role
        ("Salt Road returns.\n\nAs Marshal Ivo Crane, Tom Reyes is superb.\n\nIn the best "
         "episodes, Ivo Crane heads to the coast.", "Ivo Crane"),
        (HEAD + "Tom Reyes plays Ivo Crane in the second season of Salt Road.", "Ivo Crane"),
    ],
)  # fmt: skip
def test_known_titles_without_context_are_not_shows(titles: Path, text: str, show: str) -> None:
    assert not any(o == show for k, _, o in triples(text) if k == "appears_in")


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "Former Tidewater Lane star Jane Doe will play Mara Voss, the oldest recruit.",
        "Harrowgate is getting its first spin-off. Former Tidewater Lane star Jane Doe will play "
        "the oldest rookie.\n\nJane Doe’s character will be introduced as trainee Mara Voss (Doe).",
    ],
)
def test_a_former_credit_is_not_the_show_being_cast(titles: Path, text: str) -> None:
    """ "Former X star Jane Doe will play ...": X is her past credit (and "Former" is no part
    of its title), not the show her new role is in."""
    facts = triples(text)
    assert ("plays", "Jane Doe", "Mara Voss") in facts
    assert not {o for k, _, o in facts if k == "appears_in"} & {
        "Tidewater Lane",
        "Former Tidewater Lane",
    }


def test_without_the_list_nothing_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TITLES_ENV, str(tmp_path / "absent.tsv"))
    # (not "her role as Mara Voss in Tidewater Lane": a role's noun before "in" marks a show by
    # itself since the seventeenth session, list or no list)
    text = HEAD + "Mara Voss (Jane Doe) makes a cameo in Tidewater Lane this fall."
    assert ("appears_in", "Mara Voss", "Tidewater Lane") not in triples(text)
    assert load_titles(tmp_path / "absent.tsv") == {}


def test_the_packaged_list_is_the_default_and_none_turns_it_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A clone reads with the packaged list; $SHOWBIBLE_TITLES=none reads without any."""
    monkeypatch.delenv(TITLES_ENV, raising=False)
    assert titles_path() == PACKAGED_TITLES
    packaged = load_titles(titles_path())
    # long-running series the catalogues carry; a one-season show named by a common word is out
    assert {"Frasier", "Cheers", "Grey's Anatomy", "The Office"} <= set(packaged.values())
    assert "hollywood" not in packaged
    assert all(not t.startswith("#") for t in packaged.values())
    text = HEAD + "Kelsey Grammer will reprise his role as Frasier Crane, star of Cheers."
    assert ("appears_in", "Frasier Crane", "Cheers") in triples(text)
    monkeypatch.setenv(TITLES_ENV, "none")
    assert titles_path() is None and load_titles(titles_path()) == {}
    assert ("appears_in", "Frasier Crane", "Cheers") not in triples(text)


def test_the_list_and_common_titles(titles: Path) -> None:
    known = load_titles(titles)
    assert set(known.values()) == {
        "Tidewater Lane",
        "Lanterns",
        "Harbor Nights",
        "Ivo Crane",
        "Mara's Harbour",
    }
    assert common_title("Lanterns") and common_title("The Office")
    assert not common_title("Tidewater Lane") and not common_title("The Good Wife")


def shows_in(sentence: str, titles: Path) -> set[str]:
    """The known titles the step takes as shows in one paragraph under a headline."""
    article = Article("a.txt", "News", [Paragraph(1, "News", True), Paragraph(3, sentence)])
    kb = Knowledge(Lexicon())
    learn_known_titles(kb, article, load_titles(titles))
    return set(kb.series.values())


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("HBO’s Lanterns drew its best ratings yet.", {"Lanterns"}),  # a network's possessive
        ("The Lanterns (1982) cast reunited.", {"Lanterns"}),  # a year
        ("Jane Doe, a Lanterns star, is back.", {"Lanterns"}),
        # what only a show does or is; a show's own character named in full
        ("By then Lanterns was on hiatus.", {"Lanterns"}),
        ("By then Lanterns was an established hit.", {"Lanterns"}),
        ("Whether it's Lanterns' Mara Voss or someone else, it works.", {"Lanterns"}),
        ("By then Lanterns was a gift from Mara Voss.", set()),
        ("By then Lanterns was bright and warm.", set()),
        ("By then Lanterns' light had faded.", set()),
        # a known title that is only the first word of a longer one, or the last
        ("HBO’s Lanterns of the Deep drew its best ratings yet.", set()),
        ("Fans of Harbor Nights of Lanterns cheered the crossover episode.", set()),
        # a one-word title with weak context only, or none
        ("Lanterns glowed in the crossover episode.", set()),
        ("The crossover episode was lit by Lanterns.", set()),
    ],
)
def test_the_bounds_and_context_of_a_known_title(
    titles: Path, sentence: str, expected: set[str]
) -> None:
    assert shows_in(sentence, titles) == expected


def shows_in_article(paragraphs: list[str], titles: Path) -> set[str]:
    article = Article(
        "a.txt", "News", [Paragraph(1, "News", True)]
        + [Paragraph(3 + 2 * i, text) for i, text in enumerate(paragraphs)],
    )  # fmt: skip
    kb = Knowledge(Lexicon())
    learn_known_titles(kb, article, load_titles(titles))
    return set(kb.series.values())


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # a review names its show twice with nothing around it that says "show"
        (["Tidewater Lane has often been bleak and cruel.",
          "Its fourth season ends where the first episode began.",
          "Nobody leaves Tidewater Lane unharmed."], {"Tidewater Lane"}),
        # named once: no evidence
        (["Tidewater Lane has often been bleak and cruel.",
          "Its fourth season ends where the first episode began."], set()),
        # twice, in an article about something else: a street
        (["Tidewater Lane is a quiet street where the author grew up.",
          "Tidewater Lane floods every spring."], set()),
        # a one-word title needs its context, however often it is named
        (["Lanterns has often been bleak and cruel.",
          "Its fourth season ends where the first episode began.",
          "Nobody leaves Lanterns unharmed."], set()),
    ],
)  # fmt: skip
def test_a_known_title_named_again_in_an_article_about_television(
    titles: Path, paragraphs: list[str], expected: set[str]
) -> None:
    """The article's subject: a known title of two words or more that an article about
    television names in two sentences is a show, as a recap names its show without saying so."""
    assert shows_in_article(paragraphs, titles) == expected
