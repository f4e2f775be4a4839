"""Shows the article makes known by how it uses their names, none of the uses enough alone.

The strong cues (series.py) each say "a show" on their own ("X season 2", "X star Jane Doe",
"the spin-off X"). A broadcast soap or a long-running drama is often never put that way: the
press writes "Casualty is poised to return", "Casualty staple Charlie Fairhead", "the Casualty
production team", "Emmerdale's first trans cast member", "when he first joined Emmerdale".
Most of those are something a person, a place or a club could share ("Rovers bosses", "joined
Chelsea"), so none is taken alone: a name is a show when the article uses it in two *different*
such ways, one of them a production's alone (its production team, its writers, its staples, its
cast members, storylines or episodes), and it is shaped like no person's full name (no given
name opens it; a name the article gives a person is taken back with every other title). Two
uses of one way are not enough: the tabloids repeat a paragraph as a photo caption word for
word.
"""

from __future__ import annotations

import re

from showbible.news.cleaning import Article, unquoted
from showbible.news.series import TITLE, series_name
from showbible.quick import rx
from showbible.reading.lexicon.given import is_given_name

# What only a production has, after its name: its team, its writers, its staples.
_TEAM = rx.compile(
    rf"(?P<t>{TITLE})(?<![’']s)\s+(?:production\s+team|producers|writers|writing\s+team|"
    r"scriptwriters|staple|cast\s+and\s+crew|teams,\s+cast)\b"
)
# What a production shares with a club or a firm: its bosses, its insiders, its newcomers.
_STAFF = rx.compile(
    rf"(?P<t>{TITLE})(?<![’']s)\s+(?:bosses|spokes(?:person|man|woman)|insiders?|regulars|"
    r"newcomer|favourite|favorite)\b"
)
# Its possessive before what a production has ("Emmerdale's first trans cast member", "the
# soap's longest serving character" is series.py's business).
_OWNS = rx.compile(
    rf"(?P<t>{TITLE})[’']s?\s+(?:[\w-]+\s+){{0,3}}?(?:cast\s+members?|cast|storylines?|"
    r"characters?|episodes?|viewers|bosses|producers|writers|newcomers?|regulars)\b"
)
# What one does to a production (and to a club): joins it, leaves it, is written out of it.
_MOVES = rx.compile(
    r"\b(?:joined|joins|joining|quit|quits|quitting|left|leaving|leaves|axed\s+from|"
    r"written\s+out\s+of|exit(?:ed|s)?\s+from|return(?:s|ed|ing)?\s+to|back\s+on|"
    rf"stint\s+on|time\s+on)\s+(?P<t>{TITLE})\b"
)
# What a production (or a club) does: returns, airs, is poised to return.
_ACTS = rx.compile(
    rf"(?P<t>{TITLE})\s+(?:is|was|will\s+be)\s+(?:poised|set|due|expected)\s+to\s+(?:return|air)\b"
    rf"|(?P<a>{TITLE})\s+(?:returns|returned|aired|airs)\s+(?:to|on|with|in)\b"
)
WAYS = (_TEAM, _OWNS, _STAFF, _MOVES, _ACTS)
_PRODUCTION_ONLY = frozenset({0, 1})  # the indexes in WAYS of what no club or firm has


def used_titles(article: Article) -> list[str]:
    """Titles the article uses in two different ways a production is used, none shaped as a
    person's name (a name the article gives a person elsewhere is taken back by
    ``entities.learn_series``, which asks this, with every other title)."""
    ways: dict[str, dict[int, set[tuple[int, int]]]] = {}
    for para in article.paragraphs:
        text = unquoted(para.text)
        for k, way in enumerate(WAYS):
            for m in way.finditer(text):
                group = "t" if m.group("t") else "a"  # only _ACTS has two alternatives
                raw = m.group(group)
                inside = bool(re.search(r"[a-z,]\s+$", text[: m.start()])) and not para.title
                name = series_name(raw, inside=inside)
                if name and _show_shaped(name):
                    # a use is a mention of the name: where the name stands, whichever way
                    ways.setdefault(name, {}).setdefault(k, set()).add((id(para), m.start(group)))
    return [name for name, by_way in ways.items() if _two_ways(by_way)]


def _two_ways(by_way: dict[int, set[tuple[int, int]]]) -> bool:
    """Two ways at two places: one mention read by two ways ("joined Wexmoor writers" as a
    joining and as a production's writers) is one use."""
    uses = [(k, where) for k, found in by_way.items() for where in found]
    return any(k != j and a != b and k in _PRODUCTION_ONLY for k, a in uses for j, b in uses)


def _show_shaped(name: str) -> bool:
    """Not a person's full name: no given name opens a name of two words or more."""
    words = name.split()
    return len(words) == 1 or not is_given_name(words[0])
