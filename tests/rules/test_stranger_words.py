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
