"""Which shows a sentence names as a performer's credit rather than as the show of the role it
casts: "Mayor of Kingstown's Ash Santos as Andrea", "Zoe McLellan from NCIS: New Orleans will be
playing", "Station 19 actor X" named once, and the shows of a who-clause aside ("Baldwin, who has
been playing Trump on Saturday Night Live, will return as ...")."""

from __future__ import annotations

import re
from collections import Counter

from showbible.news.entities import NAM, SER, Marked
from showbible.news.facts import NewsFact
from showbible.news.names import keyof
from showbible.quick import rx

# (a title the reader does not know may stand beside them: `("This is Us", "Gypsy") as`; what
# the role is may come before its name: `as defender "Tameika Washington"`)
_CREDIT_LIST = rx.compile(
    rf"{NAM}\s*\((?P<b>[^()\ue002]*{SER}[^()\ue002]*)\)"
    rf"(?=(?:\s*,?\s*(?:and\s+)?{NAM}\s*\([^()]*\))*\s*,?\s*(?:will\s+|is\s+set\s+to\s+|also\s+)*"
    r"(?:portray|play|star\s+as|voice|tackle|take\s+on|as)\s+(?:[a-z]+\s+){0,2}\ue002)"
)


def who_asides(text: str) -> list[tuple[int, int]]:
    """Where a sentence's who-clauses between commas are ("Baldwin, who has been playing Trump
    on Saturday Night Live, will return as ..."): their shows are the performer's, not the
    role's that follows."""
    return [(a.start(), a.end()) for a in re.finditer(r",\s+who\s+[^,;.]{0,80},", text)]


_STAR_OF_SHOWS = rx.compile(
    rf"\b(?:star|stars|actor|actress)\s+of\s+{SER}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)"
    rf"(?:{SER}|{NAM}))+"
)
_SER_TOKEN = rx.compile(SER)


def credited(m: Marked, counts: Counter[str] | None = None) -> set[str]:
    """Shows named as an actor's credit: "Mayor of Kingstown's Ash Santos as Andrea", "Gilmore
    Girls' Arielle Kebbel as Belle", "THE NEIGHBORS' Toks Olagundoye has joined the ABC drama as
    Hayley" (the role is in the show being cast, not in that one), and
    "Wonder actress Danielle Rose Russell" when the article names that show only there."""
    out = {
        m.at(c.group("s")).value
        for c in re.finditer(
            rf"(?P<s>{SER})[’'‘]s?\s+{NAM}\s+(?:(?:has\s+|have\s+|will\s+|is\s+)?(?:joined|joins|"
            rf"join|joining|signed\s+on\s+to|boarded)\b[^.;\ue002]{{0,40}}?\s+)?"
            rf"(?:as|to play|will play)\b",
            m.text,
        )
    }
    # "Madelyn (played by GLOW's Ellen Wong)", "Kate (The Nanny's Fran Drescher)": a show's
    # possessive on the performer a role is given to, in a bracket or after "played by"
    out |= {
        m.at(c.group("s")).value
        for c in re.finditer(
            rf"(?:\(\s*|\b(?:played|portrayed|voiced)\s+by\s+)(?P<s>{SER})[’'‘]s?\s+{NAM}", m.text
        )
    }
    # "Zoe McLellan from NCIS: New Orleans will be playing", "who was previously seen in X"
    for c in re.finditer(
        rf"{NAM}\s+from\s+(?P<s>{SER})|\b(?:seen|known|starred)\s+(?:in|on|for)\s+(?P<s2>{SER})"
        r"|\b(?:executive\s+producer|creator|writer|alum|veteran)\s+(?:of|on)\s+"
        rf"(?P<s3>{SER})",
        m.text,
    ):
        out.add(m.at(c.group("s") or c.group("s2") or c.group("s3")).value)
    # "The 36-year-old star of Penny Dreadful and Mr Mercedes has been cast as Detective
    # Inspector Keith Pedder": the shows a performer is the star of, two or more listed, are
    # credits (one alone may be the show itself: "the breakout star of the series")
    for c in _STAR_OF_SHOWS.finditer(m.text):
        out.update(m.at(s.group()).value for s in _SER_TOKEN.finditer(c.group()))
    # "Liam Neeson, who brings the menace of his role in Taken": a performer's own past role,
    # when the article names that show nowhere else
    for c in re.finditer(rf"\b(?:his|her|their)\s+(?:\w+\s+)?role\s+in\s+(?P<s>{SER})", m.text):
        show = m.at(c.group("s")).value
        if (
            counts is not None
            and counts[show] < 2
            and not re.search(
                r"\b(?:reprise|reprises|reprised|reprising|return|returns|returning)\b",
                m.text[: c.start()],
            )
        ):
            out.add(show)
    for c in re.finditer(rf"(?P<s>{SER})\s+(?:actor|actress|star|alum)\s+{NAM}", m.text):
        show = m.at(c.group("s")).value
        if counts is not None and counts[show] < 2:
            out.add(show)
    # `Paige Hurd ("The Oval", "Hawaii Five-O") as "Lauren"`, "A (X) and B (Y) will tackle the
    # roles of": shows alone in a bracket after a performer, before the role's verb, are credits
    for c in _CREDIT_LIST.finditer(m.text):
        out |= {x.value for x in m.all(c.group("b")) if x.kind == "series"}
    # "Former Reno 911! star Niecy Nash will play ...": a past credit, however often it is named
    for c in re.finditer(
        rf"\b(?:[Ff]ormer|[Ee]x-|[Oo]ne-?time)\s*(?P<s>{SER})\s+(?:actor|actress|stars?|alums?)\b",
        m.text,
    ):
        out.add(m.at(c.group("s")).value)
    return out


# "Killing Eve star Jodie Comer", "his Fargo co-star Kirsten Dunst", "Ozark's Julia Garner"
_STAR_OF = r"(?:[’']s?|\s+(?:star|co-star|actor|actress|favourite|favorite|alum|regular))\s+"


def star_credit_placements(facts: list[NewsFact]) -> list[NewsFact]:
    """Without the appearances read from a show's star credit ("Killing Eve star Jodie Comer
    was pictured filming The Last Duel"; her role there is Marguerite) when the article places
    that role in another show: the credit says where the performer is known from, not where the
    role the article gives them is. A role placed nowhere else keeps it ("Ozark's Julia Garner
    won her second Emmy" ... Ruth Langmore)."""
    shows: dict[str, set[str]] = {}
    for f in facts:
        if f.kind == "appears_in":
            shows.setdefault(keyof(f.subject), set()).add(keyof(f.object))
    performer = {keyof(f.object): f.subject for f in facts if f.kind == "plays"}
    out = []
    for f in facts:
        who = performer.get(keyof(f.subject)) if f.kind == "appears_in" else None
        if (
            who is not None
            and len(shows[keyof(f.subject)]) > 1
            and re.search(re.escape(f.object) + _STAR_OF + re.escape(who), f.sentence)
        ):
            continue
        out.append(f)
    return out
