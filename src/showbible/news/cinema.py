"""A role named by its noun among the cinema's prizes or takings, and a stage's world named as a
show: the guards a role's noun needs, shared by the two readers of that class.

"In other categories, A won for her role as X in T", in a paragraph about the Oscars, is a film
role unless something puts T on television: a word for it in the phrase ("in the cult TV show
T") or in the article before T's name. And "her role as X on Broadway" places X in no show:
Broadway, the West End, Hollywood are where films and plays are made.

Both ``careers`` (a role's noun owned by a pronoun, a career's list) and ``rolenouns`` (one
owned by a name) read roles named by a noun, and both ask here.
"""

from __future__ import annotations

import re

from showbible.quick import rx

# A paragraph about the cinema's prizes or takings, and the words that put a show on TV anyway
CINEMA = rx.compile(r"\bOscars?\b|\bAcademy\s+Awards?\b|\bbox[- ]office\b|\bbig\s+screen\b")
TV_KIND = rx.compile(r"\b(?:TV|television|soap|series|sitcom|show|drama|comedy|BBC|ITV|Channel)\b")
# Names of a film's or a stage's world, never a show's
_STAGE_OR_SCREEN = rx.compile(
    r"(?:Broadway|Off-Broadway|West\s+End|Hollywood|Bollywood|the\s+West\s+End)", re.I
)


def televised(article: str, show: str) -> bool:
    """Whether the article names a title after a word for television ("cult TV show T")."""
    pattern = rf"{TV_KIND.pattern}\s+(?:[\w\-]+\s+){{0,2}}?{re.escape(show)}\b"
    return re.search(pattern, article) is not None


def among_the_cinema(paragraph: str, article: str, phrase: str, show: str | None) -> bool:
    """Whether a role named by its noun, in a paragraph about the Oscars or the box office,
    has nothing that says it is on television: no word for it in ``phrase`` (the role's words
    up to its show), and no mention of ``show`` after one in the article."""
    if CINEMA.search(paragraph) is None or TV_KIND.search(phrase):
        return False
    return not (show and televised(article, show))


def stage_or_screen(name: str) -> bool:
    """A film's or a stage's world named where a show would be ("on Broadway")."""
    return _STAGE_OR_SCREEN.fullmatch(name.strip()) is not None
