"""What is done for a body, alive or dead, which shows no one alive (``prose_seen.seen`` asks
it of a name before reading it as acted on): a face covered or eyes closed by another's hand
("draws the sheet up over Hanlon's face", the twenty-seventh blind look; "closes Tobias's
eyes"), a thing set down on a face ("drops the keys on top of Frankie's face"), and
a check for life ("holds up his handkerchief in front of Farrow's nose to check he
isn't breathing", a real Doctor Who transcript after Farrow is shot; "feels for a pulse at
Tobias's neck"; "checks Cole for a pulse"). A hand taken, a shoulder touched stay shown: the
living are touched far more often. And a body part of someone whose remains the scene has
already laid out is the remains' ("Auguste's open coffin stands before the altar" ... "looks a
long moment at Auguste's face in the candlelight", the forty-second blind look:
``part_of_remains``)."""

from __future__ import annotations

import re

from showbible.quick import rx
from showbible.reading.prose_words import BODY

_SHROUDED = rx.compile(
    r"\b(?:(?:sheet|blanket|cloth|shroud|tarp|tarpaulin|coat|jacket|veil)\s+(?:[a-z]+\s+){0,2}"
    r"(?:over|across)|(?:closes?|closed|closing|shuts?|shutting)|(?:covers?|covered|covering))\s+$",
    re.IGNORECASE,
)
_FACE_AFTER = rx.compile(r"^['’]s\s+(?:face|eyes|eyelids|head|body)\b")
# A check for life: whether someone breathes, has a pulse. What it is done to is a body, alive
# or dead; the sentence does not show them alive ("holds his handkerchief in front of Farrow's
# nose to check he isn't breathing", "feels for a pulse at Tobias's neck", "checks Cole for a
# pulse").
_LIFE_CHECK = rx.compile(
    r"\b(?:check(?:s|ed|ing)?|feel(?:s|ing)?|felt|search(?:es|ed|ing)?|listen(?:s|ed|ing)?)\s+"
    r"(?:[\w'’]+\s+){0,6}?(?:for\s+)?(?:a\s+|any\s+)?(?:pulse|heartbeat|heart\s*beat|breath|"
    r"breathing|signs?\s+of\s+life)\b|\b(?:isn't|is\s+not|wasn't|was\s+not|no\s+longer|not)\s+"
    r"breathing\b",
    re.IGNORECASE,
)
_CHECKED_PART = rx.compile(
    r"^['’]s?\s+(?:nose|mouth|lips|wrist|neck|throat|chest|pulse|face|heart|body)\b"
)
_CHECKED_FOR = rx.compile(
    r"^\s+for\s+(?:a\s+|any\s+)?(?:pulse|heartbeat|breath|signs?\s+of\s+life)"
)


# A thing set down on someone's face or eyes: "drops a ring of keys on the desk, on top of
# Frankie's face" (the thirty-ninth blind look: a dead man's face in the morning paper). Not a
# chest or a brow (a blanket, a cold cloth: the living are nursed so), nor one's own head or
# hand laid there (the living are leant on).
_PLACED = rx.compile(
    r"\b(?:drop|lay|laid|place|set|put|toss|pile|stack|drape|spread)"
    r"(?:s|es|d|ed|ing|ped|ping|ting)?\s+"
    r"(?:[\w'’,-]+\s+){0,10}?(?:on\s+top\s+of|onto|upon|on|over|across)\s+$",
    re.IGNORECASE,
)
_OWN_PART = rx.compile(
    r"\b(?:his|her|their|my|your)\s+(?:own\s+)?(?:head|hands?|cheek|palm|fingers|arms?|lips|"
    r"forehead|ear)\b",
    re.IGNORECASE,
)
_LAID_ON = rx.compile(r"^['’]s?\s+(?:face|eyes|body|corpse)\b")


def tended(sentence: str, before: str, after: str) -> bool:
    """Whether the name between ``before`` (the sentence up to it, or its last words) and
    ``after`` is tended as a body: its face covered, its eyes closed, a thing set on its face,
    its breath or pulse checked."""
    if _SHROUDED.search(before) and _FACE_AFTER.match(after):
        return True
    placed = _PLACED.search(before) if _LAID_ON.match(after) else None
    if placed is not None and not _OWN_PART.search(placed.group()):
        return True
    return bool(
        before.strip()
        and _LIFE_CHECK.search(sentence)
        and (_CHECKED_PART.match(after) or _CHECKED_FOR.match(after))
    )


_OWNED_PART = rx.compile(rf"^['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{BODY})\b")


def part_of_remains(after: str, laid_out: bool) -> bool:
    """Whether ``X's face``/``X's hands`` (``after``: the text after the name) is a part of X's
    remains: the scene has laid them out before (``laid_out``: a coffin, a body, a corpse of X
    read earlier in the scene)."""
    return laid_out and _OWNED_PART.match(after) is not None
