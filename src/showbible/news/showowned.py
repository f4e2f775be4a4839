"""A show's possessive before one of its characters: "EastEnders' Kush Kazemi is set for a
dramatic exit", "Coronation Street's Amy Barlow", "Grey's Anatomy's Meredith Grey". A tabloid
names a soap's people so, and often never pairs the character with the show in any other way.

Read after the roles (the names are then known as characters: someone plays them, or the
article's evidence made them characters), so that a performer in the same place is not one
("Coronation Street's Elle Mulvaney" is the actress: no appearance). The owner must be shaped
as a show: no first name opens it unless the article already knows it as a show ("Kira's
brother Danny" is kin), and no network, outlet or organisation (``series_name`` refuses them:
"Netflix's Wednesday Addams" says where it streams).
"""

from __future__ import annotations

from collections.abc import Callable

from showbible.news.cleaning import Article, sentences
from showbible.news.entities import Knowledge
from showbible.news.names import NAME, keyof
from showbible.news.series import TITLE, series_name
from showbible.quick import rx
from showbible.reading.lexicon.given import is_given_name

_OWNED = rx.compile(rf"(?P<t>{TITLE})(?:[’']s|[’'])\s+(?P<n>{NAME})")

# How an appearance is kept: (character, show, line, sentence, confidence).
Add = Callable[[str, str, int, str, float], None]


def show_owned_characters(kb: Knowledge, article: Article, add: Add) -> bool:
    """Add each appearance so said; whether a show was learnt from one (none named before)."""
    learnt = False
    characters = {keyof(c) for c in kb.characters.values()} | {keyof(c) for c in kb.roles.values()}
    for para in article.paragraphs:
        text = kb.speechless(para.text)
        for _at, sentence in sentences(text):
            if "'" not in sentence and "’" not in sentence:
                continue
            for m in _OWNED.finditer(sentence):
                name = kb.full(m.group("n"))
                if keyof(name) not in characters or keyof(name) in kb.performers:
                    continue
                owner = m.group("t")
                known = kb.is_series(owner)
                if known is None and (
                    is_given_name(owner.split()[0])
                    or keyof(owner) in kb.persons
                    # "Hurley's Clare" after "Elizabeth Hurley": a performer's character
                    or kb.someones_surname(owner)
                ):
                    continue
                show = known or series_name(owner)
                if not show or keyof(show) == keyof(name):
                    continue
                if known is None:
                    kb.add_series(show)  # the article's show now, for what is read after
                    show, learnt = kb.is_series(show) or show, True
                add(name, show, para.line, sentence, 0.6)
    return learnt
