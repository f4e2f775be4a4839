"""Who a pronoun stands for, when the sentence itself says it."""

from __future__ import annotations

import re

from showbible.news.entities import Knowledge, Marked
from showbible.news.names import keyof


def opening_person(kb: Knowledge, m: Marked, at: int) -> str | None:
    """The person a sentence opens with, for a pronoun at ``at`` later in it ("Peri Gilpin made
    an appearance, now she returns as Roz Doyle"); none when another name stands between, or
    when the opening name is a character's."""
    first = re.match("[^\\w\ue000\ue002]*", m.text)
    if at <= 0 or first is None or not m.mentions:
        return None
    named = [x for x in m.mentions if 0 <= m.text.find(x.token) < at and x.kind == "name"]
    x = m.mentions[0]
    if x.kind != "name" or named != [x] or m.text.find(x.token) != first.end():
        return None
    full = kb.full(x.value)
    return full if keyof(full) in kb.persons and kb.performer_like(full) >= 0 else None
