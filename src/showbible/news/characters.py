"""Which names are characters, decided by evidence across the whole article.

The relation patterns used to know a character only when the article paired it with its
performer (``X (Performer)``, ``Performer as X``) or the bible named it. New outlets name
characters bare: ``Castle's Beckett``, ``Ichabod Crane and Abbie Mills take a trip to Bones``,
``the staff of St. Elsewhere: Westphall, Auschlander and Craig``. A name is a character here
when the article gives one kind of evidence for it and none of being a performer:

- its words: a rank or title opening a name that has character evidence (``Agent Mills``,
  ``Dr. Addison Montgomery``), or standing before a one-word name (``Doctors Westphall``); ``as
  X`` and ``X, played by`` are read by the plays pass already;
- a show it belongs to: ``SER's X`` with a bare first or last name (the press names a performer
  in full), ``SER character X``, ``X, a/the ... of SER``, ``X from SER``;
- its company: named in one list (``A, B and C``, ``A and B``) with a character and with no
  performer;
- its shape, asked only by the appearance frame: a one-word name that the article never gives in
  full, that stands inside a sentence at least once (``Court is back in session`` opens one),
  not after a preposition (``head for Italy``) and never after ``the`` (``the Yellowstone
  ranch``), is a character's (performers are named in full).

A name with any performer evidence (``actor``, ``stars``, a cast list, the bible, a role of its
own in the article) is never made a character here.
"""

from __future__ import annotations

import dataclasses
import re

from showbible.news.cleaning import Article, sentences
from showbible.news.entities import NAM, SER, Knowledge, Marked, ranked, title_case
from showbible.news.facts import NewsFact
from showbible.news.names import ORGS, OUTLETS, keyof, words
from showbible.quick import rx
from showbible.reading.lexicon import is_common, names_no_one
from showbible.reading.lexicon.given import is_given_name, is_surname

# "Castle's Beckett", "Frasier's ex-wife Lilith Sternin", "FBI's Jubal": a show's own people.
_OWNED = rx.compile(rf"(?P<s>{SER})[’']s?\s+(?:(?:[a-z][\w\-]*)\s+){{0,3}}(?P<n>{NAM})")
# "her Cheers character, Diane Chambers", "the Seinfeld character Kramer"
_SHOW_CHARACTER = rx.compile(rf"(?P<s>{SER})\s+(?:character|role)s?\s*,?\s+(?P<n>{NAM})")
# "Jay Sherman from the animated series The Critic", "Steve Urkel from ABC's Family Matters"
_FROM = rx.compile(
    rf"(?P<n>{NAM})\s+(?:\([^()]*\)\s+)?from\s+(?:(?:the|then-new|[\w\-]+[’']s|[a-z][\w\-]*|"
    rf"TV)\s+){{0,5}}(?P<s>{SER})"
)
# The words of an appositive that says what someone is in a show, a performer's words left out
# ("Kate Vance, the star of X" is a credit).
NOT_PERFORMER = (
    r"(?:(?!(?:stars?|co-stars?|actors?|actress(?:es)?|creators?|producers?|showrunners?|"
    r"writers?|directors?|hosts?|alums?|veterans?|cast|voice)\b)[a-z][\w\-]*\s+)"
)
# "Ahsoka Tano, a main character from A", "Gil Grissom, the former leader of the CSI team"
_APPOSITIVE = rx.compile(
    rf"(?P<n>{NAM}),\s+(?:a|an|the|one\s+of\s+the)\s+{NOT_PERFORMER}{{0,4}}?(?:of|from|on|in)\s+"
    rf"(?:the\s+)?(?P<s>{SER})"
)
# "A and B", "A, B and C": a coordination ends with "and" ("Deckler, Gussman, Lee & Lurie" is a
# firm's name, "Stephen Amell, Oliver will" an aside)
_LIST = rx.compile(rf"{NAM}(?:\s*,\s*{NAM})*,?\s+and\s+{NAM}(?![’']s)")
# "head for Italy", "St. Elgius", "the Yellowstone ranch": a place or a modifier, not a person
_BEFORE_PLACE = rx.compile(r"(?:\b(?:in|to|for|from|at|into|near|St\.|the|The)\s+)$")
# Words that are capitalised when they open a sentence or a title, never a character's name.
_NOT_CHARACTERS = frozenset(
    keyof(w)
    for w in (
        *ORGS,
        *OUTLETS.values(),
        "Guests",
        "Court",
        # "In Season Six": numbers are capitalised in titles and seasons
        *words("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Hundred"),
    )
)


def learn_characters(kb: Knowledge, article: Article) -> None:
    """Add to ``kb.characters`` the names the article's evidence makes characters (see the
    module's docstring). Run after the plays pass, which knows the performers."""
    marked: list[Marked] = []
    refused: set[str] = set()
    for para in article.paragraphs:
        text = kb.speechless(para.text)
        for _at, sentence in sentences(text):
            m = kb.mark(sentence)
            if not title_case(sentence):  # "Buck and Eddie Head to Texas": capitals mark no name
                marked.append(m)
            _learn_bare(kb, m, refused)
    kb.bare -= refused  # "the Yellowstone ranch" once: a modifier wherever it stands
    for k, score in list(kb.evidence.items()):
        name = kb.persons.get(k, "")
        if score < 0 and ranked(name) and kb.performer_like(name) < 0:
            _make(kb, name)  # "Agent Mills", "Dr. Addison Montgomery"
    for m in marked:  # "Doctors Westphall, ...": a rank before a one-word name
        for x in m.mentions:
            before = re.search(r"(\S+)\s+$", m.text[: m.text.find(x.token)])
            one_word = x.kind == "name" and " " not in x.value
            if one_word and before and ranked(f"{before.group(1)} {x.value}"):
                _make(kb, x.value)
    for m in marked:
        for pattern in (_OWNED, _SHOW_CHARACTER, _FROM, _APPOSITIVE):
            for match in pattern.finditer(m.text):
                name = m.at(match.group("n")).value
                if pattern is _OWNED and " " in kb.full(name) and kb.performer_like(name) >= 0:
                    continue  # "Grey's Anatomy's Ellen Pompeo": a performer named in full
                _make(kb, name)
    # characters keep their company: a list holding a character and no performer (twice, so
    # that a list made of characters by another list's evidence passes it on)
    for _ in range(2):
        for m in marked:
            for match in _LIST.finditer(m.text):
                names = [x.value for x in m.all(match.group()) if x.kind == "name"]
                if _BEFORE_PLACE.search(m.text[: match.start()]):
                    # "a new gig at Lockhart, Deckler, ... and Associates": a firm's name
                    kb.bare.difference_update(keyof(n) for n in names)
                    continue
                if any(_performer(kb, n) for n in names):
                    continue
                if any(keyof(kb.full(n)) in kb.characters for n in names):
                    for n in names:
                        # two full names joined by "and" may stand in two clauses
                        if " " not in kb.full(n) or len(names) >= 3:
                            _make(kb, n)


def consistent_roles(facts: list[NewsFact]) -> list[NewsFact]:
    """The article's last word on who is a performer: a ``plays`` fact whose performer is
    someone else's character in the article ("Moira Queen plays Gambit" beside "Susanna
    Thompson as Moira Queen") or opens with a rank read its pair from the wrong side. It is
    dropped, and what its sentence placed is its performer's (the character)."""
    played = {keyof(f.object) for f in facts if f.kind == "plays" and not f.qualifier}
    wrong = {
        (f.line, f.sentence, f.object): f.subject
        for f in facts
        if f.kind == "plays" and (ranked(f.subject) or keyof(f.subject) in played)
    }
    out = []
    for f in facts:
        if f.kind == "plays" and (f.line, f.sentence, f.object) in wrong:
            continue
        if f.kind == "appears_in" and (f.line, f.sentence, f.subject) in wrong:
            f = dataclasses.replace(f, subject=wrong[(f.line, f.sentence, f.subject)])
        out.append(f)
    return out


def word_not_name(name: str) -> bool:
    """A one-word "character" that is an English word and no one's name by the census lists
    ("Follow", "Absence", "Birthday", "Third"), or a nationality or a kind of people ("Russian",
    "European"): a capital that opened a clause or a title, not a character. A word that is
    also a first name or a surname ("Hope", "Castle", "Butcher") may be one."""
    if " " in name.strip():
        return False
    if names_no_one(name):
        return True
    return is_common(name) and not is_given_name(name) and not is_surname(name)


def bare_character(kb: Knowledge, name: str) -> str | None:
    """A one-word name the appearance frame asks about, read as a character by its shape."""
    full = kb.full(name)
    k = keyof(full)
    if " " in full or k not in kb.bare or kb.performer_like(full) > 0 or kb.is_series(full):
        return None
    return full


def _performer(kb: Knowledge, name: str) -> bool:
    k = keyof(kb.full(name))
    return k in kb.performers or k in kb.roles or kb.performer_like(name) > 0


def _make(kb: Knowledge, name: str) -> None:
    full = kb.full(name)
    k = keyof(full)
    if not full or _performer(kb, full) or kb.is_series(full) or k in _NOT_CHARACTERS:
        return
    if any(w in ORGS for w in full.split()):
        return
    kb.characters.setdefault(k, full)


def _learn_bare(kb: Knowledge, m: Marked, refused: set[str]) -> None:
    """One-word names standing inside a sentence, not after a preposition: the candidates
    of :func:`bare_character`. A word only ever seen opening a sentence is no evidence; one seen
    after "the" or "St." is ``refused`` wherever else it stands."""
    first = re.match(r"\W*", m.text)
    for x in m.mentions:
        if x.kind != "name" or " " in x.value:
            continue
        at = m.text.find(x.token)
        if first is not None and at == first.end():
            continue
        if re.search(r"\b(?:[Tt]he|St\.)\s+$", m.text[:at]):
            refused.add(keyof(x.value))
        possessive = re.match(r"[’']s\b", m.text[at + len(x.token) :])  # "from Kramer's turn"
        if (_BEFORE_PLACE.search(m.text[:at]) and not possessive) or keyof(x.value) in (
            _NOT_CHARACTERS
        ):
            continue
        kb.bare.add(keyof(x.value))
