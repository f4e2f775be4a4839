"""Things taken for shows: a format, a holiday, a country, a person, two titles joined.

A character is placed in the show its sentence or its article names, and the span read as that
show is sometimes none: a review's format ("DVD review: ..."), a season of the year's holiday
("BBC's Christmas season"), the nationality before a series' noun ("in the US series 21 Jump
Street", which names the show after it), a maker's name ("Roald Dahl's classic ..."), or a
show joined by "and" to a person or a channel ("The Catherine Tate Show and Sacha Baron Cohen",
"Filthy Love and Channel 4"). An appearance in such a span is moved to the show the sentence
names after the nationality, or dropped.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from showbible.news.cleaning import Article
from showbible.news.facts import NewsFact
from showbible.news.names import NOT_PERSON_FIRST, keyof
from showbible.news.possessives import maker
from showbible.quick import rx

# What a review, a schedule or a medium is called: never a show on its own.
_FORMATS = frozenset(
    ("dvd", "dvds", "cd", "video", "vhs", "blu-ray", "radio", "tv", "television", "christmas",
     "easter", "halloween", "new year", "big screen", "the big screen", "small screen")
)  # fmt: skip
_COUNTRIES = frozenset(
    ("us", "uk", "usa", "america", "britain", "england", "scotland", "wales", "ireland",
     "france", "india", "australia", "canada", "japan", "germany", "italy", "spain")
)  # fmt: skip
_DEMONYM = rx.compile(r"[A-Z][a-z]+(?:ish|ian|can|ese)$")
_TV_NOUN = r"(?:series|sitcom|soap|show|drama|comedy|cartoon|serial|programme)"
_TITLE_AFTER = (
    r"(?P<t>(?:[A-Z][\w'’-]*|\d[\w/]*)(?:\s+(?:(?:of|the|and|in|on|a|to|for)\s+)*"
    r"(?:[A-Z][\w'’-]*|\d+))*)"
)


def _country(name: str) -> bool:
    return keyof(name) in _COUNTRIES or (" " not in name and _DEMONYM.match(name) is not None)


def _joined(name: str, is_person: Callable[[str], bool]) -> bool:
    parts = re.split(r"\s+(?:and|&)\s+", name)
    return len(parts) > 1 and any(
        is_person(p) or p.split()[0] in NOT_PERSON_FIRST for p in parts if p.split()
    )


def place_in_shows(
    facts: list[NewsFact], article: Article, is_person: Callable[[str], bool]
) -> list[NewsFact]:
    """The appearances whose show is a show (see the module's docstring); other facts
    unchanged."""
    text = article.text
    out = []
    for f in facts:
        if f.kind != "appears_in":
            out.append(f)
            continue
        show = f.object
        # "Footballers' Wives" cut at its apostrophe: the title whole, and its halves no pair
        cut = re.search(
            # (not a quoted title's closing quote: "‘Harbor Nights’ Imagery")
            rf"(?<![\w\-‘'“\"]){re.escape(show)}['’][ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*",
            text,
        )
        # ("EastEnders' Kush Kazemi": a person's name after it, the show's character)
        owned = cut is not None and is_person(cut.group(0)[len(show) + 1 :].strip())
        if cut is not None and show.endswith("s") and not owned:
            if keyof(f.subject) in keyof(cut.group(0)):
                continue
            f = dataclasses.replace(f, object=cut.group(0))
            show = f.object
        if _country(show):
            # "the US series 21 Jump Street": the show is the title after the noun
            after = re.search(
                rf"(?<![\w-]){re.escape(show)}\s+(?:[a-z-]+\s+){{0,2}}{_TV_NOUN}\s+{_TITLE_AFTER}",
                f.sentence,
            )
            if after is not None and keyof(after.group("t")) != keyof(f.subject):
                out.append(dataclasses.replace(f, object=after.group("t")))
            continue
        if keyof(show) in _FORMATS or _joined(show, is_person):
            continue
        if " " in show and maker(text, show, whole=True):
            continue  # "Roald Dahl's classic ...", "director Mike Leigh"
        out.append(f)
    return out
