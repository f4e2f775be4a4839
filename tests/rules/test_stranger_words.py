"""What a stranger line's words say on their own (rules/stranger_line.py): a welcome to one
person is no speech to a room, and a place shown is no one introduced (the twenty-fourth
blind look's squire: "Welcome, madam, welcome into Surrey! ... I'm Squire Hobnail, and this
is Hobnail Hall")."""

from __future__ import annotations

import pytest

from showbible.rules.acquainted import SELF_INTRO
from showbible.rules.stranger_line import framed_introduction, introduces_another, plain


def _framed(text: str) -> bool:
    m = SELF_INTRO.search(plain(text))
    assert m is not None
    return framed_introduction(plain(text), m.start(), m.end())


@pytest.mark.parametrize(
    ("text", "framed"),
    [
        ("Welcome, madam, welcome into Surrey! Your servant. I'm Squire Hobnail.", False),
        ("Welcome, sir. I'm Mara Voss.", False),
        ("Welcome, everybody! My name is Andy.", True),
        ("Welcome to the show. I'm Mara Voss.", True),
        ("Welcome back. I'm Mara Voss.", True),
        # a hedge after the name goes on introducing (the fifty-second blind look's reporter);
        # what one is stays a formula
        ("Mr Tanaka? I'm Agnes Pike, of the Sunday Times. I'm told you're the diver.", False),
        ("I'm Monica. I'm disgusting.", True),
    ],
)
def test_a_welcome_to_one_person_is_no_speech_to_a_room(text: str, framed: bool) -> None:
    assert _framed(text) is framed


@pytest.mark.parametrize(
    ("text", "introduces"),
    [
        ("I'm Squire Hobnail, and this is Hobnail Hall, and yonder's the kennel.", False),
        ("This is Harbour Street.", False),
        ("Dad, this is Ross Geller.", True),
        ("This is Mara Voss, our pilot.", True),
        ("Here's my friend Ross.", True),
    ],
)
def test_a_place_shown_is_no_one_introduced(text: str, introduces: bool) -> None:
    assert introduces_another(text) is introduces


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # the fiftieth blind look's tango: the formula with an article, and in Spanish
        ("Mucho gusto, señora. A pleasure to meet you. Héctor Barrios.", "Mucho gusto"),
        ("A pleasure to meet you, Mrs Vale.", "A pleasure to meet you"),
        ("It is an honour to meet you, sir.", "an honour to meet you"),
        # the sixty-fifth look's logging-camp clerk
        (
            "Horace Beaulac, at your service. It is an honour to make your acquaintance.",
            "an honour to make your acquaintance",
        ),
        ("It was an honour to make the team.", None),
        ("Encantada, señor Barrios.", "Encantada"),
        ("Enchantée, monsieur.", "Enchantée"),
        # the forty-eighth's Fleet Street pub: a modal who-are-you and its idiom's tail
        ("Help you, squire? And who might you be when you're at home?", "who might you be"),
        # not a formula: a word of the language in a sentence of its own
        ("Estoy encantada con la casa.", None),
        ("It's a pleasure to watch you work.", None),
    ],
)
def test_the_stranger_formulas_of_other_registers_and_languages(
    text: str, phrase: str | None
) -> None:
    from showbible.rules.stranger_line import stranger_phrase

    found = stranger_phrase(text)
    assert (found[0] if found else None) == phrase


@pytest.mark.parametrize(
    ("text", "sincere"),
    [
        # the fifty-first blind look's stage door: a trade guessed is a sincere question
        ("Who are you? Press?", True),
        ("Who are you? A doctor?", True),
        ("Who are you? From the council?", True),
        # whom one would mock someone as is a rhetorical guess
        ("Who are you? My mother?", False),
        ("Who are you? Larry King?", False),
        ("Who are you? The Hardy boys?", False),
    ],
)
def test_a_trade_guessed_after_who_are_you_is_sincere(text: str, sincere: bool) -> None:
    from showbible.rules.stranger_line import stranger_phrase

    assert (stranger_phrase(text) is not None) is sincere


def test_a_books_narration_on_the_speechs_own_line_says_whom_it_is_for() -> None:
    """The sixty-eighth blind look's border post, a novel's paragraph: '"Nice to meet you," said
    Agnieszka, and held out her hand to Orysia.' -- the narration shares the speech's line."""
    from showbible.reading.facts import Sentence, Speech
    from showbible.rules.stranger_line import turned_to

    speeches = [
        Speech("bohdan", 95, 95, "Morning.", None, False),
        Speech("agnieszka", 97, 97, "Nice to meet you.", None, False),
    ]
    sentences = [
        Sentence(97, "said Agnieszka, and held out her hand to Orysia.", ("agnieszka", "orysia"),
                 (5, 40)),
    ]  # fmt: skip
    assert turned_to(speeches, 1, lambda w: w == "Orysia", sentences) == ("to", "Orysia")
    # another's action, on the line before the speech, is not the speaker's turn
    other = [Sentence(96, "Bohdan nods to Orysia.", ("bohdan", "orysia"), (0, 15))]
    assert turned_to(speeches, 1, lambda w: w == "Orysia", other) is None
