"""Performers named by a description instead of their name or a pronoun: "The actress - who
plays teen Amy Barlow - opted for ...", "The 17-year-old star plays Amy", "The pair play twins
Aadi and Asha Alahan" (the two just named). The press names its subject once in full and then
by what they are (actress, actor, star, the pair); who the description stands for is read as a
pronoun's antecedent is (antecedents.py): the person the sentence before is about, else the
last performer named before it.
"""

from __future__ import annotations

from showbible.news.cleaning import Paragraph
from showbible.news.entities import NAM
from showbible.news.roleforms import AUX, C_ITEM, V_AS, V_DIRECT, role_named
from showbible.news.roles import Roles
from showbible.quick import rx

# "The actress", "The young actor", "The 17-year-old star", "The Oscar-winning actress", "The
# former Coronation Street star" (the show's mark stands for its words), "The actress, 32,"
_DESCRIPTION = (
    r"[Tt]he\s+(?:(?:\d{1,3}-year-old|[A-Za-z][\w-]*|\ue000\d+\ue001)\s+){0,3}?"
    r"(?P<noun>actress|actor|star|performer|comedian|comedienne)(?:\s*,\s*\d{1,3}\s*,?)?"
)
_DESCRIBED_PLAYS = rx.compile(
    rf"(?:^\W*|[.;]\s+)(?P<who>{_DESCRIPTION})(?:\s*(?:[-–—]|,)?\s*who)?\s+{AUX}"
    rf"(?:{V_DIRECT}\s+(?:the\s+(?:title\s+)?(?:role|part|character)\s+of\s+)?|(?:{V_AS}|guest-starred|(?:shot|rose)\s+to\s+fame|found\s+fame)\s+as\s+|"
    rf"(?:his|her|their)\s+(?:[\w-]+\s+)?(?:role|part)\s+as\s+)(?P<c>{C_ITEM})"
)
# "The pair play twins Aadi and Asha Alahan", "The duo portray sisters Ana and Mia": two roles
# for the two performers named last, in their order
_KIN = r"(?:twins|siblings|brothers|sisters|couple|lovers|rivals|parents|best\s+friends|friends)"
_PAIR_PLAYS = rx.compile(
    rf"\b(?:[Tt]he\s+(?:pair|duo|two)|[Bb]oth)\s+{AUX}{V_DIRECT}\s+(?:(?:the|on-?screen|"
    rf"{_KIN})\s+)*(?P<c>{NAM}\s*,?\s+and\s+{NAM})"
)


def described_roles(reader: Roles, sentence: str, para: Paragraph, question: bool) -> None:
    """Propose who plays whom where the performer is named by a description."""
    m = reader.kb.mark(sentence)
    text = m.text
    for match in _DESCRIBED_PLAYS.finditer(text):
        noun = match.group("noun")
        sex = "f" if noun in ("actress", "comedienne") else "m" if noun == "actor" else None
        who = reader.subject_before(para, sentence) or reader.described(para, sentence, sex)
        if who is None:
            continue
        q = reader.qualifier(m, match.start(), match.end(), question)
        played = reader.emit_plays(
            who, role_named(m, match.group("c")), m, sentence, para, 0.7, q, match.start()
        )
        if played:
            reader.role_in(match.end(), m, played, sentence, para, q)
    for match in _PAIR_PLAYS.finditer(text):
        pair = reader.last_performers(para, sentence, known=False)
        roles = [x for x in m.all(match.group("c")) if x.kind == "name"]
        if len(pair) != 2 or len(roles) != 2:
            continue
        q = reader.qualifier(m, match.start(), match.end(), question)
        for who, role in zip(pair, roles, strict=True):
            played = reader.emit_plays(who, role, m, sentence, para, 0.7, q, match.start())
            if played:
                reader.role_in(match.end(), m, played, sentence, para, q)
