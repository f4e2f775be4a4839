"""What a possessive's head says of its owner: something they do (``X's next move``), a thing
of theirs being handled on them (``tugs at Cole's sleeve``), or their vehicle on the move
(``Tobias's truck roars up the drive``): in each the owner is there.

Read by ``reading/prose.py`` before it takes ``X's ...`` for a reference.
"""

from __future__ import annotations

from showbible.quick import rx
from showbible.reading.prose_words import (
    ACT_MODIFIERS,
    ADJECTIVES,
    COMPOUND_GERUNDS,
    DOING,
    VEHICLE,
    WORN,
)

_TOUCHING = rx.compile(
    r"\b(?:tugs?|tugging|pulls?|pulling|plucks?|yanks?|yanking|straightens?|straightening|"
    r"adjusts?|adjusting|brush(?:es)?|brushing|smooths?|smoothing|fiddles?\s+with|ties|tying|"
    r"unties|untying|buttons?|unbuttons?|loosens?|loosening|tightens?|fixes|grips|gripping|"
    r"clutches|clutching|grasps|tears|rips|dusts?\s+off)\s+(?:at\s+|on\s+)?$"
)
_MOVING = rx.compile(
    r"^(?:(?:\w+ly|slowly|then|finally)\s+)?(?:drives|pulls|glides|speeds|screeches|races|roars|"
    r"rolls|flies|zooms|swerves|turns|rounds|careens|barrels|cruises|rumbles|approaches|arrives|"
    r"departs|crawls|creeps|skids|lurches|bounces|tears|rockets|soars|lands|takes|peels|"
    r"sails|chugs|putters|whizzes|hurtles|accelerates|brakes|rattles)\b"
)


def doing(head: list[str]) -> bool:
    """``X's next move``, ``X's every step``, ``X's point of view``: an act of X or X's eyes."""
    for k, w in enumerate(head):
        if w in DOING or (w == "point" and head[k + 1 : k + 3] == ["of", "view"]):
            return True
        if w == "move" and k > 0 and head[k - 1] in ACT_MODIFIERS:
            return True
        if w not in ADJECTIVES and w not in ACT_MODIFIERS:
            return False
    return False


def worn_and_touched(words: list[str], before: str) -> bool:
    return (
        bool(words) and _TOUCHING.search(before) is not None and any(w in WORN for w in words[:3])
    )


def carried_off(words: list[str]) -> bool:
    for k, w in enumerate(words[:3]):
        if w in VEHICLE:
            return _MOVING.match(" ".join(words[k + 1 : k + 4])) is not None
    return False


# After "X's V-ing": a word that cannot begin a noun phrase the -ing word modifies, so 's is
# "is" ("Cole's reading a letter", "walking home", "sleeping soundly", "running late").
_NOT_A_NOUN_NEXT = rx.compile(
    r"^\s*(?:$|[^\w\s]|(?:a|an|the|his|her|their|its|my|your|our|this|that|these|those|him|"
    r"them|it|me|us|you|to|in|on|at|from|into|onto|with|by|for|of|off|out|up|down|away|back|"
    r"home|around|over|through|across|along|again|now|alone|together|late|early|fast|hard|"
    r"here|there|inside|outside|upstairs|downstairs|tonight|today|and|or|but|as|\w+ly)\b)"
)


def after_gerund(gerund: str, tail: str) -> str:
    """What ``X's`` and an -ing word are, by the words after them (``tail``): "doing" when 's
    is "is" ("Cole's reading a letter", "walking home"); "thing" when the -ing word makes a
    thing of the noun after it ("Pryce's sleeping bag", "Cole's riding boots"): X's, as any
    possessive; "either" otherwise (the noun after decides: "Jonah's curling staff photo" is
    his photo, "Cole's eating lunch" is Cole eating)."""
    if _NOT_A_NOUN_NEXT.match(tail):
        return "doing"
    return "thing" if gerund in COMPOUND_GERUNDS else "either"
